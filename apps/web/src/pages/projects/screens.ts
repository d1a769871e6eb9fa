import type { Screen } from '../../routing/screen';
import { DashboardPage } from './DashboardPage';
import { ProjectEditPage } from './ProjectEditPage';
import { ProjectListPage } from './ProjectListPage';
import { ProjectPage } from './ProjectPage';

export const projectScreens: Screen[] = [
  {
    path: '/tableau-de-bord',
    title: 'Tableau de bord',
    Component: DashboardPage,
    can: 'readDashboard',
    nav: 'Tableau de bord',
  },
  { path: '/projets', title: 'Projets', Component: ProjectListPage, can: 'readProjects', nav: 'Projets' },
  { path: '/projets/:id', title: 'Projet', Component: ProjectPage, can: 'readProjects' },
  { path: '/projets/:id/modifier', title: 'Modifier le dossier', Component: ProjectEditPage, can: 'readProjects' },
];
