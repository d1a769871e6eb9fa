/**
 * Why a ProConnect sign-in was refused: the api's callback sends the browser back to the login page with
 * one of these codes (`/connexion?proconnect=<code>`), which the page says in French, and audits it.
 */
export const PROCONNECT_REFUSALS = {
  unknown_account:
    'Aucun compte de l’application ne correspond à l’adresse électronique de votre identité ProConnect : demandez à l’administrateur de vous en ouvrir un.',
  account_disabled:
    'Votre compte est désactivé : la connexion avec ProConnect est refusée. Contactez l’administrateur.',
  identity_mismatch:
    'Ce compte est lié à une autre identité ProConnect : la connexion est refusée. Contactez l’administrateur.',
  state_invalid:
    'La demande de connexion ProConnect est inconnue, expirée ou déjà utilisée (paramètre « state ») : recommencez la connexion.',
  code_refused: 'ProConnect a refusé le code d’autorisation, déjà utilisé ou expiré : recommencez la connexion.',
  nonce_invalid:
    'La réponse de ProConnect ne correspond pas à cette demande de connexion (paramètre « nonce ») : recommencez la connexion.',
  id_token_expired: 'Le jeton d’identité transmis par ProConnect a expiré : recommencez la connexion.',
  provider_error: 'ProConnect n’a pas authentifié votre identité ou n’a pas pu être joint : réessayez plus tard.',
} as const;

export type ProConnectRefusal = keyof typeof PROCONNECT_REFUSALS;

export const isProConnectRefusal = (code: string | null): code is ProConnectRefusal =>
  code !== null && Object.hasOwn(PROCONNECT_REFUSALS, code);
