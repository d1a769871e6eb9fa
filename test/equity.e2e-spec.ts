import { createHash } from 'node:crypto';
import type { Response } from 'supertest';
import { api, binary, DEMO, login, until } from './support/http';
import { demoCallId } from './support/factories';
import { pdfText } from './support/pdf-text';
import { Stack } from './support/stack';

type Ranked = { code: string; population: number; value: number; rank: number; quintile: number };
type FundingItem = {
  code: string;
  name: string;
  population: number;
  committedCents: number;
  paidCents: number;
  committedPerInhabitantCents: number;
  indicatorValue: number;
  rank: number;
  quintile: number;
};
type Funding = {
  indicator: { code: string; rolledUp: boolean; level: string };
  items: FundingItem[];
  byQuintile: {
    quintile: number;
    population: number;
    committedCents: number;
    committedPerInhabitantCents: number | null;
  }[];
  concentrationIndex: number | null;
};

const expectStatus = (res: Response, status: number) =>
  expect({ status: res.status, body: res.body as unknown }).toMatchObject({ status });
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * CONTRACT.md's ranking written again here, independently of libs/equity: least to most deprived
 * (ties by code), R_i = (weights before) + w_i / 2, quintile = min(5, floor(5·R_i) + 1).
 */
function rank(rows: { code: string; population: number; value: number }[], higherIsWorse: boolean): Ranked[] {
  const sorted = [...rows].sort(
    (a, b) => (higherIsWorse ? a.value - b.value : b.value - a.value) || (a.code < b.code ? -1 : 1),
  );
  const total = sorted.reduce((s, r) => s + r.population, 0);
  let before = 0;
  return sorted.map((r) => {
    const R = (before + r.population / 2) / total;
    before += r.population;
    return { ...r, rank: R, quintile: Math.min(5, Math.floor(5 * R) + 1) };
  });
}

/** (2 / μ) · Σ w_i · (y_i − μ) · (R_i − ½), y_i per inhabitant exact; null when μ = 0. */
function concentration(ranked: (Ranked & { amount: number })[]): number | null {
  const total = ranked.reduce((s, r) => s + r.population, 0);
  const mu = ranked.reduce((s, r) => s + (r.population / total) * (r.amount / r.population), 0);
  if (mu === 0) return null;
  const sum = ranked.reduce((s, r) => s + (r.population / total) * (r.amount / r.population - mu) * (r.rank - 0.5), 0);
  return round4((2 / mu) * sum);
}

