import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';

/** The reference communes and EPCIs, searched to pick a contract's territory (never typed codes). */
describe('territory search', () => {
  let stack: Stack;
  let officer: string;
  let referent34: string;
  let member: string;

  beforeAll(async () => {
    stack = await Stack.start('territory_search', { worker: false });
    [officer, referent34, member] = await Promise.all([
      login(stack, DEMO.officer),
      login(stack, DEMO.referent34),
      login(stack, DEMO.member),
    ]);
  });
  afterAll(() => stack.stop());

  it('finds a commune by its name without accents or capitals, the names starting with it first', async () => {
    const res = await api(stack, referent34).get('/api/communes?q=BEZIERS');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toEqual({ inseeCode: '34032', name: 'Béziers', departmentCode: '34', population: 81545 });
    const bez = (await api(stack, officer).get('/api/communes?q=bez&limit=100')).body;
    const names: string[] = bez.items.map((c: { name: string }) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Béziers', 'Bézac', 'Bezouce']));
    const firstInside = names.findIndex((n) => !/^b[eé]z/i.test(n));
    if (firstInside >= 0) expect(names.slice(firstInside).every((n) => !/^b[eé]z/i.test(n))).toBe(true);
  });

  it('matches inside a name and across punctuation ("isle jourdain" finds L\'Isle-Jourdain)', async () => {
    const res = await api(stack, officer).get('/api/communes?q=isle%20jourdain');
    expect(res.body.items.map((c: { name: string }) => c.name)).toContain("L'Isle-Jourdain");
  });

  it('finds a commune by the start of its INSEE code, and filters by department', async () => {
    expect((await api(stack, officer).get('/api/communes?q=34032')).body).toEqual({
      items: [{ inseeCode: '34032', name: 'Béziers', departmentCode: '34', population: 81545 }],
      total: 1,
    });
    const muret = (await api(stack, officer).get('/api/communes?q=muret&departmentCode=12')).body;
    expect(muret.items.map((c: { name: string }) => c.name)).toEqual(['Muret-le-Château']);
    const inHerault = (await api(stack, officer).get('/api/communes?q=340&departmentCode=34&limit=5')).body;
    expect(inHerault.items.every((c: { inseeCode: string }) => c.inseeCode.startsWith('340'))).toBe(true);
  });

  it('pages the communes: a page and its total, the next page continuing it', async () => {
    const first = (await api(stack, officer).get('/api/communes?departmentCode=09&limit=10&offset=0')).body;
    const second = (await api(stack, officer).get('/api/communes?departmentCode=09&limit=10&offset=10')).body;
    expect(first.items).toHaveLength(10);
    expect(first.total).toBeGreaterThan(300);
    expect(second.total).toBe(first.total);
    const codes = [...first.items, ...second.items].map((c: { inseeCode: string }) => c.inseeCode);
    expect(new Set(codes).size).toBe(20);
    expect((await api(stack, officer).get('/api/communes?limit=0')).status).toBe(400);
    expect((await api(stack, officer).get('/api/communes?departmentCode=75x')).status).toBe(400);
  });

  it('finds an EPCI by name or SIREN, with its departments, population and member count', async () => {
    const beziers = (await api(stack, referent34).get('/api/epcis?q=beziers')).body;
    expect(beziers.items[0]).toEqual({
      siren: '243400769',
      name: 'CA de Béziers-Méditerranée',
      departmentCodes: ['34'],
      population: expect.any(Number),
      communes: 17,
    });
    expect(beziers.items[0].population).toBeGreaterThan(81545);
    expect((await api(stack, officer).get('/api/epcis?q=243400769')).body.items).toHaveLength(1);
    const tarnAgout = (await api(stack, officer).get('/api/epcis?q=tarn%20agout')).body.items[0];
    expect(tarnAgout).toMatchObject({ siren: '200034023', departmentCodes: ['31', '81'] });
    const in31 = (await api(stack, officer).get('/api/epcis?departmentCode=31&limit=100')).body;
    expect(in31.items.map((e: { siren: string }) => e.siren)).toContain('200034023');
    expect(in31.items.every((e: { departmentCodes: string[] }) => e.departmentCodes.includes('31'))).toBe(true);
    expect(in31.total).toBe(in31.items.length);
    const paged = (await api(stack, officer).get('/api/epcis?departmentCode=31&limit=2&offset=2')).body;
    expect(paged).toEqual({ items: in31.items.slice(2, 4), total: in31.total });
  });

  it('is for those who read the contracts: not a commission member, not anonymous', async () => {
    expect((await api(stack, member).get('/api/communes?q=beziers')).status).toBe(403);
    expect((await api(stack, member).get('/api/epcis?q=beziers')).status).toBe(403);
    expect((await api(stack).get('/api/communes?q=beziers')).status).toBe(401);
  });

  it('edits a contract’s territory: its communes replaced, EPCIs expanded, versioned and audited', async () => {
    const created = await api(stack, referent34)
      .post('/api/local-health-contracts')
      .send({
        name: 'CLS du Biterrois',
        departmentCode: '34',
        status: 'in_preparation',
        territories: [{ inseeCode: '34032', name: 'Béziers', population: 0 }],
        epciSirens: ['243400769'],
      });
    expect(created.status).toBe(201);
    expect(created.body.territories).toHaveLength(17); // Béziers is one of the EPCI's 17 members
    const id = created.body.id;
    const patch = (body: Record<string, unknown>, token = referent34) =>
      api(stack, token).patch(`/api/local-health-contracts/${id}`).send(body);

    const narrowed = await patch({
      version: 1,
      coordinatorName: 'Claire Martin',
      signatories: ['Ville de Béziers', 'ARS Occitanie'],
      territories: [{ inseeCode: '34032', name: 'Béziers', population: 0 }],
    });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body).toMatchObject({
      version: 2,
      coordinatorName: 'Claire Martin',
      signatories: ['Ville de Béziers', 'ARS Occitanie'],
      territories: [{ inseeCode: '34032', name: 'Béziers', population: 81545 }],
    });
    const trail = await api(stack, await login(stack, DEMO.auditor)).get(
      `/api/audit-events?entityType=local_health_contract&entityId=${id}`,
    );
    const update = trail.body.items.find((e: { action: string }) => e.action === 'local_health_contract.update');
    expect(update.before.territories).toHaveLength(17);
    expect(update.after.territories).toHaveLength(1);

    expect((await patch({ version: 1, name: 'Trop tard' })).status).toBe(409);
    expect((await patch({ version: 2, epciSirens: ['243400769'] })).status).toBe(400);
    // An EPCI reaching into the Tarn is not the Hérault referent's to add.
    expect((await patch({ version: 2, territories: [], epciSirens: ['200066553'] })).status).toBe(403);
    expect((await patch({ version: 2, name: 'Pas le mien' }, await login(stack, DEMO.referent31))).status).toBe(403);
    const unchanged = (await api(stack, officer).get(`/api/local-health-contracts/${id}`)).body;
    expect(unchanged).toMatchObject({ version: 2, territories: [{ inseeCode: '34032' }] });
  });

  it('breaks the coverage down by department, with each department’s contracts signed and in preparation', async () => {
    const coverage = (await api(stack, officer).get('/api/local-health-contracts/coverage')).body;
    expect(coverage.byDepartment).toHaveLength(13);
    const sum = (key: 'signed' | 'inPreparation' | 'population') =>
      coverage.byDepartment.reduce((total: number, d: Record<string, number>) => total + d[key], 0);
    expect(sum('signed')).toBe(coverage.signed);
    expect(sum('inPreparation')).toBe(coverage.inPreparation);
    expect(sum('population')).toBe(coverage.regionPopulation);
    const herault = coverage.byDepartment.find((d: { code: string }) => d.code === '34');
    const { rows } = await stack.db.query(
      `SELECT count(*) FILTER (WHERE status = 'signed')::int AS signed,
              count(*) FILTER (WHERE status = 'in_preparation')::int AS "inPreparation"
       FROM local_health_contract WHERE department_code = '34'`,
    );
    expect(herault).toMatchObject(rows[0]);
    expect(herault.inPreparation).toBeGreaterThan(0);
  });
});
