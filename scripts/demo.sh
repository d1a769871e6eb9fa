#!/usr/bin/env bash
# Installs and starts the whole stack — PostgreSQL, Redis, migrated database with the demo data,
# api and worker — and prints the URL and the demo logins. Run again to rebuild and restart.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

RUN_DIR="$ROOT/.run"
mkdir -p "$RUN_DIR"

require_node
install_dependencies
ensure_postgres
ensure_redis

export NODE_ENV="${NODE_ENV:-development}"
export PORT="${PORT:-3000}"
# Without DATABASE_URL: the tables' owner runs the migrations, the api and worker connect as a runtime
# role that owns nothing (libs/core/src/database/db-roles.ts; development passwords, local server).
if [ -z "${DATABASE_URL:-}" ]; then
  export DATABASE_OWNER_URL="postgres://iss_owner:iss-owner-dev@${PG_SERVER#*@}/iss"
  export DATABASE_URL="postgres://iss_app:iss-app-dev@${PG_SERVER#*@}/iss"
  SET_UP_ROLES=1
fi
export REDIS_URL="${REDIS_URL:-$REDIS_SERVER/0}"
export STORAGE_DIR="${STORAGE_DIR:-$ROOT/storage}"
export DEMO_PASSWORD="${DEMO_PASSWORD:-demo-iss-2026}"
# A random secret kept across restarts, so sessions survive a restart of the demo.
[ -s "$RUN_DIR/jwt-secret" ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))' > "$RUN_DIR/jwt-secret"
export JWT_SECRET="${JWT_SECRET:-$(cat "$RUN_DIR/jwt-secret")}"
# The demo's own audit seal key (Ed25519), kept like the secret: not the development key of the repository.
[ -s "$RUN_DIR/audit-seal-key" ] || node -e 'process.stdout.write(require("crypto").generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "der" }).toString("base64"))' > "$RUN_DIR/audit-seal-key"
export AUDIT_SEAL_PRIVATE_KEY="${AUDIT_SEAL_PRIVATE_KEY:-$(cat "$RUN_DIR/audit-seal-key")}"
# Metrics (issue 17): Prometheus's bearer token for /metrics, random and kept like the secret.
[ -s "$RUN_DIR/metrics-token" ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))' > "$RUN_DIR/metrics-token"
export METRICS_TOKEN="${METRICS_TOKEN:-$(cat "$RUN_DIR/metrics-token")}"

say "Building"
# The web app is always React's production build, precompressed, whatever NODE_ENV the api runs in.
NODE_ENV=production npm run --silent build

# Stops the process whose pid is in .run/<name>.pid, if it runs, and waits until it has ended.
stop_running() {
  local pidfile="$RUN_DIR/$1.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    say "Stopping the running $2"
    kill "$(cat "$pidfile")" || true
    while kill -0 "$(cat "$pidfile")" 2>/dev/null; do sleep 0.2; done
  fi
}

for app in api worker; do stop_running "$app" "$app"; done

say "Migrating ${DATABASE_OWNER_URL:-$DATABASE_URL}"
if [ -n "${SET_UP_ROLES:-}" ]; then
  node scripts/services.js db-setup "$PG_SERVER/postgres" "$DATABASE_OWNER_URL" "$DATABASE_URL" --replace-foreign
else
  node scripts/services.js create-db "${DATABASE_OWNER_URL:-$DATABASE_URL}"
fi
node dist/apps/cli/src/main.js migrate
if [ "$NODE_ENV" != production ]; then
  say "Seeding the demo data"
  node dist/apps/cli/src/main.js seed-demo
fi

