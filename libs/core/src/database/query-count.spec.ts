import { countQueriesIn, QueryCountingLogger, queriesCounted } from './query-count';

describe('counting queries per scope', () => {
  const logger = new QueryCountingLogger();

  it('counts the statements logged in its scope, across awaits', async () => {
    const counted = await countQueriesIn(async () => {
      logger.logQuery();
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.logQuery();
      return queriesCounted();
    });
    expect(counted).toBe(2);
  });

  it('keeps concurrent scopes apart', async () => {
    const scope = (n: number) =>
      countQueriesIn(async () => {
        for (let i = 0; i < n; i += 1) {
          await Promise.resolve();
          logger.logQuery();
        }
        return queriesCounted();
      });
    expect(await Promise.all([scope(1), scope(3)])).toEqual([1, 3]);
  });

  it('counts nothing outside a scope', () => {
    logger.logQuery();
    expect(queriesCounted()).toBeUndefined();
  });
});
