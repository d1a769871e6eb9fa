import type { Screen } from '../../routing/screen';
import { ActionPage } from './ActionPage';
import { ActionsImportPage } from './ActionsImportPage';
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
    path: '/actions/import',
    title: 'Import des mises à jour d’actions',
    Component: ActionsImportPage,
    can: 'updateActions',
    nav: 'Import des actions',
  },
  {
    path: '/actions/:id',
    title: 'Action',
    Component: ActionPage,
    section: ['/feuille-de-route', '/mon-departement'],
  },
];
