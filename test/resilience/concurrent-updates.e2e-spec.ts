import { api, DEMO, login } from '../support/http';
import { Stack } from '../support/stack';
import { tallyOf } from './traffic';

/**
 * Fault: many people write the same object at once, each from the version they read. TypeORM's
 * `save()` with `@VersionColumn` would let every one of them through; the update is conditional on
 * the version, so exactly one wins and the others are told to reload.
 */
describe('resilience: 50 referents update the same action with the same version', () => {
  let stack: Stack;
  let referents: { id: string; token: string }[];
  let actionId: string;

  beforeAll(async () => {
    stack = await Stack.start('res-concurrent-updates', { worker: false });
    const officer = await login(stack, DEMO.officer);
    await api(stack, officer)
      .post('/api/roadmaps')
      .send({ year: 2031, axes: [{ code: 'PE', label: 'Petite enfance' }] })
      .expect(201);
    const action = await api(stack, officer)
      .post('/api/roadmaps/2031/actions')
      .send({ axisCode: 'PE', title: 'Ateliers parentalité', pilot: 'CAF', departmentCodes: ['31'] })
      .expect(201);
    actionId = action.body.id;
    // Fifty referents of Haute-Garonne, with the demo referent's password (hashing fifty would only slow the suite).
    const { rows } = await stack.db.query(
      `WITH u AS (
         INSERT INTO app_user (email, display_name, password_hash, roles)
         SELECT 'referent31-' || i || '@test.iss.local', 'Référente 31 n° ' || i, password_hash, ARRAY['departmental_referent']
         FROM app_user, generate_series(1, 50) i WHERE email = $1 RETURNING id, email)
       INSERT INTO user_department (user_id, department_code) SELECT id, '31' FROM u RETURNING user_id AS id`,
      [DEMO.referent31],
    );
    const ids: string[] = rows.map((r: { id: string }) => r.id);
    const { rows: users } = await stack.db.query('SELECT id, email FROM app_user WHERE id = ANY($1::uuid[])', [ids]);
    referents = [];
    for (let i = 0; i < users.length; i += 10) {
      const batch = users.slice(i, i + 10) as { id: string; email: string }[];
      referents.push(
        ...(await Promise.all(batch.map(async (u) => ({ id: u.id, token: await login(stack, u.email) })))),
      );
    }
  });
  afterAll(() => stack.stop());

  it('exactly one wins, the 49 others get 409, the history has one entry and the audit trail one update', async () => {
    expect(referents).toHaveLength(50);
    const { version } = (await api(stack, referents[0].token).get(`/api/actions/${actionId}`)).body;
    const answers = await Promise.all(
      referents.map((r, i) =>
        api(stack, r.token)
          .patch(`/api/actions/${actionId}`)
          .send({ version, progressPercent: i + 1, comment: `Point d’étape n° ${i + 1}` }),
      ),
    );

    expect(tallyOf(answers)).toEqual({ 200: 1, 409: 49 });
    const winner = answers.findIndex((a) => a.status === 200);
    const action = (await api(stack, referents[0].token).get(`/api/actions/${actionId}`)).body;
    expect(action).toMatchObject({ version: version + 1, progressPercent: winner + 1 });
    const history = (await api(stack, referents[0].token).get(`/api/actions/${actionId}/updates`)).body;
    expect(history.total).toBe(1);
    expect(history.items[0]).toMatchObject({
      comment: `Point d’étape n° ${winner + 1}`,
      changes: { progressPercent: { from: 0, to: winner + 1 } },
    });
    const audited = await stack.db.query(
      `SELECT actor_id FROM audit_event WHERE action = 'action.update' AND entity_id = $1`,
      [actionId],
    );
    expect(audited.rows).toEqual([{ actor_id: referents[winner].id }]);
  });
});
