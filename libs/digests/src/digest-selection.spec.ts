import { departmentDigest, isEmpty, type DigestAction, type DigestProject } from './digest-selection';

const action = (title: string, departmentCodes: string[], flags: Partial<DigestAction> = {}): DigestAction => ({
  title,
  endsOn: '2026-06-30',
  departmentCodes,
  overdue: false,
  stale: false,
  ...flags,
});
const project = (title: string, opinions: [string, string | null][], status = 'under_review'): DigestProject => ({
  title,
  holder: { name: 'Association' },
  status,
  opinionsByDepartment: opinions.map(([departmentCode, opinion]) => ({ departmentCode, opinion })),
});
const haute = { code: '31', label: 'Haute-Garonne (31)' };

describe('what a department’s digest says', () => {
  it('lists the department’s overdue actions, then its stale ones, each once', () => {
    const digest = departmentDigest(
      haute,
      [
        action('En retard', ['31'], { overdue: true }),
        action('En retard et oubliée', ['31', '34'], { overdue: true, stale: true }),
        action('Oubliée', ['31'], { stale: true }),
        action('À jour', ['31']),
      ],
      [],
    );
    expect(digest.overdueActions).toEqual([
      'En retard (échéance 2026-06-30)',
      'En retard et oubliée (échéance 2026-06-30)',
    ]);
    expect(digest.staleActions).toEqual(['Oubliée']);
  });

  it('leaves out what belongs to another department, whatever the lists hold', () => {
    const digest = departmentDigest(
      haute,
      [action('De l’Hérault', ['34'], { overdue: true })],
      [
        project('Projet de l’Hérault', [['34', null]]),
        project('Projet commun', [
          ['31', 'favorable'],
          ['34', null],
        ]),
      ],
    );
    expect(isEmpty(digest)).toBe(true);
  });

  it('lists the projects under review still waiting for the department’s opinion', () => {
    const digest = departmentDigest(
      haute,
      [],
      [
        project('Attend notre avis', [
          ['31', null],
          ['34', 'favorable'],
        ]),
        project('Avis donné', [['31', 'reserved']]),
        project('Déjà sélectionné', [['31', null]], 'selected'),
      ],
    );
    expect(digest.opinionsOwed).toEqual(['Attend notre avis — Association']);
  });
});
