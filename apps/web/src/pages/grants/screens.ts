import type { Screen } from '../../routing/screen';
import { GrantPage } from './GrantPage';
import { OverdueReportsPage } from './OverdueReportsPage';

export const grantScreens: Screen[] = [
  { path: '/projets/:id/subvention', title: 'Subvention', Component: GrantPage, can: 'readProjects' },
  {
    path: '/comptes-rendus-en-retard',
    title: 'Comptes rendus en retard',
    Component: OverdueReportsPage,
    can: 'readDashboard',
    section: ['/tableau-de-bord'],
  },
];
