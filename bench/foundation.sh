#!/usr/bin/env bash
# Foundation figures of the portal next to a stock `@backstage/create-app`
# app measured the same way, in the same run, on the same machine:
#   fresh install time (empty node_modules and an empty Yarn cache),
#   frontend build time, initial JS bytes of the built app, idle backend RSS.
# Prints a Markdown table for docs/benchmarks.md. Takes ~15 minutes.
#
#   bash bench/foundation.sh [stock-app-dir]
# Without an argument the stock app is generated with create-app into a
# temp dir. Needs nothing on the network but the npm registry.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/toolchain.sh"
ensure_node
ensure_yarn
set +e

work="$(mktemp -d /tmp/portal-bench.XXXXXX)"
stock="${1:-}"
if [ -z "$stock" ]; then
  stock="$work/stock"
  mkdir -p "$work/gen"
  printf '{"name":"gen","packageManager":"yarn@4.13.0"}' >"$work/gen/package.json"
  (cd "$work/gen" && echo stock-app | npx -y @backstage/create-app@0.9.2 --skip-install --path "$stock" >/dev/null) \
    || die "create-app failed"
fi
# create-app cannot fetch its yarn.lock seed here, so a fresh resolution mixes
# two Backstage releases and the stock backend does not even start
# (addWebSocketHandler). Give it the same @backstage/* alignment the portal
# has, which is what the lock seed would have done.
node -e '
  const fs = require("fs");
  const [stockPkg, portalPkg] = process.argv.slice(1);
  const stock = JSON.parse(fs.readFileSync(stockPkg, "utf8"));
  const portal = JSON.parse(fs.readFileSync(portalPkg, "utf8"));
  stock.resolutions = { ...(stock.resolutions ?? {}), ...portal.resolutions };
  fs.writeFileSync(stockPkg, JSON.stringify(stock, null, 2) + "\n");
' "$stock/package.json" "$PORTAL_ROOT/package.json"
rm -f "$stock/yarn.lock"; touch "$stock/yarn.lock"

# The portal is measured from a clean copy of its committed tree.
portal="$work/portal"
git -C "$PORTAL_ROOT" worktree add --detach "$portal" HEAD >/dev/null 2>&1 || die "git worktree failed"
trap 'git -C "$PORTAL_ROOT" worktree remove --force "$portal" >/dev/null 2>&1' EXIT

install_seconds() { # dir
  local cache="$work/yarn-cache-$(basename "$1")"
  rm -rf "$1/node_modules" "$cache"
  local t0=$SECONDS
  (cd "$1" && YARN_CACHE_FOLDER="$cache" YARN_ENABLE_GLOBAL_CACHE=false yarn install >"$work/install-$(basename "$1").log" 2>&1)
  echo $((SECONDS - t0))
}

build_seconds() { # dir
  local t0
  t0=$(date +%s.%N)
  (cd "$1" && yarn workspace app build >"$work/build-$(basename "$1").log" 2>&1) || echo "build failed in $1" >&2
  echo "$(date +%s.%N) - $t0" | bc
}

initial_js_bytes() { # dir -> "raw gzip"
  node -e '
    const fs = require("fs"), path = require("path"), zlib = require("zlib");
    const dist = path.join(process.argv[1], "packages/app/dist");
    const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
    const srcs = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map(m => m[1]);
    let raw = 0, gz = 0;
    for (const s of srcs) {
      const buf = fs.readFileSync(path.join(dist, s.replace(/^\//, "")));
      raw += buf.length; gz += zlib.gzipSync(buf).length;
    }
    console.log(raw, gz);' "$1"
}

idle_rss_mb() { # dir port -> MB after 60 s idle, summed over the backend process tree
  local dir="$1" port="$2"
  if curl -s -o /dev/null "http://localhost:$port/"; then
    die "port $port is already in use; stop what listens there (a backend of an earlier bench run?) and run again"
  fi
  mkdir -p "$work/data-$port"
  (cd "$dir/packages/backend" && APP_CONFIG_backend_listen_port=$port APP_CONFIG_backend_baseUrl="http://localhost:$port" \
    APP_CONFIG_backend_database='{"client":"better-sqlite3","connection":":memory:"}' \
    setsid yarn start >"$work/backend-$port.log" 2>&1 & echo $! >"$work/backend-$port.pid")
  local pid; pid=$(cat "$work/backend-$port.pid")
  local ready=no
  for _ in $(seq 1 180); do
    if curl -fsS "http://localhost:$port/.backstage/health/v1/readiness" >/dev/null 2>&1; then ready=yes; break; fi
    sleep 1
  done
  [ "$ready" = yes ] || log "backend in $dir was not ready after 180 s; measuring it anyway (see $work/backend-$port.log)"
  sleep 60
  # The process that serves requests is the deepest node process of the tree.
  local kb=0 p
  local pgid rss
  pgid="$(ps -o pgid= "$pid" | tr -d ' ')"
  for p in $(pgrep -g "$pgid"); do
    if tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -q -- '--require'; then
      # A process may be gone between pgrep and here; an empty read adds nothing.
      rss="$(awk '/VmRSS/{print $2}' "/proc/$p/status" 2>/dev/null)"
      [ -n "$rss" ] && kb=$((kb + rss))
    fi
  done
  [ -n "$pgid" ] && kill -- -"$pgid" 2>/dev/null
  echo $((kb / 1024))
}

log "stock app: $stock; portal: $portal"
si=$(install_seconds "$stock");   pi=$(install_seconds "$portal")
log "fresh install: stock ${si} s, portal ${pi} s"
sb=$(build_seconds "$stock");     pb=$(build_seconds "$portal")
log "frontend build: stock ${sb} s, portal ${pb} s"
read -r sjr sjg < <(initial_js_bytes "$stock")
read -r pjr pjg < <(initial_js_bytes "$portal")
log "initial JS: stock ${sjr}/${sjg} B, portal ${pjr}/${pjg} B"
sr=$(idle_rss_mb "$stock" 7307); pr=$(idle_rss_mb "$portal" 7308)
log "idle RSS: stock ${sr} MiB, portal ${pr} MiB"

ratio() { echo "scale=2; $1 / $2" | bc; }
cat <<MD
| Figure | Stock create-app 0.9.2 | Homelab portal | Portal / stock |
|---|---|---|---|
| Fresh install (empty cache), s | $si | $pi | $(ratio "$pi" "$si") |
| Frontend build, s | $(printf %.1f "$sb") | $(printf %.1f "$pb") | $(ratio "$pb" "$sb") |
| Initial JS, KiB (gzip) | $((sjr / 1024)) ($((sjg / 1024))) | $((pjr / 1024)) ($((pjg / 1024))) | $(ratio "$pjg" "$sjg") |
| Idle backend RSS after 60 s, MiB | $sr | $pr | $(ratio "$pr" "$sr") |

Measured $(date -u +%Y-%m-%d) on $(nproc) cores, node $(node --version), yarn $(yarn --version).
MD
