import type { Screen } from '../../routing/screen';
import { MyExportsPage } from './MyExportsPage';

export const exportScreens: Screen[] = [
  {
    path: '/mes-exports',
    title: 'Mes exports',
    Component: MyExportsPage,
    nav: 'Mes exports',
  },
];
