import { Actor, definePolicy } from '@app/core';
import { assertInternalReader } from '@app/identity';

/**
 * Who may do what with territorial indicators and equity figures (DESIGN.md, "Equity"): the admin and the
 * mission create indicators and load their values; everyone but commission members reads them.
 */
export const equityPolicy = definePolicy(
  {
    /** Create an indicator, import its values. */
    manageIndicators: ['admin', 'mission_officer'],
  },
  { manageIndicators: 'Seuls l’administrateur et la mission chargent les indicateurs territoriaux' },
);

/** Indicators and equity figures: every role but commission members (identity's rule). */
export function assertMayReadEquity(actor: Actor): void {
  assertInternalReader(actor);
}
