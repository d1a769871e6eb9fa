#!/usr/bin/env node
/**
 * A local stand-in for ProConnect, the State's OpenID Connect federation: the certified `oidc-provider`
 * configured as ProConnect is (scopes and claims `email given_name usual_name siret uid`, acr `eidas1`,
 * PKCE S256 required, userinfo as a signed JWT, RP-initiated logout), with one registered client and
 * test identities for the demo accounts. Its interaction step is a plain French page where one chooses (or types) the identity.
 *
 *   node scripts/stand-ins/proconnect.mjs --port 0 --client-id ID --client-secret SECRET \
 *     --redirect-uri URL [--post-logout-redirect-uri URL] [--clock-offset-seconds=N]
 *
 * Every option may come from the environment instead (PROCONNECT_PORT, PROCONNECT_CLIENT_ID, …,
 * PROCONNECT_HOST). Once listening it prints one JSON line, `{"issuer":"http://127.0.0.1:PORT"}`, so a test
 * or a script can start it on a free port (0). `--clock-offset-seconds=-7200` runs the provider two hours in
 * the past: it still is the real provider, issuing real tokens, but its ID tokens have already expired.
 */
import { generateKeyPairSync, createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    host: { type: 'string', default: process.env.PROCONNECT_HOST ?? '127.0.0.1' },
    port: { type: 'string', default: process.env.PROCONNECT_PORT ?? '0' },
    'client-id': { type: 'string', default: process.env.PROCONNECT_CLIENT_ID },
    'client-secret': { type: 'string', default: process.env.PROCONNECT_CLIENT_SECRET },
    'redirect-uri': { type: 'string', multiple: true, default: splitList(process.env.PROCONNECT_REDIRECT_URIS) },
    'post-logout-redirect-uri': {
      type: 'string',
      multiple: true,
      default: splitList(process.env.PROCONNECT_POST_LOGOUT_REDIRECT_URIS),
    },
    'clock-offset-seconds': { type: 'string', default: process.env.PROCONNECT_CLOCK_OFFSET_SECONDS ?? '0' },
  },
});

function splitList(value) {
  return value ? value.split(',').filter(Boolean) : [];
}

if (!args['client-id'] || !args['client-secret'] || args['redirect-uri'].length === 0) {
  console.error('proconnect stand-in: --client-id, --client-secret and --redirect-uri are required');
  process.exit(2);
}

const clockOffsetMs = Number(args['clock-offset-seconds']) * 1000;
if (clockOffsetMs) {
  const realNow = Date.now.bind(Date);
  Date.now = () => realNow() + clockOffsetMs;
}

/** The demo seed's accounts (and one that names no account), as ProConnect would describe these agents. */
const IDENTITIES = [
  ['admin@demo.iss.local', 'Alice', 'Martin'],
  ['delegue@demo.iss.local', 'Denis', 'Roux'],
  ['chargee@demo.iss.local', 'Claire', 'Bernard'],
  ['referent31@demo.iss.local', 'Rémi', 'Garcia'],
  ['referent34@demo.iss.local', 'Rose', 'Fabre'],
  ['membre@demo.iss.local', 'Marc', 'Lopez'],
  ['auditeur@demo.iss.local', 'Agnès', 'Petit'],
  ['inconnu@demo.iss.local', 'Ines', 'Connue'],
];

/** A stable `sub` per e-mail, unless the form names another one (an agent re-registered at the federation). */
const subOf = (email) => createHash('sha256').update(`proconnect:${email}`).digest('hex').slice(0, 32);

/** The e-mail of each subject that signed in (the provider's `sub` is its account id). */
const emails = new Map();

function accountOf(sub) {
  const email = emails.get(sub);
  if (!email) return undefined;
  const known = IDENTITIES.find(([address]) => address === email);
  const [givenName, usualName] = known ? known.slice(1) : [email.split('@')[0], 'Agent'];
  return {
    accountId: sub,
    async claims() {
      return {
        sub,
        email,
        given_name: givenName,
        usual_name: usualName,
        siret: '13000548100010',
        uid: sub.slice(0, 12),
      };
    },
  };
}

const PROCONNECT_SCOPES = ['email', 'given_name', 'usual_name', 'siret', 'uid'];
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

