import { auditHash, HashedContent } from './audit-hash';

const event: HashedContent = {
  at: new Date('2026-01-02T03:04:05.678Z'),
  actorId: null,
  action: 'user.create',
  entityType: 'user',
  entityId: 'u1',
  before: null,
  after: { email: 'a@b.fr', roles: ['admin'], nested: { b: 1, a: 2 } },
  requestId: 'r1',
  prevHash: null,
};

describe('auditHash', () => {
  it('does not depend on key order', () => {
    const reordered = { ...event, after: { nested: { a: 2, b: 1 }, roles: ['admin'], email: 'a@b.fr' } };
    expect(auditHash(reordered)).toBe(auditHash(event));
  });

  it('changes with any covered field, including the previous hash', () => {
    const h = auditHash(event);
    expect(auditHash({ ...event, action: 'user.update' })).not.toBe(h);
    expect(auditHash({ ...event, prevHash: 'a'.repeat(64) })).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('auditHash on a stored row', () => {
  it('ignores the row id and its own hash', () => {
    const row = { ...event, id: '42', hash: 'f'.repeat(64) };
    expect(auditHash(row)).toBe(auditHash(event));
  });
});
