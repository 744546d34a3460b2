#!/usr/bin/env bash
# Stops the servers start.sh started in this run dir, by their pid files; safe to run twice.
# Usage: infra/servers/stop.sh [--clean] [postgres|kafka|ferretdb ...]
#   --clean also deletes the run dir (data and logs).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$here/common.sh"

clean=0
parts=()
for arg in "$@"; do
  case "$arg" in
    --clean) clean=1 ;;
    postgres | kafka | ferretdb) parts+=("$arg") ;;
    *) log "unknown argument: $arg"; exit 2 ;;
  esac
done
[ ${#parts[@]} -gt 0 ] || parts=("${ALL_PARTS[@]}")
[ -d "$RUN_DIR" ] || { log "nothing to stop: $RUN_DIR does not exist"; exit 0; }

exec 9>"$RUN_DIR/.lock"
# Waits for a start in progress, but a stop must never hang: after a while it goes ahead.
flock -w 120 9 || log "$RUN_DIR/.lock is still held after 120s; stopping anyway"

stop_one() {
  local part="$1" pid signal=TERM
  if ! pid="$(live_pid "$part")"; then
    log "$part: not running"
    rm -f "$RUN_DIR/$part.pid"
    return
  fi
  # SIGTERM would make PostgreSQL wait for its clients to leave; SIGINT is its fast shutdown.
  [ "$part" != postgres ] || signal=INT
  log "$part: stopping pid $pid"
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do
    live_pid "$part" >/dev/null || break
    sleep 0.2
  done
  if live_pid "$part" >/dev/null; then
    log "$part: still running after 30s, killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/$part.pid"
}

for part in "${parts[@]}"; do
  stop_one "$part" &
done
wait
write_env

if [ "$clean" -eq 1 ]; then
  log "removing $RUN_DIR"
  rm -rf "$RUN_DIR"
fi
