/**
 * Sign-in pieces of the homelab portal: the production guard against guest
 * sign-in and the dev-only friend guest.
 *
 * @packageDocumentation
 */
export { authModuleHomelab as default } from './module';
export {
  assertNoGuestInProduction,
  GUEST_PROVIDER_IDS,
} from './startup/assertNoGuestInProduction';
