import { Link } from 'react-router';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { listContracts, ok } from '../../api/client';
import { PaginatedTable } from '../../components/PaginatedTable';
import { formatDate, formatNumber } from '../../format';
import { useDepartmentLabels } from '../../api/queries';
import { useSession } from '../../session/session';
import { CONTRACT_STATUS_LABELS } from '@app/vocabulary';

/** The button to a new contract, for those who may write one. */
export function NewContractLink() {
  const { user } = useSession();
  if (!user!.capabilities.writeContracts) return null;
  return (
    <p>
      <Link className="fr-btn fr-btn--secondary" to="/contrats/nouveau">
        Nouveau contrat
      </Link>
    </p>
  );
}

/** The local health contracts of a department (all of them without one), with the renewals to prepare. */
export function ContractsTable({ departmentCode: code }: { departmentCode?: string }) {
  const { label } = useDepartmentLabels();
  return (
    <PaginatedTable
      caption="Contrats locaux de santé"
      queryKey={['contracts', { departmentCode: code }]}
      fetchPage={(page) => ok(listContracts({ query: { departmentCode: code, ...page } }))}
      rowKey={(c) => c.id}
      empty={code ? 'Aucun contrat local de santé dans ce département.' : 'Aucun contrat local de santé.'}
      columns={[
        { header: 'Contrat', cell: (c) => <Link to={`/contrats/${c.id}`}>{c.name}</Link> },
        ...(code ? [] : [{ header: 'Département', cell: (c: { departmentCode: string }) => label(c.departmentCode) }]),
        {
          header: 'État',
          cell: (c) => (
            <>
              {CONTRACT_STATUS_LABELS[c.status]}
              {c.renewalDue && (
                <Badge as="span" severity="warning" small className="fr-ml-1v">
                  Renouvellement à préparer
                </Badge>
              )}
            </>
          ),
        },
        { header: 'Signé le', cell: (c) => (c.signedOn ? formatDate(c.signedOn) : '—') },
        { header: 'Fin', cell: (c) => (c.endsOn ? formatDate(c.endsOn) : '—') },
        { header: 'Communes', cell: (c) => String(c.communes) },
        { header: 'Population', cell: (c) => formatNumber(c.population) },
      ]}
    />
  );
}
