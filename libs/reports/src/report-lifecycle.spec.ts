import { reportLifecycle } from './report-lifecycle';

describe('report lifecycle', () => {
  it('claims a report for rendering from queued or from an abandoned run', () => {
    expect(reportLifecycle.leadingTo('running')).toEqual(['queued', 'running']);
  });

  it('finishes only a running report and expires only a done one', () => {
    expect(reportLifecycle.leadingTo('done')).toEqual(['running']);
    expect(reportLifecycle.leadingTo('failed')).toEqual(['queued', 'running']);
    expect(reportLifecycle.leadingTo('expired')).toEqual(['done']);
  });

  it('leaves every move to the system: no role moves a report', () => {
    for (const status of reportLifecycle.statuses) {
      expect(reportLifecycle.nextFor(status, ['admin', 'regional_delegate', 'mission_officer', 'auditor'])).toEqual([]);
    }
  });
});
