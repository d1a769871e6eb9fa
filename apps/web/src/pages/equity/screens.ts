import type { Screen } from '../../routing/screen';
import { EquityScreen } from './EquityScreen';

export const equityScreens: Screen[] = [
  { path: '/equite', title: 'Équité', Component: EquityScreen, can: 'readEquity', nav: 'Équité' },
];
