import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { listContractActionSheets, getContract, ok } from '../../api/client';
import { PaginatedTable } from '../../components/PaginatedTable';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatEuros } from '../../format';
import { ACTION_STATUS_LABELS, CONTRACT_STATUS_LABELS } from '@app/vocabulary';
import { useDepartmentLabels } from '../../api/queries';
import { useDocumentTitle } from '../../routing/document-title';

/** A local health contract: its parties, territory, coordinator and its action sheets to update. */
export function ContractPage() {
  const { id } = useParams() as { id: string };
  const contract = useQuery({
    queryKey: ['contracts', id],
    queryFn: () => ok(getContract({ path: { id } })),
  });
  const departments = useDepartmentLabels();
  useDocumentTitle(contract.data ? `Contrat local de santé « ${contract.data.name} »` : 'Contrat local de santé');
  return (
    <QueryState query={contract}>
      {(c) => (
        <>
          <h1>{c.name}</h1>
          {c.canEdit && (
            <p>
              <Link className="fr-btn fr-btn--secondary" to={`/contrats/${c.id}/modifier`}>
                Modifier le contrat
              </Link>
            </p>
          )}
          <dl className="app-facts">
            <dt>Département</dt>
            <dd>{departments.label(c.departmentCode)}</dd>
            <dt>État</dt>
            <dd>{CONTRACT_STATUS_LABELS[c.status]}</dd>
            <dt>Signé le</dt>
            <dd>{c.signedOn ? formatDate(c.signedOn) : '—'}</dd>
            <dt>Fin</dt>
            <dd>{c.endsOn ? formatDate(c.endsOn) : '—'}</dd>
            <dt>Collectivité</dt>
            <dd>{c.localAuthority ?? '—'}</dd>
            <dt>Coordination</dt>
            <dd>
              {c.coordinatorName ?? '—'}
              {typeof c.coordinatorArsFundingCents === 'number' &&
                ` (poste cofinancé par l’ARS : ${formatEuros(c.coordinatorArsFundingCents)})`}
            </dd>
            <dt>Signataires</dt>
            <dd>{c.signatories.length > 0 ? c.signatories.join(', ') : '—'}</dd>
            <dt>Territoire</dt>
            <dd>
              {c.territories.length} communes
              {c.territories.length > 0 && ` : ${c.territories.map((t) => t.name).join(', ')}`}
            </dd>
          </dl>
          <h2>Fiches actions</h2>
          <PaginatedTable
            caption="Fiches actions du contrat"
            queryKey={['contracts', id, 'actions']}
            fetchPage={(page) => ok(listContractActionSheets({ path: { id }, query: page }))}
            rowKey={(a) => a.id}
            empty="Aucune fiche action."
            columns={[
              { header: 'Fiche action', cell: (a) => <Link to={`/actions/${a.id}`}>{a.title}</Link> },
              { header: 'État', cell: (a) => ACTION_STATUS_LABELS[a.status] },
              { header: 'Avancement', cell: (a) => `${a.progressPercent} %` },
            ]}
          />
        </>
      )}
    </QueryState>
  );
}
