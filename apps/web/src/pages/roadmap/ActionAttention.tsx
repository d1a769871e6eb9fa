import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { ActionDto } from '../../api/client';

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
