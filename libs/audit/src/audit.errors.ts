/** The codes the audit lib's errors carry (`code` in every HTTP error body). */
export const AuditErrorCode = {
  AuditVerificationNotFound: 'audit_verification.not_found',
} as const;

export type AuditErrorCode = (typeof AuditErrorCode)[keyof typeof AuditErrorCode];
