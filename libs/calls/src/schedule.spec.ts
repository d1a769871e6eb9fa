import { scheduleAgainstPayments } from './schedule';

describe('scheduleAgainstPayments', () => {
  const tranches = [
    { label: 'Avance', dueOn: '2024-01-15', amountCents: '5000', condition: null },
    { label: 'Acompte', dueOn: '2024-09-15', amountCents: '3000', condition: 'bilan intermédiaire' },
    { label: 'Solde', dueOn: '2025-06-30', amountCents: '2000', condition: 'à réception du bilan final' },
  ];

  it('marks tranches covered by payments as paid, the late ones overdue, the others upcoming', () => {
    expect(
      scheduleAgainstPayments(tranches, 5000, '2024-12-01').map((t) => [t.label, t.cumulativePlannedCents, t.state]),
    ).toEqual([
      ['Avance', 5000, 'paid'],
      ['Acompte', 8000, 'overdue'],
      ['Solde', 10000, 'upcoming'],
    ]);
  });

  it('counts everything paid against the tranches in date order', () => {
    expect(scheduleAgainstPayments(tranches, 10000, '2026-01-01').every((t) => t.state === 'paid')).toBe(true);
  });
});
