import { ACTION_STATUS_LABELS } from '@app/vocabulary';
import { api, DEMO, login } from './support/http';
import { Stack } from './support/stack';

describe('roadmap actions and local health contracts', () => {
  let stack: Stack;
  let officer: string;
  let referent31: string;
  let referent34: string;
  let actionId: string;

  beforeAll(async () => {
    stack = await Stack.start('roadmap', { worker: false });
    officer = await login(stack, DEMO.officer);
    referent31 = await login(stack, DEMO.referent31);
    referent34 = await login(stack, DEMO.referent34);
  });
  afterAll(() => stack.stop());

  it('creates a yearly roadmap with its axes, once per year', async () => {
    const axes = [
      { code: 'PE', label: 'Prévention primaire petite enfance' },
      { code: 'SMJ', label: 'Santé mentale des jeunes' },
    ];
    const created = await api(stack, officer).post('/api/roadmaps').send({ year: 2030, axes });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ year: 2030, status: 'draft', axes: [{ code: 'PE' }, { code: 'SMJ' }] });
    expect((await api(stack, officer).post('/api/roadmaps').send({ year: 2030, axes })).status).toBe(409);
    expect((await api(stack, referent31).post('/api/roadmaps').send({ year: 2031, axes })).status).toBe(403);
    expect((await api(stack, referent31).get('/api/roadmaps/2030')).body.axes).toHaveLength(2);
    expect((await api(stack, referent31).get('/api/roadmaps/2031')).status).toBe(404);
  });

  it('adds actions with departments and indicators', async () => {
    const res = await api(stack, officer)
      .post('/api/roadmaps/2030/actions')
      .send({
        axisCode: 'PE',
        title: 'Ateliers parentalité',
        pilot: 'CAF',
        departmentCodes: ['31'],
        indicators: [{ label: 'Familles touchées', baseline: 0, target: 200 }],
      });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'planned',
      progressPercent: 0,
      version: 1,
      departmentCodes: ['31'],
      indicators: [{ label: 'Familles touchées', baseline: 0, target: 200 }],
    });
    actionId = res.body.id;
    expect(
      (
        await api(stack, officer)
          .post('/api/roadmaps/2030/actions')
          .send({ axisCode: 'NOPE', title: 'x', pilot: 'x', departmentCodes: [] })
      ).status,
    ).toBe(400);
    const list = await api(stack, referent34).get('/api/actions?departmentCode=31&year=2030');
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([actionId]);
  });

  it('lets the referent of the action’s department update it, at the version read', async () => {
    const ok = await api(stack, referent31)
      .patch(`/api/actions/${actionId}`)
      .send({ version: 1, status: 'in_progress', progressPercent: 30, comment: 'Premiers ateliers' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'in_progress', progressPercent: 30, version: 2 });
    expect(
      (await api(stack, referent34).patch(`/api/actions/${actionId}`).send({ version: 2, progressPercent: 40 })).status,
    ).toBe(403);
    const stale = await api(stack, referent31)
      .patch(`/api/actions/${actionId}`)
      .send({ version: 1, progressPercent: 90 });
    expect(stale.status).toBe(409);
    expect((await api(stack, referent31).get(`/api/actions/${actionId}`)).body.progressPercent).toBe(30);
  });

  it('keeps the history of updates, newest first, with who, what changed and why', async () => {
    const updates = (await api(stack, officer).get(`/api/actions/${actionId}/updates`)).body;
    const oldest = updates.items[updates.items.length - 1];
    expect(oldest).toMatchObject({
      actorName: 'Julien Castan',
      comment: 'Premiers ateliers',
      changes: { status: { from: 'planned', to: 'in_progress' }, progressPercent: { from: 0, to: 30 } },
    });
    expect(new Date(updates.items[0].at) >= new Date(oldest.at)).toBe(true);
  });

  it('keeps region-wide actions to the mission', async () => {
    const regional = await api(stack, officer)
      .post('/api/roadmaps/2030/actions')
      .send({ axisCode: 'SMJ', title: 'Plan régional', pilot: 'ARS', departmentCodes: [] });
    expect(regional.body.regionWide).toBe(true);
    expect(
      (await api(stack, referent31).patch(`/api/actions/${regional.body.id}`).send({ version: 1, progressPercent: 10 }))
        .status,
    ).toBe(403);
    expect(
      (await api(stack, officer).patch(`/api/actions/${regional.body.id}`).send({ version: 1, progressPercent: 10 }))
        .status,
    ).toBe(200);
  });

  /** Reference communes of a department that no contract covers yet, largest first. */
  const uncovered = async (department: string, n: number) =>
    (
      await stack.db.query(
        `SELECT insee_code AS "inseeCode", name, population FROM commune
         WHERE department_code = $1 AND insee_code NOT IN (SELECT insee_code FROM contract_territory)
         ORDER BY population DESC, insee_code LIMIT $2`,
        [department, n],
      )
    ).rows as { inseeCode: string; name: string; population: number }[];
  /** The communes of the signed (A, B) and in-preparation (C) contracts below, with their reference populations. */
  let communeA: { inseeCode: string; name: string; population: number };
  let communeB: typeof communeA;
  let communeC: typeof communeA;

  it('computes coverage from signed contracts, each commune once, with the reference populations', async () => {
    [communeA, communeB, communeC] = await uncovered('31', 3);
    const before = (await api(stack, officer).get('/api/local-health-contracts/coverage')).body;
    // The populations posted are not the reference ones: they are ignored.
    const declared = (c: typeof communeA) => ({ inseeCode: c.inseeCode, name: 'Commune', population: 500_000 });
    const first = await api(stack, referent31)
      .post('/api/local-health-contracts')
      .send({
        name: 'CLS Toulouse',
        departmentCode: '31',
        status: 'signed',
        signedOn: '2024-01-01',
        endsOn: '2028-12-31',
        territories: [declared(communeA)],
      });
    expect(first.status).toBe(201);
    expect(first.body.territories).toEqual([communeA]);
    await api(stack, officer)
      .post('/api/local-health-contracts')
      .send({
        name: 'CLS Nord toulousain',
        departmentCode: '31',
        status: 'signed',
        signedOn: '2024-01-01',
        territories: [declared(communeA), declared(communeB)],
      });
    await api(stack, officer)
      .post('/api/local-health-contracts')
      .send({
        name: 'CLS en préparation',
        departmentCode: '31',
        status: 'in_preparation',
        territories: [declared(communeC)],
      });
    const after = (await api(stack, officer).get('/api/local-health-contracts/coverage')).body;
    expect(after.coveredPopulation - before.coveredPopulation).toBe(communeA.population + communeB.population);
    expect(after.signed - before.signed).toBe(2);
    expect(after.inPreparation - before.inPreparation).toBe(1);
    expect(after.coverageRate).toBeCloseTo(after.coveredPopulation / after.regionPopulation, 4);
    expect(after.regionPopulation).toBeGreaterThan(6_000_000);
  });

  it('refuses a commune that is not a commune of Occitanie in the reference data, naming it (400)', async () => {
    const count = async () => (await stack.db.query('SELECT count(*)::int AS n FROM local_health_contract')).rows[0].n;
    const before = await count();
    const res = await api(stack, officer)
      .post('/api/local-health-contracts')
      .send({
        name: 'CLS imaginaire',
        departmentCode: '31',
        status: 'signed',
        territories: [
          { inseeCode: communeA.inseeCode, name: 'x', population: 1 },
          { inseeCode: '31998', name: 'Commune A', population: 500_000 },
          { inseeCode: '75056', name: 'Paris', population: 2_100_000 },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/^territories: 31998, 75056 is not a commune of Occitanie/);
    expect(await count()).toBe(before);
  });

  it('keeps a referent’s contracts to communes of its departments, so coverage stays a fraction (403)', async () => {
    const before = (await api(stack, officer).get('/api/local-health-contracts/coverage')).body;
    const [other34] = await uncovered('34', 1);
    const montpellier = await api(stack, referent31)
      .post('/api/local-health-contracts')
      .send({
        name: 'CLS de la métropole',
        departmentCode: '31',
        status: 'signed',
        territories: [
          { inseeCode: communeB.inseeCode, name: 'x', population: 1 },
          { inseeCode: '34172', name: 'Montpellier', population: 10_000_000 },
          { ...other34, population: 10_000_000 },
        ],
      });
    expect(montpellier.status).toBe(403);
    expect(montpellier.body.message).toMatch(/34/);
    const after = (await api(stack, officer).get('/api/local-health-contracts/coverage')).body;
    expect(after).toEqual(before);
    expect(after.coverageRate).toBeGreaterThan(0);
    expect(after.coverageRate).toBeLessThanOrEqual(1);
    for (const d of after.byDepartment) expect(d.coverageRate).toBeLessThanOrEqual(1);
  });

  it('stores no commune outside the reference data, even written straight to the table (foreign key)', async () => {
    const { rows } = await stack.db.query('SELECT id FROM local_health_contract LIMIT 1');
    await expect(
      stack.db.query(`INSERT INTO contract_territory (contract_id, insee_code) VALUES ($1, '31998')`, [rows[0].id]),
    ).rejects.toThrow(/contract_territory_commune_fk/);
  });

  it('refuses contracts outside a referent’s departments and inconsistent dates', async () => {
    const base = { name: 'CLS', status: 'signed', territories: [] };
    expect(
      (
        await api(stack, referent34)
          .post('/api/local-health-contracts')
          .send({ ...base, departmentCode: '31' })
      ).status,
    ).toBe(403);
    const dates = await api(stack, officer)
      .post('/api/local-health-contracts')
      .send({ ...base, departmentCode: '31', signedOn: '2025-01-01', endsOn: '2024-01-01' });
    expect(dates.status).toBe(400);
    expect(dates.body.message).toMatch(/endsOn/);
  });

  it('rolls progress up per axis and per department, a region-wide action counting everywhere', async () => {
    const progress = (await api(stack, referent34).get('/api/roadmaps/2030/progress')).body;
    const pe = progress.byAxis.find((a: { key: string }) => a.key === 'PE');
    expect(pe).toMatchObject({ actions: 1, byStatus: { in_progress: 1 } });
    const d31 = progress.byDepartment.find((d: { key: string }) => d.key === '31');
    const d34 = progress.byDepartment.find((d: { key: string }) => d.key === '34');
    expect(d31.actions).toBe(2);
    expect(d34).toMatchObject({ actions: 1, progressPercent: 10 });
  });

  it('lists unfinished actions without an update for 90 days', async () => {
    const old = await api(stack, officer)
      .post('/api/roadmaps/2030/actions')
      .send({ axisCode: 'PE', title: 'Oubliée', pilot: 'x', departmentCodes: ['34'] });
    await stack.db.query(`UPDATE action SET created_at = now() - interval '100 days' WHERE id = $1`, [old.body.id]);
    const stale = (await api(stack, officer).get('/api/roadmaps/2030/stale-actions')).body;
    expect(stale.items.map((a: { title: string }) => a.title)).toEqual(['Oubliée']);
    const beyond = (await api(stack, officer).get('/api/roadmaps/2030/stale-actions?limit=1&offset=1')).body;
    expect(beyond).toEqual({ items: [], total: 1 });
  });

  it('validates the roadmap by a decision of the commission, then freezes its axes', async () => {
    // The demo's June plenary (held, quorum reached) adopts the roadmap's validation.
    const { rows: meetings } = await stack.db.query(
      `SELECT m.id FROM meeting m JOIN body b ON b.id = m.body_id WHERE b.kind = 'plenary' AND m.quorum_reached LIMIT 1`,
    );
    const decision = await api(stack, officer).post(`/api/meetings/${meetings[0].id}/decisions`).send({
      title: 'Validation de la feuille de route 2030',
      votesFor: 12,
      votesAgainst: 1,
      abstentions: 2,
      subjectType: 'roadmap',
      subjectId: '2030',
    });
    expect(decision.status).toBe(201);
    const decisionId = decision.body.id;
    // The mission prepares and submits; the regional delegate validates (DESIGN.md).
    const delegate = await login(stack, DEMO.delegate);
    const move = (token: string, body: object) => api(stack, token).post('/api/roadmaps/2030/transitions').send(body);
    const axes = [
      { code: 'PE', label: 'Petite enfance' },
      { code: 'SMJ', label: 'Santé mentale des jeunes' },
    ];
    expect((await api(stack, officer).put('/api/roadmaps/2030/axes').send({ axes })).status).toBe(200);
    expect((await move(delegate, { to: 'validated', decisionId })).status).toBe(409);
    expect((await move(officer, { to: 'submitted' })).body.status).toBe('submitted');
    expect((await move(delegate, { to: 'validated' })).status).toBe(400);
    expect((await move(officer, { to: 'validated', decisionId })).status).toBe(403);
    const validated = await move(delegate, { to: 'validated', decisionId });
    expect(validated.body).toMatchObject({ status: 'validated', validatedByDecisionId: decisionId });
    const frozen = await api(stack, officer).put('/api/roadmaps/2030/axes').send({ axes });
    expect(frozen.status).toBe(409);
  });

  it('gives coverage by department and including contracts in preparation, and flags renewals', async () => {
    const coverage = (await api(stack, officer).get('/api/local-health-contracts/coverage')).body;
    const d31 = coverage.byDepartment.find((d: { code: string }) => d.code === '31');
    expect(d31.coveredPopulation).toBeGreaterThanOrEqual(communeA.population + communeB.population);
    expect(coverage.includingInPreparation.coveredPopulation - coverage.coveredPopulation).toBeGreaterThanOrEqual(
      communeC.population,
    );
    const soon = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const ending = await api(stack, officer).post('/api/local-health-contracts').send({
      name: 'CLS qui se termine',
      departmentCode: '34',
      status: 'signed',
      signedOn: '2021-01-01',
      endsOn: soon,
      territories: [],
    });
    expect(ending.body.renewalDue).toBe(true);
  });

  it('posts indicator values as updates, kept in the history', async () => {
    const action = (await api(stack, referent31).get(`/api/actions/${actionId}`)).body;
    const indicator = action.indicators[0];
    const res = await api(stack, referent31)
      .patch(`/api/actions/${actionId}`)
      .send({ version: action.version, indicators: [{ id: indicator.id, value: 85 }], comment: 'Bilan du trimestre' });
    expect(res.status).toBe(200);
    expect(res.body.indicators[0]).toMatchObject({ label: 'Familles touchées', latestValue: 85 });
    const history = (await api(stack, referent31).get(`/api/actions/${actionId}/updates`)).body;
    expect(history.items[0]).toMatchObject({
      changes: { 'indicator:Familles touchées': { from: null, to: 85 } },
      comment: 'Bilan du trimestre',
    });
    const unknown = await api(stack, referent31)
      .patch(`/api/actions/${actionId}`)
      .send({ version: res.body.version, indicators: [{ id: '00000000-0000-4000-8000-000000000000', value: 1 }] });
    expect(unknown.status).toBe(400);
  });

  it('expands an EPCI into its member communes from the reference data', async () => {
    const { rows } = await stack.db.query(
      `SELECT e.siren, count(*)::int AS n, sum(c.population)::int AS population FROM epci e
       JOIN epci_member m ON m.epci_siren = e.siren JOIN commune c ON c.insee_code = m.insee_code
       GROUP BY e.siren HAVING count(*) > 3 ORDER BY e.siren LIMIT 1`,
    );
    const res = await api(stack, officer)
      .post('/api/local-health-contracts')
      .send({
        name: 'CLS intercommunal',
        departmentCode: '31',
        status: 'in_preparation',
        territories: [],
        epciSirens: [rows[0].siren],
      });
    expect(res.status).toBe(201);
    expect(res.body.territories).toHaveLength(rows[0].n);
    expect(res.body.territories.reduce((s: number, t: { population: number }) => s + t.population, 0)).toBe(
      rows[0].population,
    );
    expect(
      (
        await api(stack, officer)
          .post('/api/local-health-contracts')
          .send({ name: 'x', departmentCode: '31', status: 'signed', territories: [], epciSirens: ['000000000'] })
      ).status,
    ).toBe(400);
  });

  it('records a contract’s signatories, coordinator and governance, and updates it at the version read', async () => {
    const created = await api(stack, referent31)
      .post('/api/local-health-contracts')
      .send({
        name: 'CLS du Comminges',
        departmentCode: '31',
        status: 'in_preparation',
        territories: [],
        localAuthority: 'PETR Pays Comminges Pyrénées',
        signatories: ['Préfet', 'ARS Occitanie', 'PETR'],
        coordinatorName: 'Coordinatrice CLS',
        coordinatorEmployer: 'PETR Pays Comminges Pyrénées',
        coordinatorArsFundingCents: 2_500_000,
        governanceBodies: ['Comité de pilotage', 'Comité technique'],
        sharedDiagnosisOn: '2025-03-01',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      coordinatorArsFundingCents: 2_500_000,
      signatories: ['Préfet', 'ARS Occitanie', 'PETR'],
      version: 1,
    });
    const signed = await api(stack, referent31)
      .patch(`/api/local-health-contracts/${created.body.id}`)
      .send({ version: 1, status: 'signed', signedOn: '2025-06-01', endsOn: '2030-05-31' });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({
      status: 'signed',
      signedOn: '2025-06-01',
      version: 2,
      localAuthority: 'PETR Pays Comminges Pyrénées',
    });
    expect(
      (
        await api(stack, referent31)
          .patch(`/api/local-health-contracts/${created.body.id}`)
          .send({ version: 1, name: 'x' })
      ).status,
    ).toBe(409);
    expect(
      (
        await api(stack, referent34)
          .patch(`/api/local-health-contracts/${created.body.id}`)
          .send({ version: 2, name: 'x' })
      ).status,
    ).toBe(403);
    const early = await api(stack, referent31)
      .patch(`/api/local-health-contracts/${created.body.id}`)
      .send({ version: 2, endsOn: '2020-01-01' });
    expect(early.status).toBe(400);
  });

  it('links an action to the projects and contracts that carry it', async () => {
    const project = (await stack.db.query('SELECT id FROM project LIMIT 1')).rows[0].id;
    const contract = (await stack.db.query('SELECT id FROM local_health_contract LIMIT 1')).rows[0].id;
    const set = await api(stack, officer)
      .put(`/api/actions/${actionId}/links`)
      .send({ projectIds: [project], contractIds: [contract] });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ actionId, projectIds: [project], contractIds: [contract] });
    expect((await api(stack, referent31).get(`/api/actions/${actionId}/links`)).body.projectIds).toEqual([project]);
    expect(
      (await api(stack, referent31).put(`/api/actions/${actionId}/links`).send({ projectIds: [], contractIds: [] }))
        .status,
    ).toBe(403);
    const unknown = await api(stack, officer)
      .put(`/api/actions/${actionId}/links`)
      .send({ projectIds: ['00000000-0000-4000-8000-000000000000'], contractIds: [] });
    expect(unknown.status).toBe(400);
    expect((await api(stack, officer).get(`/api/actions/${actionId}/links`)).body.projectIds).toEqual([project]);
  });

  it('exports a department’s actions as CSV and imports the edited file back, row by row', async () => {
    const csv = await api(stack, referent31).get('/api/actions/export.csv?departmentCode=31&year=2030');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = (csv.text as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('id;version;axe;titre;pilote;departements;statut;avancement;commentaire');
    const row = lines.find((l) => l.startsWith(actionId))!.split(';');
    const { status } = (await api(stack, referent31).get(`/api/actions/${actionId}`)).body;
    expect(row[6]).toBe(ACTION_STATUS_LABELS[status as keyof typeof ACTION_STATUS_LABELS]);
    // The statut column is read as the export writes it (the French word) or as the API's code.
    const edited = [
      row.slice(0, 6).join(';') + ';Terminée;100;Terminé',
      `${actionId};1;PE;x;x;31;done;100;version périmée`,
      'pas-un-id;1;PE;x;x;31;done;100;',
    ];
    const res = await api(stack, referent31)
      .post('/api/actions/import')
      .send({ csv: [lines[0], ...edited].join('\r\n') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ applied: 1, rejected: 2 });
    expect(res.body.results.map((r: { ok: boolean; line: number }) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
    ]);
    // A refused line says why in codes the screen words: the version read is stale; the id column is wrong.
    expect(res.body.results[1]).toMatchObject({ code: 'action.stale_version' });
    expect(res.body.results[2]).toMatchObject({ code: 'actions.csv', column: 'id' });
    expect((await api(stack, referent31).get(`/api/actions/${actionId}`)).body).toMatchObject({
      status: 'done',
      progressPercent: 100,
    });
    const other = await api(stack, referent34)
      .post('/api/actions/import')
      .send({ csv: [lines[0], `${actionId};${Number(row[1]) + 1};PE;x;x;31;blocked;0;`].join('\n') });
    expect(other.body.results[0]).toMatchObject({ ok: false, error: expect.stringMatching(/départements/) });
  });

  it('gives contracts action sheets shaped and updated like roadmap actions', async () => {
    const contract = await api(stack, referent34)
      .post('/api/local-health-contracts')
      .send({ name: 'CLS de Lunel', departmentCode: '34', status: 'signed', signedOn: '2024-02-01', territories: [] });
    const sheet = await api(stack, referent34)
      .post(`/api/local-health-contracts/${contract.body.id}/actions`)
      .send({
        title: 'Repérage des enfants sans médecin traitant',
        pilot: 'CCAS de Lunel',
        departmentCodes: [],
        indicators: [{ label: 'Enfants orientés', target: 50 }],
      });
    expect(sheet.status).toBe(201);
    expect(sheet.body).toMatchObject({
      contractId: contract.body.id,
      year: null,
      axisCode: null,
      departmentCodes: ['34'],
      status: 'planned',
    });
    expect(
      (
        await api(stack, referent31)
          .post(`/api/local-health-contracts/${contract.body.id}/actions`)
          .send({ title: 'x', pilot: 'x', departmentCodes: [] })
      ).status,
    ).toBe(403);
    const updated = await api(stack, referent34)
      .patch(`/api/actions/${sheet.body.id}`)
      .send({ version: 1, status: 'in_progress', progressPercent: 20 });
    expect(updated.status).toBe(200);
    expect(
      (await api(stack, referent31).patch(`/api/actions/${sheet.body.id}`).send({ version: 2, progressPercent: 30 }))
        .status,
    ).toBe(403);
    const sheets = (await api(stack, referent31).get(`/api/local-health-contracts/${contract.body.id}/actions`)).body;
    expect(sheets.items.map((a: { id: string; progressPercent: number }) => [a.id, a.progressPercent])).toEqual([
      [sheet.body.id, 20],
    ]);
    expect((await api(stack, referent34).get(`/api/actions/${sheet.body.id}/updates`)).body.total).toBe(1);
  });

  it('keeps a contract’s action sheets in the contract’s department and the referent’s (403, 400)', async () => {
    const contract = await api(stack, referent31)
      .post('/api/local-health-contracts')
      .send({ name: 'CLS du Lauragais', departmentCode: '31', status: 'signed', territories: [] });
    const sheet = (token: string, departmentCodes: string[]) =>
      api(stack, token)
        .post(`/api/local-health-contracts/${contract.body.id}/actions`)
        .send({ title: 'Fiche du Lauragais', pilot: 'CIAS', departmentCodes });
    const outside = await sheet(referent31, ['34']);
    expect(outside.status).toBe(403);
    expect(outside.body.message).toMatch(/departmentCodes.*34/);
    expect((await sheet(referent31, ['31', '34'])).status).toBe(403);
    const wrongDepartment = await sheet(officer, ['34']);
    expect(wrongDepartment.status).toBe(400);
    expect(wrongDepartment.body.message).toMatch(/^departmentCodes: 34 is not the contract's department \(31\)/);
    const actionsOf34 = (await api(stack, referent34).get('/api/actions?departmentCode=34&limit=200')).body;
    expect(actionsOf34.items.filter((a: { title: string }) => a.title === 'Fiche du Lauragais')).toEqual([]);
    const ok = await sheet(referent31, ['31']);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ departmentCodes: ['31'], canUpdate: true });
    expect((await api(stack, referent34).get(`/api/actions/${ok.body.id}`)).body.canUpdate).toBe(false);
  });

  it('describes actions fully: partners, levers, dates, indicator units and when values were posted', async () => {
    const res = await api(stack, officer)
      .post('/api/roadmaps/2030/actions')
      .send({
        axisCode: 'PE',
        title: 'Action détaillée',
        pilot: 'ARS',
        partners: 'CAF, PMI',
        levers: [2, 3],
        startsOn: '2030-01-01',
        endsOn: '2030-12-31',
        departmentCodes: ['31'],
        targetPublics: ['early_childhood'],
        indicators: [{ label: 'Familles', unit: 'familles', baseline: 0, target: 100 }],
      });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      partners: 'CAF, PMI',
      levers: [2, 3],
      startsOn: '2030-01-01',
      endsOn: '2030-12-31',
      indicators: [{ unit: 'familles', latestOn: null }],
    });
    const posted = await api(stack, referent31)
      .patch(`/api/actions/${res.body.id}`)
      .send({ version: 1, indicators: [{ id: res.body.indicators[0].id, value: 12 }] });
    expect(posted.body.indicators[0].latestOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const bad = await api(stack, officer).post('/api/roadmaps/2030/actions').send({
      axisCode: 'PE',
      title: 'x',
      pilot: 'x',
      departmentCodes: [],
      startsOn: '2030-06-01',
      endsOn: '2030-01-01',
    });
    expect(bad.status).toBe(400);
    const axes = await api(stack, officer).get('/api/roadmaps/2030');
    expect(axes.body.axes[0]).toHaveProperty('internal', false);
  });
});
