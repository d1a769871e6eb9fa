/** Roles of DESIGN.md; the codes are the contract's. */
export const ROLES = [
  'admin',
  'regional_delegate',
  'mission_officer',
  'departmental_referent',
  'commission_member',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** The roles' names as the people who hold them say them. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrateur',
  regional_delegate: 'Délégué régional ISS',
  mission_officer: 'Chargé(e) de mission ISS',
  departmental_referent: 'Référent départemental ISS',
  commission_member: 'Membre de la commission',
  auditor: 'Auditeur',
};
