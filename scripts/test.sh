#!/usr/bin/env bash
# Builds the solution and runs every test project. Installs the test-only system packages it
# needs when it can (root with apt-get). The last line is "N passed, N failed" (", N skipped"
# is added when tests were skipped), summed over all test projects.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash scripts/test-deps.sh || echo "warning: test dependencies could not all be installed; the tests that need them will say what is missing" >&2

results=$(mktemp -d)
log="$results/test.log"
if ! dotnet build Scheduler.slnx -c Release -nologo -v quiet >"$results/build.log" 2>&1; then
  grep -E "error" "$results/build.log" | sort -u | head -50
  echo "0 passed, 1 failed"
  exit 1
fi

# A test that runs longer than 15 min is dumped and killed: longer than the chaos test's own limits (it takes
# about 4 min and fails by itself after at most 4 min for the batch plus 5 min to settle), so it reports why.
dotnet test Scheduler.slnx -c Release --no-build -nologo --results-directory "$results/trx" \
  --blame-hang-timeout 15m 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0; runs=0
while read -r f p s; do
  failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s)); runs=$((runs + 1))
done < <(sed -nE 's/.*(Passed|Failed)!\s+-\s+Failed:\s+([0-9]+),\s+Passed:\s+([0-9]+),\s+Skipped:\s+([0-9]+).*/\2 \3 \4/p' "$log")

if [ "$runs" -eq 0 ] || { [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
  # The runner crashed or no test project reported: count it as a failure, never as a pass.
  failed=$((failed + 1))
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ]
