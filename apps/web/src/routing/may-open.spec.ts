import type { CapabilitiesDto } from '../api/client';
import { currentScreen, mayOpen, navigableScreens } from './may-open';

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
  manageAccounts: false,
  readContracts: false,
  writeContracts: false,
  readEquity: false,
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

describe('the current item of the main navigation', () => {
  const nav = [{ path: '/' }, { path: '/mon-departement' }, { path: '/mon-departement/avis' }, { path: '/projets' }];

  it('is the one screen with the longest path the page is under', () => {
    expect(currentScreen(nav, '/mon-departement/avis/12')).toBe(nav[2]);
    expect(currentScreen(nav, '/mon-departement')).toBe(nav[1]);
    expect(currentScreen(nav, '/projets/3')).toBe(nav[3]);
    expect(currentScreen(nav, '/')).toBe(nav[0]);
  });

  it('is the first item of the page’s section the user may open, for a page outside the navigation’s paths', () => {
    expect(currentScreen(nav, '/contrats/3', ['/mon-departement/contrats', '/projets'])).toBe(nav[3]);
  });

  it('is none for a page outside the navigation, and never a mere prefix of a word', () => {
    expect(currentScreen(nav, '/journal')).toBeUndefined();
    expect(currentScreen(nav, '/projets-archives')).toBeUndefined();
  });
});
