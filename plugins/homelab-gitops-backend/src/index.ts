/**
 * Read-only routes over the homelab's GitOps repos.
 *
 * @packageDocumentation
 */
export { homelabGitopsPlugin as default } from './plugin';
