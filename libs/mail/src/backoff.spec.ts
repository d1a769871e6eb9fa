import { MAX_RETRY_DELAY_SECONDS, retryDelaySeconds } from './backoff';

describe('the wait between two tries of a message', () => {
  it('starts at the base and doubles at each failed try', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelaySeconds(attempts, 60))).toEqual([60, 120, 240, 480, 960]);
  });

  it('never waits more than six hours', () => {
    expect(retryDelaySeconds(30, 60)).toBe(MAX_RETRY_DELAY_SECONDS);
  });
});
