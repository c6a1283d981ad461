#!/usr/bin/env bash
# A private PostgreSQL server for development and tests (the Debian service and its
# 'main' cluster are not used): install the binaries, start a server on 127.0.0.1:<port>
# with its own data directory, create role and database 'ledger', stop it.
#
# Use as a command:   infra/postgres/postgres.sh help
# or as a library:    source infra/postgres/postgres.sh; postgres_start DIR PORT; ...
#
# Environment (all optional):
#   POSTGRES_DB_NAME / POSTGRES_DB_USER / POSTGRES_DB_PASSWORD   ledger / ledger / ledger (DEV ONLY)
#   POSTGRES_SERVER_OPTS    extra server options, e.g. "-c fsync=off -c log_statement=all"
#
# When run as root the server runs as the OS user 'postgres' (PostgreSQL refuses to run as
# root), so the data directory is owned by it and every parent directory must let it through.

POSTGRES_SH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
source "$POSTGRES_SH_DIR/../lib/common.sh"

POSTGRES_DB_NAME="${POSTGRES_DB_NAME:-ledger}"
POSTGRES_DB_USER="${POSTGRES_DB_USER:-ledger}"
POSTGRES_DB_PASSWORD="${POSTGRES_DB_PASSWORD:-ledger}"

_pg_log() { LEDGER_LOG_TAG=postgres ledger_log "$@"; }
_pg_die() { LEDGER_LOG_TAG=postgres ledger_die "$@"; }

# The bin directory of the newest PostgreSQL installed the Debian way, or nothing.
postgres_bindir() {
  local d best=""
  for d in /usr/lib/postgresql/*/bin; do
    [[ -x "$d/pg_ctl" && -x "$d/initdb" && -x "$d/postgres" ]] || continue
    if [[ -z "$best" ]] || [[ "$(basename "$(dirname "$d")")" -gt "$(basename "$(dirname "$best")")" ]]; then
      best="$d"
    fi
  done
  [[ -n "$best" ]] && printf '%s\n' "$best"
}

postgres_install() {
  local bindir
  if bindir="$(postgres_bindir)"; then
    _pg_log "PostgreSQL binaries present: $bindir"
    return 0
  fi
  _pg_log "PostgreSQL binaries missing: installing the Debian package"
  # Tell postgresql-common not to create (and start) the 'main' cluster: we run our own.
  ledger_apt_install postgresql-common
  if [[ -f /etc/postgresql-common/createcluster.conf ]]; then
    ledger_run_privileged sed -i -E 's/^#?[[:space:]]*create_main_cluster[[:space:]]*=.*/create_main_cluster = false/' \
      /etc/postgresql-common/createcluster.conf
  fi
  ledger_apt_install postgresql
  bindir="$(postgres_bindir)" || _pg_die "postgresql installed, but no pg_ctl under /usr/lib/postgresql/*/bin"
  _pg_log "PostgreSQL binaries installed: $bindir"
}

