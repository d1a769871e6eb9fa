import request from 'supertest';
import { REPORT_KINDS } from '@app/vocabulary';
import type { Browser } from 'playwright-core';
import { launchBrowser, signIn } from './support/browser';
import { api, DEMO, login, until } from './support/http';
import { Stack } from './support/stack';

const METRICS_TOKEN = 'metrics-e2e-token-0123456789';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (comment lines apart, one `name{labels} value` a line). */
function samplesOf(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, name, labels = '', value] = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line) ?? [];
      if (!name) throw new Error(`not a Prometheus sample: ${line}`);
      const pairs = [...labels.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, v]) => [key, v]);
      return { name, labels: Object.fromEntries(pairs) as Record<string, string>, value: Number(value) };
    });
}

const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

describe('metrics (/metrics) and the job dashboard (/admin/queues)', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: string;
  let referent: string;

  const scrape = async () => {
    const res = await request(stack.baseUrl).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    return samplesOf(res.text);
  };

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('metrics', { env: { METRICS_TOKEN } }), launchBrowser()]);
    [admin, referent] = await Promise.all([login(stack, DEMO.admin), login(stack, DEMO.referent31)]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('refuses /metrics without the token, with another one, or with a session token', async () => {
    const anonymous = await request(stack.baseUrl).get('/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'auth.required' });
    expect(anonymous.text).not.toContain('http_request_duration_seconds');
    for (const authorization of [
      `Bearer ${METRICS_TOKEN}x`,
      `Bearer ${admin}`,
      `Basic ${METRICS_TOKEN}`,
      METRICS_TOKEN,
    ]) {
      const res = await request(stack.baseUrl).get('/metrics').set('authorization', authorization);
      expect({ authorization, status: res.status }).toEqual({ authorization, status: 401 });
    }
    // Nor does a browser session open it.
    expect((await request(stack.baseUrl).get('/metrics').set('cookie', `iss_session=${admin}`)).status).toBe(401);
  });

  it('answers Prometheus text with the token: request durations by route template and status, never by URL', async () => {
    const [projectId] = (await stack.db.query('SELECT id FROM project ORDER BY id LIMIT 2')).rows.map((r) => r.id);
    await api(stack, referent).get('/api/projects').expect(200);
    await api(stack, referent).get(`/api/projects/${projectId}`).expect(200);
    await api(stack, referent).get(`/api/projects/${projectId}?x=1`).expect(200);
    await api(stack).get('/api/projects').expect(401);
    await request(stack.baseUrl).delete(`/no-such-route/${projectId}`).expect(404);

    const res = await request(stack.baseUrl).get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
    const samples = samplesOf(res.text);
    const count = (labels: Record<string, string>) =>
      find(samples, 'http_request_duration_seconds_count', labels).map((s) => s.value);
    expect(count({ method: 'GET', route: '/api/projects', status_code: '200' })).toEqual([1]);
    expect(count({ method: 'GET', route: '/api/projects', status_code: '401' })).toEqual([1]);
    expect(count({ method: 'GET', route: '/api/projects/:id', status_code: '200' })).toEqual([2]);
    expect(count({ method: 'DELETE', route: 'unmatched', status_code: '404' })).toEqual([1]);
    const buckets = find(samples, 'http_request_duration_seconds_bucket', { route: '/api/projects/:id' });
    expect(buckets.find((b) => b.labels.le === '+Inf')?.value).toBe(2);
    // No URL becomes a label: ids and query strings would make a series each.
    expect(samples.filter((s) => s.labels.route?.includes(projectId))).toEqual([]);
    // The processes' own metrics: the api's unprefixed, the workers' prefixed.
    expect(find(samples, 'process_cpu_seconds_total')).toHaveLength(1);
    expect(find(samples, 'iss_worker_process_cpu_seconds_total')).toHaveLength(1);
  });

  it('counts the report jobs the worker ran, by kind and outcome, with their durations', async () => {
    const before = find(await scrape(), 'iss_report_jobs_total', { kind: 'directory', outcome: 'done' });
    const requested = await api(stack, admin).post('/api/reports').send({ kind: 'directory', params: {} });
    expect(requested.status).toBe(202);
    await until(
      async () => (await api(stack, admin).get(`/api/reports/${requested.body.id}`)).body.status as string,
      (status) => status === 'done',
    );
    const done = await until(
      async () => find(await scrape(), 'iss_report_jobs_total', { kind: 'directory', outcome: 'done' }),
      (found) => found.length === 1 && found[0].value === (before[0]?.value ?? 0) + 1,
    );
    expect(done).toHaveLength(1);
    const samples = await scrape();
    expect(find(samples, 'iss_report_job_duration_seconds_count', { kind: 'directory' })[0].value).toBeGreaterThan(0);
    expect(find(samples, 'iss_report_job_duration_seconds_sum', { kind: 'directory' })[0].value).toBeGreaterThan(0);
    // Every kind and outcome is there from the worker's start, at 0 until it happens.
    expect(find(samples, 'iss_report_jobs_total', { outcome: 'failed' }).map((s) => s.value)).toEqual(
      REPORT_KINDS.map(() => 0),
    );
    expect(find(samples, 'iss_report_jobs_total', { kind: 'funding', outcome: 'done' })[0].value).toBe(0);
  });

  it('measures the queue, the database pools, the rendering threads and the audit chain’s last verification', async () => {
    const samples = await scrape();
    const states = find(samples, 'iss_queue_jobs', { queue: 'jobs' }).map((s) => s.labels.state);
    expect(states.sort()).toEqual(['active', 'delayed', 'failed', 'waiting']);
    expect(find(samples, 'iss_db_pool_connections', { state: 'total' })[0].value).toBeGreaterThan(0);
    expect(find(samples, 'iss_db_pool_waiting_requests')).toHaveLength(1);
    expect(find(samples, 'iss_worker_db_pool_connections', { state: 'total' })[0].value).toBeGreaterThan(0);
    expect(find(samples, 'iss_worker_render_pool_threads', { state: 'threads' })[0].value).toBeGreaterThan(0);
    // Never verified yet: the time is 0 and no outcome is given.
    expect(find(samples, 'iss_audit_verification_last_timestamp_seconds')[0].value).toBe(0);
    expect(find(samples, 'iss_audit_verification_last_outcome')).toEqual([]);

    const auditor = await login(stack, DEMO.auditor);
    const run = await api(stack, auditor).post('/api/audit-events/verifications').expect(202);
    await until(
      async () => (await api(stack, auditor).get(`/api/audit-events/verifications/${run.body.id}`)).body.status,
      (status) => status === 'done',
    );
    const after = await scrape();
    const outcomes = find(after, 'iss_audit_verification_last_outcome').map((s) => [s.labels.outcome, s.value]);
    expect(Object.fromEntries(outcomes)).toEqual({ ok: 1, broken: 0, failed: 0 });
    const at = find(after, 'iss_audit_verification_last_timestamp_seconds')[0].value;
    expect(Math.abs(at - Date.now() / 1000)).toBeLessThan(60);
  });

  describe('the job dashboard', () => {
    const PATHS = ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/static/images/logo.svg'];

    it('refuses a visitor (401) and any role but the admin (403), on its page, its API and its files', async () => {
      for (const path of PATHS) {
        const anonymous = await request(stack.baseUrl).get(path);
        expect({ path, status: anonymous.status, code: anonymous.body.code }).toEqual({
          path,
          status: 401,
          code: 'auth.required',
        });
        const other = await request(stack.baseUrl).get(path).set('authorization', `Bearer ${referent}`);
        expect({ path, status: other.status }).toEqual({ path, status: 403 });
        const otherCookie = await request(stack.baseUrl).get(path).set('cookie', `iss_session=${referent}`);
        expect({ path, status: otherCookie.status }).toEqual({ path, status: 403 });
      }
    });

    it('opens for the admin, by bearer token or session cookie, read-only', async () => {
      for (const auth of [
        ['authorization', `Bearer ${admin}`],
        ['cookie', `iss_session=${admin}`],
      ] as const) {
        const page = await request(stack.baseUrl).get('/admin/queues').set(auth[0], auth[1]);
        expect(page.status).toBe(200);
        expect(page.headers['content-type']).toMatch(/^text\/html/);
        expect(page.text).toContain('<base href="/admin/queues/"');
        expect(page.text).not.toContain('fonts.googleapis.com');
        const queues = await request(stack.baseUrl).get('/admin/queues/api/queues').set(auth[0], auth[1]);
        expect(queues.status).toBe(200);
        expect(queues.body.queues).toEqual([expect.objectContaining({ name: 'jobs', readOnlyMode: true })]);
      }
      // Read-only on the server's side too: the admin's bearer token cannot pause or clean the queue.
      const bearer = (path: string) => request(stack.baseUrl).put(path).set('authorization', `Bearer ${admin}`);
      expect((await bearer('/admin/queues/api/queues/jobs/pause')).status).toBe(405);
      expect((await bearer('/admin/queues/api/queues/jobs/clean/failed')).status).toBe(405);
      const after = await request(stack.baseUrl)
        .get('/admin/queues/api/queues')
        .set('authorization', `Bearer ${admin}`);
      expect(after.body.queues[0].isPaused).toBe(false);
    });

    it('opens in Chromium from the admin’s accounts screen, without a console error, showing the jobs queue', async () => {
      const page = await signIn(browser, stack, DEMO.admin);
      await page.getByRole('link', { name: 'Comptes' }).first().click();
      await page.getByRole('link', { name: 'tableau de bord des tâches' }).click();
      await page.waitForURL('**/admin/queues');
      await page.getByText('jobs', { exact: true }).first().waitFor();
      expect(await page.title()).toBe('Tâches ISS');
    });

    // Last: its own stack flushes the suite's Redis database, which the first stack shares.
    it('lets the admin act on the queue only once told to, each action audited first', async () => {
      const writable = await Stack.start('metrics_writable_board', {
        worker: false,
        env: { BULL_BOARD_READ_ONLY: 'false' },
      });
      try {
        const token = await login(writable, DEMO.admin);
        const put = (path: string) => request(writable.baseUrl).put(path);
        expect((await put('/admin/queues/api/queues/jobs/pause').set('authorization', `Bearer ${token}`)).status).toBe(
          200,
        );
        // The page's own requests carry the session cookie without X-Requested-With: the CSRF check refuses them.
        const viaCookie = await put('/admin/queues/api/queues/jobs/resume').set('cookie', `iss_session=${token}`);
        expect({ status: viaCookie.status, code: viaCookie.body.code }).toEqual({
          status: 403,
          code: 'request.cross_site',
        });
        expect((await put('/admin/queues/api/queues/jobs/resume').set('authorization', `Bearer ${token}`)).status).toBe(
          200,
        );
        const { rows } = await writable.db.query(
          `SELECT e.after, u.email FROM audit_event e JOIN app_user u ON u.id = e.actor_id
            WHERE e.action = 'job_queue.action' ORDER BY e.id`,
        );
        expect(rows).toEqual([
          { email: DEMO.admin, after: { request: 'PUT /admin/queues/api/queues/jobs/pause' } },
          { email: DEMO.admin, after: { request: 'PUT /admin/queues/api/queues/jobs/resume' } },
        ]);
      } finally {
        await writable.stop();
      }
    });
  });
});
