import { randomUUID } from 'node:crypto';
import { until } from './support/http';
import { Stack } from './support/stack';

describe('the worker purges what authentication no longer needs (AUTH_PURGE_INTERVAL_SECONDS)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await Stack.start('auth_purge', { worker: false });
  });
  afterAll(() => stack.stop());

  it('deletes expired revocations and session activity and failures past the 15-minute window, keeps live ones', async () => {
    const userId = (await stack.db.query(`SELECT id FROM app_user ORDER BY email LIMIT 1`)).rows[0].id as string;
    const [expiredToken, liveToken] = [randomUUID(), randomUUID()];
    await stack.db.query(
      `INSERT INTO revoked_token (jti, user_id, expires_at) VALUES
         ($1, $3, now() - interval '1 minute'), ($2, $3, now() + interval '1 hour')`,
      [expiredToken, liveToken, userId],
    );
    await stack.db.query(
      `INSERT INTO session_activity (jti, last_seen_at, expires_at) VALUES
         ($1, now() - interval '2 hours', now() - interval '1 minute'), ($2, now(), now() + interval '1 hour')`,
      [expiredToken, liveToken],
    );
    await stack.db.query(
      `INSERT INTO login_failure (email, address, at) VALUES
         ('old@test.iss.local', '127.0.0.1', now() - interval '16 minutes'),
         ('recent@test.iss.local', '127.0.0.1', now() - interval '14 minutes')`,
    );
    const left = async () => ({
      revoked: (await stack.db.query('SELECT jti FROM revoked_token')).rows.map((r) => r.jti),
      sessions: (await stack.db.query('SELECT jti FROM session_activity')).rows.map((r) => r.jti),
      failures: (await stack.db.query('SELECT email FROM login_failure')).rows.map((r) => r.email),
    });
    // Nothing purges without the worker.
    expect((await left()).failures).toHaveLength(2);

    await stack.startWorker({ AUTH_PURGE_INTERVAL_SECONDS: '1' });
    const after = await until(
      left,
      (l) => l.revoked.length === 1 && l.sessions.length === 1 && l.failures.length === 1,
    );
    expect(after).toEqual({ revoked: [liveToken], sessions: [liveToken], failures: ['recent@test.iss.local'] });
  });
});
