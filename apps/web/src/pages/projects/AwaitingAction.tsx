import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listAwaitingAction, ok, type ProjectListItemDto } from '../../api/client';
import { useDepartments } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { formatDate, formatEuros } from '../../format';
import { GRANT_REPORT_KIND_LABELS, OPINION_LABELS } from '@app/vocabulary';
import { formatScore } from './DecisionContext';

interface Item {
  key: string;
  projectId: string;
  title: string;
  reason: ReactNode;
}

/**
 * One list of what waits: how many wait in the heading, each item shown (the oldest, the api sends a
 * bounded number) a link to its project with the reason it is there, and when some are not shown, how
 * many are and where to see them all.
 */
function WaitingList({
  id,
  title,
  items,
  total,
  all,
  empty,
}: {
  id: string;
  title: string;
  items: Item[];
  total: number;
  all?: { to: string; label: string };
  empty: ReactNode;
}) {
  return (
    <div className="fr-col-12 fr-col-lg-6">
      <section className="fr-p-2w app-waiting-list" aria-labelledby={id}>
        <h3 id={id} className="fr-h6">
          {title} ({total})
        </h3>
        {items.length < total && (
          <p className="fr-text--sm">
            Les {items.length} plus anciens sur {total}
            {all && (
              <>
                {' '}
                — <Link to={all.to}>{all.label}</Link>
              </>
            )}
          </p>
        )}
        {items.length === 0 ? (
          <p className="fr-text--sm fr-mb-0">{empty}</p>
        ) : (
          <ul className="fr-mb-0">
            {items.map((item) => (
              <li key={item.key}>
                <Link to={`/projets/${item.projectId}`}>{item.title}</Link>
                <br />
                <span className="fr-text--sm">{item.reason}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

const toItem = (project: ProjectListItemDto, reason: string): Item => ({
  key: project.id,
  projectId: project.id,
  title: project.title,
  reason,
});

/**
 * What waits for the regional team, before any figure: applications whose opinions are all in,
 * selected projects without a grant, agreements to sign and activity reports overdue.
 */
export function AwaitingAction() {
  const waiting = useQuery({
    queryKey: ['projects', 'awaiting-action'],
    queryFn: () => ok(listAwaitingAction()),
  });
  const departments = useDepartments().data?.items ?? [];
  const department = (code: string) => `${departments.find((d) => d.code === code)?.name ?? code} (${code})`;
  const opinions = (p: ProjectListItemDto) =>
    p.opinionsByDepartment
      .map((o) => `${department(o.departmentCode)} ${o.opinion ? OPINION_LABELS[o.opinion].toLowerCase() : 'attendu'}`)
      .join(', ');
  return (
    <section className="fr-mb-6w" aria-labelledby="a-traiter">
      <h2 id="a-traiter">À traiter</h2>
      <QueryState query={waiting}>
        {(data) => (
          <div className="fr-grid-row fr-grid-row--gutters">
            <WaitingList
              id="a-decider"
              title="Dossiers prêts pour la décision"
              items={data.readyForDecision.map((p) =>
                toItem(p, `Tous les avis rendus : ${opinions(p)} — note ${formatScore(p.weightedScore)}`),
              )}
              total={data.readyForDecisionTotal}
              all={{ to: '/projets?statut=under_review', label: 'tous les dossiers en instruction' }}
              empty={
                <>
                  Aucun dossier n’a encore tous ses avis départementaux. Suivez ceux{' '}
                  <Link to="/projets?statut=under_review">en instruction</Link>.
                </>
              }
            />
            <WaitingList
              id="a-attribuer"
              title="Subventions à attribuer"
              items={data.toGrant.map((p) =>
                toItem(p, `Retenu sans subvention — ${formatEuros(p.requestedCents)} demandés`),
              )}
              total={data.toGrantTotal}
              all={{ to: '/projets?statut=selected', label: 'tous les projets retenus' }}
              empty="Tout projet retenu a sa subvention : rien à attribuer."
            />
            <WaitingList
              id="a-signer"
              title="Conventions à signer"
              items={data.agreementsToSign.map((g) => ({
                key: g.grantId,
                projectId: g.projectId,
                title: g.projectTitle,
                reason: `${formatEuros(g.amountCents)} attribués le ${formatDate(g.grantedAt)} à ${g.holderName}, convention non signée`,
              }))}
              total={data.agreementsToSignTotal}
              all={{ to: '/projets?statut=selected', label: 'tous les projets retenus' }}
              empty="Toutes les subventions attribuées ont leur convention signée."
            />
            <WaitingList
              id="bilans-en-retard"
              title="Bilans d’activité en retard"
              items={data.overdueReports.map((r) => ({
                key: r.reportId,
                projectId: r.projectId,
                title: r.projectTitle,
                reason: `${GRANT_REPORT_KIND_LABELS[r.kind]} attendu le ${formatDate(r.dueOn)} de ${r.holderName}`,
              }))}
              total={data.overdueReportsTotal}
              all={{ to: '/comptes-rendus-en-retard', label: 'tous les comptes rendus en retard' }}
              empty="Aucun bilan en retard : les porteurs ont rendu ceux qui étaient dus."
            />
            {data.overdueReports.length > 0 && (
              <p className="fr-col-12">
                <Link to="/comptes-rendus-en-retard">Tous les comptes rendus en retard</Link>
              </p>
            )}
          </div>
        )}
      </QueryState>
    </section>
  );
}
