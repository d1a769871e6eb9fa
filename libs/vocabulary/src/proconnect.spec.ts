import { isProConnectRefusal, PROCONNECT_REFUSALS } from './proconnect';

describe('ProConnect refusals', () => {
  it('knows the codes the callback sends, and only those (a query string is anyone’s to write)', () => {
    expect(isProConnectRefusal('nonce_invalid')).toBe(true);
    expect(isProConnectRefusal('no_such_code')).toBe(false);
    expect(isProConnectRefusal('toString')).toBe(false);
    expect(isProConnectRefusal(null)).toBe(false);
  });

  it('says each in a French sentence that tells what to do next', () => {
    for (const text of Object.values(PROCONNECT_REFUSALS)) expect(text).toMatch(/ : .+\.$/);
  });
});
