import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { ActionDto } from '../../api/client';
import { formatDate } from '../../format';

/** The two reasons an action needs looking at, as badges (nothing when it is on track). */
export function ActionAttention({ action }: { action: Pick<ActionDto, 'overdue' | 'stale'> }) {
  return (
    <>
      {action.overdue && (
        <Badge as="span" severity="error" small className="fr-mr-1v">
          En retard
        </Badge>
      )}
      {action.stale && (
        <Badge as="span" severity="warning" small>
          Sans mise à jour depuis 90 jours
        </Badge>
      )}
    </>
  );
}

/** Why an action is on the referent's list where it is, in words: what the "À surveiller" column says. */
export function attentionReason(action: Pick<ActionDto, 'overdue' | 'stale' | 'status' | 'endsOn'>): string {
  if (action.overdue) return `En retard : échéance du ${formatDate(action.endsOn!)} dépassée`;
  if (action.stale) return 'Sans mise à jour depuis 90 jours';
  if (action.status === 'done') return 'Terminée';
  return 'Rien à signaler';
}
