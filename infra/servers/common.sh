# Run dir, ports, pid files and health probes shared by start.sh and stop.sh (sourced, not run).
# shellcheck shell=bash
# SC2034: the variables are used by the scripts that source this file.
# SC2016: the single-quoted scripts and requests are meant to reach bash and printf unexpanded.
# shellcheck disable=SC2034,SC2016

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.sh
source "$here/versions.sh"

RUN_DIR="${CRM_SERVERS_DIR:-/tmp/crm-servers}"
PG_PORT="${CRM_PG_PORT:-55432}"
KAFKA_PORT="${CRM_KAFKA_PORT:-59092}"
KAFKA_CONTROLLER_PORT="${CRM_KAFKA_CONTROLLER_PORT:-59093}"
FERRETDB_PORT="${CRM_FERRETDB_PORT:-57017}"
ALL_PARTS=(postgres kafka ferretdb)

log() { printf '[servers] %s\n' "$*" >&2; }

check_parts() {
  local part
  for part in "$@"; do
    case "$part" in
      postgres | kafka | ferretdb) ;;
      *) log "unknown server: $part (expected postgres, kafka or ferretdb)"; exit 2 ;;
    esac
  done
}

# The pid in <run dir>/<part>.pid, if that process is alive and is still the server we started.
live_pid() {
  local part="$1" pid
  [ -f "$RUN_DIR/$part.pid" ] || return 1
  pid="$(head -n 1 "$RUN_DIR/$part.pid")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  # Guards against a recycled pid: only ever signal a process whose command line is ours.
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$(cmdline_mark "$part")" || return 1
  printf '%s' "$pid"
}

cmdline_mark() {
  case "$1" in
    postgres) printf '%s' "$RUN_DIR/postgres/data" ;;
    kafka) printf '%s' "$RUN_DIR/kafka/server.properties" ;;
    ferretdb) printf '%s' "127.0.0.1:$FERRETDB_PORT" ;;
  esac
}

port_of() {
  case "$1" in
    postgres) printf '%s' "$PG_PORT" ;;
    kafka) printf '%s' "$KAFKA_PORT" ;;
    ferretdb) printf '%s' "$FERRETDB_PORT" ;;
  esac
}

# Sends one request on a fresh loopback connection and prints the first reply as hex.
exchange_hex() {
  local port="$1" request="$2"
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf "$2" >&3
    dd bs=65536 count=1 status=none <&3 | od -An -v -tx1 | tr -d " \n"
  ' probe "$port" "$request" 2>/dev/null
}

port_open() { timeout 1 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' probe "$1" 2>/dev/null; }

healthy_postgres() { "$(pg_bin_dir)/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -t 1; }

# Kafka Metadata v4 for all topics: ready once the reply lists at least one (unfenced) broker.
healthy_kafka() {
  local hex
  hex="$(exchange_hex "$KAFKA_PORT" '\x00\x00\x00\x14\x00\x03\x00\x04\x00\x00\x00\x01\x00\x05probe\xff\xff\xff\xff\x00')"
  # size(4) correlation id(4) throttle(4) broker count(4): the count is hex chars 24..31.
  [ "${#hex}" -ge 32 ] && [ "${hex:8:8}" = "00000001" ] && [ "${hex:24:8}" != "00000000" ]
}

# MongoDB OP_MSG {ping: 1, $db: "admin"}: ready once the reply is an OP_MSG holding ok: 1.0.
healthy_ferretdb() {
  local hex
  hex="$(exchange_hex "$FERRETDB_PORT" '\x33\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\xdd\x07\x00\x00\x00\x00\x00\x00\x00\x1e\x00\x00\x00\x10ping\x00\x01\x00\x00\x00\x02$db\x00\x06\x00\x00\x00admin\x00\x00')"
  [ "${hex:24:8}" = "dd070000" ] && [[ "$hex" == *016f6b00000000000000f03f* ]]
}

healthy() { "healthy_$1"; }

# <run dir>/env names every server of this run dir that is running now (empty when none).
write_env() {
  {
    ! live_pid postgres >/dev/null ||
      printf 'DATABASE_URL=postgres://postgres:postgres@127.0.0.1:%s/postgres\n' "$PG_PORT"
    ! live_pid kafka >/dev/null || printf 'KAFKA_BROKERS=127.0.0.1:%s\n' "$KAFKA_PORT"
    ! live_pid ferretdb >/dev/null || printf 'MONGODB_URL=mongodb://127.0.0.1:%s/\n' "$FERRETDB_PORT"
  } >"$RUN_DIR/env.tmp"
  mv "$RUN_DIR/env.tmp" "$RUN_DIR/env"
}
