import stringify from 'safe-stable-stringify';
import { dataHash, requestFingerprint, sha256 } from './report-fingerprint';

describe('report fingerprints', () => {
  it('hashes equal data equally, whatever the key order', () => {
    expect(dataHash({ a: 1, b: [1, 2] })).toBe(dataHash({ b: [1, 2], a: 1 }));
    expect(dataHash({ a: 1 })).not.toBe(dataHash({ a: 2 }));
  });

  it('is the SHA-256 of the whole canonical text, though hashed piece by piece', () => {
    const ledger = Array.from({ length: 3000 }, (_, i) => ({
      paymentId: `p${i}`,
      projectTitle: i % 2 ? 'Projet « été » — 1' : 'Projet\n"cité"',
      amountCents: String(i * 100),
      paidOn: i % 3 ? '2024-01-02' : null,
      skipped: undefined,
    }));
    const samples: unknown[] = [
      { call: { title: 'Appel', year: 2024, opensOn: new Date('2024-01-01T00:00:00Z') }, payments: ledger },
      [1, undefined, null, 'x', () => 1, [], {}, [[{ b: 2, a: [1, { d: undefined, c: 'é' }] }]]],
      { z: 1, a: { toJSON: () => 'as JSON' }, m: new Map([['k', 1]]), s: 'lone \ud800 surrogate', n: NaN },
      Object.assign(Object.create(null) as object, { b: 1, a: 2 }),
      'plain',
      undefined,
    ];
    for (const sample of samples) expect(dataHash(sample)).toBe(sha256(stringify(sample) ?? 'null'));
  });

  it('tells requests apart by kind, params and data', () => {
    const base = requestFingerprint('funding', { callId: 'c1' }, 'd'.repeat(64));
    expect(requestFingerprint('funding', { callId: 'c2' }, 'd'.repeat(64))).not.toBe(base);
    expect(requestFingerprint('funding', { callId: 'c1' }, 'e'.repeat(64))).not.toBe(base);
    expect(requestFingerprint('funding', { callId: 'c1' }, 'd'.repeat(64))).toBe(base);
  });
});
