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

# Any Node.js from 20 with npm bootstraps; every step then runs on the Node 26 that the exactly pinned
# `node` dev dependency puts in node_modules/.bin (the machines here come with Node 20, out of support).
require_node() {
  command -v node >/dev/null && command -v npm >/dev/null \
    || die "Node.js 20 or later with npm is required to bootstrap (the commands then fetch Node.js 26)."
  node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)' \
    || die "Node.js $(node --version) is too old to bootstrap: 20 or later is required."
}

install_dependencies() {
  ensure_libatomic
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing npm dependencies (with Node.js $(node --version))"
    npm ci --no-audit --no-fund --loglevel=error
  fi
  use_project_node
}

# Node.js 26's Linux binaries link against libatomic, which slim Debian systems may lack. Checked before
# the install: the install scripts that follow the `node` package's already run on its binary.
ensure_libatomic() {
  [ "$(uname -s)" = Linux ] || return 0
  PATH="$PATH:/sbin:/usr/sbin" ldconfig -p 2>/dev/null | grep -q 'libatomic\.so\.1' && return 0
  apt_install libatomic1 \
    || die "Node.js 26 needs libatomic.so.1, missing here and not installable (needs root and apt-get). Install Debian's libatomic1 package."
}

# node_modules/.bin first on PATH, as npm scripts have it: `node`, `npm` and `npx` (both started with
# `/usr/bin/env node`) and every child they spawn with process.execPath then run on Node 26.
use_project_node() {
  export PATH="$ROOT/node_modules/.bin:$PATH"
  hash -r # bash remembers where it found `node` before the install
  local version
  version="$(node --version 2>&1)" || die "The project's Node.js does not start: $version"
  [ "$version" = "v$(node -p 'require("./package.json").devDependencies.node')" ] \
    || die "Node.js $version on PATH ($(command -v node)) is not the one package.json pins; remove node_modules and retry."
  say "Running on Node.js $version ($(command -v node))"
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

# The report tests read PDFs back with poppler: pdftotext (the text a search or a copy gets) and
# pdfinfo -struct-text (what a screen reader gets from the structure tree).
ensure_poppler() {
  command -v pdftotext >/dev/null && command -v pdfinfo >/dev/null && return
  apt_install poppler-utils || die "poppler-utils (pdftotext, pdfinfo) is not installed and cannot be installed here (needs root and apt-get). Install Debian's poppler-utils package."
  command -v pdftotext >/dev/null || die "poppler-utils was installed but pdftotext is not on PATH."
}
