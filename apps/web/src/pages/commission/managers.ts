/** Who runs the commission (the API's GovernanceAccess.assertManager): the forms show for them only. */
export const MANAGERS = ['mission_officer', 'regional_delegate'] as const;
