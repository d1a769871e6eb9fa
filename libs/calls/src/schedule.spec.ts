import { scheduleAgainstPayments } from './schedule';

describe('scheduleAgainstPayments', () => {
  const tranches = [
    { id: 't1', label: 'Avance', dueOn: '2024-01-15', amountCents: '5000', condition: null, paidCents: '0' },
    {
      id: 't2',
      label: 'Acompte',
      dueOn: '2024-09-15',
      amountCents: '3000',
      condition: 'bilan intermédiaire',
      paidCents: '0',
    },
    {
      id: 't3',
      label: 'Solde',
      dueOn: '2025-06-30',
      amountCents: '2000',
      condition: 'à réception du bilan final',
      paidCents: '0',
    },
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

  it('counts a payment against the tranche it names, and payments naming none against the rest in order', () => {
    const tied = tranches.map((t) => (t.id === 't2' ? { ...t, paidCents: '3000' } : t));
    expect(scheduleAgainstPayments(tied, 4000, '2024-12-01').map((t) => [t.id, t.paidCents, t.state])).toEqual([
      ['t1', 0, 'overdue'],
      ['t2', 3000, 'paid'],
      ['t3', 0, 'upcoming'],
    ]);
    expect(scheduleAgainstPayments(tied, 7000, '2024-12-01').map((t) => t.state)).toEqual(['paid', 'paid', 'paid']);
  });
});
