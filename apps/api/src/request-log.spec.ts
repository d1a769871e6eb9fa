import { requestLogFields, responseLogFields } from './request-log';

describe('request log fields', () => {
  it('keep the id, method, path and address of a request, and never a header', () => {
    const req = {
      id: 'req-1',
      method: 'GET',
      url: '/api/projects?limit=5',
      remoteAddress: '10.0.0.1',
      headers: { authorization: 'Bearer secret', cookie: 'iss_session=secret' },
    };
    const fields = requestLogFields(req);
    expect(fields).toEqual({ id: 'req-1', method: 'GET', url: '/api/projects?limit=5', remoteAddress: '10.0.0.1' });
    expect(JSON.stringify(fields)).not.toContain('secret');
  });

  it('keep the status of a response, not its headers (the session cookie on sign-in)', () => {
    expect(responseLogFields({ statusCode: 200, headers: { 'set-cookie': 'iss_session=secret' } } as never)).toEqual({
      statusCode: 200,
    });
  });
});