const providerConfiguration = {
  clients: [
    {
      client_id: args['client-id'],
      client_secret: args['client-secret'],
      redirect_uris: args['redirect-uri'],
      post_logout_redirect_uris: args['post-logout-redirect-uri'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
      // ProConnect answers the userinfo endpoint with a signed JWT.
      userinfo_signed_response_alg: 'RS256',
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'stand-in', use: 'sig', alg: 'RS256' }] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  scopes: ['openid', ...PROCONNECT_SCOPES],
  claims: Object.fromEntries([['openid', ['sub']], ...PROCONNECT_SCOPES.map((scope) => [scope, [scope]])]),
  acrValues: ['eidas1'],
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: false },
    jwtUserinfo: { enabled: true },
    rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: (_ctx, sub) => accountOf(sub),
  // The agent's consent is ProConnect's business, not this client's: every scope asked is granted.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(['openid', ...PROCONNECT_SCOPES].join(' '));
    await grant.save();
    return grant;
  },
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page(
      'Erreur',
      `<h1>Erreur du fournisseur d’identité</h1><p>${escape(out.error_description ?? out.error)}</p>`,
    );
  },
};
/** Made once the server listens: the issuer names the port it got. */
let provider;

const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

function page(title, body) {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${title} – ProConnect (simulateur)</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#161616}
fieldset{border:1px solid #ddd;padding:1rem;margin-bottom:1rem}label{display:block;margin:.4rem 0}
input[type=text],input[type=email]{width:100%;padding:.4rem;font-size:1rem}
button{font-size:1rem;padding:.5rem 1rem;margin-right:.5rem;background:#000091;color:#fff;border:0;cursor:pointer}
button.secondary{background:#fff;color:#000091;border:1px solid #000091}</style></head>
<body><main>${body}</main></body></html>`;
}

function loginPage(uid) {
  const choices = IDENTITIES.map(
    ([email, given, usual], i) =>
      `<label><input type="radio" name="email" value="${email}"${i === 0 ? ' checked' : ''}> ${given} ${usual} (${email})</label>`,
  ).join('');
  return page(
    'Choisir une identité',
    `<h1>ProConnect – simulateur local</h1>
<p>Ce fournisseur d’identité de démonstration remplace ProConnect : choisissez l’agent sous l’identité duquel vous vous connectez.</p>
<form method="post" action="/interaction/${uid}/login">
<fieldset><legend>Identité</legend>${choices}
<label><input type="radio" name="email" value="other"> Une autre adresse :</label>
<label for="other-email">Adresse électronique (si « une autre adresse »)</label>
<input type="email" id="other-email" name="otherEmail" autocomplete="off">
<label for="sub">Identifiant ProConnect « sub » (facultatif : un autre identifiant que celui de cette adresse)</label>
<input type="text" id="sub" name="sub" autocomplete="off">
</fieldset>
<button type="submit">Se connecter</button>
<button type="submit" class="secondary" formaction="/interaction/${uid}/abort">Refuser</button>
</form>`,
  );
}

async function logoutSource(ctx, form) {
  ctx.body = page(
    'Déconnexion',
    `<h1>Se déconnecter de ProConnect ?</h1>${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Se déconnecter</button>
<button type="submit" class="secondary" form="op.logoutForm">Rester connecté</button>`,
  );
}

async function postLogoutSuccessSource(ctx) {
  ctx.body = page('Déconnecté', '<h1>Vous êtes déconnecté de ProConnect.</h1>');
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

/** The interaction step (GET shows the page, POST …/login signs in, POST …/abort refuses); the rest is the provider's. */
async function interaction(req, res, [, uid, action]) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (req.method === 'GET' && !action) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(loginPage(uid));
    return;
  }
  if (req.method !== 'POST') throw new Error('method not allowed');
  if (action === 'abort') {
    const result = { error: 'access_denied', error_description: 'L’agent a refusé la connexion' };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    return;
  }
  const form = await readForm(req);
  const email = (form.get('email') === 'other' ? form.get('otherEmail') : form.get('email'))?.trim().toLowerCase();
  if (!email) throw new Error('an e-mail is required');
  const sub = form.get('sub')?.trim() || subOf(email);
  emails.set(sub, email);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: sub, acr: 'eidas1', amr: ['pwd'] } },
    { mergeWithLastSubmission: false },
  );
}

let callback;
const server = createServer((req, res) => {
  const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(new URL(req.url, 'http://x').pathname);
  if (!match) return callback(req, res);
  interaction(req, res, match).catch((error) => {
    if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page('Erreur', `<h1>Erreur</h1><p>${escape(error.message)}</p>`));
  });
});

server.listen(Number(args.port), args.host, () => {
  const issuer = `http://${args.host}:${server.address().port}`;
  provider = new Provider(issuer, providerConfiguration);
  callback = provider.callback();
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
