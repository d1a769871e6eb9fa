import type { Actor } from '@app/core';
import { CallsService, FundingService, ProjectsService } from '@app/calls';
import { EquityErrorCode, EquityModule, EquityService, IndicatorsService } from '@app/equity';
import { IndicatorsRepository } from '../../libs/equity/src/indicators.repository';
import { Medium, mediumModule } from './support/medium-module';
import { expectVersionFollowsData } from './support/report-version';

/**
 * Territorial indicators and the equity figures through the real services: EquityModule as the api
 * imports it (calls, contracts, territory, audit, reports), its SQL on a migrated database with the
 * reference communes, the app's runtime role.
 */
describe('equity', () => {
  let medium: Medium;
  let indicators: IndicatorsService;
  let equity: EquityService;
  let officer: Actor;

  beforeAll(async () => {
    medium = await mediumModule([EquityModule], { jobs: true });
    indicators = medium.get(IndicatorsService);
    equity = medium.get(EquityService);
    officer = await medium.actors.missionOfficer();
  });

  const indicator = (code: string, fields: object = {}) =>
    indicators.create(officer, {
      code,
      label: `Indicateur ${code}`,
      unit: '%',
      source: 'Test',
      year: 2022,
      level: 'department',
      higherIsWorse: true,
      ...fields,
    });
  const stored = async (code: string) =>
    (
      await medium.db.manager.query(
        `SELECT territory_code AS code, value::float8 AS value FROM territorial_indicator_value
         WHERE indicator_code = $1 ORDER BY territory_code`,
        [code],
      )
    ).map((r: { code: string; value: number }) => [r.code, r.value]);
  const importCount = async (code: string) =>
    (
      await medium.db.manager.query(
        'SELECT count(*)::int AS n FROM territorial_indicator_import WHERE indicator_code = $1',
        [code],
      )
    )[0].n;

  it('replaces the values whole and records each import', async () => {
    await indicator('medium_replace');
    await indicators.importValues(officer, 'medium_replace', 'code;valeur\n31;1,5\n34;2\n09;3\n');
    expect(await indicators.importValues(officer, 'medium_replace', 'code;valeur\n11;4\n31;5\n')).toEqual({
      imported: 2,
    });
    expect(await stored('medium_replace')).toEqual([
      ['11', 4],
      ['31', 5],
    ]);
    expect(await importCount('medium_replace')).toBe(2);
    expect((await medium.auditEvents('indicator', 'medium_replace')).map((e) => e.action)).toEqual([
      'indicator.create',
      'indicator.import',
      'indicator.import',
    ]);
  });

  it('writes nothing for a bad file, and names every bad line', async () => {
    await indicator('medium_bad');
    await indicators.importValues(officer, 'medium_bad', 'code;valeur\n31;1\n');
    await expect(
      indicators.importValues(officer, 'medium_bad', 'code;valeur\n34;2\n2A;3\n31;x\n'),
    ).rejects.toMatchObject({
      code: EquityErrorCode.IndicatorValuesInvalid,
      details: { lines: [expect.stringMatching(/^ligne 3 : /), expect.stringMatching(/^ligne 4 : /)] },
    });
    expect(await stored('medium_bad')).toEqual([['31', 1]]);
    expect(await importCount('medium_bad')).toBe(1);
  });

  it('keeps the previous values when the import fails half-way (one transaction)', async () => {
    await indicator('medium_atomic');
    await indicators.importValues(officer, 'medium_atomic', 'code;valeur\n31;1\n');
    jest.spyOn(medium.get(IndicatorsRepository), 'recordImport').mockRejectedValueOnce(new Error('disk full'));
    await expect(indicators.importValues(officer, 'medium_atomic', 'code;valeur\n34;2\n')).rejects.toThrow('disk full');
    expect(await stored('medium_atomic')).toEqual([['31', 1]]);
  });

  it('serialises concurrent imports on the indicator: the values are one whole file, never a mix', async () => {
    await indicator('medium_race');
    const files = ['code;valeur\n31;1\n34;1\n', 'code;valeur\n09;2\n11;2\n12;2\n'];
    await Promise.all(files.map((csv) => indicators.importValues(officer, 'medium_race', csv)));
    const values = await stored('medium_race');
    expect([
      [
        ['31', 1],
        ['34', 1],
      ],
      [
        ['09', 2],
        ['11', 2],
        ['12', 2],
      ],
    ]).toContainEqual(values);
    expect(await importCount('medium_race')).toBe(2);
  });

  it('rolls a commune-level rate up to the departments by population, and refuses a count (400)', async () => {
    const communes: { code: string; population: number; department: string }[] = await medium.db.manager.query(
      `SELECT insee_code AS code, population, department_code AS department FROM commune
       WHERE department_code IN ('32', '65') ORDER BY insee_code LIMIT 60`,
    );
    await indicator('medium_rate', { level: 'commune', isRate: true });
    await indicator('medium_count', { level: 'commune' });
    const csv = `code;valeur\n${communes.map((c, i) => `${c.code};${i % 9}`).join('\n')}`;
    await indicators.importValues(officer, 'medium_rate', csv);
    await indicators.importValues(officer, 'medium_count', csv);
    const rolled = await indicators.valuesAt('medium_rate', ['department']);
    expect(rolled).toMatchObject({ rolledUp: true, at: 'department' });
    for (const department of ['32', '65']) {
      const members = communes.map((c, i) => ({ ...c, v: i % 9 })).filter((c) => c.department === department);
      if (members.length === 0) continue;
      const mean = members.reduce((s, c) => s + c.population * c.v, 0) / members.reduce((s, c) => s + c.population, 0);
      expect(rolled.values.get(department)).toBeCloseTo(mean, 9);
    }
    const funding = await equity.funding(officer, { indicator: 'medium_rate', year: 2099 });
    expect(funding.concentrationIndex).toBeNull();
    expect(funding.items.every((i) => i.committedCents === 0)).toBe(true);
    await expect(equity.funding(officer, { indicator: 'medium_count', year: 2099 })).rejects.toMatchObject({
      code: EquityErrorCode.IndicatorWrongLevel,
    });
  });
  it('gives the equity report a data version that follows the indicator, the scope’s funding, the contracts and the territories', async () => {
    const { delegate } = await medium.actors.cast();
    const projects = medium.get(ProjectsService);
    const funding = medium.get(FundingService);
    await indicator('medium_version');
    await indicators.importValues(officer, 'medium_version', 'code;valeur\n31;1\n34;2\n09;3\n11;4\n12;5\n');
    const call = await medium.get(CallsService).create(officer, {
      title: 'AMI équité',
      year: 2031,
      fundingSource: 'FIR',
      envelopeCents: 10_000_000,
      opensOn: '2031-01-15',
      closesOn: '2099-12-31',
      axes: [{ code: 'A1', label: 'Axe' }],
    });
    const selected = async (departmentCodes: string[]) => {
      let project = await projects.create(officer, {
        callId: call.id,
        axisCode: 'A1',
        title: `Projet ${departmentCodes.join('-')}`,
        holder: { name: 'Association', kind: 'association' },
        departmentCodes,
        targetPublics: ['young_people'],
        levers: [1],
        requestedCents: 100_000,
      });
      for (const to of ['submitted', 'under_review', 'selected'] as const)
        project = await projects.transition(to === 'selected' ? delegate : officer, project.id, {
          to,
          comment: 'motif',
        });
      return project;
    };
    const first = await selected(['31']);
    const second = await selected(['34']);
    const sql = (text: string, values: unknown[] = []) => medium.db.manager.query(text, values);

    for (const params of [
      { indicator: 'medium_version', callId: call.id },
      { indicator: 'medium_version', year: 2031 },
    ])
      await expectVersionFollowsData(medium, 'equity', params, {
        'a grant made': () => funding.grant(delegate, (params.callId ? first : second).id, { amountCents: 50_000 }),
        'the indicator’s values imported again': () =>
          indicators.importValues(officer, 'medium_version', `code;valeur\n31;${params.callId ? 7 : 8}\n34;2\n`),
        'a contract signed': async () => {
          const [contract] = await sql(
            `INSERT INTO local_health_contract (name, department_code, status, signed_on)
             VALUES ('CLS de test', '31', 'signed', '2030-01-01') RETURNING id`,
          );
          await sql(
            `INSERT INTO contract_territory (contract_id, insee_code)
             SELECT $1, c.insee_code FROM commune c WHERE c.department_code = '31'
               AND c.insee_code NOT IN (SELECT insee_code FROM contract_territory) ORDER BY c.insee_code LIMIT 1`,
            [contract.id],
          );
        },
      });
  });
});