# ── ProConnect stand-in (issue 17): a local OpenID provider configured like ProConnect, unless OIDC_ISSUER
# names a real one. The real oidc-provider, with test identities for the demo accounts (README, "ProConnect
# sign-in"); its client secret is kept across restarts like the JWT secret.
if [ -z "${OIDC_ISSUER:-}" ]; then
  PROCONNECT_PORT="${PROCONNECT_PORT:-4100}"
  stop_running proconnect "ProConnect stand-in"
  [ -s "$RUN_DIR/proconnect-secret" ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64url"))' > "$RUN_DIR/proconnect-secret"
  export OIDC_CLIENT_ID=iss-back-office-demo
  export OIDC_CLIENT_SECRET="$(cat "$RUN_DIR/proconnect-secret")"
  export OIDC_REDIRECT_URI="http://localhost:$PORT/api/auth/proconnect/callback"
  export OIDC_POST_LOGOUT_REDIRECT_URI="http://localhost:$PORT/connexion"
  say "Starting the ProConnect stand-in on port $PROCONNECT_PORT (log in .run/proconnect.log)"
  nohup node scripts/stand-ins/proconnect.mjs --port "$PROCONNECT_PORT" --client-id "$OIDC_CLIENT_ID" \
    --client-secret "$OIDC_CLIENT_SECRET" --redirect-uri "$OIDC_REDIRECT_URI" \
    --post-logout-redirect-uri "$OIDC_POST_LOGOUT_REDIRECT_URI" > "$RUN_DIR/proconnect.log" 2>&1 &
  echo $! > "$RUN_DIR/proconnect.pid"
  export OIDC_ISSUER="http://127.0.0.1:$PROCONNECT_PORT"
  node scripts/services.js http-ok "$OIDC_ISSUER/.well-known/openid-configuration" 30 \
    || die "the ProConnect stand-in did not start; see $RUN_DIR/proconnect.log"
  PROCONNECT_BANNER="    ProConnect (stand-in) $OIDC_ISSUER: \"S'identifier avec ProConnect\" on the login page,
                          then choose a demo account's identity on the provider's page"
fi

# ── E-mail (issue 17): a local SMTP server with a web inbox (MailDev) receives what the worker sends ──
export APP_URL="${APP_URL:-http://localhost:$PORT}"
MAILDEV_WEB_PORT="${MAILDEV_WEB_PORT:-1080}"
if [ -z "${SMTP_URL:-}" ]; then
  MAILDEV_SMTP_PORT="${MAILDEV_SMTP_PORT:-1025}"
  stop_running maildev "MailDev"
  say "Starting MailDev (SMTP on $MAILDEV_SMTP_PORT, inbox on $MAILDEV_WEB_PORT; log in .run/)"
  nohup node_modules/.bin/maildev --ip 127.0.0.1 --smtp "$MAILDEV_SMTP_PORT" \
    --web-ip 127.0.0.1 --web "$MAILDEV_WEB_PORT" > "$RUN_DIR/maildev.log" 2>&1 &
  echo $! > "$RUN_DIR/maildev.pid"
  node scripts/services.js http-ok "http://127.0.0.1:$MAILDEV_WEB_PORT/api/config" 30 \
    || die "MailDev did not start; see $RUN_DIR/maildev.log"
  export SMTP_URL="smtp://127.0.0.1:$MAILDEV_SMTP_PORT"
  MAIL_INBOX="    Inbox (MailDev)       http://localhost:$MAILDEV_WEB_PORT (convocations, reminders, digests)"
else
  MAIL_INBOX="    E-mail                sent through $SMTP_URL"
fi

say "Starting api and worker (logs in .run/)"
# They run as the runtime role only: the owner's URL stays with the migrations.
unset DATABASE_OWNER_URL
nohup node dist/apps/api/src/main.js > "$RUN_DIR/api.log" 2>&1 &
echo $! > "$RUN_DIR/api.pid"
nohup node dist/apps/worker/src/main.js > "$RUN_DIR/worker.log" 2>&1 &
echo $! > "$RUN_DIR/worker.pid"

node scripts/services.js http-ok "http://127.0.0.1:$PORT/health" 60 \
  || die "the api did not become healthy; see $RUN_DIR/api.log"

cat <<INFO

  Back office ISS is up:  http://localhost:$PORT
    API documentation     http://localhost:$PORT/api/docs
    Health                http://localhost:$PORT/health
    Metrics (Prometheus)  curl -H "Authorization: Bearer \$(cat .run/metrics-token)" http://localhost:$PORT/metrics
    Job dashboard         http://localhost:$PORT/admin/queues (signed in as the admin)
$MAIL_INBOX
${PROCONNECT_BANNER:-    ProConnect            $OIDC_ISSUER}

  Demo accounts (password: $DEMO_PASSWORD):
    admin@demo.iss.local        administrateur
    delegue@demo.iss.local      délégué régional ISS
    chargee@demo.iss.local      chargée de mission ISS
    referent31@demo.iss.local   référent départemental (31)
    referent34@demo.iss.local   référent départemental (34)
    membre@demo.iss.local       membre de la commission
    auditeur@demo.iss.local     auditeur

  Stop with: kill \$(cat .run/api.pid .run/worker.pid .run/maildev.pid .run/proconnect.pid 2>/dev/null)
INFO
