import type { Screen } from '../../routing/screen';
import { MyBodiesPage } from './MyBodiesPage';

export const memberScreens: Screen[] = [
  {
    path: '/mes-instances',
    title: 'Mes instances',
    Component: MyBodiesPage,
    can: 'memberSpace',
    nav: 'Mes instances',
  },
];
