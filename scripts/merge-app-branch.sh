#!/usr/bin/env bash
# Merges a branch a template committed to the embedded default's GitOps
# checkout into its main branch, as the owner merging a pull request would.
# Discovery picks the new app up on its next refresh (within 30 s).
#
#   scripts/merge-app-branch.sh <branch>            list branches: without argument
#   GITOPS_CHECKOUT=<dir>  another checkout (default data/gitops/homelab-gitops)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
checkout="${GITOPS_CHECKOUT:-${root}/data/gitops/homelab-gitops}"
[ -d "${checkout}/.git" ] || { echo "no GitOps checkout at ${checkout} (start the portal once)" >&2; exit 1; }
if [ $# -eq 0 ]; then
  echo "branches waiting to be merged in ${checkout}:"
  git -C "$checkout" branch --no-merged main --format='  %(refname:short)  %(subject)'
  exit 0
fi
branch="$1"
git -C "$checkout" rev-parse --verify --quiet "refs/heads/${branch}" >/dev/null || { echo "no branch ${branch} in ${checkout}" >&2; exit 1; }
[ -z "$(git -C "$checkout" status --porcelain)" ] || { echo "${checkout} has uncommitted changes; not merging" >&2; exit 1; }
git -C "$checkout" checkout --quiet main
git -C "$checkout" -c user.name="${GIT_AUTHOR_NAME:-Homelab Portal}" -c user.email="${GIT_AUTHOR_EMAIL:-portal@localhost}" \
  merge --no-ff --quiet -m "Merge ${branch}" "$branch"
git -C "$checkout" branch --quiet -d "$branch"
echo "merged ${branch} into main of ${checkout}; the catalog shows it after the next discovery refresh"
