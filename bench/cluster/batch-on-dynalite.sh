#!/usr/bin/env bash
# The 10,000-request batch against the local cluster on dynalite, once per silo count:
#
#   bash bench/cluster/batch-on-dynalite.sh [silo counts…]      # default: 1 2 3
#
# For each count it starts scripts/cluster.sh (dynalite, N silo processes, one cluster-client
# gateway), runs the load driver's batch scenario against the gateway, prints its report and stops
# the cluster, with the CPU seconds each process used (silos, gateway, dynalite and its transaction
# shim). Every process logs at Warning. The silos read the environment, so for instance
# Cluster__DefaultPlacement=Random measures another default placement.
# Results: .cluster/bench-<N>.txt.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/bench/cluster/start-cluster.sh"
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1 2 3)
export Logging__LogLevel__Default=Warning
dotnet build "$root/bench/Scheduler.LoadDriver" -c Release --nologo -v q >/dev/null
tick=$(getconf CLK_TCK)
# CPU seconds a process used since it started (user + system, /proc/<pid>/stat fields 14–15).
cpu() { awk -v t="$tick" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$1/stat" 2>/dev/null || echo "?"; }
cpu_line() { # title n
  local line="$1"
  for f in "$root"/.cluster/silo-*.pid; do line="$line $(basename "$f" .pid) $(cpu "$(cat "$f")"),"; done
  line="$line gateway $(cpu "$(pgrep -f 'dotnet Scheduler.Gateway.dll' | head -1)"), dynalite $(cpu "$(pgrep -f "dynalite/cli.js --host" | head -1)"), shim $(cpu "$(pgrep -f 'Scheduler.DynaliteShim.dll' | head -1)")"
  echo "$line" | tee -a "$root/.cluster/bench-$2.txt"
}
for n in "${counts[@]}"; do
  mkdir -p "$root/.cluster"; rm -rf "$root/.cluster/logs" "$root/.cluster/bench-$n.txt"
  start_cluster "$n" "$root/.cluster/run-$n.log"
  echo "== $n silo process(es) on dynalite =="
  cpu_line "cpu seconds before the run (start-up, JIT, table creation):" "$n"
  dotnet run -c Release --no-build --project "$root/bench/Scheduler.LoadDriver" -- \
    batch --url http://127.0.0.1:5080 --requests "${REQUESTS:-10000}" --interviewers "${INTERVIEWERS:-1000}" \
    | tee -a "$root/.cluster/bench-$n.txt"
  cpu_line "cpu seconds after the run:" "$n"
  kill -TERM "$cluster"; wait "$cluster" || true
  rm -f "$root/.cluster/run-$n.log"
done
