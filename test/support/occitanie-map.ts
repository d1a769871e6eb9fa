import type { Locator, Page } from 'playwright-core';
import { until } from './http';

/** Occitanie's departments, as the map component names them (class FR-dep-<code>). */
const OCCITANIE = ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'];
/** The map's grey for a department it was given no value for. */
const UNCOLOURED = '#6b6b6b';

/** Waits until the map of Occitanie in `scope` drew every department of the region, each coloured. */
export async function occitanieMapDrawn(scope: Locator | Page): Promise<void> {
  const fills = () =>
    scope
      .locator('map-chart-reg')
      .evaluate(
        (map, codes) => codes.map((code) => map.querySelector(`.FR-dep-${code}`)?.getAttribute('fill') ?? null),
        OCCITANIE,
      );
  await until(fills, (colours) => colours.every((colour) => colour !== null && colour !== UNCOLOURED));
}
