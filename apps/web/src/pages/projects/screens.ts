import type { Screen } from '../../routing/screen';
import { DashboardPage } from './DashboardPage';
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
];
