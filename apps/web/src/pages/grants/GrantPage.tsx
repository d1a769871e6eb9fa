import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { getGrantFollowUp, ok, type GrantDto, type ProjectDetailDto } from '../../api/client';
import { useProject } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { formatEuros } from '../../format';
import { useDocumentTitle } from '../../routing/document-title';
import { AgreementForm } from './AgreementForm';
import { PaymentsSection } from './PaymentsSection';
import { ReportsSection } from './ReportsSection';
import { ScheduleSection } from './ScheduleSection';

/** Committed, paid, remaining: the three figures of a grant, before anything else. */
function GrantFigures({ grant }: { grant: GrantDto }) {
  const figures = [
    ['Montant engagé', grant.amountCents],
    ['Montant versé', grant.paidCents],
    ['Reste à verser', grant.status === 'active' ? grant.amountCents - grant.paidCents : 0],
  ] as const;
  return (
    <dl className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
      {figures.map(([label, cents]) => (
        <div key={label} className="fr-col-12 fr-col-md-4">
          <dt>{label}</dt>
          <dd className="fr-h4 fr-mb-0">{formatEuros(cents)}</dd>
        </div>
      ))}
    </dl>
  );
}

function GrantFollowUp({ grant }: { grant: GrantDto }) {
  const followUp = useQuery({
    queryKey: ['grants', grant.id, 'follow-up'],
    queryFn: () => ok(getGrantFollowUp({ path: { id: grant.id } })),
  });
  return (
    <QueryState query={followUp}>
      {(f) => (
        <>
          <ScheduleSection followUp={f} />
          <PaymentsSection grant={grant} tranches={f.schedule} />
          <ReportsSection followUp={f} />
        </>
      )}
    </QueryState>
  );
}

function GrantView({ project }: { project: ProjectDetailDto }) {
  const grant = project.grant;
  return (
    <>
      <h1>Subvention du projet « {project.title} »</h1>
      <p>
        <Link to={`/projets/${project.id}`}>Voir le projet</Link> — porté par {project.holder.name}
      </p>
      {!grant ? (
        <p>Ce projet n’a pas de subvention.</p>
      ) : (
        <>
          {grant.status === 'cancelled' && (
            <p>
              <Badge as="span" severity="error">
                Subvention annulée
              </Badge>{' '}
              {grant.cancelReason}
            </p>
          )}
          <GrantFigures grant={grant} />
          <AgreementForm grant={grant} />
          <GrantFollowUp grant={grant} />
        </>
      )}
    </>
  );
}

/** A project's grant: its figures, EJ and convention, the planned tranches, the payments and the reports owed. */
export function GrantPage() {
  const { id } = useParams();
  const project = useProject(id);
  useDocumentTitle(project.data ? `Subvention du projet « ${project.data.title} »` : 'Subvention');
  return <QueryState query={project}>{(p) => <GrantView project={p} />}</QueryState>;
}
