import { diffAction } from './action-changes';

describe('diffAction', () => {
  it('keeps only the fields that change', () => {
    expect(
      diffAction(
        { status: 'planned', progressPercent: 0, participation: 'none' },
        { status: 'in_progress', progressPercent: 0, participation: 'consulted' },
      ),
    ).toEqual({
      status: { from: 'planned', to: 'in_progress' },
      participation: { from: 'none', to: 'consulted' },
    });
  });

  it('is empty when nothing changes', () => {
    expect(diffAction({ status: 'done', progressPercent: 100, participation: 'co_led' }, {})).toEqual({});
  });
});
