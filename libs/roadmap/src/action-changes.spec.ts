import { diffAction } from './action-changes';

describe('diffAction', () => {
  it('keeps only the fields that change', () => {
    expect(
      diffAction({ status: 'planned', progressPercent: 0 }, { status: 'in_progress', progressPercent: 0 }),
    ).toEqual({
      status: { from: 'planned', to: 'in_progress' },
    });
  });

  it('is empty when nothing changes', () => {
    expect(diffAction({ status: 'done', progressPercent: 100 }, {})).toEqual({});
  });
});