# Run a command as the owner of the data directory.
_pg_as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Unix-socket directory: inside the data directory unless its path is too long for a socket
# address (107 bytes), then /tmp (the socket name carries the port, so servers don't clash).
_pg_socket_dir() {
  local dir="$1" port="$2"
  if (( ${#dir} + ${#port} + 12 < 100 )); then
    printf '%s\n' "$dir"
  else
    printf '/tmp\n'
  fi
}

# Port of the server running on DIR (line 4 of postmaster.pid), if any.
_pg_running_port() {
  sed -n '4p' "$1/postmaster.pid" 2>/dev/null
}

_pg_is_running() {
  local bindir="$1" dir="$2"
  [[ -f "$dir/postmaster.pid" ]] && _pg_as_owner "$bindir/pg_ctl" status -D "$dir" >/dev/null 2>&1
}

_pg_psql() {
  local bindir="$1" dir="$2" port="$3"
  shift 3
  _pg_as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$(_pg_socket_dir "$dir" "$port")" -p "$port" \
    -U postgres -d postgres "$@"
}

# postgres_start DIR PORT: initdb when DIR is empty, start (idempotent), create role and database.
postgres_start() {
  local dir port bindir sockdir running_port
  [[ $# -ge 2 ]] || _pg_die "usage: postgres.sh start <datadir> <port>"
  dir="$(ledger_abspath "$1")"
  port="$2"
  [[ "$port" =~ ^[0-9]+$ ]] || _pg_die "port must be a number, got '$port'"
  bindir="$(postgres_bindir)" || _pg_die "PostgreSQL is not installed (run: postgres.sh install)"
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || _pg_die "OS user 'postgres' missing (run: postgres.sh install)"
  fi
  sockdir="$(_pg_socket_dir "$dir" "$port")"

  if [[ ! -d "$dir" ]] || [[ -z "$(ls -A "$dir" 2>/dev/null)" ]]; then
    mkdir -p "$dir"
    if [[ $EUID -eq 0 ]]; then
      chown postgres: "$dir"
      _pg_as_owner test -x "$dir" \
        || _pg_die "the OS user 'postgres' cannot reach $dir (a parent directory is closed to it); choose another directory"
    fi
    chmod 700 "$dir"
    _pg_log "initdb $dir"
    _pg_as_owner "$bindir/initdb" -D "$dir" -U postgres --encoding=UTF8 --no-locale \
      --auth-local=trust --auth-host=scram-sha-256 >"$dir.initdb.log" 2>&1 \
      || { cat "$dir.initdb.log" >&2; _pg_die "initdb failed"; }
    rm -f "$dir.initdb.log"
  elif [[ ! -f "$dir/PG_VERSION" ]]; then
    _pg_die "$dir is neither empty nor a PostgreSQL data directory"
  fi

  if _pg_is_running "$bindir" "$dir"; then
    running_port="$(_pg_running_port "$dir")"
    [[ "$running_port" == "$port" ]] \
      || _pg_die "a server already runs on $dir, but on port $running_port (stop it first)"
    _pg_log "already running on port $port ($dir)"
  else
    if ledger_port_open "$port"; then
      _pg_die "port $port is already in use by another process"
    fi
    _pg_log "starting PostgreSQL on 127.0.0.1:$port (data $dir, log $dir/server.log)"
    # shellcheck disable=SC2086
    if ! _pg_as_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$sockdir ${POSTGRES_SERVER_OPTS:-}" \
        start >/dev/null; then
      tail -n 20 "$dir/server.log" >&2 2>/dev/null || true
      _pg_die "PostgreSQL did not start (log above)"
    fi
  fi

  if [[ "$(_pg_psql "$bindir" "$dir" "$port" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$POSTGRES_DB_USER'")" != 1 ]]; then
    _pg_log "creating role $POSTGRES_DB_USER"
    _pg_psql "$bindir" "$dir" "$port" -c "CREATE ROLE \"$POSTGRES_DB_USER\" LOGIN PASSWORD '$POSTGRES_DB_PASSWORD'"
  fi
  if [[ "$(_pg_psql "$bindir" "$dir" "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = '$POSTGRES_DB_NAME'")" != 1 ]]; then
    _pg_log "creating database $POSTGRES_DB_NAME owned by $POSTGRES_DB_USER"
    _pg_psql "$bindir" "$dir" "$port" -c "CREATE DATABASE \"$POSTGRES_DB_NAME\" OWNER \"$POSTGRES_DB_USER\""
  fi
  _pg_log "ready: $(postgres_jdbc_url "$port") (user $POSTGRES_DB_USER)"
  postgres_jdbc_url "$port"
}

postgres_jdbc_url() {
  printf 'jdbc:postgresql://127.0.0.1:%s/%s\n' "$1" "$POSTGRES_DB_NAME"
}

# postgres_reset_db DIR PORT: drop and re-create the database (the server must be running).
postgres_reset_db() {
  local dir port bindir
  [[ $# -ge 2 ]] || _pg_die "usage: postgres.sh reset-db <datadir> <port>"
  dir="$(ledger_abspath "$1")"
  port="$2"
  bindir="$(postgres_bindir)" || _pg_die "PostgreSQL is not installed"
  _pg_is_running "$bindir" "$dir" || _pg_die "no server running on $dir"
  _pg_log "re-creating database $POSTGRES_DB_NAME (empty)"
  _pg_psql "$bindir" "$dir" "$port" -c "DROP DATABASE IF EXISTS \"$POSTGRES_DB_NAME\" WITH (FORCE)"
  _pg_psql "$bindir" "$dir" "$port" -c "CREATE DATABASE \"$POSTGRES_DB_NAME\" OWNER \"$POSTGRES_DB_USER\""
}

# postgres_stop DIR: fast shutdown (idempotent).
postgres_stop() {
  local dir bindir
  [[ -n "${1:-}" ]] || _pg_die "usage: postgres.sh stop <datadir>"
  dir="$(ledger_abspath "$1")"
  bindir="$(postgres_bindir)" || { _pg_log "PostgreSQL is not installed: nothing to stop"; return 0; }
  if [[ ! -f "$dir/PG_VERSION" ]] || ! _pg_is_running "$bindir" "$dir"; then
    _pg_log "not running ($dir)"
    return 0
  fi
  _pg_log "stopping PostgreSQL ($dir)"
  _pg_as_owner "$bindir/pg_ctl" -D "$dir" -m fast -w -t 60 stop >/dev/null \
    || _pg_die "pg_ctl stop failed"
  _pg_log "stopped"
}

postgres_status() {
  local dir bindir
  [[ -n "${1:-}" ]] || _pg_die "usage: postgres.sh status <datadir>"
  dir="$(ledger_abspath "$1")"
  bindir="$(postgres_bindir)" || { echo "PostgreSQL is not installed"; return 3; }
  if [[ -f "$dir/PG_VERSION" ]] && _pg_is_running "$bindir" "$dir"; then
    echo "running on port $(_pg_running_port "$dir") ($dir)"
  else
    echo "not running ($dir)"
    return 3
  fi
}

postgres_usage() {
  cat <<EOF
usage: infra/postgres/postgres.sh <command> ...
  install                      install the Debian 'postgresql' package if no pg_ctl exists
                               under /usr/lib/postgresql/*/bin (no 'main' cluster is created)
  start <datadir> <port>       initdb if <datadir> is empty; start on 127.0.0.1:<port> unless
                               running; create role '$POSTGRES_DB_USER' (password '$POSTGRES_DB_PASSWORD') and
                               database '$POSTGRES_DB_NAME'; print the JDBC URL
  stop <datadir>               fast shutdown
  status <datadir>             running or not (exit 3 when not)
  reset-db <datadir> <port>    drop and re-create database '$POSTGRES_DB_NAME'
  url <port>                   print jdbc:postgresql://127.0.0.1:<port>/$POSTGRES_DB_NAME
The role's password is a development/test secret only.
EOF
}

postgres_main() {
  local cmd="${1:-help}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    install) postgres_install "$@" ;;
    start) postgres_start "$@" ;;
    stop) postgres_stop "$@" ;;
    status) postgres_status "$@" ;;
    reset-db) postgres_reset_db "$@" ;;
    url) postgres_jdbc_url "${1:?usage: postgres.sh url <port>}" ;;
    help | -h | --help) postgres_usage ;;
    *) postgres_usage >&2; exit 2 ;;
  esac
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  postgres_main "$@"
fi
