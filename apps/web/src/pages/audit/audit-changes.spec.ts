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
});
