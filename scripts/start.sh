#!/usr/bin/env bash
# README command 1: set up if needed, then start the portal on the embedded
# default (SQLite under ./data, guest sign-in, the bundled example GitOps repo).
# The app is built once and served by the backend, so one port serves it all.
#
#   PORTAL_PORT=7007   port to listen on
#   PORTAL_CONFIG=...  extra app-config file(s), comma separated, applied last
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
portal_setup
ensure_mkdocs || true

port="${PORTAL_PORT:-7007}"
url="http://localhost:${port}"
mkdir -p "${PORTAL_ROOT}/data/sqlite" "${PORTAL_ROOT}/data/techdocs"
# The GitOps checkout discovery reads and templates commit branches to.
node "${PORTAL_ROOT}/scripts/seed-gitops-checkout.mjs" || die "could not create the GitOps checkout under data/gitops"

app_dist="${PORTAL_ROOT}/packages/app/dist/index.html"
if [ ! -f "$app_dist" ] || [ -n "$(find "${PORTAL_ROOT}/packages/app" "${PORTAL_ROOT}/plugins" \
  -path '*/node_modules' -prune -o -path '*/dist' -prune -o -type f -newer "$app_dist" -print -quit 2>/dev/null)" ]; then
  log "building the frontend (about 20-60 s)"
  (cd "$PORTAL_ROOT" && yarn workspace app build) || die "frontend build failed (see above)"
fi

config_args=(--config "${PORTAL_ROOT}/app-config.yaml")
if [ -n "${PORTAL_CONFIG:-}" ]; then
  IFS=',' read -ra extra <<<"$PORTAL_CONFIG"
  for f in "${extra[@]}"; do config_args+=(--config "$(realpath "$f")"); done
fi

export APP_CONFIG_app_baseUrl="$url" APP_CONFIG_backend_baseUrl="$url" \
  APP_CONFIG_backend_listen_port="$port" APP_CONFIG_backend_cors_origin="$url"

(
  for _ in $(seq 1 240); do
    if curl -fsS "${url}/.backstage/health/v1/readiness" >/dev/null 2>&1; then
      log "the portal is ready at ${url}"
      exit 0
    fi
    sleep 1
  done
  log "the backend did not become ready within 4 minutes; see the log above"
) &

cd "${PORTAL_ROOT}/packages/backend"
exec yarn start "${config_args[@]}"
