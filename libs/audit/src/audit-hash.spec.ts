import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { auditHash, auditHashAt, HashedContent } from './audit-hash';

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

describe("auditHashAt, the verification's path", () => {
  /** The definition: SHA-256 of the canonical JSON of the covered fields, keys sorted at every depth. */
  const reference = (c: Omit<HashedContent, 'at'> & { at: string }) => {
    const { at, actorId, action, entityType, entityId, before, after, requestId, prevHash } = c;
    const covered = { at, actorId, action, entityType, entityId, before, after, requestId, prevHash };
    return createHash('sha256').update(stringify(covered)!).digest('hex');
  };

  it.each([
    ['the fixture', { ...event, at: event.at.toISOString() }],
    [
      'an actor, text to escape and nested arrays',
      {
        ...event,
        at: '2027-12-31T23:59:59.999Z',
        actorId: '6f1c0f4e-0000-4000-8000-000000000001',
        entityId: 'quote " backslash \\ tab \t line \n nul \u0000 «é» 🙂',
        before: { z: [3, { b: null, a: 'x' }], '': 1, A: true, a: -0.5, é: 1e21 },
        after: [],
        requestId: null,
        prevHash: 'f'.repeat(64),
      },
    ],
    [
      'absent values, left out as the canonical JSON leaves them',
      { ...event, at: 'x', before: undefined, requestId: undefined as unknown as null },
    ],
  ])('writes the canonical JSON of the whole object: %s', (_name, content) => {
    expect(auditHashAt(content)).toBe(reference(content));
  });
});
