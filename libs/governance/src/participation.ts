import { COLLEGES, type AttendanceStatus, type College } from './governance.constants';
import { computeQuorum, type SeatHolders } from './quorum';

export interface SeatOfCollege {
  college: College;
  held: boolean;
}

export interface HeldMeeting {
  holders: (SeatHolders & { college: College })[];
  attendance: ReadonlyMap<string, AttendanceStatus>;
}

export interface CollegeFigures {
  college: College;
  seats: number;
  filled: number;
  vacant: number;
  attendanceRate: number | null;
}

/**
 * Participation per college ("rien pour nous sans nous"): seats filled and vacant today, and the
 * share of held seats present or represented across the meetings given (the same seat rule as the quorum).
 */
export function participationByCollege(
  seatsToday: readonly SeatOfCollege[],
  meetings: readonly HeldMeeting[],
): { byCollege: CollegeFigures[]; total: Omit<CollegeFigures, 'college'> } {
  const counts = COLLEGES.map((college) => {
    const seats = seatsToday.filter((s) => s.college === college);
    let expected = 0;
    let present = 0;
    for (const meeting of meetings) {
      const { seatsTotal, seatsPresent } = computeQuorum(
        meeting.holders.filter((h) => h.college === college),
        meeting.attendance,
      );
      expected += seatsTotal;
      present += seatsPresent;
    }
    return { college, seats: seats.length, filled: seats.filter((s) => s.held).length, expected, present };
  });
  const sum = (key: 'seats' | 'filled' | 'expected' | 'present') => counts.reduce((n, c) => n + c[key], 0);
  return {
    byCollege: counts.map((c) => figures(c)),
    total: figures({ seats: sum('seats'), filled: sum('filled'), expected: sum('expected'), present: sum('present') }),
  };
}

function figures<T extends { seats: number; filled: number; expected: number; present: number }>(c: T) {
  const { expected, present, ...rest } = c;
  return { ...rest, vacant: c.seats - c.filled, attendanceRate: expected > 0 ? round(present / expected) : null };
}

function round(rate: number): number {
  return Math.round(rate * 10_000) / 10_000;
}
