import { dataHash, requestFingerprint } from './report-fingerprint';

describe('report fingerprints', () => {
  it('hashes equal data equally, whatever the key order', () => {
    expect(dataHash({ a: 1, b: [1, 2] })).toBe(dataHash({ b: [1, 2], a: 1 }));
    expect(dataHash({ a: 1 })).not.toBe(dataHash({ a: 2 }));
  });

  it('tells requests apart by kind, params and data', () => {
    const base = requestFingerprint('funding', { callId: 'c1' }, 'd'.repeat(64));
    expect(requestFingerprint('funding', { callId: 'c2' }, 'd'.repeat(64))).not.toBe(base);
    expect(requestFingerprint('funding', { callId: 'c1' }, 'e'.repeat(64))).not.toBe(base);
    expect(requestFingerprint('funding', { callId: 'c1' }, 'd'.repeat(64))).toBe(base);
  });
});
