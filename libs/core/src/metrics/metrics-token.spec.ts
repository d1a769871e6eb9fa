import { metricsTokenMatches } from './metrics-token';

describe('metricsTokenMatches', () => {
  const token = 'scrape-token-0123456789abcdef';

  it('accepts the configured token as a bearer token, the scheme in any case', () => {
    expect(metricsTokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(metricsTokenMatches(`bearer ${token}`, token)).toBe(true);
  });

  it('refuses a missing header, another scheme, another token or a prefix of it', () => {
    expect(metricsTokenMatches(undefined, token)).toBe(false);
    expect(metricsTokenMatches('', token)).toBe(false);
    expect(metricsTokenMatches(`Basic ${token}`, token)).toBe(false);
    expect(metricsTokenMatches(token, token)).toBe(false);
    expect(metricsTokenMatches('Bearer wrong-token', token)).toBe(false);
    expect(metricsTokenMatches(`Bearer ${token.slice(0, -1)}`, token)).toBe(false);
    expect(metricsTokenMatches(`Bearer ${token} extra`, token)).toBe(false);
  });

  it('matches nothing when no token is configured, not even an empty bearer', () => {
    expect(metricsTokenMatches('Bearer ', undefined)).toBe(false);
    expect(metricsTokenMatches('Bearer ', '')).toBe(false);
    expect(metricsTokenMatches('Bearer undefined', undefined)).toBe(false);
  });
});
