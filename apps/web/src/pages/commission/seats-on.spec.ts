import type { MandateDto, SeatDto } from '../../api/client';
import { seatsHeldOn } from './seats-on';

const mandate = (name: string, startsOn: string, endsOn: string | null = null): MandateDto => ({
  id: `mandate-${name}`,
  member: { id: name, displayName: name },
  alternate: null,
  startsOn,
  endsOn,
});

const seat = (id: string, college: SeatDto['college'], mandates: MandateDto[], label?: string): SeatDto => ({
  id,
  bodyId: 'body',
  college,
  label: label ?? null,
  current: null,
  vacant: false,
  mandates,
  canEndMandate: false,
  canAddMandate: false,
});

describe('the seats held on a meeting’s day', () => {
  const seats = [
    seat('elected', 'elected', [mandate('Élue', '2024-01-01')], 'Conseil régional'),
    seat('users', 'users', [mandate('Ancien', '2022-01-01', '2025-06-30'), mandate('Nouvelle', '2025-07-01')]),
    seat('ended', 'users', [mandate('Partie', '2022-01-01', '2025-03-31')]),
    seat('later', 'health_actors', [mandate('Future', '2025-09-01')]),
  ];

  it('groups them by college in the vocabulary’s order, leaving out colleges without a seat held', () => {
    expect(seatsHeldOn(seats, '2025-06-30').map((g) => [g.college, g.seats.map((s) => s.mandate.member.id)])).toEqual([
      ['users', ['Ancien']],
      ['elected', ['Élue']],
    ]);
  });

  it('takes the mandate in force that day, its last day included, and keeps the seat’s label', () => {
    const [users, elected] = seatsHeldOn(seats, '2025-07-01');
    expect(users.seats).toEqual([expect.objectContaining({ id: 'users', label: null })]);
    expect(users.seats[0].mandate.member.id).toBe('Nouvelle');
    expect(elected.seats[0].label).toBe('Conseil régional');
  });
});
