#!/usr/bin/env bash
# Prints `<part> running <pid>` or `<part> stopped` per server of this run dir; exits 0 only when
# every part asked for is running and healthy. Changes nothing.
# Usage: infra/servers/status.sh [postgres|kafka|ferretdb ...]   (default: all three)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$here/common.sh"

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=("${ALL_PARTS[@]}")
check_parts "${parts[@]}"
status=0
for part in "${parts[@]}"; do
  if pid="$(live_pid "$part")" && healthy "$part"; then
    printf '%s running %s\n' "$part" "$pid"
  else
    printf '%s stopped\n' "$part"
    status=1
  fi
done
exit "$status"
