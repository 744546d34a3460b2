#!/usr/bin/env bash
# Starts PostgreSQL, Kafka (KRaft) and FerretDB on 127.0.0.1, waits until each answers its own
# protocol, then writes and prints <run dir>/env. Servers already running and healthy are reused.
# Usage: infra/servers/start.sh [--keep-data] [postgres|kafka|ferretdb ...]   (default: all three)
#   --keep-data restarts a stopped Kafka on its existing data (an outage, not a fresh start).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=common.sh
source "$here/common.sh"

KEEP_DATA=0
parts=()
for arg in "$@"; do
  if [ "$arg" = --keep-data ]; then KEEP_DATA=1; else parts+=("$arg"); fi
done
[ ${#parts[@]} -gt 0 ] || parts=("${ALL_PARTS[@]}")
check_parts "${parts[@]}"
# FerretDB stores its data in PostgreSQL.
if [[ " ${parts[*]} " == *" ferretdb "* && " ${parts[*]} " != *" postgres "* ]]; then parts+=(postgres); fi

mkdir -p "$RUN_DIR"
chmod 755 "$RUN_DIR"
# One start at a time per run dir: parallel test runs share servers (and one install) instead of
# racing. The lock is held across a cold install, which takes minutes.
exec 9>"$RUN_DIR/.lock"
flock -w 1800 9 || { log "another start.sh has held $RUN_DIR/.lock for 30 minutes"; exit 1; }
"$here/install.sh" "${parts[@]}"

# Postgres refuses to run as root; as root we run it as the Debian package's `postgres` user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

launch_postgres() {
  local bin dir="$RUN_DIR/postgres"
  bin="$(pg_bin_dir)"
  rm -rf "$dir"
  mkdir -p "$dir"
  : >"$RUN_DIR/postgres.log"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$dir" "$RUN_DIR/postgres.log"
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  # Throwaway test data: durability settings off, TCP on loopback only, no unix socket.
  as_postgres "$bin/pg_ctl" start -D "$dir/data" -l "$RUN_DIR/postgres.log" -s -o "\
    -c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories='' \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
  head -n 1 "$dir/data/postmaster.pid" >"$RUN_DIR/postgres.pid"
}

launch_kafka() {
  local dir="$RUN_DIR/kafka" libs cluster_id
  libs="$(kafka_dir)/libs"
  # --keep-data restarts a stopped broker on its existing log, as after a real outage.
  if [ "$KEEP_DATA" -eq 1 ] && [ -f "$dir/data/meta.properties" ]; then
    setsid java -cp "$libs/*" "-Dlog4j2.configurationFile=$dir/log4j2.properties" -Xms128m -Xmx512m \
      -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
      kafka.Kafka "$dir/server.properties" </dev/null >>"$RUN_DIR/kafka.log" 2>&1 &
    printf '%s\n' "$!" >"$RUN_DIR/kafka.pid"
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  cat >"$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
auto.create.topics.enable=false
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  cat >"$dir/log4j2.properties" <<'EOF'
rootLogger.level=WARN
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
logger.raft.name=kafka.server.KafkaRaftServer
logger.raft.level=INFO
EOF
  # A KRaft cluster id is 16 random bytes in unpadded base64url.
  cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
  local java=(java -cp "$libs/*" "-Dlog4j2.configurationFile=$dir/log4j2.properties")
  "${java[@]}" kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$dir/server.properties" \
    >"$RUN_DIR/kafka.log" 2>&1 || { cat "$RUN_DIR/kafka.log" >&2; return 1; }
  setsid "${java[@]}" -Xms128m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true kafka.Kafka "$dir/server.properties" \
    </dev/null >>"$RUN_DIR/kafka.log" 2>&1 &
  printf '%s\n' "$!" >"$RUN_DIR/kafka.pid"
}

launch_ferretdb() {
  local dir="$RUN_DIR/ferretdb"
  rm -rf "$dir"
  mkdir -p "$dir"
  # PostgreSQL backend: its SQLite backend scans a whole collection on every write (its _id index
  # is never used), which made read-model writes 5-10x slower. The database is fresh per start.
  "$(pg_bin_dir)/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres --if-exists ferretdb
  "$(pg_bin_dir)/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres ferretdb
  setsid "$(ferretdb_bin)" --listen-addr="127.0.0.1:$FERRETDB_PORT" --handler=postgresql \
    --postgresql-url="postgres://postgres@127.0.0.1:$PG_PORT/ferretdb" --state-dir="$dir" \
    --mode=normal --telemetry=disable --debug-addr=- --log-level=WARN \
    </dev/null >"$RUN_DIR/ferretdb.log" 2>&1 &
  printf '%s\n' "$!" >"$RUN_DIR/ferretdb.pid"
}

# Reuses a healthy server, else starts a fresh one (fresh data) and waits until it is healthy.
ensure() {
  local part="$1" started=$SECONDS limit=120 pid
  if pid="$(live_pid "$part")"; then
    if healthy "$part"; then
      log "$part: already running (pid $pid) on 127.0.0.1:$(port_of "$part")"
      return
    fi
    log "$part: pid $pid is not healthy yet, waiting"
  else
    if port_open "$(port_of "$part")"; then
      log "$part: 127.0.0.1:$(port_of "$part") is taken by a process we did not start; set another port"
      return 1
    fi
    log "$part: starting on 127.0.0.1:$(port_of "$part") (logs: $RUN_DIR/$part.log)"
    # fd 9 holds the start lock; a server that inherited it would keep it locked for its lifetime.
    "launch_$part" 9>&-
  fi
  until healthy "$part"; do
    # Right after the fork, before exec, the child's command line is still the shell's: give a
    # new process a few seconds before "not ours / not alive" counts as dead.
    if { ! live_pid "$part" >/dev/null && [ $((SECONDS - started)) -ge 3 ]; } ||
      [ $((SECONDS - started)) -ge $limit ]; then
      log "$part: not healthy after $((SECONDS - started))s; log tail:"
      tail -n 30 "$RUN_DIR/$part.log" >&2 || true
      return 1
    fi
    sleep 0.2
  done
  log "$part: healthy after $((SECONDS - started))s (pid $(live_pid "$part"))"
}

# Started side by side: the JVM's start-up dominates, the others finish within it. FerretDB keeps
# its data in the PostgreSQL above, so it starts once PostgreSQL is healthy.
declare -A jobs=()
for part in "${parts[@]}"; do
  [ "$part" != ferretdb ] || continue
  ensure "$part" &
  jobs[$part]=$!
done
failed=0
if [[ " ${parts[*]} " == *" ferretdb "* ]]; then
  wait "${jobs[postgres]}" || failed=1
  unset 'jobs[postgres]'
  if [ "$failed" -eq 0 ]; then
    ensure ferretdb &
    jobs[ferretdb]=$!
  fi
fi
for part in "${!jobs[@]}"; do
  wait "${jobs[$part]}" || failed=1
done
[ "$failed" -eq 0 ] || { log "some servers failed to start; stop them with $here/stop.sh"; exit 1; }

write_env
cat "$RUN_DIR/env"
