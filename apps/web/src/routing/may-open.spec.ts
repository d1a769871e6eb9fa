import type { CapabilitiesDto } from '../api/client';
import { mayOpen, navigableScreens } from './may-open';

const NONE: CapabilitiesDto = {
  readDashboard: false,
  readProjects: false,
  exportFunding: false,
  readAuditTrail: false,
  verifyAuditTrail: false,
  departmentSpace: false,
  giveOpinions: false,
  manageRoadmap: false,
  updateActions: false,
  manageCommission: false,
  memberSpace: false,
};
const auditor = { capabilities: { ...NONE, readProjects: true, exportFunding: true, readAuditTrail: true } };
const member = { capabilities: { ...NONE, memberSpace: true } };

describe('which screens a signed-in person may open', () => {
  it('follows the capabilities of /api/auth/me, and lets anyone signed in open a screen that needs none', () => {
    expect(mayOpen(auditor, 'readAuditTrail')).toBe(true);
    expect(mayOpen(auditor, 'manageCommission')).toBe(false);
    expect(mayOpen(member, undefined)).toBe(true);
  });

  it('opens nothing to a visitor', () => {
    expect(mayOpen(null, undefined)).toBe(false);
    expect(mayOpen(null, 'readProjects')).toBe(false);
  });

  it('lists in the navigation the labelled screens the person may open, in the table’s order', () => {
    const screens = [
      { path: '/', nav: 'Accueil' },
      { path: '/projets', nav: 'Projets', can: 'readProjects' as const },
      { path: '/projets/:id', can: 'readProjects' as const },
      { path: '/commission', nav: 'Commission', can: 'manageCommission' as const },
      { path: '/journal', nav: 'Journal d’audit', can: 'readAuditTrail' as const },
      { path: '/mes-instances', nav: 'Mes instances', can: 'memberSpace' as const },
    ];
    expect(navigableScreens(screens, auditor).map((s) => s.path)).toEqual(['/', '/projets', '/journal']);
    expect(navigableScreens(screens, member).map((s) => s.path)).toEqual(['/', '/mes-instances']);
    expect(navigableScreens(screens, null)).toEqual([]);
  });
});
