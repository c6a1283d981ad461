#!/usr/bin/env bash
# Keycloak for development and tests: install the distribution from Maven Central, start it
# in dev mode with the 'openness' realm imported, wait for it, stop it.
#
# Use as a command:   infra/keycloak/keycloak.sh help
# or as a library:    source infra/keycloak/keycloak.sh; keycloak_install DIR; ...
#
# DIR holds one unpacked distribution (DIR/keycloak-<version>), its pid file
# (DIR/keycloak.pid) and the checksum of the realm last imported (DIR/realm.sha256).
# Dev mode keeps its database in DIR/keycloak-<version>/data/h2.
#
# Environment (all optional):
#   KEYCLOAK_VERSION              distribution version (26.4.7)
#   KEYCLOAK_REALM_FILE           realm to import (infra/keycloak/openness-realm.json)
#   KEYCLOAK_MANAGEMENT_PORT      management interface port (/health): default HTTP port + 1000
#   KC_BOOTSTRAP_ADMIN_USERNAME   master-realm admin created on first start (admin)
#   KC_BOOTSTRAP_ADMIN_PASSWORD   its password (admin-pass). DEV ONLY, like the realm's users.
#   KEYCLOAK_RESET_ON_REALM_CHANGE  1 (default): when the realm file changed since it was
#                                 imported, delete the dev database so the new realm is imported
#                                 (--import-realm never overwrites an existing realm)
#   JAVA_OPTS_KC_HEAP             heap options for kc.sh (its default: -Xms64m -Xmx512m)

KEYCLOAK_SH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$KEYCLOAK_SH_DIR/../lib/common.sh"

KEYCLOAK_VERSION="${KEYCLOAK_VERSION:-26.4.7}"
KEYCLOAK_REALM="${KEYCLOAK_REALM:-openness}"
KEYCLOAK_REALM_FILE="${KEYCLOAK_REALM_FILE:-$KEYCLOAK_SH_DIR/openness-realm.json}"
KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin-pass}"

_kc_log() { LEDGER_LOG_TAG=keycloak ledger_log "$@"; }
_kc_warn() { LEDGER_LOG_TAG=keycloak ledger_warn "$@"; }
_kc_die() { LEDGER_LOG_TAG=keycloak ledger_die "$@"; }

# keycloak_home DIR -> DIR/keycloak-<version>, absolute, symlinks resolved (kc.sh resolves
# them too, and the java command line carries that path).
keycloak_home() {
  [[ -n "${1:-}" ]] || _kc_die "keycloak_home: directory missing"
  realpath -m -- "$(ledger_abspath "$1")/keycloak-$KEYCLOAK_VERSION"
}

keycloak_well_known_url() {
  printf 'http://127.0.0.1:%s/realms/%s/.well-known/openid-configuration\n' "$1" "$KEYCLOAK_REALM"
}

# Success when the realm's discovery document answers 200 on 127.0.0.1:PORT.
keycloak_is_up() {
  [[ "$(ledger_http_code "$(keycloak_well_known_url "$1")")" == 200 ]]
}

# The zip in the local Maven repository, fetched from Maven Central when missing.
_kc_zip() {
  local repo="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
  local zip="$repo/org/keycloak/keycloak-quarkus-dist/$KEYCLOAK_VERSION/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
  if [[ ! -s "$zip" ]]; then
    command -v mvn >/dev/null 2>&1 || _kc_die "mvn not found: needed to fetch Keycloak"
    _kc_log "downloading org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip from Maven Central (~160 MB, cached in $repo)"
    # Run outside the project so that its pom.xml (possibly mid-edit) plays no part.
    local scratch
    scratch="$(mktemp -d)"
    if ! (cd "$scratch" && mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get \
          -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
          -Dtransitive=false ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local="$MAVEN_REPO_LOCAL"} >&2); then
      rm -rf "$scratch"
      _kc_die "could not fetch Keycloak $KEYCLOAK_VERSION with Maven"
    fi
    rm -rf "$scratch"
    [[ -s "$zip" ]] || _kc_die "Maven reported success but $zip is missing"
  fi
  printf '%s\n' "$zip"
}

