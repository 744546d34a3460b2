# Versions and cache locations shared by install.sh, start.sh and stop.sh (sourced, not run).
# shellcheck shell=bash

KAFKA_VERSION="${KAFKA_VERSION:-4.1.1}"
LOG4J_VERSION="${LOG4J_VERSION:-2.24.3}"
FERRETDB_VERSION="${FERRETDB_VERSION:-v1.24.2}"
CRM_TOOLS_DIR="${CRM_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/crm-platform}"

kafka_dir() { printf '%s/kafka-%s' "$CRM_TOOLS_DIR" "$KAFKA_VERSION"; }
ferretdb_bin() { printf '%s/ferretdb-%s/ferretdb' "$CRM_TOOLS_DIR" "$FERRETDB_VERSION"; }

# The newest Debian PostgreSQL major that has initdb (Debian keeps them outside PATH).
pg_bin_dir() {
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] || return 1
  printf '%s' "$dir"
}
