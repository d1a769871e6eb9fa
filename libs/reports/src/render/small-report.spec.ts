import { hasAtMostRows } from './small-report';

describe('hasAtMostRows', () => {
  const funding = (projects: number) => ({
    call: { title: 'Appel', year: 2024 },
    figures: { byAxis: [{ code: 'A1' }], byDepartment: [{ code: '31' }, { code: '09' }] },
    projects: Array.from({ length: projects }, (_, i) => ({ title: `Projet ${i}`, departments: ['31'] })),
  });

  it('counts the items of every list in the data, nested lists included', () => {
    // 1 axis + 2 departments + 3 projects + 3 department lists of one
    expect(hasAtMostRows(funding(3), 9)).toBe(true);
    expect(hasAtMostRows(funding(3), 8)).toBe(false);
  });

  it('takes data without lists for no rows', () => {
    expect(hasAtMostRows({ title: 'Annuaire', at: new Date() }, 0)).toBe(true);
    expect(hasAtMostRows(null, 0)).toBe(true);
  });

  it('stops at the first list that goes past the bound, without looking into its items', () => {
    const untouchable = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('an item was visited');
        },
      },
    );
    expect(hasAtMostRows({ payments: new Array<unknown>(1_000_000).fill(untouchable) }, 20)).toBe(false);
  });
});
