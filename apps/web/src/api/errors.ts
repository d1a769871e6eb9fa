import type { ErrorCode } from './generated/types.gen';

/**
 * The API's errors (`{ statusCode, error, message, code, details? }`) turned into plain French for the
 * screens, by `code` and `details` only: `message` is the API's English and is never parsed here.
 * Pure module: no React, no fetch, so its spec runs in the unit project.
 */
export interface ApiErrorBody {
  statusCode?: number;
  error?: string;
  message?: string | string[];
  code?: ErrorCode;
  details?: { fields?: FailedField[] } & Record<string, unknown>;
}

/** A field a 400 refused, with the names of the rules it broke (see the API's `validation.invalid`). */
export interface FailedField {
  field: string;
  constraints: string[];
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

const STALE =
  'Quelqu’un d’autre a modifié ces informations pendant que vous les consultiez. Rechargez la page, puis refaites votre modification.';
const TRANSITION = 'Ce changement d’état n’est pas permis depuis l’état actuel du dossier.';
const ENVELOPE = 'Le montant dépasse ce qui reste de l’enveloppe de l’appel ou de l’axe.';

/** Conflicts by code, explained in French (the type lists every code the API may send). */
const CONFLICTS: Partial<Record<ErrorCode, string>> = {
  'action.stale_version': STALE,
  'grant.stale_version': STALE,
  'local_health_contract.stale_version': STALE,
  'minutes.stale_version': STALE,
  'project.stale_version': STALE,
  'call.stale_version': STALE,
  'call.transition_forbidden': TRANSITION,
  'meeting.transition_forbidden': TRANSITION,
  'minutes.transition_forbidden': TRANSITION,
  'project.transition_forbidden': TRANSITION,
  'roadmap.transition_forbidden': TRANSITION,
  'grant.envelope_exceeded': ENVELOPE,
  'grant.axis_envelope_exceeded': ENVELOPE,
  'payment.grant_exceeded': 'Le versement dépasse le montant restant de la subvention.',
  'payment.tranche_exceeded': 'Le versement dépasse ce qui reste à verser sur cette tranche.',
  'grant.tranche_below_paid':
    'Une tranche déjà réglée par des versements ne peut être ni retirée ni ramenée sous leur montant : changez d’abord la tranche de ces versements.',
  'grant.cancelled': 'Cette subvention est annulée : elle ne change plus.',
  'grant.exists': 'Ce projet a déjà une subvention.',
  'call.closed_to_applications':
    'L’appel ne reçoit plus de candidature : il est clos ou sa date de clôture est passée.',
  'call.closed_to_grants':
    'L’appel est clos : aucun crédit n’est engagé avant sa décision ou sa réouverture par le délégué régional.',
  'call.axis_in_use': 'Des projets relèvent de cet axe : il ne peut pas être retiré.',
  'call.envelope_below_committed': 'L’enveloppe de l’appel ou d’un axe serait inférieure aux crédits déjà engagés.',
  'call.not_editable': 'L’appel est décidé : il n’est plus modifiable.',
  'call.scoring_started': 'Des dossiers ont déjà été notés : la grille de notation ne peut plus changer.',
  'grant.project_not_selected': 'Seul un projet retenu peut recevoir une subvention.',
  'meeting.no_quorum': 'Le quorum n’est pas atteint : enregistrez d’abord un émargement qui l’atteint.',
  'minutes.not_draft': 'Le procès-verbal est approuvé ou publié : son texte ne peut plus changer.',
  'project.opinion_closed': 'Ce projet n’est plus en instruction : il ne reçoit plus d’avis.',
  'project.not_editable': 'Ce dossier n’est plus modifiable : il est en instruction ou déjà décidé.',
  'roadmap.frozen': 'La feuille de route est validée par la commission : ses axes ne peuvent plus changer.',
  'report.not_ready': 'Le rapport n’est pas encore prêt : patientez quelques instants.',
  'roadmap.decision_not_adopted':
    'Cette délibération n’a pas été adoptée (pas plus de voix pour que contre) : elle ne valide pas la feuille de route.',
  'roadmap.decision_not_plenary': 'Seule une délibération de l’assemblée plénière valide la feuille de route.',
  'roadmap.decision_other_subject': 'Cette délibération ne porte pas sur la validation de cette feuille de route.',
  'user.email_taken': 'Un compte existe déjà avec cette adresse électronique.',
  'user.disable_self': 'Vous ne pouvez pas désactiver votre propre compte.',
  'user.demote_self': 'Vous ne pouvez pas retirer votre propre rôle d’administrateur.',
  'position.taken': 'Cette fonction est déjà occupée à ces dates : mettez d’abord fin à la fonction en cours.',
  'position.ended': 'Cette fonction a déjà pris fin.',
  'indicator.code_taken': 'Un indicateur porte déjà ce code : choisissez-en un autre.',
};

/** Refusals (400) of the rules beyond a field's form, by code. */
const INVALID: Partial<Record<ErrorCode, string>> = {
  'decision.subject_unknown': 'L’objet de la délibération (feuille de route, appel ou contrat) n’existe pas.',
  'decision.votes_over_present':
    'Le nombre de voix (pour, contre, abstentions) dépasse celui des sièges présents ou représentés.',
  'decision.selection_outside_call': 'Seule une liste de sélection d’un appel retient des projets.',
  'project.selection_refused':
    'Certains projets ne peuvent pas être retenus (ils ne sont pas en instruction dans cet appel) : aucun n’a été retenu.',
  'roadmap.decision_unknown': 'Cette délibération de la commission n’existe pas.',
  'project.department_shares':
    'Les parts des départements doivent totaliser 100 %, avec une part pour chaque département du projet.',
  'auth.wrong_password': 'Le mot de passe actuel est incorrect.',
  'auth.same_password': 'Le nouveau mot de passe doit différer de l’actuel.',
  'user.referent_without_department': 'Un référent départemental doit avoir au moins un département.',
  'dates.order': 'La date de fin précède la date de début.',
  'grant.schedule_over_grant': 'Les tranches prévues dépassent le montant de la subvention.',
  'grant.unknown_tranche': 'Une tranche de l’échéancier n’appartient pas à cette subvention.',
  'payment.unknown_tranche': 'Cette tranche n’appartient pas à l’échéancier de la subvention.',
  'call.dates': 'La date de clôture de l’appel précède sa date d’ouverture.',
  'call.axis_repeated': 'Deux axes portent le même code.',
  'call.criterion_repeated': 'Deux critères portent le même code.',
  'call.axes_over_envelope': 'Les enveloppes des axes dépassent l’enveloppe de l’appel.',
  'call.comment_required': 'Indiquez le motif de la réouverture.',
  'contract.dates': 'La fin du contrat précède sa signature.',
  'contract.territory_repeated': 'Une commune figure deux fois dans le territoire du contrat.',
  'contract.unknown_epci': 'Cet EPCI n’est pas dans le référentiel de la région.',
  'territory.unknown_commune': 'Une commune du territoire n’est pas dans le référentiel de la région.',
  // With its bad lines in `details.lines`, which the import screen lists; without, the file was empty.
  'indicator.values_invalid': 'Le fichier est vide ou illisible : envoyez un fichier CSV « code;valeur ».',
};

/** The screen's names of the fields it sends (`holder.siret` → « SIRET du porteur »); a field not named keeps its path. */
export type FieldLabels = Readonly<Record<string, string>>;

/** The password policy of the API (12 characters at least, not guessable), in the words of its 400. */
const WEAK_PASSWORD =
  'Le mot de passe doit compter au moins 12 caractères et ne pas être trop courant ni facile à deviner (mot du dictionnaire, suite de touches, date…).';

/** Rules whose breaking means the field was left empty. */
const REQUIRED_RULES = new Set(['isNotEmpty', 'isDefined']);

const GENERIC_CONFLICT =
  'L’opération n’est plus possible dans l’état actuel. Rechargez la page pour voir la situation à jour.';

/** One French line per field the API names in `details.fields`, by the rules it broke. */
function invalidFields(body: ApiErrorBody | undefined, labels: FieldLabels): string[] {
  const known = body?.code && INVALID[body.code];
  if (known) return [known];
  const lines = (body?.details?.fields ?? []).map(({ field, constraints }) => {
    const name = labels[field] ?? field;
    if (constraints.includes('isAcceptablePassword')) return WEAK_PASSWORD;
    if (constraints.includes('whitelistValidation')) return `« ${name} » n’est pas attendu.`;
    if (constraints.some((rule) => REQUIRED_RULES.has(rule))) return `« ${name} » est obligatoire.`;
    return `« ${name} » n’est pas valide.`;
  });
  return lines.length > 0 ? [...new Set(lines)] : ['Vérifiez les informations saisies, puis réessayez.'];
}

function conflict(body?: ApiErrorBody): FrenchError {
  const known = body?.code && CONFLICTS[body.code];
  return { title: 'Conflit', details: [known || GENERIC_CONFLICT] };
}

/** What to tell a person about `error`, whatever was thrown; `labels` name the fields of the screen's form. */
export function toFrench(error: unknown, labels: FieldLabels = {}): FrenchError {
  if (!(error instanceof ApiError)) return { title: 'Erreur inattendue', details: ['Rechargez la page et réessayez.'] };
  switch (error.status) {
    case 0:
      return { title: 'Service injoignable', details: ['Vérifiez votre connexion, puis réessayez.'] };
    case 400:
      return { title: 'Certaines informations ne sont pas valides', details: invalidFields(error.body, labels) };
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
        : { title: 'Demande refusée', details: ['Cette demande n’a pas pu être traitée.'] };
  }
}
