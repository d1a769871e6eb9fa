import { rollUp } from './progress';

describe('rollUp', () => {
  it('averages progress, each action weighing the same, and counts statuses', () => {
    expect(
      rollUp([
        { status: 'done', progressPercent: 100 },
        { status: 'in_progress', progressPercent: 50 },
        { status: 'blocked', progressPercent: 5 },
      ]),
    ).toEqual({ actions: 3, progressPercent: 52, byStatus: { planned: 0, in_progress: 1, done: 1, blocked: 1 } });
  });

  it('is zero without actions', () => {
    expect(rollUp([]).progressPercent).toBe(0);
  });
});
