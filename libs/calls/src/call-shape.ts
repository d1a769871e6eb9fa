import { DomainError } from '@app/core/errors/domain-error';
import { CallsErrorCode } from './calls.errors';

/** What makes a call well formed, whether it is created or edited. */
export interface CallShape {
  opensOn: string;
  closesOn: string;
  envelopeCents: number;
  axes: { code: string; envelopeCents?: number | null }[];
}

/** 400 for a call that closes before it opens, repeats an axis or gives its axes more than its envelope. */
export function assertCallShape(call: CallShape): void {
  if (call.closesOn < call.opensOn) throw DomainError.invalid(CallsErrorCode.CallDates, 'closesOn: before opensOn');
  const codes = call.axes.map((a) => a.code);
  const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (repeated.length > 0)
    throw DomainError.invalid(CallsErrorCode.CallAxisRepeated, `axes: code ${repeated[0]} is repeated`);
  const axesTotal = call.axes.reduce((sum, a) => sum + (a.envelopeCents ?? 0), 0);
  if (axesTotal > call.envelopeCents) {
    throw DomainError.invalid(
      CallsErrorCode.CallAxesOverEnvelope,
      `axes: their envelopes (${axesTotal}) exceed envelopeCents (${call.envelopeCents})`,
    );
  }
}

/** What an edit may not undo: an axis that projects apply to, an envelope below what is committed on it. */
export function assertKeepsCommitments(
  after: CallShape,
  committed: { total: number; byAxis: ReadonlyMap<string, number> },
  axesInUse: readonly string[],
): void {
  const codes = new Set(after.axes.map((a) => a.code));
  const removed = axesInUse.filter((code) => !codes.has(code));
  if (removed.length > 0) {
    throw DomainError.conflict(
      CallsErrorCode.CallAxisInUse,
      `Des projets relèvent de l’axe ${removed.join(', ')} : il ne peut pas être retiré`,
      { axes: removed },
    );
  }
  if (after.envelopeCents < committed.total) {
    throw DomainError.conflict(
      CallsErrorCode.CallEnvelopeBelowCommitted,
      `L’enveloppe (${after.envelopeCents}) serait inférieure aux crédits déjà engagés (${committed.total})`,
      { committedCents: committed.total },
    );
  }
  for (const axis of after.axes) {
    const onAxis = committed.byAxis.get(axis.code) ?? 0;
    if (axis.envelopeCents != null && axis.envelopeCents < onAxis) {
      throw DomainError.conflict(
        CallsErrorCode.CallEnvelopeBelowCommitted,
        `L’enveloppe de l’axe ${axis.code} (${axis.envelopeCents}) serait inférieure aux crédits déjà engagés (${onAxis})`,
        { axisCode: axis.code, committedCents: onAxis },
      );
    }
  }
}
