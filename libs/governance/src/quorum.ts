import type { AttendanceStatus } from './governance.constants';

export interface SeatHolders {
  memberId: string;
  alternateMemberId: string | null;
}

export interface QuorumResult {
  seatsTotal: number;
  seatsPresent: number;
  quorumReached: boolean;
}

/**
 * A seat counts as present when its full member is present or represented, or when its alternate
 * is present in the full member's place; it counts once even if both came. Quorum: more than half
 * of the seats held at the meeting (CONTRACT.md).
 */
export function computeQuorum(
  seats: readonly SeatHolders[],
  attendance: ReadonlyMap<string, AttendanceStatus>,
): QuorumResult {
  const seatsPresent = seats.filter((seat) => {
    const holder = attendance.get(seat.memberId);
    if (holder === 'present' || holder === 'represented') return true;
    return seat.alternateMemberId !== null && attendance.get(seat.alternateMemberId) === 'present';
  }).length;
  return { seatsTotal: seats.length, seatsPresent, quorumReached: seatsPresent >= quorumThreshold(seats.length) };
}

/** How many seats present or represented the quorum needs: more than half of `seatsTotal`. */
export function quorumThreshold(seatsTotal: number): number {
  return Math.floor(seatsTotal / 2) + 1;
}
