import { assertEveryJobHandled } from './job-registry';

describe('assertEveryJobHandled', () => {
  const noop = async () => undefined;

  it('accepts a complete handler map', () => {
    expect(() =>
      assertEveryJobHandled({
        'report.render': noop,
        'reports.reconcile': noop,
        'reports.expire': noop,
        'auth.purge': noop,
        'audit.seal': noop,
        'audit.verify': noop,
        'mail.send': noop,
        'mail.sweep': noop,
        'mail.digest': noop,
        'mail.reminders': noop,
      }),
    ).not.toThrow();
  });

  it('names the jobs left without a handler', () => {
    expect(() => assertEveryJobHandled({ 'report.render': noop })).toThrow(
      /reports\.reconcile, reports\.expire, auth\.purge, audit\.seal, audit\.verify, mail\.send, mail\.sweep, mail\.digest, mail\.reminders/,
    );
  });
});
