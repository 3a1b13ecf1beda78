#!/usr/bin/env bash
# README command 2: set up if needed, then type check, lint, unit tests, the
# example-repo checks, the docs build and the end-to-end tests. Prints each
# runner's own summary and, last, one line adding them up. Exits non-zero if
# any step fails.
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
set +e
portal_setup || exit 1
ensure_mkdocs
ensure_chromium

cd "$PORTAL_ROOT"
results="$(mktemp -d)"
failed_steps=()
step() {
  local name="$1"
  shift
  log "── ${name}"
  local started=$SECONDS
  "$@"
  local rc=$?
  log "── ${name}: $([ $rc = 0 ] && echo ok || echo "FAILED (exit $rc)") in $((SECONDS - started)) s"
  [ $rc = 0 ] || failed_steps+=("$name")
}

step "type check" yarn tsc
step "lint" yarn backstage-cli repo lint
# Without CI=true the Backstage test runner starts in watch mode.
step "unit tests" env CI=true yarn backstage-cli repo test --ci --json --outputFile="${results}/jest.json"
step "docs build (portal)" mkdocs build --strict --quiet -f mkdocs.yml -d "${results}/site-portal"
step "docs build (example repo)" mkdocs build --strict --quiet -f examples/homelab-gitops/mkdocs.yml -d "${results}/site-example"
# The backend bundle (what the image packages) includes the app build.
step "app and backend bundle build" yarn build:backend
step "e2e and fixture tests" node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="${results}/node.tap" \
  e2e-tests/*.test.mjs

passed=0 failed=0 skipped=0
if [ -f "${results}/jest.json" ]; then
  read -r jp jf js < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests,r.numFailedTests+r.numRuntimeErrorTestSuites,r.numPendingTests+r.numTodoTests)' "${results}/jest.json")
  passed=$((passed + jp)) failed=$((failed + jf)) skipped=$((skipped + js))
fi
if [ -f "${results}/node.tap" ]; then
  np=$(grep -E '^# pass ' "${results}/node.tap" | tail -1 | awk '{print $3}')
  nf=$(grep -E '^# fail ' "${results}/node.tap" | tail -1 | awk '{print $3}')
  ns=$(grep -E '^# skipped ' "${results}/node.tap" | tail -1 | awk '{print $3}')
  passed=$((passed + ${np:-0})) failed=$((failed + ${nf:-0})) skipped=$((skipped + ${ns:-0}))
fi
# Steps that are not test runners (tsc, lint, docs, build) count as one test each.
for s in "type check" "lint" "docs build (portal)" "docs build (example repo)" "app and backend bundle build"; do
  if printf '%s\n' "${failed_steps[@]}" | grep -qxF "$s"; then failed=$((failed + 1)); else passed=$((passed + 1)); fi
done
rm -rf "$results"

if [ "${#failed_steps[@]}" -gt 0 ]; then
  log "failed steps: ${failed_steps[*]}"
  [ "$failed" -gt 0 ] || failed=1
fi
echo "Summary: ${passed} passed, ${failed} failed, ${skipped} skipped"
[ "${#failed_steps[@]}" -eq 0 ]
