import { definePolicy } from '@app/core';

/** Who may do what with the audit trail (DESIGN.md: the auditor reads it; the mission's heads too). */
export const auditPolicy = definePolicy({
  /** Events, seals and the public key that checks them. */
  read: ['admin', 'regional_delegate', 'auditor'],
  /** Walking the whole chain is costly: those who answer for it. */
  verify: ['admin', 'auditor'],
  /**
   * A seal changes no data: it signs what is there. The auditor seals on demand to hold a receipt of
   * the trail as it stood when the audit began; the worker seals daily as the system.
   */
  seal: ['admin', 'auditor'],
});
