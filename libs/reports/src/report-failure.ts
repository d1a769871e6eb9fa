import { DomainError, type ErrorKind } from '@app/core/errors/domain-error';

const PREFIX = 'Le rapport n’a pas pu être produit';

/** What a requester reads when a report fails, by kind of error; the detail goes to the worker log only. */
const FAILURE_REASONS: Partial<Record<ErrorKind, string>> = {
  not_found: 'données introuvables (le sujet du rapport n’existe plus)',
  invalid: 'paramètres invalides, refaites la demande',
  unavailable: 'service momentanément indisponible, réessayez plus tard',
};
const INTERNAL = 'erreur interne, réessayez ou contactez l’administrateur';

/**
 * The readable French message stored in `report.error`. Never the exception's own text: it may name
 * tables, SQL, file paths or data the reader may not see.
 */
export function reportFailureMessage(error: unknown): string {
  const reason = error instanceof DomainError ? FAILURE_REASONS[error.kind] : undefined;
  return `${PREFIX} : ${reason ?? INTERNAL}`;
}
