import { Link } from 'react-router';
import type { ProjectDetailDto } from '../../api/client';
import { formatDateTime, formatEuros } from '../../format';
import { DepartmentPicker, NoDepartment, useMyDepartment } from './MyDepartmentPage';
import { useDepartmentLabels } from '../../api/queries';
import { opinionOf, useOpinionsOfDepartment } from './awaited-opinions';
import { OPINION_LABELS } from '@app/vocabulary';

function ProjectsTable({
  caption,
  projects,
  code,
  empty,
}: {
  caption: string;
  projects: ProjectDetailDto[];
  code: string;
  empty: string;
}) {
  if (projects.length === 0) return <p>{empty}</p>;
  return (
    <div className="fr-table">
      <table>
        <caption>
          {caption} — {projects.length}
        </caption>
        <thead>
          <tr>
            <th scope="col">Projet</th>
            <th scope="col">Porteur</th>
            <th scope="col">Montant demandé</th>
            <th scope="col">Avis du département</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => {
            const opinion = opinionOf(p, code);
            return (
              <tr key={p.id}>
                <td>
                  <Link to={`/mon-departement/avis/${p.id}?departement=${code}`}>{p.title}</Link>
                </td>
                <td>{p.holder.name}</td>
                <td>{formatEuros(p.requestedCents)}</td>
                <td>
                  {opinion ? `${OPINION_LABELS[opinion.opinion]}, le ${formatDateTime(opinion.createdAt)}` : 'À donner'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The applications of the referent's department under review: those awaiting its opinion first, then those it has. */
export function OpinionsPage() {
  const { code } = useMyDepartment();
  const { label } = useDepartmentLabels();
  if (!code) return <NoDepartment />;
  return (
    <>
      <h1>Avis sur les projets — {label(code)}</h1>
      <DepartmentPicker />
      <DepartmentOpinions code={code} />
    </>
  );
}

function DepartmentOpinions({ code }: { code: string }) {
  const { pending, awaiting, given } = useOpinionsOfDepartment(code);
  if (pending) return <p role="status">Chargement…</p>;
  return (
    <>
      <h2>En attente de votre avis</h2>
      <ProjectsTable
        caption="Projets en instruction qui attendent l’avis du département"
        projects={awaiting}
        code={code}
        empty="Aucun projet n’attend l’avis du département : vous êtes à jour. Les dossiers apparaîtront ici dès leur mise en instruction."
      />
      <h2>Avis donnés</h2>
      <ProjectsTable
        caption="Projets en instruction ayant l’avis du département"
        projects={given}
        code={code}
        empty="Le département n’a encore donné aucun avis sur les projets en instruction."
      />
    </>
  );
}
