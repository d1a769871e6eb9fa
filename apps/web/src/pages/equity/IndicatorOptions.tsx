import type { TerritorialIndicatorDto } from '../../api/client';
import { INDICATOR_LEVEL_LABELS } from '@app/vocabulary';

/** The options of a select of indicators: each named with its level and year. */
export function IndicatorOptions({ indicators }: { indicators: TerritorialIndicatorDto[] }) {
  return indicators.map((i) => (
    <option key={i.code} value={i.code}>
      {i.label} ({INDICATOR_LEVEL_LABELS[i.level]}, {i.year})
    </option>
  ));
}
