import type { Screen } from '../../routing/screen';
import { AuditTrailPage } from './AuditTrailPage';
import { FundingExportsPage } from './FundingExportsPage';

export const auditScreens: Screen[] = [
  {
    path: '/rapports-financement',
    title: 'Rapports de financement',
    Component: FundingExportsPage,
    roles: ['admin', 'regional_delegate', 'mission_officer', 'auditor'],
    nav: 'Rapports de financement',
  },
  {
    path: '/journal',
    title: 'Journal d’audit',
    Component: AuditTrailPage,
    roles: ['admin', 'regional_delegate', 'auditor'],
    nav: 'Journal d’audit',
  },
];
