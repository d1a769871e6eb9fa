import type { Screen } from '../../routing/screen';
import { AuditTrailPage } from './AuditTrailPage';
import { FundingExportsPage } from './FundingExportsPage';

export const auditScreens: Screen[] = [
  {
    path: '/rapports-financement',
    title: 'Rapports de financement',
    Component: FundingExportsPage,
    can: 'exportFunding',
    nav: 'Rapports de financement',
  },
  {
    path: '/journal',
    title: 'Journal d’audit',
    Component: AuditTrailPage,
    can: 'readAuditTrail',
    nav: 'Journal d’audit',
  },
];
