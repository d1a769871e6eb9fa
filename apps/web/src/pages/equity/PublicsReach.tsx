import { FiguresTable } from '../../components/FiguresTable';
import { QueryState } from '../../components/QueryState';
import { formatEuros } from '../../format';
import { PARTICIPATION_LEVEL_LABELS, TARGET_PUBLIC_LABELS } from '@app/vocabulary';
import { type EquityScope, useEquityPublics } from './equity-queries';

/**
 * Which publics the funded projects reach, and how far the people concerned take part in them. A project
 * naming several publics counts, with its whole grant, in each.
 */
export function PublicsReach({ scope }: { scope: EquityScope }) {
  const publics = useEquityPublics(scope);
  return (
    <section aria-labelledby="publics-title" className="fr-mb-6w">
      <h2 id="publics-title">Publics atteints et participation</h2>
      <QueryState query={publics}>
        {(p) => (
          <>
            <p className="fr-text--sm">
              Un projet qui vise plusieurs publics compte, avec toute sa subvention, pour chacun d’eux.
            </p>
            <FiguresTable
              caption="Projets subventionnés et montants engagés, par public cible"
              headers={['Public cible', 'Projets', 'Engagé']}
              rows={p.items.map((line) => [
                TARGET_PUBLIC_LABELS[line.targetPublic],
                String(line.projects),
                formatEuros(line.committedCents),
              ])}
            />
            <FiguresTable
              caption="Projets subventionnés et montants engagés, par participation des personnes concernées"
              headers={['Participation', 'Projets', 'Engagé']}
              rows={p.participation.map((line) => [
                PARTICIPATION_LEVEL_LABELS[line.level],
                String(line.projects),
                formatEuros(line.committedCents),
              ])}
            />
          </>
        )}
      </QueryState>
    </section>
  );
}
