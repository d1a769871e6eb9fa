import type { Screen } from '../../routing/screen';
import { AccountPage } from './AccountPage';
import { AccountsPage } from './AccountsPage';
import { PasswordPage } from './PasswordPage';

export const adminScreens: Screen[] = [
  { path: '/comptes', title: 'Comptes', Component: AccountsPage, can: 'manageAccounts', nav: 'Comptes' },
  { path: '/comptes/:id', title: 'Compte', Component: AccountPage, can: 'manageAccounts', section: ['/comptes'] },
  // Everyone's, reached from the home page.
  { path: '/mon-mot-de-passe', title: 'Mon mot de passe', Component: PasswordPage },
];