# keycloak_install DIR: unpack the distribution into DIR/keycloak-<version> unless present.
keycloak_install() {
  local dir home zip unpack
  [[ -n "${1:-}" ]] || _kc_die "usage: keycloak.sh install <dir>"
  dir="$(ledger_abspath "$1")"
  home="$(keycloak_home "$dir")"
  if [[ -x "$home/bin/kc.sh" && -f "$home/lib/quarkus-run.jar" ]]; then
    _kc_log "Keycloak $KEYCLOAK_VERSION already installed in $home"
    return 0
  fi
  command -v unzip >/dev/null 2>&1 || ledger_apt_install unzip
  zip="$(_kc_zip)"
  mkdir -p "$dir"
  # Unpack next to the target, then rename: an interrupted install leaves no half tree.
  unpack="$(mktemp -d "$dir/.unpack.XXXXXX")"
  _kc_log "unpacking $(basename "$zip") into $dir"
  if ! unzip -q "$zip" -d "$unpack"; then
    rm -rf "$unpack"
    _kc_die "unzip of $zip failed (corrupt download? delete it and retry)"
  fi
  [[ -d "$unpack/keycloak-$KEYCLOAK_VERSION" ]] || { rm -rf "$unpack"; _kc_die "unexpected layout in $zip"; }
  rm -rf "$home"
  mv "$unpack/keycloak-$KEYCLOAK_VERSION" "$home"
  rm -rf "$unpack"
  _kc_log "Keycloak $KEYCLOAK_VERSION installed in $home"
}

# PIDs of the Keycloak JVMs whose kc.home.dir is HOME (kc.sh passes -Dkc.home.dir=HOME/bin/..).
# Read from /proc rather than trusted from the pid file: kc.sh replaces itself with a new JVM
# after the first start's re-augmentation, so the JVM's pid can change while it boots.
keycloak_java_pids() {
  local home="$1" p exe arg
  for p in /proc/[0-9]*; do
    [[ -r "$p/cmdline" ]] || continue
    exe=""
    while IFS= read -r -d '' arg; do
      if [[ -z "$exe" ]]; then
        exe="$arg"
        [[ "$(basename -- "$exe")" == java ]] || continue 2
      elif [[ "$arg" == "-Dkc.home.dir=$home/bin/.." ]]; then
        printf '%s\n' "${p#/proc/}"
        continue 2
      fi
    done <"$p/cmdline" 2>/dev/null
  done
}

# Write the current JVM pid to DIR/keycloak.pid; succeeds when one is running.
_kc_write_pid() {
  local dir="$1" home pid
  home="$(keycloak_home "$dir")"
  pid="$(keycloak_java_pids "$home" | head -n 1)"
  [[ -n "$pid" ]] || return 1
  printf '%s\n' "$pid" >"$dir/keycloak.pid"
}

_kc_state_file() { printf '%s/openness-ledger-keycloak-%s.state\n' "${TMPDIR:-/tmp}" "$1"; }

