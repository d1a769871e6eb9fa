import { formatEuros } from '../../format';

interface Bar {
  label: string;
  cents: number;
}

/**
 * A horizontal bar chart of amounts against the envelope. Each bar carries its figure as text, so
 * nothing is said by colour or length alone (RGAA); the bars themselves are hidden from screen readers.
 */
export function FundingBars({ bars, maxCents, title }: { bars: Bar[]; maxCents: number; title: string }) {
  return (
    <figure className="fr-my-2w">
      <figcaption className="fr-text--sm fr-mb-1w">{title}</figcaption>
      <div className="app-bar-chart">
        {bars.map((bar) => (
          <div key={bar.label}>
            <span className="fr-text--sm">
              {bar.label} : <strong>{formatEuros(bar.cents)}</strong>
            </span>
            <div
              className="app-bar-chart__bar"
              aria-hidden="true"
              style={{ width: `${maxCents > 0 ? Math.min(100, (bar.cents / maxCents) * 100) : 0}%` }}
            />
          </div>
        ))}
      </div>
    </figure>
  );
}
