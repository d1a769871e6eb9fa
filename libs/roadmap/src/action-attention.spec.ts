import { attentionOf } from './action-attention';

describe('what a referent must look at first', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const today = '2026-11-23';
  const recent = new Date('2026-11-01T10:00:00Z');
  const old = new Date('2026-08-01T10:00:00Z');

  it('flags an unfinished action past its end date as overdue', () => {
    expect(attentionOf({ status: 'in_progress', endsOn: '2026-11-22', lastUpdatedAt: recent }, today, now)).toEqual({
      overdue: true,
      stale: false,
    });
  });

  it('does not flag an action that ends today or has no end date', () => {
    expect(attentionOf({ status: 'planned', endsOn: today, lastUpdatedAt: recent }, today, now).overdue).toBe(false);
    expect(attentionOf({ status: 'planned', endsOn: null, lastUpdatedAt: recent }, today, now).overdue).toBe(false);
  });

  it('flags an unfinished action without update for 90 days as stale, not one updated 89 days ago', () => {
    expect(attentionOf({ status: 'blocked', endsOn: null, lastUpdatedAt: old }, today, now).stale).toBe(true);
    const day89 = new Date(now.getTime() - 89 * 86_400_000);
    expect(attentionOf({ status: 'blocked', endsOn: null, lastUpdatedAt: day89 }, today, now).stale).toBe(false);
  });

  it('never flags a finished action', () => {
    expect(attentionOf({ status: 'done', endsOn: '2020-01-01', lastUpdatedAt: old }, today, now)).toEqual({
      overdue: false,
      stale: false,
    });
  });
});
