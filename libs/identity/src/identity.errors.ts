/** The codes the identity lib's errors carry (`code` in every HTTP error body); the web app maps them. */
export const IdentityErrorCode = {
  AuthBusy: 'auth.busy',
  AuthInvalidCredentials: 'auth.invalid_credentials',
  AuthProConnectRequired: 'auth.proconnect_required',
  ProConnectNotConfigured: 'proconnect.not_configured',
  AuthSamePassword: 'auth.same_password',
  AuthThrottled: 'auth.throttled',
  AuthWrongPassword: 'auth.wrong_password',
  UserDisableSelf: 'user.disable_self',
  UserDemoteSelf: 'user.demote_self',
  UserEmailTaken: 'user.email_taken',
  UserNotFound: 'user.not_found',
  UserReferentWithoutDepartment: 'user.referent_without_department',
} as const;

export type IdentityErrorCode = (typeof IdentityErrorCode)[keyof typeof IdentityErrorCode];
