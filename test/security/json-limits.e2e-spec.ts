import request from 'supertest';
import { api, DEMO, login } from '../support/http';
import { Stack } from '../support/stack';

/** `levels` nested arrays, as raw JSON text (supertest would otherwise serialize it with JSON.stringify). */
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('JSON bodies: depth and size are limited before parsing and validation', () => {
  let stack: Stack;
  let token: string;
  const post = (path: string, text: string, bearer?: string) =>
    (bearer ? api(stack, bearer) : request(stack.baseUrl))
      .post(path)
      .set('content-type', 'application/json')
      .send(text);

  beforeAll(async () => {
    stack = await Stack.start('json_limits', { worker: false });
    token = await login(stack, DEMO.delegate);
  });
  afterAll(() => stack.stop());

  it('answers 20,000 levels of nesting on the public login route with a 400, not a 500', async () => {
    const res = await post('/api/auth/login', `{"email":"a@b.fr","password":${nested(20_000)}}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringMatching(/^body: .*32 levels/),
      code: 'validation.invalid',
    });
  });

  it('answers deep objects on an authenticated route with a 400', async () => {
    const deep = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
    const res = await post('/api/bodies', deep, token);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/nested deeper than 32/);
  });

  it('answers an array of 100,000 elements with a 400 naming the limit', async () => {
    const res = await post('/api/bodies', `{"kind":"plenary","name":"x","extra":[${'0,'.repeat(100_000)}0]}`, token);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/more than 10000 values/);
  });

  it('still refuses prototype pollution keys and still parses ordinary bodies', async () => {
    expect((await post('/api/bodies', '{"__proto__":{"x":1},"kind":"plenary","name":"x"}', token)).status).toBe(400);
    const created = await post('/api/bodies', '{"kind":"working_group","name":"Groupe [crochets] {accolades}"}', token);
    expect(created.status).toBe(201);
  });
});
