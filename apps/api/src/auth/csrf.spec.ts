import type { FastifyRequest } from 'fastify';
import { isCrossSiteCapable } from './csrf';

const request = (method: string, headers: Record<string, string>, cookie?: string) =>
  ({ method, headers, cookies: cookie ? { iss_session: cookie } : {} }) as unknown as FastifyRequest;

describe('isCrossSiteCapable', () => {
  it('flags a cookie-authenticated write without the header nor a JSON body', () => {
    for (const type of [
      undefined,
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ])
      expect(isCrossSiteCapable(request('POST', type ? { 'content-type': type } : {}, 't'))).toBe(true);
    expect(isCrossSiteCapable(request('DELETE', {}, 't'))).toBe(true);
    expect(isCrossSiteCapable(request('POST', { 'content-type': 'application/jsonp' }, 't'))).toBe(true);
  });

  it('lets through the header, a JSON body, reads, bearer tokens and anonymous requests', () => {
    expect(isCrossSiteCapable(request('POST', { 'x-requested-with': 'iss-web' }, 't'))).toBe(false);
    expect(isCrossSiteCapable(request('PATCH', { 'content-type': 'application/json; charset=utf-8' }, 't'))).toBe(
      false,
    );
    expect(isCrossSiteCapable(request('GET', {}, 't'))).toBe(false);
    expect(isCrossSiteCapable(request('POST', { authorization: 'Bearer abc' }, 't'))).toBe(false);
    expect(isCrossSiteCapable(request('POST', {}))).toBe(false);
  });

  it('does not let a non-bearer Authorization header pass the cookie off as a bearer token', () => {
    expect(isCrossSiteCapable(request('POST', { authorization: 'Basic Zm9vOmJhcg==' }, 't'))).toBe(true);
  });
});
