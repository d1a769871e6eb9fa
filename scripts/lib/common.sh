# Shared by scripts/demo.sh and scripts/test.sh: dependencies, PostgreSQL and Redis.
# Uses the services where they answer (or at DATABASE_URL / REDIS_URL), starts them where they are
# installed, installs them from Debian's packages where they are not (as root), else says what is missing.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf '\033[31mError: %s\033[0m\n' "$*" >&2; exit 1; }

# With trust authentication (the usual local setup) the password is ignored; with password
# authentication (a server this script installed) it is the one set below.
DEFAULT_PG_SERVER="postgres://postgres:postgres@127.0.0.1:5432"
DEFAULT_REDIS_URL="redis://127.0.0.1:6379"

require_node() {
  command -v node >/dev/null || die "Node.js is required (version 20.19 or later)."
  node -e 'const [M,m]=process.versions.node.split(".").map(Number); process.exit(M>20||(M===20&&m>=19)?0:1)' \
    || die "Node.js $(node --version) is too old: 20.19 or later is required."
}

install_dependencies() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing npm dependencies"
    # npm install, not npm ci: npm leaves other platforms' optional packages out of the lock file
    # (npm/cli#4828), which makes `npm ci` refuse it; install still follows the locked versions.
    npm install --no-audit --no-fund --loglevel=error
  fi
}

apt_install() {
  [ "$(id -u)" = 0 ] || return 1
  command -v apt-get >/dev/null || return 1
  say "Installing $* from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_answers() { node scripts/services.js pg-ping "$1"; }

start_local_postgres() {
  command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] || return 1
  local version; version="$(ls /etc/postgresql | sort -V | tail -1)"
  [ -n "$version" ] || return 1
  say "Starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  for _ in $(seq 1 20); do pg_answers "$DEFAULT_PG_SERVER/postgres" && return 0; sleep 0.5; done
  return 1
}

# A server installed here gets a password for the postgres role, so the default URL works over TCP.
set_postgres_password() {
  command -v runuser >/dev/null || return 0
  runuser -u postgres -- psql -qc "ALTER USER postgres PASSWORD 'postgres'" >/dev/null 2>&1 || true
}

# Sets PG_SERVER (scheme://user:pass@host:port, no database).
ensure_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then
    PG_SERVER="${DATABASE_URL%/*}"
    pg_answers "$PG_SERVER/postgres" || die "PostgreSQL does not answer at DATABASE_URL ($PG_SERVER)."
    return
  fi
  PG_SERVER="$DEFAULT_PG_SERVER"
  pg_answers "$PG_SERVER/postgres" && return
  start_local_postgres && { set_postgres_password; return; }
  if ! command -v pg_ctlcluster >/dev/null; then
    apt_install postgresql || die "PostgreSQL is not installed and cannot be installed here (needs root and apt-get). Install PostgreSQL 15+ or set DATABASE_URL."
    start_local_postgres || die "PostgreSQL was installed but does not start; see /var/log/postgresql."
    set_postgres_password
    pg_answers "$PG_SERVER/postgres" || die "PostgreSQL runs but refuses $PG_SERVER; set DATABASE_URL."
    return
  fi
  die "PostgreSQL is installed but does not answer at 127.0.0.1:5432; start it or set DATABASE_URL."
}

start_local_redis() {
  command -v redis-server >/dev/null || return 1
  say "Starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --maxmemory-policy noeviction >/dev/null
  for _ in $(seq 1 20); do node scripts/services.js redis-ping "$DEFAULT_REDIS_URL" && return 0; sleep 0.5; done
  return 1
}

# Sets REDIS_SERVER (redis://host:port, no database index).
ensure_redis() {
  if [ -n "${REDIS_URL:-}" ]; then
    REDIS_SERVER="$(node -e 'const u=new URL(process.argv[1]); u.pathname=""; process.stdout.write(u.toString().replace(/\/$/,""))' "$REDIS_URL")"
    node scripts/services.js redis-ping "$REDIS_URL" || die "Redis does not answer at REDIS_URL ($REDIS_URL)."
    return
  fi
  REDIS_SERVER="$DEFAULT_REDIS_URL"
  node scripts/services.js redis-ping "$REDIS_SERVER" && return
  start_local_redis && return
  if ! command -v redis-server >/dev/null; then
    apt_install redis-server || die "Redis is not installed and cannot be installed here (needs root and apt-get). Install Redis 6.2+ or set REDIS_URL."
    start_local_redis || die "Redis was installed but does not start."
    return
  fi
  die "Redis is installed but does not answer at 127.0.0.1:6379; start it or set REDIS_URL."
}

# The browser tests drive Debian's Chromium (headless) through playwright-core.
ensure_chromium() {
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [ -x "$CHROMIUM_PATH" ] && return
  apt_install chromium || die "Chromium is not installed and cannot be installed here (needs root and apt-get). Install Debian's chromium package or set CHROMIUM_PATH."
  [ -x "$CHROMIUM_PATH" ] || die "Chromium was installed but is not at $CHROMIUM_PATH; set CHROMIUM_PATH."
}

# The CSV suites read exports back with LibreOffice (headless) as well as exceljs: a real spreadsheet's
# verdict on formula-like cells. Without it (not root, no apt-get) those checks are skipped, and said so.
ensure_libreoffice() {
  command -v soffice >/dev/null && return
  apt_install libreoffice-calc-nogui && command -v soffice >/dev/null && return
  printf '\033[33mLibreOffice (soffice) is missing and cannot be installed here: the CSV checks through LibreOffice will be skipped. Install libreoffice-calc-nogui to run them.\033[0m\n' >&2
}
