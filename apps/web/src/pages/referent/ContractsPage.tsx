import { Link } from 'react-router';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { contractsControllerList, ok } from '../../api/client';
import { PaginatedTable } from '../../components/PaginatedTable';
import { formatDate, formatNumber } from '../../format';
import { DepartmentPicker, NoDepartment, useMyDepartment } from './MyDepartmentPage';
import { useDepartmentLabels } from '../../api/queries';
import { useSession } from '../../session/session';
import { CONTRACT_STATUS_LABELS } from '@app/vocabulary';

/** The local health contracts of the referent's department, with the renewals to prepare. */
export function ContractsPage() {
  const { code } = useMyDepartment();
  const { label } = useDepartmentLabels();
  const { user } = useSession();
  if (!code) return <NoDepartment />;
  return (
    <>
      <h1>Contrats locaux de santé — {label(code)}</h1>
      <DepartmentPicker />
      {user!.capabilities.writeContracts && (
        <p>
          <Link className="fr-btn fr-btn--secondary" to="/contrats/nouveau">
            Nouveau contrat
          </Link>
        </p>
      )}
      <PaginatedTable
        caption="Contrats locaux de santé"
        queryKey={['contracts', { departmentCode: code }]}
        fetchPage={(page) => ok(contractsControllerList({ query: { departmentCode: code, ...page } }))}
        rowKey={(c) => c.id}
        empty="Aucun contrat local de santé dans ce département."
        columns={[
          { header: 'Contrat', cell: (c) => <Link to={`/contrats/${c.id}`}>{c.name}</Link> },
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
    </>
  );
}
