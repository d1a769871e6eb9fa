import { refusalOf } from './proconnect-refusal';

describe('refusalOf', () => {
  it('reads an expired or stale ID token from its timestamp check', () => {
    expect(refusalOf({ code: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED', cause: { claim: 'exp' } })).toBe('id_token_expired');
    expect(refusalOf({ code: 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED', cause: { claim: 'iat' } })).toBe('id_token_expired');
  });

  it('reads a nonce that is not the attempt’s, and no other claim, as a wrong nonce', () => {
    const wrapped = (claim: string) => ({
      name: 'ClientError',
      code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
      cause: { code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', cause: { claim } },
    });
    expect(refusalOf(wrapped('nonce'))).toBe('nonce_invalid');
    expect(refusalOf(wrapped('iss'))).toBe('provider_error');
    expect(refusalOf({ code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', cause: { claim: 'nonce' } })).toBe('nonce_invalid');
    expect(refusalOf({ code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', cause: { claim: 'aud' } })).toBe('provider_error');
  });

  it('reads the token endpoint’s invalid_grant as a refused code', () => {
    expect(refusalOf({ name: 'ResponseBodyError', error: 'invalid_grant' })).toBe('code_refused');
    expect(refusalOf({ name: 'ResponseBodyError', error: 'invalid_client' })).toBe('provider_error');
  });

  it('takes anything else for the provider’s failure', () => {
    expect(refusalOf({ name: 'AuthorizationResponseError', error: 'access_denied' })).toBe('provider_error');
    expect(refusalOf(new TypeError('fetch failed'))).toBe('provider_error');
    expect(refusalOf(undefined)).toBe('provider_error');
  });
});
