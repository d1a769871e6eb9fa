import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { loadSealKeys, sealPayload, signSeal } from './audit-seal';
import { checkSeals, StoredSeal } from './seal-check';

const pem = (k: KeyObject) => k.export({ type: 'pkcs8', format: 'pem' }).toString();
const keys = loadSealKeys(pem(generateKeyPairSync('ed25519').privateKey));
const hash = (c: string) => c.repeat(64);

function sealOf(sealId: string, lastEventId: string, lastHash: string, signWith = keys): StoredSeal {
  const head = { sealId, sealedAt: new Date('2026-11-30T06:00:00Z'), lastEventId, lastHash };
  return { ...head, keyId: signWith.keyId, signature: signSeal(signWith, head) };
}

describe('checkSeals', () => {
  const seals = [sealOf('1', '10', hash('a')), sealOf('2', '20', hash('b'))];

  it('finds nothing wrong when each sealed event still has its sealed hash', () => {
    const chain = new Map([
      ['10', hash('a')],
      ['20', hash('b')],
    ]);
    expect(checkSeals(seals, chain, keys)).toEqual([]);
  });

  it('names the seal whose event is gone, and the range of a re-hash after the last intact seal', () => {
    expect(checkSeals(seals, new Map([['10', hash('a')]]), keys)).toEqual([
      expect.objectContaining({ sealId: 2, eventId: 20, problem: 'missing_event' }),
    ]);
    const [broken] = checkSeals(
      seals,
      new Map([
        ['10', hash('a')],
        ['20', hash('c')],
      ]),
      keys,
    );
    expect(broken).toMatchObject({ sealId: 2, eventId: 20, problem: 'rewritten' });
    expect(broken.message).toContain('events 11 to 20 were rewritten');
  });

  it('refuses a seal altered after signing, or signed with another key', () => {
    const chain = new Map([['10', hash('d')]]);
    const altered = { ...sealOf('1', '10', hash('a')), lastHash: hash('d') };
    expect(checkSeals([altered], chain, keys)[0].problem).toBe('bad_signature');
    const other = loadSealKeys(pem(generateKeyPairSync('ed25519').privateKey));
    expect(checkSeals([sealOf('1', '10', hash('d'), other)], chain, keys)[0].problem).toBe('unknown_key');
  });

  it('signs a one-line, versioned payload naming the seal, the time, the event and its hash', () => {
    expect(sealPayload(seals[0])).toBe(
      `iss-audit-seal/v1 seal=1 at=2026-11-30T06:00:00.000Z event=10 hash=${hash('a')}`,
    );
  });
});
