import { createHmac, createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { verifyHs256 } from './hs256';

const secret = 'a-secret-of-the-right-length-for-these-tests-000';
const key = createSecretKey(Buffer.from(secret));
const options = { issuer: 'iss-back-office', audience: 'iss-back-office-api' };
const now = 1_800_000_000;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function sign(claims: unknown, header: object = { alg: 'HS256', typ: 'JWT' }, withSecret = secret): string {
  const unsigned = `${b64(header)}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', withSecret).update(unsigned).digest('base64url')}`;
}

const good = { sub: 's', jti: 'j', iat: now - 10, exp: now + 3600, iss: options.issuer, aud: options.audience };

/** What jsonwebtoken (the verifier this replaces) said of the same token at the same time. */
function jsonwebtokenAccepts(token: string): boolean {
  try {
    jwt.verify(token, key as never, { ...options, algorithms: ['HS256'], clockTimestamp: now });
    return true;
  } catch {
    return false;
  }
}

describe('verifyHs256', () => {
  const cases: [string, string, boolean][] = [
    ['a well-signed token', sign(good), true],
    ['an audience list naming the api', sign({ ...good, aud: ['other', options.audience] }), true],
    ['a not-before in the past', sign({ ...good, nbf: now - 1 }), true],
    ['alg none, unsigned', `${b64({ alg: 'none' })}.${b64(good)}.`, false],
    ['alg none, signed', sign(good, { alg: 'none' }), false],
    ['HS512 signed with the secret', sign(good, { alg: 'HS512' }), false],
    ['another secret', sign(good, undefined, 'another-secret'), false],
    [
      'a tampered payload',
      `${sign(good).split('.')[0]}.${b64({ ...good, sub: 'x' })}.${sign(good).split('.')[2]}`,
      false,
    ],
    ['a truncated signature', sign(good).slice(0, -2), false],
    ['expired', sign({ ...good, exp: now }), false],
    ['a not-before in the future', sign({ ...good, nbf: now + 1 }), false],
    ['a string not-before', sign({ ...good, nbf: String(now - 1) }), false],
    ['a string expiry', sign({ ...good, exp: String(now + 60) }), false],
    ['another issuer', sign({ ...good, iss: 'another' }), false],
    ['no issuer', sign({ ...good, iss: undefined }), false],
    ['another audience', sign({ ...good, aud: 'another' }), false],
    ['no audience', sign({ ...good, aud: undefined }), false],
    ['a payload that is not an object', sign('hello'), false],
    ['a header that is not JSON', `bm90IGpzb24.${sign(good).split('.').slice(1).join('.')}`, false],
    ['two segments', sign(good).split('.').slice(0, 2).join('.'), false],
    ['four segments', `${sign(good)}.x`, false],
  ];

  it.each(cases)('%s: as jsonwebtoken said', (_name, token, accepted) => {
    expect(verifyHs256(token, key, options, now) !== null).toBe(accepted);
    expect(jsonwebtokenAccepts(token)).toBe(accepted);
  });

  it('refuses a token without expiry, which jsonwebtoken let live forever', () => {
    const token = sign({ ...good, exp: undefined });
    expect(jsonwebtokenAccepts(token)).toBe(true);
    expect(verifyHs256(token, key, options, now)).toBeNull();
  });

  it('returns the claims', () => {
    expect(verifyHs256(sign(good), key, options, now)).toEqual(good);
  });
});
