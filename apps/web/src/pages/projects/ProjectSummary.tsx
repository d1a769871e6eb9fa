import { Link } from 'react-router';
import type { CallDto, ProjectDetailDto } from '../../api/client';
import { useDepartmentLabels } from '../../api/queries';
import { formatEuros, percentOf } from '../../format';
import { BudgetTable } from './BudgetTable';
import { HOLDER_KIND_LABELS, labelOf, LEVER_LABELS, TARGET_PUBLIC_LABELS } from '@app/vocabulary';

/** Holder, territory, publics and budget: what the application says. */
export function ProjectSummary({ project, call }: { project: ProjectDetailDto; call?: CallDto }) {
  const axis = call?.axes.find((a) => a.code === project.axisCode);
  const departments = useDepartmentLabels();
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <section className="fr-col-12" aria-labelledby="summary-title">
        <h2 id="summary-title" className="fr-h4">
          Résumé du projet
        </h2>
        <p>{project.summary ?? 'Le porteur n’a pas rédigé de résumé.'}</p>
      </section>
      <section className="fr-col-12 fr-col-md-6" aria-labelledby="holder-title">
        <h2 id="holder-title" className="fr-h4">
          Porteur
        </h2>
        <p className="fr-mb-1w">
          <strong>{project.holder.name}</strong> — {HOLDER_KIND_LABELS[project.holder.kind]}
        </p>
        {project.holder.siret && <p className="fr-text--sm">SIRET {project.holder.siret}</p>}
        <dl>
          <dt>Appel et axe</dt>
          <dd>
            <Link to={`/appels/${project.callId}`}>{call?.title ?? 'Appel'}</Link> — axe :{' '}
            {axis?.label ?? project.decisionContext.axisLabel}
          </dd>
          <dt>Départements</dt>
          <dd>
            {project.departmentShares.length > 1
              ? project.departmentShares
                  .map((s) => `${departments.label(s.departmentCode)} : ${percentOf(s.shareBp)} %`)
                  .join(', ')
              : departments.list(project.departmentCodes)}
          </dd>
          <dt>Publics cibles</dt>
          <dd>{project.targetPublics.map((p) => labelOf(TARGET_PUBLIC_LABELS, p)).join(', ')}</dd>
          <dt>Leviers ISS</dt>
          <dd>{project.levers.map((l) => labelOf(LEVER_LABELS, l)).join(' ; ')}</dd>
        </dl>
      </section>
      <section className="fr-col-12 fr-col-md-6" aria-labelledby="budget-title">
        <h2 id="budget-title" className="fr-h4">
          Budget
        </h2>
        <p>
          Montant demandé : <strong>{formatEuros(project.requestedCents)}</strong>
        </p>
        {project.grant && (
          <p>
            Subvention attribuée : <strong>{formatEuros(project.grant.amountCents)}</strong>, dont{' '}
            {formatEuros(project.grant.paidCents)} versés
            {project.grant.status === 'cancelled' && ' (annulée)'}
          </p>
        )}
        {project.budgetLines.length > 0 && (
          <BudgetTable lines={project.budgetLines} caption="Budget prévisionnel" small />
        )}
      </section>
    </div>
  );
}
