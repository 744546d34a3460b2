#!/usr/bin/env bash
# Installs the native test servers (PostgreSQL, Kafka, FerretDB) into a cache; every part is
# skipped when already present, so CI can run it on every build and cache $CRM_TOOLS_DIR.
# Usage: infra/servers/install.sh [postgres|kafka|ferretdb ...]   (default: all three)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=versions.sh
source "$here/versions.sh"

log() { printf '[install] %s\n' "$*" >&2; }
elapsed() { printf '%ss' "$((SECONDS - $1))"; }

install_postgres() {
  if pg_bin_dir >/dev/null; then
    log "postgres: found $(pg_bin_dir) (skip)"
    return
  fi
  local started=$SECONDS
  log "postgres: apt-get install postgresql (Debian package; we never use its system cluster)"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends postgresql >&2
  pg_bin_dir >/dev/null || { log "postgres: initdb still missing after apt-get"; exit 1; }
  log "postgres: installed in $(elapsed "$started")"
}

install_kafka() {
  local dir
  dir="$(kafka_dir)"
  if [ -f "$dir/libs/.complete" ]; then
    log "kafka: found $dir/libs (skip)"
    return
  fi
  command -v mvn >/dev/null || { log "kafka: mvn is required (apt-get install maven)"; exit 1; }
  local started=$SECONDS work
  work="$(mktemp -d)"
  log "kafka: resolving org.apache.kafka:kafka_2.13:$KAFKA_VERSION and its runtime jars from Maven Central"
  # A throwaway pom: Kafka's bin/ scripts are thin wrappers over these jars, so the jars are all we need.
  cat >"$work/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>crm-platform</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>$KAFKA_VERSION</version>
    </dependency>
    <!-- Kafka 4.1 logs through slf4j 1.7; without this binding the broker logs nothing at all. -->
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId>
      <version>$LOG4J_VERSION</version>
    </dependency>
    <dependency>
      <groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-core</artifactId>
      <version>$LOG4J_VERSION</version>
    </dependency>
  </dependencies>
</project>
EOF
  rm -rf "$dir/libs.tmp"
  mkdir -p "$dir"
  # Maven's own output only matters when it fails.
  if ! mvn -B -q -f "$work/pom.xml" \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$dir/libs.tmp" >"$work/mvn.log" 2>&1; then
    cat "$work/mvn.log" >&2
    exit 1
  fi
  touch "$dir/libs.tmp/.complete"
  rm -rf "$dir/libs"
  mv "$dir/libs.tmp" "$dir/libs"
  rm -rf "$work"
  log "kafka: $(find "$dir/libs" -name '*.jar' | wc -l) jars in $dir/libs in $(elapsed "$started")"
}

install_ferretdb() {
  local bin
  bin="$(ferretdb_bin)"
  if [ -x "$bin" ]; then
    log "ferretdb: found $bin (skip)"
    return
  fi
  command -v go >/dev/null || { log "ferretdb: go is required"; exit 1; }
  local started=$SECONDS src work
  log "ferretdb: building github.com/FerretDB/FerretDB@$FERRETDB_VERSION from the Go module proxy (takes minutes)"
  # Not `go install pkg@version`: that lists the module's versions (the proxy refuses here) and the
  # binary it builds panics without build/version/version.txt. Build a copy of the module instead.
  src="$(GOTOOLCHAIN=local go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -d "$src" ] || { log "ferretdb: go mod download did not give a module directory"; exit 1; }
  work="$(mktemp -d)"
  cp -R "$src/." "$work/"
  chmod -R u+w "$work"
  printf '%s\n' "$FERRETDB_VERSION" >"$work/build/version/version.txt"
  printf 'crm-platform\n' >"$work/build/version/package.txt"
  mkdir -p "$(dirname "$bin")"
  # GOTOOLCHAIN=local: build with the machine's Go instead of fetching the toolchain go.mod names.
  (cd "$work" && GOTOOLCHAIN=local GOFLAGS=-buildvcs=false go build -trimpath -o "$bin.tmp" ./cmd/ferretdb)
  mv "$bin.tmp" "$bin"
  rm -rf "$work"
  log "ferretdb: built $bin in $(elapsed "$started")"
}

parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(postgres kafka ferretdb)
log "cache: $CRM_TOOLS_DIR"
for part in "${parts[@]}"; do
  case "$part" in
    postgres) install_postgres ;;
    kafka) install_kafka ;;
    ferretdb) install_ferretdb ;;
    *) log "unknown part: $part (expected postgres, kafka or ferretdb)"; exit 2 ;;
  esac
done
