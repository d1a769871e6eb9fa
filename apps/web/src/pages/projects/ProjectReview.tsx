import { useQuery } from '@tanstack/react-query';
import { listProjectScores, ok, type ProjectDetailDto } from '../../api/client';
import { useDepartmentLabels } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { formatScore } from './DecisionContext';
import { OPINION_LABELS, PROJECT_STATUS_LABELS } from '@app/vocabulary';

export function ProjectOpinions({ project }: { project: ProjectDetailDto }) {
  const { label: name } = useDepartmentLabels();
  const awaited = project.departmentCodes.filter((code) => !project.opinions.some((o) => o.departmentCode === code));
  return (
    <section aria-labelledby="opinions-title" className="fr-mb-4w">
      <h2 id="opinions-title" className="fr-h4">
        Avis départementaux
      </h2>
      <ul>
        {project.opinions.map((o) => (
          <li key={o.id}>
            <strong>
              {name(o.departmentCode)} : {OPINION_LABELS[o.opinion]}
            </strong>{' '}
            — {o.comment} <span className="fr-text--xs">({formatDateTime(o.createdAt)})</span>
          </li>
        ))}
        {awaited.map((code) => (
          <li key={code}>
            <strong>{name(code)} :</strong> avis attendu
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ProjectScores({ projectId }: { projectId: string }) {
  const scores = useQuery({
    queryKey: ['projects', projectId, 'scores'],
    queryFn: () => ok(listProjectScores({ path: { id: projectId } })),
  });
  const data = scores.data;
  return (
    <section aria-labelledby="scores-title" className="fr-mb-4w">
      <h2 id="scores-title" className="fr-h4">
        Notation
      </h2>
      {scores.isError && <ErrorAlert error={scores.error} />}
      {data && (
        <>
          <p>
            Note pondérée : <strong>{formatScore(data.total)}</strong>
            {!data.complete && ' (notation incomplète)'}
          </p>
          {data.reviews.length === 0 ? (
            <p>Aucun évaluateur n’a encore noté ce dossier.</p>
          ) : (
            <div className="fr-table fr-table--sm">
              <table>
                <caption>Grille de notation</caption>
                <thead>
                  <tr>
                    <th scope="col">Critère</th>
                    <th scope="col">Poids</th>
                    {data.reviews.map((r) => (
                      <th scope="col" key={r.reviewerId}>
                        {r.reviewerName ?? 'Évaluateur'}
                      </th>
                    ))}
                    <th scope="col">Moyenne</th>
                  </tr>
                </thead>
                <tbody>
                  {data.criteria.map((c, i) => (
                    <tr key={c.criterion}>
                      <th scope="row">{c.label}</th>
                      <td>{c.weight}</td>
                      {data.reviews.map((r) => (
                        <td key={r.reviewerId}>{formatScore(r.scores[i]?.score)}</td>
                      ))}
                      <td>{formatScore(c.mean)}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row" colSpan={2}>
                      Moyenne pondérée
                    </th>
                    {data.reviews.map((r) => (
                      <td key={r.reviewerId}>{formatScore(r.total)}</td>
                    ))}
                    <td>
                      <strong>{formatScore(data.total)}</strong>
                    </td>
                  </tr>
                </tbody>
              </table>
            </div>
          )}
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
