import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { getProject, ok } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { useDocumentTitle } from '../../routing/document-title';
import { ApplicationForm } from './ApplicationForm';

/** "Modifier le dossier": the application while the API says the caller may edit it (`canEdit`). */
export function ProjectEditPage() {
  const { id } = useParams();
  const project = useQuery({
    queryKey: ['projects', id],
    queryFn: () => ok(getProject({ path: { id: id! } })),
  });
  useDocumentTitle(project.data ? `Modifier le dossier « ${project.data.title} »` : 'Modifier le dossier');
  return (
    <QueryState query={project}>
      {(p) => (
        <>
          <h1>Modifier le dossier « {p.title} »</h1>
          {p.canEdit ? (
            <ApplicationForm project={p} />
          ) : (
            <Alert
              severity="info"
              title="Ce dossier n’est pas modifiable"
              description="Seule l’équipe régionale modifie un dossier, tant qu’il est en brouillon ou renvoyé pour correction."
            />
          )}
          <p className="fr-mt-3w">
            <Link to={`/projets/${p.id}`}>Retour au projet</Link>
          </p>
        </>
      )}
    </QueryState>
  );
}
