import { type Ref, useEffect, useRef } from 'react';
import '@gouvfr/dsfr-chart/MapChartReg/map-chart-reg.common';
import '@gouvfr/dsfr-chart/MapChartReg/map-chart-reg.css';
import { formatDate } from '../format';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- how React types a custom element's attributes
  namespace JSX {
    interface IntrinsicElements {
      /** The State's map of a region's departments (@gouvfr/dsfr-chart), its geometry bundled: no network. */
      'map-chart-reg': {
        ref?: Ref<MapElement>;
        data: string;
        region: string;
        date: string;
        name: string;
        valuereg: string;
        color?: string;
      };
    }
  }
}

/** The map's Vue component, as far as drawing it goes. */
interface MapComponent {
  changeTheme?: (theme: string) => void;
  $nextTick(then: () => void): void;
  /** The prop as the component last received it from the attribute. */
  data?: string;
  /** The id of the element it draws into, looked up in the document when drawing. */
  widgetId?: string;
}

/** The custom element: `getVueInstance` appears once its component is created, asynchronously. */
interface MapElement extends HTMLElement {
  getVueInstance?: () => MapComponent;
}

/**
 * Draws the map once the component can: created, rendered into the document and holding `data` (an
 * attribute reaches the component's prop asynchronously). Until then it tries again every 50 ms, for
 * up to 10 s: under load the component comes later than React's effect, and drawing before that either
 * throws inside the component or draws the previous figures. Returns how to stop trying.
 */
function drawWhenReady(element: MapElement, data: string): () => void {
  let timer: number | undefined;
  const attempt = (left: number) => {
    const chart = element.getVueInstance?.();
    const ready =
      chart?.changeTheme && chart.data === data && chart.widgetId && document.getElementById(chart.widgetId);
    if (ready) {
      const theme = document.documentElement.getAttribute('data-fr-theme') ?? 'light';
      chart.$nextTick(() => chart.changeTheme?.(theme));
    } else if (left > 0) timer = window.setTimeout(() => attempt(left - 1), 50);
  };
  attempt(200);
  return () => window.clearTimeout(timer);
}

/** Occitanie's code in the official geography (COG), which the map component knows. */
const OCCITANIE = '76';

/**
 * Metropolitan France's departments. The component hides the departments outside the region only when
 * it is given a value for them (its neighbours would show in grey otherwise): each gets 0, which the
 * colour scale ignores (it spans the region's departments).
 */
const METROPOLITAN = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((code) => code !== '20'),
  '2A',
  '2B',
];

/**
 * Occitanie's departments coloured by one figure each (`values`, by department code), with the
 * region's own figure beside the map. The component draws its map only when told the theme (on the
 * DSFR's global `dsfr.theme` event, which every map ever mounted keeps listening to, even once gone):
 * this map is told directly, once ready and after each change. `label` says what it shows, for those
 * who cannot see it: the figures are in a table beside it.
 */
export function OccitanieMap({
  values,
  name,
  regionValue,
  label,
}: {
  values: Record<string, number>;
  name: string;
  regionValue: number;
  label: string;
}) {
  const map = useRef<MapElement>(null);
  const data = JSON.stringify(
    Object.fromEntries([...METROPOLITAN.map((code) => [code, 0]), ...Object.entries(values)]),
  );
  useEffect(() => (map.current ? drawWhenReady(map.current, data) : undefined), [data]);
  return (
    <div role="img" className="fr-mb-2w" aria-label={label}>
      <map-chart-reg
        ref={map}
        data={data}
        region={OCCITANIE}
        date={formatDate(new Date().toISOString())}
        name={name}
        valuereg={String(regionValue)}
      />
    </div>
  );
}
