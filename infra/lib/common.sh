# shellcheck shell=bash
# Small helpers shared by ./ledger, infra/keycloak/keycloak.sh and infra/postgres/postgres.sh.
# Source it; it defines functions only (and never changes shell options).

if [[ -n "${LEDGER_COMMON_SH_LOADED:-}" ]]; then
  return 0
fi
LEDGER_COMMON_SH_LOADED=1

# Progress messages go to stderr so that stdout stays usable for values (URLs, tokens).
ledger_log() { printf '[%s] %s\n' "${LEDGER_LOG_TAG:-ledger}" "$*" >&2; }
ledger_warn() { printf '[%s] WARNING: %s\n' "${LEDGER_LOG_TAG:-ledger}" "$*" >&2; }
ledger_die() {
  printf '[%s] ERROR: %s\n' "${LEDGER_LOG_TAG:-ledger}" "$*" >&2
  exit 1
}

# Seconds since the epoch with milliseconds (bash 5 has EPOCHREALTIME).
ledger_now() {
  if [[ -n "${EPOCHREALTIME:-}" ]]; then
    printf '%s\n' "${EPOCHREALTIME/,/.}"
  else
    date +%s.%N
  fi
}

# ledger_elapsed START [END] -> seconds with one decimal.
ledger_elapsed() {
  local end="${2:-$(ledger_now)}"
  awk -v a="$1" -v b="$end" 'BEGIN { printf "%.1f\n", b - a }'
}

# Absolute path of $1 (need not exist), resolved against the current directory.
ledger_abspath() {
  case "$1" in
    /*) realpath -m -- "$1" ;;
    *) realpath -m -- "$PWD/$1" ;;
  esac
}

ledger_run_privileged() {
  if [[ $EUID -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    ledger_die "'$*' needs root (and sudo is not available)"
  fi
}

# Install Debian packages. Runs 'apt-get update' at most once per invocation: the flag is
# exported, so child scripts started by the same ./ledger run skip it too.
ledger_apt_install() {
  command -v apt-get >/dev/null 2>&1 || ledger_die "apt-get not found: install $* by hand"
  if [[ "${LEDGER_APT_UPDATED:-}" != 1 ]]; then
    ledger_log "apt-get update (once per invocation)"
    ledger_run_privileged env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2 \
      || ledger_die "apt-get update failed"
    export LEDGER_APT_UPDATED=1
  fi
  ledger_log "apt-get install -y $*"
  ledger_run_privileged env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends "$@" >&2 \
    || ledger_die "apt-get install $* failed"
}

# ledger_http_code URL -> the HTTP status code, or 000 when nothing answers.
ledger_http_code() {
  curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" 2>/dev/null || true
}

# ledger_port_open PORT -> success when something accepts TCP connections on 127.0.0.1:PORT.
ledger_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
