import { UPDATABLE_FIELDS, type UpdatableField } from './roadmap.constants';

export type Changes = Partial<Record<UpdatableField, { from: unknown; to: unknown }>>;

/** The fields an update really changes, as from → to pairs: what the history shows. */
export function diffAction(
  current: Record<UpdatableField, unknown>,
  requested: Partial<Record<UpdatableField, unknown>>,
): Changes {
  const changes: Changes = {};
  for (const field of UPDATABLE_FIELDS) {
    const to = requested[field];
    if (to !== undefined && to !== current[field]) changes[field] = { from: current[field], to };
  }
  return changes;
}
