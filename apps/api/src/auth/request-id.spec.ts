import { requestIdOf } from './request-id';

const withHeader = (value: string) => ({ headers: { 'x-request-id': value } as Record<string, string> });

describe("the caller's request id", () => {
  it.each(['abc-123', 'trace.0A_z', 'x'.repeat(64)])('keeps %s', (id) => {
    expect(requestIdOf(withHeader(id))).toBe(id);
  });

  it.each([
    ['too long', 'x'.repeat(65)],
    ['a newline', 'a\nb'],
    ['quotes', 'a"b\'c'],
    ['a space', 'a b'],
    ['a colon', 'a:b'],
    ['non-ASCII', 'café'],
    ['empty', ''],
  ])('replaces one with %s by a fresh UUID', (_what, id) => {
    expect(requestIdOf(withHeader(id))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives the same id every time it is asked for one request', () => {
    const req = withHeader('a b');
    expect(requestIdOf(req)).toBe(requestIdOf(req));
  });
});
