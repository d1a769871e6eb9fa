import { useQuery } from '@tanstack/react-query';
import { callsControllerScores, ok, type ProjectDetailDto } from '../../api/client';
import { useDepartments } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { OPINION_LABELS, PROJECT_STATUS_LABELS } from '@app/vocabulary';

const score = (value?: number | null) => (value == null ? 'non noté' : `${value.toFixed(1).replace('.', ',')} / 5`);

export function ProjectOpinions({ project }: { project: ProjectDetailDto }) {
  const departments = useDepartments().data?.items ?? [];
  const name = (code: string) => departments.find((d) => d.code === code)?.name ?? code;
  return (
    <section aria-labelledby="opinions-title" className="fr-mb-4w">
      <h2 id="opinions-title" className="fr-h4">
        Avis départementaux
      </h2>
      {project.opinions.length === 0 && <p>Aucun avis pour l’instant.</p>}
      <ul>
        {project.opinions.map((o) => (
          <li key={o.id}>
            <strong>
              {name(o.departmentCode)} ({o.departmentCode}) : {OPINION_LABELS[o.opinion]}
            </strong>{' '}
            — {o.comment} <span className="fr-text--xs">({formatDateTime(o.createdAt)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ProjectScores({ projectId }: { projectId: string }) {
  const scores = useQuery({
    queryKey: ['projects', projectId, 'scores'],
    queryFn: () => ok(callsControllerScores({ path: { id: projectId } })),
  });
  return (
    <section aria-labelledby="scores-title" className="fr-mb-4w">
      <h2 id="scores-title" className="fr-h4">
        Notation
      </h2>
      {scores.isError && <ErrorAlert error={scores.error} />}
      {scores.data && (
        <>
          <p>
            Note pondérée : <strong>{score(scores.data.total)}</strong>
          </p>
          <ul>
            {scores.data.criteria.map((c) => (
              <li key={c.criterion}>
                {c.criterion} (poids {c.weight}) : {score(c.mean)}, {c.reviewers} évaluateur{c.reviewers > 1 ? 's' : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function ProjectHistory({ project }: { project: ProjectDetailDto }) {
  return (
    <section aria-labelledby="history-title" className="fr-mb-4w">
      <h2 id="history-title" className="fr-h4">
        Historique
      </h2>
      {project.history.length === 0 && <p>Aucun changement d’état.</p>}
      <ol>
        {project.history.map((h) => (
          <li key={h.at + h.to}>
            {formatDateTime(h.at)} : {PROJECT_STATUS_LABELS[h.from]} → <strong>{PROJECT_STATUS_LABELS[h.to]}</strong>
            {h.comment && ` — « ${h.comment} »`}
          </li>
        ))}
      </ol>
    </section>
  );
}
