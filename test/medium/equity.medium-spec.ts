import type { Actor } from '@app/core';
import { EquityErrorCode, EquityModule, EquityService, IndicatorsService } from '@app/equity';
import { IndicatorsRepository } from '../../libs/equity/src/indicators.repository';
import { Medium, mediumModule } from './support/medium-module';

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
});
