import { useState } from 'react';
import { useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ok, getAction, listActionUpdates, type ActionDto } from '../../api/client';
import { PaginatedTable } from '../../components/PaginatedTable';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatDateTime } from '../../format';
import { ActionAttention } from './ActionAttention';
import { ActionUpdateForm } from './ActionUpdateForm';
import { ACTION_STATUS_LABELS } from '@app/vocabulary';
import { actionTerritory, describeChange } from './labels';
import { useDepartmentLabels } from '../../api/queries';
import { useDocumentTitle } from '../../routing/document-title';

function ActionSummary({ action }: { action: ActionDto }) {
  const departments = useDepartmentLabels();
  return (
    <>
      <p>
        <ActionAttention action={action} />
      </p>
      <dl className="app-facts">
        <dt>Pilote</dt>
        <dd>{action.pilot}</dd>
        <dt>Départements</dt>
        <dd>{actionTerritory(action, departments.list)}</dd>
        <dt>État</dt>
        <dd>{ACTION_STATUS_LABELS[action.status]}</dd>
        <dt>Avancement</dt>
        <dd>{action.progressPercent} %</dd>
        <dt>Échéance</dt>
        <dd>{action.endsOn ? formatDate(action.endsOn) : 'non fixée'}</dd>
        <dt>Dernière mise à jour</dt>
        <dd>{formatDateTime(action.lastUpdatedAt)}</dd>
      </dl>
      {action.description && <p>{action.description}</p>}
    </>
  );
}

function UpdateHistory({ actionId }: { actionId: string }) {
  return (
    <section aria-labelledby="history-title" className="fr-mt-6w">
      <h2 id="history-title">Historique des mises à jour</h2>
      <PaginatedTable
        caption="Mises à jour, la plus récente d’abord"
        queryKey={['actions', actionId, 'updates']}
        fetchPage={(page) => ok(listActionUpdates({ path: { id: actionId }, query: page }))}
        pageParam="historique"
        empty="Aucune mise à jour depuis la création de l’action."
        rowKey={(u) => String(u.id)}
        columns={[
          { header: 'Date', cell: (u) => formatDateTime(u.at) },
          { header: 'Par', cell: (u) => u.actorName ?? '—' },
          {
            header: 'Changements',
            cell: (u) => (
              <ul>
                {Object.entries(u.changes).map(([field, change]) => (
                  <li key={field}>{describeChange(field, change as { from: unknown; to: unknown })}</li>
                ))}
              </ul>
            ),
          },
          { header: 'Commentaire', cell: (u) => u.comment ?? '' },
        ]}
      />
    </section>
  );
}

/**
 * An action: whoever may read it (the API answers 403 to the others: "Accès refusé") sees it and its
 * history; the update form is there only when the API says the caller may update it (`canUpdate`:
 * the referents of its departments and the mission), a note says who updates it otherwise.
 */
export function ActionPage() {
  const { id } = useParams() as { id: string };
  const queryClient = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const action = useQuery({
    queryKey: ['actions', id],
    queryFn: () => ok(getAction({ path: { id } })),
  });
  useDocumentTitle(action.data ? `Action « ${action.data.title} »` : 'Action');
  /** The action and its history as they are now; the form opens again at the current version. */
  async function reload() {
    await queryClient.invalidateQueries({ queryKey: ['actions', id] });
    setFormKey((k) => k + 1);
  }
  return (
    <QueryState query={action}>
      {(a) => (
        <>
          <h1>{a.title}</h1>
          <ActionSummary action={a} />
          {a.canUpdate ? (
            <ActionUpdateForm key={formKey} action={a} onReload={() => void reload()} />
          ) : (
            <p className="fr-text--sm">
              Vous consultez cette action : seuls la mission et les référents de ses départements la mettent à jour.
            </p>
          )}
          <UpdateHistory actionId={a.id} />
        </>
      )}
    </QueryState>
  );
}
