import type { Page } from 'playwright-core';
import { PROCONNECT_REFUSALS } from '@app/vocabulary';
import { expectAccessible, launchBrowser, openApp, signIn as signInWithPassword } from './support/browser';
import { createUser } from './support/factories';
import { api, DEMO, login } from './support/http';
import { CookieAgent, proconnectEnv, ProConnectStandIn } from './support/proconnect';
import { Stack } from './support/stack';

const UNKNOWN = 'inconnu@demo.iss.local';

/** Through the provider's pages as `email`, up to (not into) the api's callback; the callback's URL. */
async function atProvider(
  stack: Stack,
  agent: CookieAgent,
  identity: { email: string; sub?: string; refuse?: boolean },
  changeRequest: (authorize: URL) => void = () => undefined,
): Promise<URL> {
  const start = await agent.get(`${stack.baseUrl}/api/auth/proconnect/login`);
  const authorize = new URL(start.headers.get('location')!);
  changeRequest(authorize);
  const page = await agent.follow(authorize.toString());
  expect(page.url.pathname).toMatch(/^\/interaction\//);
  expect(await page.response!.text()).toContain('ProConnect – simulateur local');
  const action = `${page.url.origin}${page.url.pathname}/${identity.refuse ? 'abort' : 'login'}`;
  const form = { email: 'other', otherEmail: identity.email, sub: identity.sub ?? '' };
  const answer = await agent.postForm(action, form);
  const isCallback = (url: URL) => url.pathname === '/api/auth/proconnect/callback';
  return (await agent.follow(new URL(answer.headers.get('location')!, action).toString(), isCallback)).url;
}

/** The api's answer to the callback: where it sends the browser. */
async function callback(agent: CookieAgent, url: URL): Promise<string> {
  const response = await agent.get(url.toString());
  expect(response.status).toBe(302);
  return response.headers.get('location')!;
}

/** A whole sign-in through the provider; where the api sends the browser in the end. */
async function signIn(
  stack: Stack,
  identity: { email: string; sub?: string; refuse?: boolean },
  agent = new CookieAgent(),
) {
  return callback(agent, await atProvider(stack, agent, identity));
}

async function lastAudit(stack: Stack, action: string) {
  const { rows } = await stack.db.query(
    `SELECT actor_id AS "actorId", entity_id AS "entityId", after FROM audit_event
     WHERE action = $1 ORDER BY id DESC LIMIT 1`,
    [action],
  );
  return rows[0];
}

/** The login page's answer to a refusal, and the refusal's audit event. */
async function expectRefused(stack: Stack, location: string, refusal: keyof typeof PROCONNECT_REFUSALS) {
  expect(location).toBe(`/connexion?proconnect=${refusal}`);
  expect(PROCONNECT_REFUSALS[refusal]).toMatch(/ProConnect|compte/);
  expect(await lastAudit(stack, 'auth.proconnect_failed')).toMatchObject({
    actorId: null,
    after: { reason: refusal, address: '127.0.0.1' },
  });
}

const me = (stack: Stack, agent: CookieAgent) =>
  fetch(`${stack.baseUrl}/api/auth/me`, {
    headers: { cookie: `iss_session=${agent.cookie(stack.baseUrl, 'iss_session')}` },
  });

describe('ProConnect sign-in', () => {
  let stack: Stack;
  let provider: ProConnectStandIn;
  let admin: string;

  beforeAll(async () => {
    const proconnect = await proconnectEnv('proconnect');
    provider = proconnect.provider;
    stack = await Stack.start('proconnect', { worker: false, env: proconnect.env });
    admin = await login(stack, DEMO.admin);
  });
  afterAll(async () => {
    await stack?.stop();
    await provider?.stop();
  });

  it('tells the login page that ProConnect is offered', async () => {
    expect((await api(stack).get('/api/auth/sign-in-options').expect(200)).body).toEqual({ proconnect: true });
  });

  it('sends the browser to the provider with state, nonce, PKCE S256, the ProConnect scopes and eidas1', async () => {
    const agent = new CookieAgent();
    const res = await agent.get(`${stack.baseUrl}/api/auth/proconnect/login`);
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get('location')!);
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/auth`);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      response_type: 'code',
      client_id: 'iss-back-office',
      redirect_uri: `${stack.baseUrl}/api/auth/proconnect/callback`,
      scope: 'openid email given_name usual_name siret uid',
      acr_values: 'eidas1',
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[\w-]{32,}$/),
      nonce: expect.stringMatching(/^[\w-]{32,}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(params.nonce).not.toBe(params.state);
    const cookie = res.headers.getSetCookie().find((line) => line.startsWith('iss_proconnect_state='))!;
    expect(cookie).toContain(`iss_proconnect_state=${params.state}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('signs in the account of the identity’s e-mail, links its sub the first time, then requires it', async () => {
    const agent = new CookieAgent();
    expect(await signIn(stack, { email: DEMO.officer }, agent)).toBe('/');
    const res = await me(stack, agent);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { email: string }).email).toBe(DEMO.officer);

    const { rows } = await stack.db.query('SELECT id, oidc_sub AS "sub" FROM app_user WHERE email = $1', [
      DEMO.officer,
    ]);
    expect(rows[0].sub).toMatch(/^[0-9a-f]{32}$/);
    expect(await lastAudit(stack, 'user.link_proconnect')).toMatchObject({
      actorId: rows[0].id,
      entityId: rows[0].id,
      after: { sub: rows[0].sub },
    });
    expect(await lastAudit(stack, 'auth.login')).toMatchObject({
      actorId: rows[0].id,
      after: { method: 'proconnect' },
    });

    expect(await signIn(stack, { email: DEMO.officer })).toBe('/');
    const links = await stack.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.link_proconnect'
      AND entity_id = $1`,
      [rows[0].id],
    );
    expect(links.rows[0].n).toBe(1);

    await expectRefused(
      stack,
      await signIn(stack, { email: DEMO.officer, sub: 'another-agent-sub' }),
      'identity_mismatch',
    );
  });

  it('refuses an identity whose e-mail names no account (no self-registration)', async () => {
    await expectRefused(stack, await signIn(stack, { email: UNKNOWN }), 'unknown_account');
    expect(await lastAudit(stack, 'auth.proconnect_failed')).toMatchObject({
      entityId: 'unknown',
      after: { emailSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    const { rows } = await stack.db.query('SELECT count(*)::int AS n FROM app_user WHERE email = $1', [UNKNOWN]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a disabled account', async () => {
    const user = await createUser(stack, admin);
    await api(stack, admin).patch(`/api/users/${user.id}`).send({ disabled: true }).expect(200);
    await expectRefused(stack, await signIn(stack, { email: user.email }), 'account_disabled');
    expect(await lastAudit(stack, 'auth.proconnect_failed')).toMatchObject({ entityId: user.id });
  });

  it('refuses a callback whose state is not the browser’s, and a callback replayed', async () => {
    const agent = new CookieAgent();
    const url = await atProvider(stack, agent, { email: DEMO.delegate });
    const forged = new URL(url);
    forged.searchParams.set('state', 'forged-state');
    await expectRefused(stack, await callback(agent, forged), 'state_invalid');

    expect(await callback(agent, url)).toBe('/');
    await expectRefused(stack, await callback(agent, url), 'state_invalid');
  });

  it('refuses a code replayed under a new attempt: the provider refuses it', async () => {
    const agent = new CookieAgent();
    const used = await atProvider(stack, agent, { email: DEMO.delegate });
    expect(await callback(agent, used)).toBe('/');
    // Another browser (the first one's provider session would skip the provider's page): a new attempt.
    const other = new CookieAgent();
    const fresh = await atProvider(stack, other, { email: DEMO.delegate });
    const replay = new URL(fresh);
    replay.searchParams.set('code', used.searchParams.get('code')!);
    await expectRefused(stack, await callback(other, replay), 'code_refused');
  });

  it('refuses an ID token whose nonce is not the attempt’s', async () => {
    const agent = new CookieAgent();
    const url = await atProvider(stack, agent, { email: DEMO.delegate }, (authorize) =>
      authorize.searchParams.set('nonce', 'a-nonce-of-another-attempt'),
    );
    await expectRefused(stack, await callback(agent, url), 'nonce_invalid');
  });

  it('says so when the provider does not authenticate the agent', async () => {
    await expectRefused(stack, await signIn(stack, { email: DEMO.delegate, refuse: true }), 'provider_error');
  });

  it('lets the admin require ProConnect for a role: that role’s password sign-in is refused in French', async () => {
    const policy = api(stack, admin);
    expect((await policy.get('/api/auth/sign-in-policy').expect(200)).body).toEqual({
      proconnectConfigured: true,
      proconnectRequiredRoles: [],
    });
    await policy
      .put('/api/auth/sign-in-policy')
      .send({ proconnectRequiredRoles: ['auditor'] })
      .expect(200);
    expect(await lastAudit(stack, 'sign_in_policy.update')).toMatchObject({
      after: { proconnectRequiredRoles: ['auditor'] },
    });
    try {
      const refused = await api(stack).post('/api/auth/login').send({ email: DEMO.auditor, password: 'demo-iss-2026' });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        code: 'auth.proconnect_required',
        message: expect.stringContaining('Votre rôle impose la connexion avec ProConnect'),
      });
      expect(await lastAudit(stack, 'auth.login_refused')).toMatchObject({
        after: { reason: 'proconnect_required', address: '127.0.0.1' },
      });
      await login(stack, DEMO.member);
      expect(await signIn(stack, { email: DEMO.auditor })).toBe('/');
    } finally {
      await policy.put('/api/auth/sign-in-policy').send({ proconnectRequiredRoles: [] }).expect(200);
    }
    const member = await login(stack, DEMO.member);
    await api(stack, member).get('/api/auth/sign-in-policy').expect(403);
    await api(stack, member).put('/api/auth/sign-in-policy').send({ proconnectRequiredRoles: [] }).expect(403);
  });

  it('signs out: the session ends and the web app gets the provider’s end-session URL', async () => {
    const agent = new CookieAgent();
    expect(await signIn(stack, { email: DEMO.referent31 }, agent)).toBe('/');
    const session = agent.cookie(stack.baseUrl, 'iss_session')!;
    const res = await fetch(`${stack.baseUrl}/api/auth/proconnect/logout`, {
      method: 'POST',
      headers: { cookie: `iss_session=${session}`, 'x-requested-with': 'iss-web' },
    });
    expect(res.status).toBe(200);
    const end = new URL(((await res.json()) as { endSessionUrl: string }).endSessionUrl);
    expect(`${end.origin}${end.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${stack.baseUrl}/connexion`);
    expect((await me(stack, agent)).status).toBe(401);
    expect(await lastAudit(stack, 'auth.logout')).toBeDefined();

    const confirm = await agent.get(end.toString());
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('Se déconnecter de ProConnect ?');
  });

  /** In a browser of its own: the login page's ProConnect button, then the provider's page as `identity`. */
  async function throughProConnectButton(identity: RegExp, journey: (page: Page) => Promise<void>) {
    const browser = await launchBrowser();
    try {
      const page = await openApp(browser, stack);
      await page.goto('/connexion');
      const button = page.getByRole('link', { name: /S’identifier avec\s*ProConnect/ });
      await button.waitFor();
      await expectAccessible(page);
      await button.click();
      await page.getByRole('heading', { name: 'ProConnect – simulateur local' }).waitFor();
      await page.getByLabel(identity).check();
      await page.getByRole('button', { name: 'Se connecter' }).click();
      await journey(page);
    } finally {
      await browser.close();
    }
  }

  it('signs in in the browser with the ProConnect button and the provider’s page, then signs out at both', () =>
    throughProConnectButton(/Rose Fabre/, async (page) => {
      await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
      expect(new URL(page.url()).origin).toBe(stack.baseUrl);
      const me = await page.evaluate(() => fetch('/api/auth/me').then((res) => res.json()));
      expect(me).toMatchObject({ email: DEMO.referent34 });

      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('heading', { name: 'Se déconnecter de ProConnect ?' }).waitFor();
      await page.getByRole('button', { name: 'Se déconnecter' }).click();
      await page.getByRole('heading', { name: 'Connexion', exact: true }).waitFor();
      expect(page.url()).toBe(`${stack.baseUrl}/connexion`);
    }));

  it('says on the login page why ProConnect refused the sign-in', () =>
    throughProConnectButton(/Ines Connue/, async (page) => {
      await page.getByText(PROCONNECT_REFUSALS.unknown_account).waitFor();
      expect(page.url()).toBe(`${stack.baseUrl}/connexion?proconnect=unknown_account`);
    }));

  it('lets the admin tick the roles that require ProConnect on the accounts screen', async () => {
    const browser = await launchBrowser();
    try {
      const page = await signInWithPassword(browser, stack, DEMO.admin, '/comptes');
      const form = page.getByRole('form', { name: 'Connexion avec ProConnect' });
      await form.locator('label', { hasText: /^Membre de la commission$/ }).click();
      await form.getByRole('button', { name: 'Enregistrer les rôles' }).click();
      await form.getByText('Réglage enregistré.').waitFor();
      const policy = await api(stack, admin).get('/api/auth/sign-in-policy').expect(200);
      expect(policy.body.proconnectRequiredRoles).toEqual(['commission_member']);
    } finally {
      await api(stack, admin).put('/api/auth/sign-in-policy').send({ proconnectRequiredRoles: [] }).expect(200);
      await browser.close();
    }
  });

  it('signs out a password session without a provider to call', async () => {
    const token = await login(stack, DEMO.delegate);
    const res = await api(stack, token).post('/api/auth/proconnect/logout').expect(200);
    expect(res.body).toEqual({ endSessionUrl: null });
    await api(stack, token).get('/api/auth/me').expect(401);
  });
});

describe('ProConnect sign-in with an expired ID token, and a flood of refusals', () => {
  let stack: Stack;
  let provider: ProConnectStandIn;

  beforeAll(async () => {
    // The real provider, its clock two hours behind: the ID tokens it issues have expired an hour ago.
    const proconnect = await proconnectEnv('proconnect-expired', -7200);
    provider = proconnect.provider;
    const env = { ...proconnect.env, LOGIN_MAX_FAILURES_PER_ADDRESS: '3' };
    stack = await Stack.start('proconnect-expired', { worker: false, env });
  });
  afterAll(async () => {
    await stack?.stop();
    await provider?.stop();
  });

  it('refuses it', async () => {
    await expectRefused(stack, await signIn(stack, { email: DEMO.delegate }), 'id_token_expired');
  });

  it('refuses a flood of forged callbacks, auditing them only up to the address’s limit', async () => {
    const agent = new CookieAgent();
    const forged = new URL(`${stack.baseUrl}/api/auth/proconnect/callback?code=x&state=forged`);
    for (let i = 0; i < 4; i += 1) expect(await callback(agent, forged)).toBe('/connexion?proconnect=state_invalid');
    const { rows } = await stack.db.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.proconnect_failed'`,
    );
    expect(rows[0].n).toBe(3);
  });
});

describe('without ProConnect configured', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start('proconnect-off', { worker: false });
  });
  afterAll(() => stack?.stop());

  it('answers 404 to its routes and the login page offers passwords only', async () => {
    expect((await api(stack).get('/api/auth/sign-in-options').expect(200)).body).toEqual({ proconnect: false });
    const res = await api(stack).get('/api/auth/proconnect/login').expect(404);
    expect(res.body.code).toBe('proconnect.not_configured');
    await api(stack).get('/api/auth/proconnect/callback?code=x&state=y').expect(404);
  });
});
