import { Link } from 'react-router';
import { callsControllerListProjects, ok } from '../../api/client';
import { PaginatedTable } from '../../components/PaginatedTable';
import { formatEuros } from '../../format';
import { DepartmentPicker, NoDepartment, useMyDepartment } from './MyDepartmentPage';
import { PROJECT_STATUS_LABELS } from '@app/vocabulary';

/** The applications of the referent's department under review, on which it gives the departmental opinion. */
export function OpinionsPage() {
  const { code } = useMyDepartment();
  if (!code) return <NoDepartment />;
  return (
    <>
      <h1>Avis sur les projets du département {code}</h1>
      <DepartmentPicker />
      <p>Les projets en instruction qui concernent votre département attendent votre avis.</p>
      <PaginatedTable
        caption="Projets en instruction"
        queryKey={['projects', { departmentCode: code, status: 'under_review' }]}
        fetchPage={(page) =>
          ok(callsControllerListProjects({ query: { departmentCode: code, status: 'under_review', ...page } }))
        }
        rowKey={(p) => p.id}
        empty="Aucun projet en instruction dans ce département."
        columns={[
          { header: 'Projet', cell: (p) => <Link to={`/mon-departement/avis/${p.id}`}>{p.title}</Link> },
          { header: 'Porteur', cell: (p) => p.holder.name },
          { header: 'Départements', cell: (p) => p.departmentCodes.join(', ') },
          { header: 'Montant demandé', cell: (p) => formatEuros(p.requestedCents) },
          { header: 'État', cell: (p) => PROJECT_STATUS_LABELS[p.status] },
        ]}
      />
    </>
  );
}