describe('equity: indicators, funding, contracts and publics against need', () => {
  let stack: Stack;
  let admin: string;
  let officer: string;
  let delegate: string;
  let auditor: string;
  let member: string;
  let referent31: string;
  let callId: string;

  const departments = async () =>
    (await api(stack, auditor).get('/api/departments')).body.items as {
      code: string;
      name: string;
      population: number;
    }[];
  const createIndicator = (token: string, body: object) => api(stack, token).post('/api/indicators').send(body);
  const putValues = (token: string, code: string, csv: string, contentType = 'text/csv') =>
    api(stack, token).put(`/api/indicators/${code}/values`).set('content-type', contentType).send(csv);
  const valuesOf = async (code: string) =>
    (await api(stack, auditor).get(`/api/indicators/${code}/values?limit=200`)).body as {
      items: { code: string; name: string; value: number }[];
      total: number;
    };
  const importsOf = async (code: string) =>
    (await api(stack, auditor).get(`/api/indicators/${code}/imports`)).body as {
      items: { fileSha256: string; rowCount: number; importedBy: string | null }[];
      total: number;
    };

  /** Poverty-like rates for the 13 departments: distinct, with one tie (11 and 66) to order by code. */
  const RATES: Record<string, number> = {
    '09': 18.5,
    '11': 21.4,
    '12': 14.1,
    '30': 19.8,
    '31': 13.5,
    '32': 14.9,
    '34': 19.3,
    '46': 15.2,
    '48': 15.0,
    '65': 15.7,
    '66': 21.4,
    '81': 16.3,
    '82': 17.2,
  };
  const INDICATOR = {
    code: 'test_pauvrete',
    label: 'Taux de pauvreté (test)',
    unit: '%',
    source: 'Fichier de test',
    year: 2021,
    level: 'department',
    higherIsWorse: true,
  };

  beforeAll(async () => {
    stack = await Stack.start('equity');
    [admin, officer, delegate, auditor, member, referent31] = await Promise.all(
      [DEMO.admin, DEMO.officer, DEMO.delegate, DEMO.auditor, DEMO.member, DEMO.referent31].map((e) => login(stack, e)),
    );
  });
  afterAll(() => stack.stop());

  it('answers on the demo, before any test data: the 2021 AMI against the demo poverty rate, the contracts against the EPCI index', async () => {
    const ami = await demoCallId(stack, auditor);
    const funding = await api(stack, delegate).get(`/api/equity/funding?indicator=taux_pauvrete_dep&callId=${ami}`);
    expectStatus(funding, 200);
    expect(funding.body.indicator.source).toContain('valeurs fictives de démonstration');
    expect(funding.body.items).toHaveLength(13);
    expect(typeof funding.body.concentrationIndex).toBe('number');
    const contracts = await api(stack, delegate).get('/api/equity/contracts?indicator=indice_defavorisation_epci');
    expectStatus(contracts, 200);
    expect(contracts.body.byQuintile.some((q: { coveredPopulation: number }) => q.coveredPopulation > 0)).toBe(true);
    const publics = await api(stack, delegate).get('/api/equity/publics?year=2021');
    expect(publics.body.participation.filter((p: { projects: number }) => p.projects > 0).length).toBeGreaterThan(2);
    // The closing note quotes these figures.
    console.log(
      `demo equity: concentration index ${funding.body.concentrationIndex}; coverage by quintile ${contracts.body.byQuintile
        .map((q: { coverageRate: number }) => q.coverageRate)
        .join(' / ')}`,
    );
  });

  it('lets the admin and the mission create indicators: 409 on an existing code, 403 for others, 400 on a bad code', async () => {
    expectStatus(await createIndicator(officer, INDICATOR), 201);
    const again = await createIndicator(admin, INDICATOR);
    expectStatus(again, 409);
    expect(again.body.code).toBe('indicator.code_taken');
    for (const token of [delegate, auditor, referent31, member])
      expectStatus(await createIndicator(token, { ...INDICATOR, code: 'autre_code' }), 403);
    const bad = await createIndicator(officer, { ...INDICATOR, code: 'Pauvreté-1' });
    expectStatus(bad, 400);
    expect(JSON.stringify(bad.body.message)).toContain('code');
    const list = await api(stack, referent31).get('/api/indicators');
    expectStatus(list, 200);
    expect(list.body.items.find((i: { code: string }) => i.code === INDICATOR.code)).toMatchObject({
      valueCount: 0,
      isRate: false,
      lastImport: null,
    });
    expectStatus(await api(stack, member).get('/api/indicators'), 403);
  });

  it('imports a file with a BOM, `,` between columns, quoted decimal commas and INSEE’s CODGEO header', async () => {
    const lines = Object.entries(RATES).map(
      ([code, v]) => `${code === '09' ? '9' : code},"${String(v).replace('.', ',')}"`,
    );
    const csv = `\uFEFFCODGEO,valeur\r\n${lines.join('\r\n')}\r\n`;
    const res = await putValues(officer, INDICATOR.code, csv);
    expectStatus(res, 200);
    expect(res.body).toEqual({ imported: 13 });
    const values = await valuesOf(INDICATOR.code);
    expect(values.total).toBe(13);
    expect(values.items.find((v) => v.code === '09')).toEqual({ code: '09', name: 'Ariège', value: 18.5 });
    const imports = await importsOf(INDICATOR.code);
    expect(imports.items).toEqual([
      expect.objectContaining({ rowCount: 13, fileSha256: createHash('sha256').update(csv, 'utf8').digest('hex') }),
    ]);
    const audit = await api(stack, admin).get(`/api/audit-events?entityType=indicator&entityId=${INDICATOR.code}`);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'indicator.create',
      'indicator.import',
    ]);
  });

  it('refuses a bad file naming every bad line, writing nothing; only the admin and the mission import', async () => {
    const before = await valuesOf(INDICATOR.code);
    const csv = ['code;valeur', '31;12,0', '99;3', '34;beaucoup', '31;4', '12;', '46;1;2'].join('\n');
    const res = await putValues(officer, INDICATOR.code, csv);
    expectStatus(res, 400);
    const message = String(res.body.message);
    for (const line of [3, 4, 5, 6, 7]) expect(message).toContain(`ligne ${line} :`);
    expect(message).not.toContain('ligne 2 :');
    expect(res.body.details.lines).toHaveLength(5);
    expect(await valuesOf(INDICATOR.code)).toEqual(before);
    expect((await importsOf(INDICATOR.code)).total).toBe(1);
    for (const token of [delegate, auditor, referent31])
      expectStatus(await putValues(token, INDICATOR.code, 'code;valeur\n31;1\n'), 403);
    expectStatus(await putValues(officer, 'inconnu', 'code;valeur\n31;1\n'), 404);
  });

  it('replaces all the values on a re-import, and keeps the previous import in the history', async () => {
    const partial = 'code;valeur\n31;10\n34;20\n';
    expectStatus(await putValues(admin, INDICATOR.code, partial, 'text/csv; charset=utf-8'), 200);
    expect((await valuesOf(INDICATOR.code)).items.map((v) => [v.code, v.value])).toEqual([
      ['31', 10],
      ['34', 20],
    ]);
    const imports = await importsOf(INDICATOR.code);
    expect(imports.items.map((i) => i.rowCount)).toEqual([2, 13]);
    // Back to the full file for the figures below.
    const full = `code;valeur\n${Object.entries(RATES)
      .map(([c, v]) => `${c};${v}`)
      .join('\n')}`;
    expectStatus(await putValues(officer, INDICATOR.code, full), 200);
  });

  describe('on a call of its own', () => {
    const projectIds: string[] = [];

    const funded = async (
      departmentCodes: string[],
      grantCents: number,
      extra: { targetPublics: string[]; participation?: string; paidCents?: number },
    ) => {
      const created = await api(stack, officer)
        .post('/api/projects')
        .send({
          callId,
          axisCode: 'A1',
          title: `Projet équité ${projectIds.length + 1}`,
          holder: { name: 'Association de test', kind: 'association' },
          departmentCodes,
          targetPublics: extra.targetPublics,
          levers: [3],
          requestedCents: grantCents,
          ...(extra.participation ? { participation: extra.participation } : {}),
        });
      expectStatus(created, 201);
      expect(created.body.participation).toBe(extra.participation ?? 'none');
      for (const [token, to] of [
        [officer, 'submitted'],
        [officer, 'under_review'],
        [delegate, 'selected'],
      ])
        expectStatus(await api(stack, token).post(`/api/projects/${created.body.id}/transitions`).send({ to }), 200);
      const grant = await api(stack, delegate)
        .post(`/api/projects/${created.body.id}/grant`)
        .send({ amountCents: grantCents });
      expectStatus(grant, 201);
      if (extra.paidCents)
        expectStatus(
          await api(stack, officer)
            .post(`/api/grants/${grant.body.id}/payments`)
            .send({ amountCents: extra.paidCents, kind: 'advance', paidOn: '2031-05-02' }),
          201,
        );
      projectIds.push(created.body.id);
    };

    beforeAll(async () => {
      const call = await api(stack, officer)
        .post('/api/calls')
        .send({
          title: 'AMI équité de test',
          year: 2031,
          fundingSource: 'FIR',
          envelopeCents: 100_000_000,
          opensOn: '2031-01-01',
          closesOn: '2031-03-31',
          axes: [{ code: 'A1', label: 'Axe unique' }],
        });
      expectStatus(call, 201);
      callId = call.body.id;
      await funded(['31'], 30_000_000, {
        targetPublics: ['young_people'],
        participation: 'co_led',
        paidCents: 10_000_000,
      });
      await funded(['11', '66'], 20_000_001, { targetPublics: ['young_people', 'women'], participation: 'consulted' });
      await funded(['48'], 5_000_000, { targetPublics: ['rural_population'] });
    });

    it('gives funding against need as computed independently from the funding and territory routes', async () => {
      const res = await api(stack, referent31).get(`/api/equity/funding?indicator=${INDICATOR.code}&callId=${callId}`);
      expectStatus(res, 200);
      const figures = res.body as Funding;
      const byDepartment = new Map(
        ((await api(stack, auditor).get(`/api/calls/${callId}/funding`)).body.byDepartment as FundingItem[]).map(
          (d) => [d.code, d],
        ),
      );
      const ranked = rank(
        (await departments()).map((d) => ({ code: d.code, population: d.population, value: RATES[d.code] })),
        true,
      ).map((r) => ({
        ...r,
        amount: byDepartment.get(r.code)?.committedCents ?? 0,
        paid: byDepartment.get(r.code)?.paidCents ?? 0,
      }));
      // The tie (11 and 66 at 21.4) is ordered by code.
      expect(ranked.slice(-2).map((r) => r.code)).toEqual(['11', '66']);
      expect(
        figures.items.map((i) => [i.code, i.rank, i.quintile, i.committedCents, i.paidCents, i.indicatorValue]),
      ).toEqual(ranked.map((r) => [r.code, round4(r.rank), r.quintile, r.amount, r.paid, r.value]));
      for (const item of figures.items)
        expect(item.committedPerInhabitantCents).toBe(Math.round(item.committedCents / item.population));
      expect(figures.byQuintile.map((q) => q.quintile)).toEqual([1, 2, 3, 4, 5]);
      for (const q of figures.byQuintile) {
        const members = ranked.filter((r) => r.quintile === q.quintile);
        const population = members.reduce((s, r) => s + r.population, 0);
        const committed = members.reduce((s, r) => s + r.amount, 0);
        expect(q).toEqual({
          quintile: q.quintile,
          population,
          committedCents: committed,
          committedPerInhabitantCents: population ? Math.round(committed / population) : null,
        });
      }
      expect(figures.concentrationIndex).toBe(concentration(ranked));
      expect(figures.concentrationIndex).not.toBeNull();
      // Committed by department sums to the call's commitments (the two-department grant split to the cent).
      expect(figures.items.reduce((s, i) => s + i.committedCents, 0)).toBe(55_000_001);
      // The year's calls: this call is the only one of 2031.
      const byYear = await api(stack, auditor).get(`/api/equity/funding?indicator=${INDICATOR.code}&year=2031`);
      expect(byYear.body).toEqual(figures);
    });

    it('gives reach by target public and by participation over the funded projects', async () => {
      const res = await api(stack, auditor).get(`/api/equity/publics?callId=${callId}`);
      expectStatus(res, 200);
      const publics = new Map(res.body.items.map((i: { targetPublic: string }) => [i.targetPublic, i]));
      expect(publics.get('young_people')).toEqual({
        targetPublic: 'young_people',
        projects: 2,
        committedCents: 50_000_001,
      });
      expect(publics.get('women')).toEqual({ targetPublic: 'women', projects: 1, committedCents: 20_000_001 });
      expect(publics.get('rural_population')).toEqual({
        targetPublic: 'rural_population',
        projects: 1,
        committedCents: 5_000_000,
      });
      expect(publics.get('older_people')).toMatchObject({ projects: 0, committedCents: 0 });
      expect(res.body.participation).toEqual([
        { level: 'none', projects: 1, committedCents: 5_000_000 },
        { level: 'informed', projects: 0, committedCents: 0 },
        { level: 'consulted', projects: 1, committedCents: 20_000_001 },
        { level: 'co_designed', projects: 0, committedCents: 0 },
        { level: 'co_led', projects: 1, committedCents: 30_000_000 },
      ]);
    });

    it('renders the equity report, its PDF giving the concentration index and its data hash', async () => {
      const funding = (
        await api(stack, auditor).get(`/api/equity/funding?indicator=${INDICATOR.code}&callId=${callId}`)
      ).body as Funding;
      const requested = await api(stack, auditor)
        .post('/api/reports')
        .send({ kind: 'equity', params: { indicator: INDICATOR.code, callId } });
      expectStatus(requested, 202);
      const done = await until(
        async () => (await api(stack, auditor).get(`/api/reports/${requested.body.id}`)).body,
        (r: { id: string; status: string; dataSha256: string }) => r.status === 'done' || r.status === 'failed',
      );
      expect(done).toMatchObject({ status: 'done', kind: 'equity' });
      const pdf = (await api(stack, auditor).get(`/api/reports/${done.id}/file`).buffer(true).parse(binary)).body;
      const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
      // In French, with a true minus sign: "−0,4554".
      expect(text).toContain(funding.concentrationIndex!.toFixed(4).replace('.', ',').replace('-', '−'));
      expect(text).toContain('Indice de concentration');
      expect(text).toContain('Fichier de test');
      expect(text).toContain(done.dataSha256);
      expect(text).toContain('Participation des personnes concernées');
      expectStatus(
        await api(stack, member)
          .post('/api/reports')
          .send({ kind: 'equity', params: { indicator: INDICATOR.code, callId } }),
        403,
      );
      expectStatus(
        await api(stack, auditor)
          .post('/api/reports')
          .send({ kind: 'equity', params: { indicator: 'inconnu', callId } }),
        404,
      );
    });
  });

  it('gives coverage by quintile from signed contracts, each commune once, at commune level', async () => {
    const { rows: communes } = await stack.db.query<{ code: string; population: number }>(
      `SELECT insee_code AS code, population FROM commune WHERE department_code = '48' ORDER BY insee_code LIMIT 10`,
    );
    expectStatus(await createIndicator(officer, { ...INDICATOR, code: 'test_communes', level: 'commune' }), 201);
    const values = communes.map((c, i) => ({ ...c, value: (i * 7) % 10 }));
    expectStatus(
      await putValues(officer, 'test_communes', `code;valeur\n${values.map((v) => `${v.code};${v.value}`).join('\n')}`),
      200,
    );
    // Two signed contracts sharing a commune, and one in preparation that does not count.
    const contract = (status: string, codes: string[]) =>
      api(stack, officer)
        .post('/api/local-health-contracts')
        .send({
          name: `CLS de test ${status} ${codes.join(' ')}`,
          departmentCode: '48',
          status,
          ...(status === 'signed' ? { signedOn: '2024-01-15' } : {}),
          territories: codes.map((inseeCode) => ({ inseeCode, name: 'x', population: 0 })),
        });
    expectStatus(await contract('signed', [communes[0].code, communes[1].code]), 201);
    expectStatus(await contract('signed', [communes[1].code, communes[2].code]), 201);
    expectStatus(await contract('in_preparation', [communes[3].code]), 201);
    const res = await api(stack, referent31).get('/api/equity/contracts?indicator=test_communes');
    expectStatus(res, 200);

    // Covered: the communes of every signed contract, as the contracts routes give them.
    const signed = (await api(stack, auditor).get('/api/local-health-contracts?status=signed&limit=200')).body
      .items as {
      id: string;
    }[];
    const covered = new Set<string>();
    for (const c of signed)
      for (const t of (await api(stack, auditor).get(`/api/local-health-contracts/${c.id}`)).body.territories)
        covered.add(t.inseeCode);
    const ranked = rank(values, true);
    expect(
      res.body.items.map((i: { code: string; quintile: number; coveredPopulation: number }) => [
        i.code,
        i.quintile,
        i.coveredPopulation,
      ]),
    ).toEqual(ranked.map((r) => [r.code, r.quintile, covered.has(r.code) ? r.population : 0]));
    for (const q of res.body.byQuintile as {
      quintile: number;
      population: number;
      coveredPopulation: number;
      coverageRate: number;
    }[]) {
      const members = ranked.filter((r) => r.quintile === q.quintile);
      const population = members.reduce((s, r) => s + r.population, 0);
      const coveredPopulation = members.filter((r) => covered.has(r.code)).reduce((s, r) => s + r.population, 0);
      expect(q).toEqual({
        quintile: q.quintile,
        population,
        coveredPopulation,
        coverageRate: population ? coveredPopulation / population : 0,
      });
    }
    // The commune in both signed contracts counts once; the one in preparation not at all (unless a demo contract covers it).
    for (const c of communes.slice(0, 3)) expect(covered.has(c.code)).toBe(true);
    expect(
      res.body.byQuintile.reduce((s: number, q: { coveredPopulation: number }) => s + q.coveredPopulation, 0),
    ).toBe(values.filter((v) => covered.has(v.code)).reduce((s, v) => s + v.population, 0));
  });

  it('rolls a commune-level rate up to departments by population; refuses wrong levels (400) and unknown indicators (404)', async () => {
    const { rows } = await stack.db.query<{ code: string; population: number; department: string }>(
      `SELECT insee_code AS code, population, department_code AS department FROM commune
       WHERE department_code IN ('09', '46') ORDER BY insee_code LIMIT 400`,
    );
    expectStatus(
      await createIndicator(officer, { ...INDICATOR, code: 'test_taux_communes', level: 'commune', isRate: true }),
      201,
    );
    const value = (i: number) => 5 + (i % 17);
    expectStatus(
      await putValues(
        officer,
        'test_taux_communes',
        `code;valeur\n${rows.map((r, i) => `${r.code};${value(i)}`).join('\n')}`,
      ),
      200,
    );
    const res = await api(stack, auditor).get(`/api/equity/funding?indicator=test_taux_communes&callId=${callId}`);
    expectStatus(res, 200);
    expect(res.body.indicator).toMatchObject({ code: 'test_taux_communes', rolledUp: true, level: 'commune' });
    const expected = ['09', '46'].map((d) => {
      const members = rows.map((r, i) => ({ ...r, v: value(i) })).filter((r) => r.department === d);
      const population = members.reduce((s, r) => s + r.population, 0);
      return [d, members.reduce((s, r) => s + r.population * r.v, 0) / population];
    });
    const got = (res.body as Funding).items.map((i) => [i.code, i.indicatorValue]).sort();
    expect(got.map(([c]) => c)).toEqual(['09', '46']);
    for (const [i, [, v]] of got.entries()) expect(v).toBeCloseTo(expected[i][1] as number, 9);

    // A commune-level count is not rolled up; a department indicator is not at a contracts level.
    expectStatus(await api(stack, auditor).get(`/api/equity/funding?indicator=test_communes&callId=${callId}`), 400);
    const wrong = await api(stack, auditor).get(`/api/equity/contracts?indicator=${INDICATOR.code}`);
    expectStatus(wrong, 400);
    expect(wrong.body.code).toBe('indicator.wrong_level');
    expectStatus(await api(stack, auditor).get(`/api/equity/funding?indicator=inconnu&callId=${callId}`), 404);
    expectStatus(await api(stack, auditor).get('/api/equity/contracts?indicator=inconnu'), 404);
    expectStatus(await api(stack, auditor).get(`/api/equity/funding?indicator=${INDICATOR.code}`), 400);
    expectStatus(
      await api(stack, auditor).get(`/api/equity/funding?indicator=${INDICATOR.code}&callId=${callId}&year=2031`),
      400,
    );
  });

  it('is read by every role but commission members', async () => {
    for (const path of [
      `/api/equity/funding?indicator=${INDICATOR.code}&year=2031`,
      '/api/equity/contracts?indicator=test_communes',
      '/api/equity/publics?year=2031',
      `/api/indicators/${INDICATOR.code}/values`,
      `/api/indicators/${INDICATOR.code}/imports`,
    ]) {
      expectStatus(await api(stack, member).get(path), 403);
      for (const token of [admin, delegate, officer, auditor, referent31])
        expectStatus(await api(stack, token).get(path), 200);
    }
  });
});
