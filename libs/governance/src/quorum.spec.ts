import { AttendanceStatus } from './governance.constants';
import { computeQuorum, quorumThreshold } from './quorum';

const seats = [
  { memberId: 'a', alternateMemberId: 'a2' },
  { memberId: 'b', alternateMemberId: 'b2' },
  { memberId: 'c', alternateMemberId: null },
  { memberId: 'd', alternateMemberId: null },
];
const attendance = (entries: Record<string, AttendanceStatus>) => new Map(Object.entries(entries));

describe('computeQuorum', () => {
  it('needs more than half of the seats', () => {
    expect(computeQuorum(seats, attendance({ a: 'present', b: 'present' }))).toEqual({
      seatsTotal: 4,
      seatsPresent: 2,
      quorumReached: false,
    });
    expect(computeQuorum(seats, attendance({ a: 'present', b: 'present', c: 'present' })).quorumReached).toBe(true);
  });

  it('counts a seat once when the full member and the alternate both came', () => {
    const result = computeQuorum(seats, attendance({ a: 'present', a2: 'present', b: 'absent' }));
    expect(result.seatsPresent).toBe(1);
  });

  it('counts an alternate who replaces an absent full member, and a represented member', () => {
    expect(computeQuorum(seats, attendance({ a: 'absent', a2: 'present' })).seatsPresent).toBe(1);
    expect(computeQuorum(seats, attendance({ b: 'represented' })).seatsPresent).toBe(1);
  });

  it('does not count excused or absent members, nor an empty body', () => {
    expect(computeQuorum(seats, attendance({ a: 'excused', b: 'absent' })).seatsPresent).toBe(0);
    expect(computeQuorum([], new Map()).quorumReached).toBe(false);
  });

  it('needs more than half of the seats held: 13 of 24, 13 of 25, 1 of 1', () => {
    expect([24, 25, 1].map(quorumThreshold)).toEqual([13, 13, 1]);
  });
});
