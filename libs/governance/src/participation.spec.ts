import { participationByCollege } from './participation';

describe('participationByCollege', () => {
  const holders = [
    { college: 'users' as const, memberId: 'u1', alternateMemberId: null },
    { college: 'users' as const, memberId: 'u2', alternateMemberId: 'u2b' },
    { college: 'elected' as const, memberId: 'e1', alternateMemberId: null },
  ];

  it('counts filled and vacant seats and attendance per college over the meetings held', () => {
    const { byCollege: figures, total } = participationByCollege(
      [
        { college: 'users', held: true },
        { college: 'users', held: true },
        { college: 'users', held: false },
        { college: 'elected', held: true },
      ],
      [
        {
          holders,
          attendance: new Map([
            ['u1', 'present'],
            ['u2b', 'present'],
            ['e1', 'absent'],
          ]),
        },
        {
          holders,
          attendance: new Map([
            ['u1', 'excused'],
            ['e1', 'present'],
          ]),
        },
      ],
    );
    const byCollege = Object.fromEntries(figures.map((f) => [f.college, f]));
    expect(byCollege.users).toEqual({ college: 'users', seats: 3, filled: 2, vacant: 1, attendanceRate: 0.5 });
    expect(byCollege.elected).toEqual({ college: 'elected', seats: 1, filled: 1, vacant: 0, attendanceRate: 0.5 });
    expect(byCollege.institutional).toEqual({
      college: 'institutional',
      seats: 0,
      filled: 0,
      vacant: 0,
      attendanceRate: null,
    });
    expect(total).toEqual({ seats: 4, filled: 3, vacant: 1, attendanceRate: 0.5 });
  });
});
