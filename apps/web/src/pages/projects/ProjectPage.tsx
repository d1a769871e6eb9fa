import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { getProject, ok } from '../../api/client';
import { useCalls } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { useDocumentTitle } from '../../routing/document-title';
import { PROJECT_STATUS_LABELS } from '@app/vocabulary';
import { useSession } from '../../session/session';
import { DecisionContext } from './DecisionContext';
import { GrantDialog } from './GrantDialog';
import { ProjectHistory, ProjectOpinions, ProjectScores } from './ProjectReview';
import { ProjectSummary } from './ProjectSummary';
import { ProjectTransitions } from './ProjectTransitions';

export function ProjectPage() {
  const { id } = useParams();
  const { user } = useSession();
  const calls = useCalls();
  const project = useQuery({
    queryKey: ['projects', id],
    queryFn: () => ok(getProject({ path: { id: id! } })),
  });
  useDocumentTitle(project.data ? `Projet « ${project.data.title} »` : 'Projet');
  return (
    <QueryState query={project}>
      {(p) => (
        <>
          <h1>{p.title}</h1>
          <p>
            <Badge as="span">{PROJECT_STATUS_LABELS[p.status]}</Badge>
          </p>
          {p.canEdit && (
            <p>
              <Link className="fr-btn fr-btn--secondary" to={`/projets/${p.id}/modifier`}>
                Modifier le dossier
              </Link>
            </p>
          )}
          <ProjectSummary project={p} call={calls.data?.items.find((c) => c.id === p.callId)} />
          <DecisionContext project={p} />
          <ProjectOpinions project={p} />
          <ProjectScores projectId={p.id} />
          <ProjectHistory project={p} />
          {/* Read first, then decide: the moves, then the money (grant it, or cancel an active grant). */}
          <ProjectTransitions project={p} />
          {(p.canGrant || p.grant?.canCancel) && <GrantDialog project={p} />}
          {p.grant && (
            <p>
              <Link className="fr-link fr-icon-arrow-right-line fr-link--icon-right" to={`/projets/${p.id}/subvention`}>
                Subvention : engagement, échéancier, versements et comptes rendus
              </Link>
            </p>
          )}
          {user?.capabilities.readAuditTrail && (
            <ul className="fr-links-group">
              <li>
                <Link to={`/journal?type=project&id=${p.id}`}>Journal d’audit du projet</Link>
              </li>
              {p.grant && (
                <li>
                  <Link to={`/journal?type=grant&id=${p.grant.id}`}>Journal d’audit de la subvention</Link>
                </li>
              )}
            </ul>
          )}
        </>
      )}
    </QueryState>
  );
}
