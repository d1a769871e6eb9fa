import type { Screen } from '../../routing/screen';
import { BodyPage } from './BodyPage';
import { CommissionPage } from './CommissionPage';
import { MeetingPage } from './MeetingPage';
import { MembersPage } from './MembersPage';

export const commissionScreens: Screen[] = [
  { path: '/commission', title: 'Commission', Component: CommissionPage, can: 'manageCommission', nav: 'Commission' },
  {
    path: '/commission/membres',
    title: 'Membres de la commission',
    Component: MembersPage,
    can: 'manageCommission',
  },
  // Whoever may read the body (a member: the bodies it sits on); the API answers 403 otherwise.
  { path: '/instances/:id', title: 'Instance', Component: BodyPage, section: ['/commission', '/mes-instances'] },
  { path: '/seances/:id', title: 'Séance', Component: MeetingPage, section: ['/commission', '/mes-instances'] },
];
