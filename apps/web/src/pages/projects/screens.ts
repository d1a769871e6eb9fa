import type { Screen } from '../../routing/screen';
import { DashboardPage } from './DashboardPage';
import { ProjectListPage } from './ProjectListPage';
import { ProjectPage } from './ProjectPage';

const STAFF = ['admin', 'regional_delegate', 'mission_officer'] as const;
const READERS = [...STAFF, 'departmental_referent', 'auditor'] as const;

export const projectScreens: Screen[] = [
  {
    path: '/tableau-de-bord',
    title: 'Tableau de bord',
    Component: DashboardPage,
    roles: STAFF,
    nav: 'Tableau de bord',
  },
  { path: '/projets', title: 'Projets', Component: ProjectListPage, roles: READERS, nav: 'Projets' },
  { path: '/projets/:id', title: 'Projet', Component: ProjectPage, roles: READERS },
];
