import { centsFromDb } from '@app/core/money/money';
import type { TrancheDto } from './dto/follow-up.dto';
import type { TrancheRow } from './follow-up.repository';

/**
 * Each tranche is paid once covered: by the payments naming it, then by the payments naming no tranche
 * (recorded before payments named theirs, or without), which cover the tranches in date order.
 * Otherwise a tranche is overdue past its date, upcoming before.
 */
export function scheduleAgainstPayments(tranches: TrancheRow[], untiedPaidCents: number, today: string): TrancheDto[] {
  let cumulative = 0;
  let untied = untiedPaidCents;
  return tranches.map((t) => {
    const amountCents = centsFromDb(t.amountCents);
    const paidCents = centsFromDb(t.paidCents);
    cumulative += amountCents;
    const fromUntied = Math.min(untied, Math.max(0, amountCents - paidCents));
    untied -= fromUntied;
    const state = paidCents + fromUntied >= amountCents ? 'paid' : t.dueOn < today ? 'overdue' : 'upcoming';
    return {
      id: t.id,
      label: t.label,
      dueOn: t.dueOn,
      amountCents,
      condition: t.condition,
      cumulativePlannedCents: cumulative,
      paidCents,
      state,
    };
  });
}
