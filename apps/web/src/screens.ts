import type { Screen } from './routing/screen';
import { adminScreens } from './pages/admin/screens';
import { auditScreens } from './pages/audit/screens';
import { homeScreens } from './pages/home/screens';
import { projectScreens } from './pages/projects/screens';
import { grantScreens } from './pages/grants/screens';
import { callScreens } from './pages/calls/screens';
import { referentScreens } from './pages/referent/screens';
import { memberScreens } from './pages/member/screens';
import { commissionScreens } from './pages/commission/screens';
import { roadmapScreens } from './pages/roadmap/screens';
import { contractScreens } from './pages/contracts/screens';
import { exportScreens } from './pages/exports/screens';
import { equityScreens } from './pages/equity/screens';

/**
 * The route table: every screen of the app, by area. To add an area, write its pages in
 * `pages/<area>/` with a `screens.ts` exporting `Screen[]`, and list that array here.
 * The main navigation shows the screens with a `nav` label that the user may open (its `capabilities`).
 */
export const screens: readonly Screen[] = [
  ...homeScreens,
  ...projectScreens,
  ...grantScreens,
  ...callScreens,
  ...auditScreens,
  ...referentScreens,
  ...memberScreens,
  ...commissionScreens,
  ...roadmapScreens,
  ...contractScreens,
  ...equityScreens,
  ...exportScreens,
  ...adminScreens,
];
