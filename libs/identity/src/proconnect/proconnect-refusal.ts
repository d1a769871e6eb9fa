import type { ProConnectRefusal } from '@app/vocabulary';

/** oauth4webapi's codes (re-thrown as is by openid-client) for the checks of an ID token. */
const TIMESTAMP_CHECK = 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED';
const CLAIM_COMPARISON = 'OAUTH_JWT_CLAIM_COMPARISON_FAILED';

interface OAuthFailure {
  name?: string;
  code?: string;
  error?: string;
  /** openid-client's ClientError wraps oauth4webapi's error, whose own cause names the claim. */
  cause?: { claim?: string; cause?: { claim?: string } };
}

/**
 * What the refusal of a callback by openid-client means for the person: an ID token past its `exp` (or
 * issued too long ago), one whose `nonce` is not this attempt's, a code the token endpoint refused
 * (`invalid_grant`: already used, expired, or not issued for this PKCE verifier); anything else,
 * including the provider's own `error=` answer or its being unreachable, is the provider's failure.
 */
export function refusalOf(failure: unknown): ProConnectRefusal {
  const { name, code, error, cause } = (failure ?? {}) as OAuthFailure;
  if (code === TIMESTAMP_CHECK) return 'id_token_expired';
  if (code === CLAIM_COMPARISON && (cause?.cause?.claim ?? cause?.claim) === 'nonce') return 'nonce_invalid';
  if (name === 'ResponseBodyError' && error === 'invalid_grant') return 'code_refused';
  return 'provider_error';
}
