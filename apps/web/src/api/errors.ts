/**
 * The API's errors (`{ statusCode, error, message, code? }`) turned into plain French for the screens.
 * Pure module: no React, no fetch, so its spec runs in the unit project.
 */
export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  code?: string;
}

/** A failed call to the API; `status` 0 means the API could not be reached at all. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body?: ApiErrorBody,
  ) {
    super(`HTTP ${status}${body?.code ? ` ${body.code}` : ''}`);
    this.name = 'ApiError';
  }
}

export interface FrenchError {
  title: string;
  /** Plain sentences or the offending fields, shown as a list under the title. */
  details: string[];
}

/** Conflicts named by their code's suffix (e.g. `action.stale_version`), explained in French. */
const CONFLICTS: Array<[RegExp, string]> = [
  [
    /\.stale_version$/,
    'Quelqu’un d’autre a modifié ces informations pendant que vous les consultiez. Rechargez la page, puis refaites votre modification.',
  ],
  [/\.transition_forbidden$/, 'Ce changement d’état n’est pas permis depuis l’état actuel du dossier.'],
  [/envelope_exceeded$/, 'Le montant dépasse ce qui reste de l’enveloppe de l’appel ou de l’axe.'],
  [/grant_exceeded$/, 'Le versement dépasse le montant restant de la subvention.'],
  [/^grant\.exists$/, 'Ce projet a déjà une subvention.'],
  [/^grant\.project_not_selected$/, 'Seul un projet retenu peut recevoir une subvention.'],
  [/^meeting\.no_quorum$/, 'Le quorum n’est pas atteint : enregistrez d’abord un émargement qui l’atteint.'],
  [/^minutes\.not_draft$/, 'Le procès-verbal est approuvé ou publié : son texte ne peut plus changer.'],
  [/^project\.opinion_closed$/, 'Ce projet n’est plus en instruction : il ne reçoit plus d’avis.'],
  [/^roadmap\.frozen$/, 'La feuille de route est validée par la commission : ses axes ne peuvent plus changer.'],
  [/^report\.not_ready$/, 'Le rapport n’est pas encore prêt : patientez quelques instants.'],
];

const GENERIC_CONFLICT =
  'L’opération n’est plus possible dans l’état actuel. Rechargez la page pour voir la situation à jour.';

function messages(body?: ApiErrorBody): string[] {
  if (!body?.message) return [];
  return Array.isArray(body.message) ? body.message : [body.message];
}

/**
 * The API's validation messages name the field first ("amountCents must be an integer…",
 * "property foo should not exist"): one French line per offending field.
 */
function invalidFields(body?: ApiErrorBody): string[] {
  const lines = messages(body).map((message) => {
    const unexpected = /^property (\S+) should not exist$/.exec(message);
    if (unexpected) return `« ${unexpected[1]} » n’est pas attendu.`;
    const [field] = message.split(' ');
    if (/should not be empty|must not be empty|must be defined/.test(message)) return `« ${field} » est obligatoire.`;
    return `« ${field} » n’est pas valide.`;
  });
  return [...new Set(lines)];
}

function conflict(body?: ApiErrorBody): FrenchError {
  const known = CONFLICTS.find(([pattern]) => body?.code && pattern.test(body.code));
  return { title: 'Conflit', details: [known ? known[1] : GENERIC_CONFLICT] };
}

/** What to tell a person about `error`, whatever was thrown. */
export function toFrench(error: unknown): FrenchError {
  if (!(error instanceof ApiError)) return { title: 'Erreur inattendue', details: ['Rechargez la page et réessayez.'] };
  switch (error.status) {
    case 0:
      return { title: 'Service injoignable', details: ['Vérifiez votre connexion, puis réessayez.'] };
    case 400:
      return { title: 'Certaines informations ne sont pas valides', details: invalidFields(error.body) };
    case 401:
      return { title: 'Session expirée', details: ['Reconnectez-vous pour continuer.'] };
    case 403:
      return {
        title: 'Accès refusé',
        details: ['Vous n’avez pas les droits nécessaires pour cette page ou cette action.'],
      };
    case 404:
      return { title: 'Introuvable', details: ['Cet élément n’existe pas ou a été supprimé.'] };
    case 409:
      return conflict(error.body);
    case 413:
      return { title: 'Fichier trop volumineux', details: ['Le fichier envoyé dépasse la taille permise.'] };
    case 429:
      return { title: 'Trop de tentatives', details: ['Patientez quelques minutes avant de réessayer.'] };
    default:
      return error.status >= 500
        ? { title: 'Le service rencontre un problème', details: ['Réessayez dans quelques instants.'] }
        : { title: 'Demande refusée', details: messages(error.body) };
  }
}
