import type { EquityFundingDto, EquityPublicsDto } from '../../api/client';
import { equityFiguresCsv, toCsv } from './figures-csv';

describe('the equity figures as CSV', () => {
  it('starts with a BOM, separates with ; and keeps numbers as numbers with a decimal comma', () => {
    const csv = toCsv([{ title: 'T', headers: ['a', 'b'], rows: [['x;y', -0.1234]] }]);
    expect(csv).toBe('\uFEFFT\r\na;b\r\n"x;y";-0,1234\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula, whatever its first character', () => {
    const rows = ['=HYPERLINK("http://x")', '+33', '-1', '@SUM(A1)', "'=already", 'plain'].map((t) => [t]);
    const lines = toCsv([{ title: 'T', headers: ['h'], rows }])
      .split('\r\n')
      .slice(2, 8);
    expect(lines).toEqual([`"'=HYPERLINK(""http://x"")"`, `"'+33"`, `"'-1"`, `"'@SUM(A1)"`, `"''=already"`, 'plain']);
  });

  it('writes every table of the screen, amounts in euros, with the French labels', () => {
    const funding = {
      indicator: { code: 'p', label: '=Taux', unit: '%', source: 'INSEE', year: 2021 },
      items: [
        {
          code: '09',
          name: 'Ariège',
          population: 100,
          committedCents: 12345,
          paidCents: 0,
          committedPerInhabitantCents: 123,
          indicatorValue: 18.6,
          rank: 0.5,
          quintile: 3,
        },
      ],
      byQuintile: [{ quintile: 1, population: 0, committedCents: 0, committedPerInhabitantCents: null }],
      concentrationIndex: null,
    } as unknown as EquityFundingDto;
    const publics: EquityPublicsDto = {
      items: [{ targetPublic: 'young_people', projects: 2, committedCents: 500000 }],
      participation: [{ level: 'co_led', projects: 1, committedCents: 100 }],
    };
    const csv = equityFiguresCsv('AMI 2021', funding, publics);
    expect(csv).toContain(`"'=Taux";%;INSEE;2021;\r\n`);
    expect(csv).toContain('09;Ariège;100;123,45;0;1,23;18,6;0,5;3\r\n');
    expect(csv).toContain('Quintile 1 (le moins défavorisé);0;0;\r\n');
    expect(csv).toContain('Jeunes;2;5000\r\n');
    expect(csv).not.toContain('Couverture');
  });
});
