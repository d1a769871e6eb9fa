import type { Screen } from '../../routing/screen';
import { HomePage } from './HomePage';

export const homeScreens: Screen[] = [{ path: '/', title: 'Accueil', Component: HomePage, nav: 'Accueil' }];
