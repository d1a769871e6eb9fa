import { auditChanges } from './audit-changes';

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('what an audit event changed', () => {
  it('lists the changed fields in words, not the unchanged or bookkeeping ones', () => {
    expect(
      auditChanges(
        'project',
        { status: 'submitted', version: 2, title: 'Maraudes' },
        { status: 'withdrawn', comment: 'Porteur dissous', version: 3, title: 'Maraudes' },
      ),
    ).toEqual(['Statut : Déposé → Retiré', 'Commentaire : — → Porteur dissous']);
  });

  it('shows amounts in euros and days as dates, and leaves unknown fields and codes as they are', () => {
    const lines = auditChanges('payment', null, { id: 'x', amountCents: 6_000_000, paidOn: '2026-03-31', note: 'y' });
    expect(lines.map(nbsp)).toEqual(['Montant : 60 000,00 €', 'Versé le : 31 mars 2026', 'note : y']);
    expect(auditChanges('project', { status: 'draft' }, { status: 'new_state' })).toEqual([
      'Statut : Brouillon → new_state',
    ]);
  });
});

describe('what a grant’s events changed', () => {
  it('leaves references to other objects out, names nested objects, counts nested lists, labels codes', () => {
    const lines = auditChanges('project', null, {
      callId: 'c0ffee00-0000-4000-8000-000000000000',
      holder: { kind: 'public_body', name: 'Caisse du Tarn', siret: null },
      levers: [2],
      status: 'draft',
    });
    expect(lines).toEqual([
      expect.stringMatching(/^Porteur : Caisse du Tarn \(.+\)$/),
      'Leviers : Parcours de vie, périodes sensibles',
      'Statut : Brouillon',
    ]);
    expect(
      auditChanges('grant', { schedule: [] }, { schedule: [{ dueOn: '2026-01-01' }, { dueOn: '2026-06-01' }] }),
    ).toEqual(['Échéancier : — → 2 éléments']);
  });
});

describe('what the commission’s events changed', () => {
  it('labels a seat’s college and names its current mandate by the member holding it', () => {
    const lines = auditChanges('seat', null, {
      college: 'users',
      label: 'Représentant des usagers',
      current: { id: 'm1', member: { id: 'p1', displayName: 'Marc Olivier' }, startsOn: '2021-12-10' },
    });
    expect(lines).toEqual([
      'Collège : Usagers',
      'Intitulé : Représentant des usagers',
      'Mandat en cours : Marc Olivier',
    ]);
  });

  it('says what a report’s fingerprints are', () => {
    expect(auditChanges('report', { fileSha256: null }, { fileSha256: 'ab12' })).toEqual([
      'Empreinte du fichier (SHA-256) : — → ab12',
    ]);
  });
});

describe('what an application’s edit changed', () => {
  it('shows declared department shares in percent, equal shares in words', () => {
    const shares = [
      { departmentCode: '31', shareBp: 7000 },
      { departmentCode: '34', shareBp: 3000 },
    ];
    expect(auditChanges('project', { departmentShares: [] }, { departmentShares: shares })).toEqual([
      'Répartition entre départements : parts égales → 31 : 70 %, 34 : 30 %',
    ]);
  });
});
