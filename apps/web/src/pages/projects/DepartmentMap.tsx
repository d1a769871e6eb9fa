import { type Ref, useEffect, useRef } from 'react';
import '@gouvfr/dsfr-chart/MapChartReg/map-chart-reg.common';
import '@gouvfr/dsfr-chart/MapChartReg/map-chart-reg.css';
import type { DepartmentFundingDto } from '../../api/client';
import { formatDate } from '../../format';

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

/** The custom element once its Vue component is created (asynchronously: it says so with `vce-ready`). */
interface MapElement extends HTMLElement {
  getVueInstance?: () => { changeTheme(theme: string): void; $nextTick(then: () => void): void };
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

const euros = (cents: number) => Math.round(cents) / 100;

/**
 * Occitanie's departments coloured by what the call committed per inhabitant. The component draws its
 * map only when told the theme (on the DSFR's global `dsfr.theme` event, which every map ever mounted
 * keeps listening to, even once gone): this map is told directly, once created and after each change.
 */
export function DepartmentMap({ lines, callTitle }: { lines: DepartmentFundingDto[]; callTitle: string }) {
  const map = useRef<MapElement>(null);
  const committed = lines.reduce((sum, d) => sum + d.committedCents, 0);
  const population = lines.reduce((sum, d) => sum + d.population, 0);
  const data = JSON.stringify(
    Object.fromEntries([
      ...METROPOLITAN.map((code) => [code, 0]),
      ...lines.map((d) => [d.code, euros(d.committedPerInhabitantCents)]),
    ]),
  );
  useEffect(() => {
    const element = map.current;
    if (!element) return;
    const theme = document.documentElement.getAttribute('data-fr-theme') ?? 'light';
    // After Vue's next render, so that the drawing reads the new data.
    const draw = () => element.getVueInstance?.().$nextTick(() => element.getVueInstance?.().changeTheme(theme));
    if (element.getVueInstance) draw();
    else element.addEventListener('vce-ready', draw, { once: true });
    return () => element.removeEventListener('vce-ready', draw);
  }, [data]);
  return (
    <div
      role="img"
      className="fr-mb-2w"
      aria-label={`Carte des départements d’Occitanie colorés selon l’engagé par habitant de l’appel « ${callTitle} », détaillé dans le tableau qui suit.`}
    >
      <map-chart-reg
        ref={map}
        data={data}
        region={OCCITANIE}
        date={formatDate(new Date().toISOString())}
        name="Engagé par habitant (en euros)"
        valuereg={String(population > 0 ? euros(committed / population) : 0)}
      />
    </div>
  );
}
