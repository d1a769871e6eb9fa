import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';

interface ActionItem {
  id: string;
  title: string;
  overdue: boolean;
  stale: boolean;
  canUpdate: boolean;
}

/** What the referents' and members' screens ask of the API beyond the contract. */
describe('department and member views', () => {
  let stack: Stack;
  let officer: string;
  let referent31: string;
  let referent34: string;
  let member: string;

  beforeAll(async () => {
    stack = await Stack.start('department-views', { worker: false });
    [officer, referent31, referent34, member] = await Promise.all(
      [DEMO.officer, DEMO.referent31, DEMO.referent34, DEMO.member].map((email) => login(stack, email)),
    );
  });
  afterAll(() => stack.stop());

  async function addAction(title: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await api(stack, officer)
      .post('/api/roadmaps/2022/actions')
      .send({ axisCode: 'PE', title, pilot: 'Mission ISS', departmentCodes: ['31'], ...extra });
    expect(res.status).toBe(201);
    return res.body.id;
  }

  it('lists a department’s actions overdue first, then those without update for 90 days', async () => {
    const overdue = await addAction('Action échue', { endsOn: '2024-06-30' });
    const stale = await addAction('Action oubliée');
    await stack.db.query(`UPDATE action SET created_at = now() - interval '120 days' WHERE id = $1`, [stale]);

    const res = await api(stack, referent31).get('/api/actions?departmentCode=31&attentionFirst=true&limit=200');
    expect(res.status).toBe(200);
    const items: ActionItem[] = res.body.items;
    expect(items.slice(0, 2).map((a) => [a.title, a.overdue, a.stale])).toEqual([
      ['Action échue', true, false],
      ['Action oubliée', false, true],
    ]);
    expect(items.slice(2).every((a) => !a.overdue && !a.stale)).toBe(true);
    expect(items.map((a) => a.id)).toContain(overdue);
  });

  it('says who may update an action: its department’s referent and the mission, not another referent', async () => {
    const id = await addAction('Action du 31');
    const canUpdate = async (token: string) => (await api(stack, token).get(`/api/actions/${id}`)).body.canUpdate;
    expect(await canUpdate(referent31)).toBe(true);
    expect(await canUpdate(officer)).toBe(true);
    expect(await canUpdate(referent34)).toBe(false);
  });

  it('lists local health contracts by department and status, with their communes counted', async () => {
    const all = await api(stack, referent31).get('/api/local-health-contracts?limit=200');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(42);
    const of31 = await api(stack, referent31).get('/api/local-health-contracts?departmentCode=31');
    expect(of31.body.total).toBeGreaterThan(0);
    for (const c of of31.body.items) {
      expect(c).toMatchObject({ departmentCode: '31', communes: expect.any(Number), population: expect.any(Number) });
      expect(c.communes).toBeGreaterThan(1);
      expect(c).not.toHaveProperty('territories');
    }
    const signed = await api(stack, referent31).get('/api/local-health-contracts?status=signed&limit=200');
    expect(signed.body.total).toBe(28);
    expect((await api(stack, referent31).get('/api/local-health-contracts?departmentCode=3')).status).toBe(400);
  });

  it('splits a member’s meetings into upcoming (soonest first) and past (latest first)', async () => {
    const upcoming = await api(stack, member).get('/api/meetings?period=upcoming');
    const past = await api(stack, member).get('/api/meetings?period=past');
    expect(upcoming.status).toBe(200);
    const now = Date.now();
    expect(upcoming.body.items.length).toBeGreaterThan(0);
    expect(past.body.items.length).toBeGreaterThan(0);
    expect(upcoming.body.items.every((m: { startsAt: string }) => Date.parse(m.startsAt) >= now)).toBe(true);
    expect(past.body.items.every((m: { startsAt: string }) => Date.parse(m.startsAt) < now)).toBe(true);
    const total = (await api(stack, member).get('/api/meetings')).body.total;
    expect(upcoming.body.total + past.body.total).toBe(total);
    expect((await api(stack, member).get('/api/meetings?period=later')).status).toBe(400);
  });
});
