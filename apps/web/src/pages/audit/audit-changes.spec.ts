import { auditChanges } from './audit-changes';

describe('what an audit event changed', () => {
  it('lists the changed fields with before and after, not the unchanged or bookkeeping ones', () => {
    expect(
      auditChanges(
        { status: 'submitted', version: 2, title: 'Maraudes' },
        { status: 'withdrawn', comment: 'Porteur dissous', version: 3, title: 'Maraudes' },
      ),
    ).toEqual(['status : submitted → withdrawn', 'comment : — → Porteur dissous']);
  });

  it('lists what a creation set', () => {
    expect(auditChanges(null, { id: 'x', amountCents: 6_000_000, holder: { name: 'A' } })).toEqual([
      'amountCents : 6000000',
      'holder : {"name":"A"}',
    ]);
  });

  it('says fields and coded values in words when given them, and leaves unknown ones as they are', () => {
    const vocabulary = { fields: { status: 'Statut' }, values: { status: { draft: 'Brouillon' } } };
    expect(auditChanges({ status: 'draft' }, { status: 'new_state', note: 'x' }, vocabulary)).toEqual([
      'Statut : Brouillon → new_state',
      'note : — → x',
    ]);
  });
});
