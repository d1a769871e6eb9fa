import type { Screen } from '../../routing/screen';
import { AccountPage } from './AccountPage';
import { AccountsPage } from './AccountsPage';
import { MailPreferencesPage } from './MailPreferencesPage';
import { OutboxPage } from './OutboxPage';
import { PasswordPage } from './PasswordPage';

export const adminScreens: Screen[] = [
  { path: '/comptes', title: 'Comptes', Component: AccountsPage, can: 'manageAccounts', nav: 'Comptes' },
  { path: '/comptes/:id', title: 'Compte', Component: AccountPage, can: 'manageAccounts', section: ['/comptes'] },
  { path: '/courriels', title: 'Courriels envoyés', Component: OutboxPage, can: 'manageAccounts', nav: 'Courriels' },
  // Everyone's, reached from the home page.
  { path: '/mon-mot-de-passe', title: 'Mon mot de passe', Component: PasswordPage },
  { path: '/mes-courriels', title: 'Mes courriels', Component: MailPreferencesPage },
];
