/** The longest wait between two tries of one message. */
export const MAX_RETRY_DELAY_SECONDS = 6 * 60 * 60;

/**
 * How long to wait after the `attempts`-th failed try before the next: `base`, then doubled at each
 * try (base, 2·base, 4·base…), never more than six hours.
 */
export function retryDelaySeconds(attempts: number, baseSeconds: number): number {
  return Math.min(MAX_RETRY_DELAY_SECONDS, baseSeconds * 2 ** Math.max(0, attempts - 1));
}
