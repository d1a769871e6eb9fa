import type { ProjectDetailDto } from '../../api/client';
import { formatEuros } from '../../format';

export const formatScore = (value?: number | null) =>
  value == null ? 'non noté' : `${value.toFixed(2).replace('.', ',')} / 5`;

/**
 * What the decision changes: the call's and the axis's envelopes now and once the requested amount is
 * granted, with the project's weighted score and place in the call's ranking (`decisionContext`).
 */
export function DecisionContext({ project }: { project: ProjectDetailDto }) {
  const c = project.decisionContext;
  return (
    <section aria-labelledby="decision-context-title" className="fr-mt-4w fr-mb-4w">
      <h2 id="decision-context-title" className="fr-h4">
        Avant de décider
      </h2>
      <p>
        Note pondérée : <strong>{formatScore(c.weightedScore)}</strong> —{' '}
        {c.rank == null ? (
          'hors classement (le dossier n’est pas en instruction)'
        ) : (
          <>
            classement :{' '}
            <strong>
              {c.rank}
              <sup>{c.rank === 1 ? 'er' : 'e'}</sup> sur {c.rankedCount}
            </strong>{' '}
            dossiers en instruction
            {c.withinEnvelope === false && ' (au-delà de ce que l’enveloppe permet de financer)'}
          </>
        )}
      </p>
      <div className="fr-table fr-table--sm">
        <table>
          <caption>Enveloppes de l’appel et de l’axe</caption>
          <thead>
            <tr>
              <th scope="col">Enveloppe</th>
              <th scope="col">Montant</th>
              <th scope="col">Reste aujourd’hui</th>
              <th scope="col">Reste après attribution ({formatEuros(c.amountCents)})</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Appel</th>
              <td>{formatEuros(c.callEnvelopeCents)}</td>
              <td>{formatEuros(c.callRemainingCents)}</td>
              <td className={c.callRemainingAfterCents < 0 ? 'fr-text-default--error' : undefined}>
                {formatEuros(c.callRemainingAfterCents)}
              </td>
            </tr>
            <tr>
              <th scope="row">Axe : {c.axisLabel}</th>
              {c.axisEnvelopeCents == null ? (
                <td colSpan={3}>pas d’enveloppe propre à l’axe</td>
              ) : (
                <>
                  <td>{formatEuros(c.axisEnvelopeCents)}</td>
                  <td>{formatEuros(c.axisRemainingCents ?? 0)}</td>
                  <td className={(c.axisRemainingAfterCents ?? 0) < 0 ? 'fr-text-default--error' : undefined}>
                    {formatEuros(c.axisRemainingAfterCents ?? 0)}
                  </td>
                </>
              )}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
