import { centsFromDb } from '@app/core/money/money';
import type { TrancheDto } from './dto/follow-up.dto';
import type { TrancheRow } from './follow-up.repository';

/** Each tranche is paid once payments cover everything planned up to it; otherwise overdue past its date. */
export function scheduleAgainstPayments(tranches: TrancheRow[], paidCents: number, today: string): TrancheDto[] {
  let cumulative = 0;
  return tranches.map((t) => {
    const amountCents = centsFromDb(t.amountCents);
    cumulative += amountCents;
    const state = paidCents >= cumulative ? 'paid' : t.dueOn < today ? 'overdue' : 'upcoming';
    return {
      label: t.label,
      dueOn: t.dueOn,
      amountCents,
      condition: t.condition,
      cumulativePlannedCents: cumulative,
      state,
    };
  });
}