# keycloak_start DIR PORT LOGFILE: start dev mode in the background, return at once.
keycloak_start() {
  local dir port log home mport sum running
  [[ $# -ge 3 ]] || _kc_die "usage: keycloak.sh start <dir> <port> <logfile>"
  dir="$(ledger_abspath "$1")"
  port="$2"
  log="$(ledger_abspath "$3")"
  [[ "$port" =~ ^[0-9]+$ ]] || _kc_die "port must be a number, got '$port'"
  mport="${KEYCLOAK_MANAGEMENT_PORT:-$((port + 1000))}"
  home="$(keycloak_home "$dir")"
  [[ -x "$home/bin/kc.sh" ]] || _kc_die "Keycloak is not installed in $dir (run: keycloak.sh install $dir)"
  [[ -f "$KEYCLOAK_REALM_FILE" ]] || _kc_die "realm file $KEYCLOAK_REALM_FILE not found"
  command -v java >/dev/null 2>&1 || _kc_die "java not found on PATH"

  running="$(keycloak_java_pids "$home" | head -n 1)"
  if [[ -n "$running" ]]; then
    printf '%s\n' "$running" >"$dir/keycloak.pid"
    _kc_log "already running from $home (pid $running)"
    return 0
  fi
  if ledger_port_open "$port"; then
    _kc_die "port $port is already in use by another process; stop it or choose another port"
  fi
  if ledger_port_open "$mport"; then
    _kc_die "management port $mport is already in use; set KEYCLOAK_MANAGEMENT_PORT"
  fi

  # --import-realm skips realms that already exist, so a changed realm file needs a fresh
  # dev database. The dev database holds nothing but what the realm file and the bootstrap
  # admin create.
  sum="$(sha256sum "$KEYCLOAK_REALM_FILE" | cut -d' ' -f1)"
  if [[ -d "$home/data/h2" && "$(cat "$dir/realm.sha256" 2>/dev/null || true)" != "$sum" ]]; then
    if [[ "${KEYCLOAK_RESET_ON_REALM_CHANGE:-1}" == 1 ]]; then
      _kc_log "realm file changed since the last import: resetting the dev database $home/data/h2"
      rm -rf "$home/data/h2"
    else
      _kc_warn "realm file changed since the last import, but KEYCLOAK_RESET_ON_REALM_CHANGE=0: the old realm stays"
    fi
  fi
  mkdir -p "$home/data/import" "$(dirname "$log")"
  rm -f "$home/data/import/"*.json
  cp "$KEYCLOAK_REALM_FILE" "$home/data/import/$KEYCLOAK_REALM-realm.json"
  printf '%s\n' "$sum" >"$dir/realm.sha256"

  printf '\n===== %s: keycloak.sh start (port %s, management port %s)\n' "$(date -Is)" "$port" "$mport" >>"$log"
  _kc_log "starting Keycloak $KEYCLOAK_VERSION on http://127.0.0.1:$port (management :$mport), log: $log"
  # setsid: its own session, so a Ctrl-C in the caller's terminal does not reach it; it is
  # stopped deliberately (keycloak_stop) and shuts down cleanly.
  (
    cd "$home"
    export KC_BOOTSTRAP_ADMIN_USERNAME KC_BOOTSTRAP_ADMIN_PASSWORD
    exec setsid "$home/bin/kc.sh" start-dev \
      --http-host=127.0.0.1 \
      --http-port="$port" \
      --hostname="http://127.0.0.1:$port" \
      --http-management-port="$mport" \
      --health-enabled=true \
      --import-realm \
      </dev/null >>"$log" 2>&1
  ) &
  disown $! 2>/dev/null || true
  printf 'dir=%s\nlog=%s\n' "$dir" "$log" >"$(_kc_state_file "$port")"

  # kc.sh starts the JVM as its child: wait for it to appear and record its pid.
  local i
  for ((i = 0; i < 100; i++)); do
    _kc_write_pid "$dir" && break
    sleep 0.1
  done
  [[ -s "$dir/keycloak.pid" ]] || _kc_die "Keycloak's JVM did not start; see $log"
  _kc_log "Keycloak JVM pid $(cat "$dir/keycloak.pid") (written to $dir/keycloak.pid)"
}

# keycloak_wait PORT [TIMEOUT] [DIR]: wait until the realm's discovery document answers 200.
keycloak_wait() {
  local port="${1:-}" timeout="${2:-180}" dir="${3:-}" log="" start elapsed state gone=0
  [[ -n "$port" ]] || _kc_die "usage: keycloak.sh wait <port> [timeout-seconds] [dir]"
  state="$(_kc_state_file "$port")"
  if [[ -f "$state" ]]; then
    [[ -n "$dir" ]] || dir="$(sed -n 's/^dir=//p' "$state")"
    log="$(sed -n 's/^log=//p' "$state")"
  fi
  start="$(ledger_now)"
  _kc_log "waiting for $(keycloak_well_known_url "$port") (timeout ${timeout}s)"
  while true; do
    if keycloak_is_up "$port"; then
      [[ -z "$dir" ]] || _kc_write_pid "$(ledger_abspath "$dir")" || true
      _kc_log "Keycloak ready on port $port after $(ledger_elapsed "$start")s"
      return 0
    fi
    elapsed="$(ledger_elapsed "$start")"
    # No JVM on two checks in a row (kc.sh swaps JVMs once while booting): it died.
    if [[ -n "$dir" ]] && [[ -z "$(keycloak_java_pids "$(keycloak_home "$dir")")" ]]; then
      gone=$((gone + 1))
      if [[ $gone -ge 2 ]]; then
        _kc_show_log_tail "$log"
        _kc_die "Keycloak's JVM exited before it was ready (see the log above)"
      fi
    else
      gone=0
    fi
    if awk -v e="$elapsed" -v t="$timeout" 'BEGIN { exit !(e >= t) }'; then
      _kc_show_log_tail "$log"
      _kc_die "Keycloak did not answer on port $port within ${timeout}s"
    fi
    sleep 1
  done
}

_kc_show_log_tail() {
  if [[ -n "${1:-}" && -f "$1" ]]; then
    printf -- '----- last 40 lines of %s -----\n' "$1" >&2
    tail -n 40 "$1" >&2
    printf -- '-----\n' >&2
  fi
}

# keycloak_stop DIR [TIMEOUT]: stop the JVM (SIGTERM, then SIGKILL after TIMEOUT seconds).
keycloak_stop() {
  local dir home pids timeout="${2:-30}" i
  [[ -n "${1:-}" ]] || _kc_die "usage: keycloak.sh stop <dir>"
  dir="$(ledger_abspath "$1")"
  home="$(keycloak_home "$dir")"
  # The JVMs are found by their command line; the pid file is only informative (a stale one
  # could name an unrelated process by now).
  pids="$(keycloak_java_pids "$home")"
  if [[ -z "$pids" ]]; then
    _kc_log "not running ($home)"
    rm -f "$dir/keycloak.pid"
    return 0
  fi
  _kc_log "stopping Keycloak (pid ${pids//$'\n'/ })"
  # shellcheck disable=SC2086
  kill -TERM $pids 2>/dev/null || true
  for ((i = 0; i < timeout * 10; i++)); do
    pids="$(keycloak_java_pids "$home")"
    [[ -z "$pids" ]] && break
    sleep 0.1
  done
  if [[ -n "$pids" ]]; then
    _kc_warn "Keycloak did not stop within ${timeout}s: killing pid ${pids//$'\n'/ }"
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$dir/keycloak.pid"
  _kc_log "stopped"
}

keycloak_status() {
  local dir home pids
  [[ -n "${1:-}" ]] || _kc_die "usage: keycloak.sh status <dir>"
  dir="$(ledger_abspath "$1")"
  home="$(keycloak_home "$dir")"
  pids="$(keycloak_java_pids "$home")"
  if [[ -n "$pids" ]]; then
    echo "running: pid ${pids//$'\n'/ }, home $home"
  else
    echo "not running ($home)"
    return 3
  fi
}

# keycloak_token PORT USER [PASSWORD]: print an access token from the ledger-cli client.
keycloak_token() {
  local port="${1:-}" user="${2:-}" password="${3:-}"
  [[ -n "$port" && -n "$user" ]] || _kc_die "usage: keycloak.sh token <port> <user> [password]"
  [[ -n "$password" ]] || password="$user-pass"
  local body
  body="$(curl -s -m 10 -d grant_type=password -d client_id=ledger-cli \
    --data-urlencode "username=$user" --data-urlencode "password=$password" \
    "http://127.0.0.1:$port/realms/$KEYCLOAK_REALM/protocol/openid-connect/token")" \
    || _kc_die "no answer from Keycloak on port $port"
  if [[ "$body" =~ \"access_token\":\"([^\"]+)\" ]]; then
    printf '%s\n' "${BASH_REMATCH[1]}"
  else
    _kc_die "no token: $body"
  fi
}

keycloak_usage() {
  cat <<EOF
usage: infra/keycloak/keycloak.sh <command> ...
  install <dir>                     fetch Keycloak $KEYCLOAK_VERSION (Maven Central, cached in ~/.m2)
                                    and unpack it into <dir>/keycloak-$KEYCLOAK_VERSION
  start <dir> <port> <logfile>      start dev mode on 127.0.0.1:<port> in the background,
                                    importing realm '$KEYCLOAK_REALM'; management (/health) on
                                    \${KEYCLOAK_MANAGEMENT_PORT:-<port>+1000}; JVM pid -> <dir>/keycloak.pid
  wait <port> [timeout] [dir]       wait (default 180 s) until the realm answers; on failure
                                    print the end of the log
  stop <dir>                        stop the JVM (TERM, KILL after 30 s)
  status <dir>                      running or not (exit 3 when not)
  token <port> <user> [password]    print an access token (client ledger-cli, password grant;
                                    default password <user>-pass)
Dev-only bootstrap admin of the master realm: \$KC_BOOTSTRAP_ADMIN_USERNAME / \$KC_BOOTSTRAP_ADMIN_PASSWORD
(default $KC_BOOTSTRAP_ADMIN_USERNAME / $KC_BOOTSTRAP_ADMIN_PASSWORD).
EOF
}

keycloak_main() {
  local cmd="${1:-help}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    install) keycloak_install "$@" ;;
    start) keycloak_start "$@" ;;
    wait) keycloak_wait "$@" ;;
    stop) keycloak_stop "$@" ;;
    status) keycloak_status "$@" ;;
    token) keycloak_token "$@" ;;
    help | -h | --help) keycloak_usage ;;
    *) keycloak_usage >&2; exit 2 ;;
  esac
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  keycloak_main "$@"
fi
