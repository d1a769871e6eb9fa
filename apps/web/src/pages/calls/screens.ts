import type { Screen } from '../../routing/screen';
import { CallCreatePage, CallEditPage } from './CallFormPages';
import { CallListPage } from './CallListPage';
import { CallPage } from './CallPage';
import { RankingPage } from './RankingPage';

/** Calls for projects: read by whoever reads projects; what may be done is in each call's `can*`. */
export const callScreens: Screen[] = [
  { path: '/appels', title: 'Appels à projets', Component: CallListPage, can: 'readProjects', nav: 'Appels à projets' },
  { path: '/appels/nouveau', title: 'Nouvel appel à projets', Component: CallCreatePage, can: 'readProjects' },
  { path: '/appels/:id', title: 'Appel à projets', Component: CallPage, can: 'readProjects' },
  { path: '/appels/:id/modifier', title: 'Modifier l’appel', Component: CallEditPage, can: 'readProjects' },
  { path: '/appels/:id/classement', title: 'Classement de l’appel', Component: RankingPage, can: 'readProjects' },
];
