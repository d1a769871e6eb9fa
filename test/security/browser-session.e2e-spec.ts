import { createHmac, randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { api, DEMO, login } from '../support/http';
import { launchBrowser, signIn } from '../support/browser';
import { Stack } from '../support/stack';

/** What a browser session sends on its own: the cookie, nothing else. */
const cookieOf = (token: string) => `iss_session=${token}`;

describe('browser sessions: CSRF, CSP and idle timeout', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start('browser_session', { worker: false });
  });
  afterAll(() => stack.stop());

  describe('CSRF: a write authenticated by the cookie needs X-Requested-With or a JSON body', () => {
    const bodies = async () => Number((await stack.db.query('SELECT count(*) FROM body')).rows[0].count);

    it.each([
      ['text/plain', '{"kind":"working_group","name":"Forgé"}'],
      ['application/x-www-form-urlencoded', 'kind=working_group&name=Forg%C3%A9'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="kind"\r\n\r\nworking_group\r\n--x--\r\n',
      ],
    ])('refuses a cross-site "simple" %s POST with the cookie, and writes nothing', async (type, body) => {
      const token = await login(stack, DEMO.delegate);
      const before = await bodies();
      const res = await api(stack)
        .post('/api/bodies')
        .set('cookie', cookieOf(token))
        .set('content-type', type)
        .send(body);
      expect(res.status).toBe(403);
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: expect.stringMatching(/CSRF/),
        code: 'request.cross_site',
      });
      expect(await bodies()).toBe(before);
    });

    it('refuses a logout without a body or with text/plain: the session still works; with the header it ends (204)', async () => {
      const token = await login(stack, DEMO.auditor);
      const logout = () => api(stack).post('/api/auth/logout').set('cookie', cookieOf(token));
      expect((await logout()).status).toBe(403);
      expect((await logout().set('content-type', 'text/plain').send('x')).status).toBe(403);
      expect((await api(stack).get('/api/auth/me').set('cookie', cookieOf(token))).status).toBe(200);
      expect((await logout().set('x-requested-with', 'iss-web')).status).toBe(204);
      expect((await api(stack).get('/api/auth/me').set('cookie', cookieOf(token))).status).toBe(401);
    });

    it('accepts a JSON body with the cookie (a cross-site page cannot send one without a preflight)', async () => {
      const token = await login(stack, DEMO.delegate);
      const res = await api(stack)
        .post('/api/bodies')
        .set('cookie', cookieOf(token))
        .send({ kind: 'working_group', name: 'Groupe créé depuis le navigateur' });
      expect(res.status).toBe(201);
    });

    it('leaves bearer tokens alone: a POST without body nor content type works', async () => {
      const token = await login(stack, DEMO.officer);
      expect((await api(stack, token).post('/api/auth/logout')).status).toBe(204);
    });
  });

  describe('CSP', () => {
    const scriptSrc = (csp: string) =>
      csp
        .split(';')
        .find((d) => d.trim().startsWith('script-src'))
        ?.trim();

    it.each(['/', '/projets', '/commission/seances/123', '/api/docs'])(
      'serves %s with a script-src that allows no inline script',
      async (path) => {
        const res = await api(stack).get(path).set('accept', 'text/html');
        expect(res.status).toBe(200);
        expect(scriptSrc(String(res.headers['content-security-policy']))).toBe("script-src 'self'");
      },
    );

    describe('in a browser', () => {
      let browser: Browser;
      beforeAll(async () => {
        browser = await launchBrowser();
      });
      afterAll(() => browser.close());

      it('renders the web app and the OpenAPI UI without a CSP violation', async () => {
        const page = await signIn(browser, stack, DEMO.delegate);
        const violations: string[] = [];
        page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
        await page.goto('/');
        await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
        await page.goto('/api/docs');
        await page.getByText('POST', { exact: true }).first().waitFor();
        expect(violations).toEqual([]);
      });

      it('sends X-Requested-With from the web app: signing out (a POST without body) ends the session', async () => {
        const page = await signIn(browser, stack, DEMO.member);
        const revoked = async () => Number((await stack.db.query('SELECT count(*) FROM revoked_token')).rows[0].count);
        const before = await revoked();
        const logout = page.waitForResponse((r) => r.url().endsWith('/api/auth/logout'));
        await page.getByRole('button', { name: 'Se déconnecter' }).click();
        expect((await logout).status()).toBe(204);
        expect(await revoked()).toBe(before + 1);
        await page.context().close();
      });
    });
  });

  describe('idle timeout of cookie sessions (SESSION_IDLE_MINUTES, 30 by default)', () => {
    const secret = () => stack.env.JWT_SECRET;
    const now = () => Math.floor(Date.now() / 1000);
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    /** A session signed in `minutesAgo` minutes ago (forged with the secret, as the api would sign it). */
    const sessionFrom = async (minutesAgo: number) => {
      const { sub } = JSON.parse(
        Buffer.from((await login(stack, DEMO.referent31)).split('.')[1], 'base64url').toString(),
      );
      const iat = now() - minutesAgo * 60;
      const claims = {
        sub,
        jti: randomUUID(),
        iat,
        exp: iat + 8 * 3600,
        iss: 'iss-back-office',
        aud: 'iss-back-office-api',
      };
      const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
      return {
        jti: claims.jti,
        token: `${unsigned}.${createHmac('sha256', secret()).update(unsigned).digest('base64url')}`,
      };
    };
    const me = (token: string) => api(stack).get('/api/auth/me').set('cookie', cookieOf(token));
    const lastSeen = async (jti: string) =>
      (await stack.db.query('SELECT last_seen_at FROM session_activity WHERE jti = $1', [jti])).rows[0]
        ?.last_seen_at as Date | undefined;

    it('refuses a cookie session unused for more than 30 minutes since sign-in; the bearer token is not affected', async () => {
      const { token } = await sessionFrom(31);
      expect((await me(token)).status).toBe(401);
      expect((await api(stack, token).get('/api/auth/me')).status).toBe(200);
    });

    it('keeps alive a session used recently, recording its use at most once a minute', async () => {
      const { token, jti } = await sessionFrom(40);
      await stack.db.query(
        `INSERT INTO session_activity (jti, last_seen_at, expires_at) VALUES ($1, now() - interval '20 minutes', now() + interval '1 hour')`,
        [jti],
      );
      expect((await me(token)).status).toBe(200);
      const touched = await lastSeen(jti);
      expect(Date.now() - touched!.getTime()).toBeLessThan(10_000);
      expect((await me(token)).status).toBe(200);
      expect(await lastSeen(jti)).toEqual(touched);
    });

    it('refuses a session whose last use is older than the timeout', async () => {
      const { token, jti } = await sessionFrom(60);
      await stack.db.query(
        `INSERT INTO session_activity (jti, last_seen_at, expires_at) VALUES ($1, now() - interval '31 minutes', now() + interval '1 hour')`,
        [jti],
      );
      expect((await me(token)).status).toBe(401);
    });

    it('does not write on a fresh session request (used less than a minute ago)', async () => {
      const { token, jti } = await sessionFrom(0);
      expect((await me(token)).status).toBe(200);
      expect(await lastSeen(jti)).toBeUndefined();
    });
  });
});
