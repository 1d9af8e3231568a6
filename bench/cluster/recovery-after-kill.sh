#!/usr/bin/env bash
# Recovery after a silo crash on the local cluster (dynalite, 3 silo processes, one cluster-client gateway):
#
#   bash bench/cluster/recovery-after-kill.sh
#
# Starts scripts/cluster.sh --silos 3, runs the load driver's recovery scenario (300 interview requests read in
# turn by 16 clients; after 5 s it sends SIGKILL to silo 2 and reads on for 60 s), prints its report
# (failed reads, and how long after the kill the last one failed) and stops the cluster. Failure
# detection is cluster.sh's (probes 2 s, 3 missed probes, table refresh 2 s). Result: .cluster/recovery.txt.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/bench/cluster/start-cluster.sh"
export Logging__LogLevel__Default=Warning
dotnet build "$root/bench/Scheduler.LoadDriver" -c Release --nologo -v q >/dev/null
mkdir -p "$root/.cluster"; rm -rf "$root/.cluster/logs"
start_cluster 3 "$root/.cluster/run-recovery.log"
dotnet run -c Release --no-build --project "$root/bench/Scheduler.LoadDriver" -- \
  recovery --url http://127.0.0.1:5080 --requests 300 --clients 16 --seconds 60 --kill-pid "$(cat "$root/.cluster/silo-2.pid")" \
  | tee "$root/.cluster/recovery.txt"
kill -TERM "$cluster"; wait "$cluster" || true
rm -f "$root/.cluster/run-recovery.log"
