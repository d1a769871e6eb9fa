import { COLLEGES, type College } from '@app/vocabulary';
import type { MandateDto, SeatDto } from '../../api/client';

/** A seat as held on one day: its label and the mandate then in force. Pure, unit-tested. */
export interface HeldSeat {
  id: string;
  label: string | null;
  mandate: MandateDto;
}

export interface CollegeSeats {
  college: College;
  seats: HeldSeat[];
}

/** The mandate of the seat in force on `day` (YYYY-MM-DD), as the API counts it for the quorum. */
function mandateOn(seat: SeatDto, day: string): MandateDto | undefined {
  return seat.mandates.find((m) => m.startsOn <= day && (!m.endsOn || m.endsOn >= day));
}

/** The seats held on `day`, grouped by college in the vocabulary's order; colleges with none left out. */
export function seatsHeldOn(seats: SeatDto[], day: string): CollegeSeats[] {
  const held = seats.flatMap((seat) => {
    const mandate = mandateOn(seat, day);
    return mandate ? [{ college: seat.college, seat: { id: seat.id, label: seat.label ?? null, mandate } }] : [];
  });
  return COLLEGES.map((college) => ({
    college,
    seats: held.filter((h) => h.college === college).map((h) => h.seat),
  })).filter((group) => group.seats.length > 0);
}
