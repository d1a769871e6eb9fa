import type { Screen } from '../../routing/screen';
import { ActionPage } from './ActionPage';
import { RoadmapPage } from './RoadmapPage';

export const roadmapScreens: Screen[] = [
  {
    path: '/feuille-de-route',
    title: 'Feuille de route',
    Component: RoadmapPage,
    can: 'manageRoadmap',
    nav: 'Feuille de route',
  },
  {
    path: '/actions/:id',
    title: 'Mise à jour d’une action',
    Component: ActionPage,
    can: 'updateActions',
    section: ['/feuille-de-route', '/mon-departement'],
  },
];
