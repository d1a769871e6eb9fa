import { statusesLeadingTo } from './report-lifecycle';

describe('report lifecycle', () => {
  it('claims a report for rendering from queued or from an abandoned run', () => {
    expect(statusesLeadingTo('running')).toEqual(['queued', 'running']);
  });

  it('finishes only a running report and expires only a done one', () => {
    expect(statusesLeadingTo('done')).toEqual(['running']);
    expect(statusesLeadingTo('failed')).toEqual(['queued', 'running']);
    expect(statusesLeadingTo('expired')).toEqual(['done']);
  });
});
