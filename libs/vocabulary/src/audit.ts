import {
  CALL_STATUS_LABELS,
  HOLDER_KIND_LABELS,
  LEVER_LABELS,
  OPINION_LABELS,
  PAYMENT_KIND_LABELS,
  PROJECT_STATUS_LABELS,
} from './calls';
import { CONTRACT_STATUS_LABELS } from './contracts';
import {
  BODY_KIND_LABELS,
  COLLEGE_LABELS,
  MEETING_STATUS_LABELS,
  MINUTES_STATUS_LABELS,
  POSITION_LABELS,
} from './governance';
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS } from './reports';
import { ACTION_STATUS_LABELS, ROADMAP_STATUS_LABELS } from './roadmap';
import { ROLE_LABELS } from './roles';
import { TARGET_PUBLIC_LABELS } from './target-publics';

/** The audited objects, by the API's entity type. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  project: 'Projet',
  grant: 'Subvention',
  payment: 'Versement',
  call: 'Appel',
  report: 'Rapport',
  roadmap: 'Feuille de route',
  action: 'Fiche action',
  local_health_contract: 'Contrat local de santé',
  indicator: 'Indicateur territorial',
  meeting: 'Séance',
  minutes: 'Procès-verbal',
  body: 'Instance',
  member: 'Membre',
  seat: 'Siège',
  decision: 'Décision',
  user: 'Utilisateur',
  audit_seal: 'Scellement',
  audit_verification: 'Vérification du journal',
  job_queue: 'File de tâches',
};

/** What each audited action did, in words. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'project.create': 'Création du projet',
  'project.transition': 'Changement d’état',
  'project.opinion': 'Avis départemental',
  'project.score': 'Notation',
  'project.note': 'Note d’instruction',
  'project.labels': 'Étiquettes',
  'grant.create': 'Attribution de la subvention',
  'grant.reduce': 'Réduction de la subvention',
  'grant.cancel': 'Annulation de la subvention',
  'grant.set_schedule': 'Échéancier de la subvention',
  'grant.set_reports': 'Comptes rendus attendus',
  'grant.set_cofunders': 'Cofinanceurs',
  'grant.set_agreement': 'Engagement juridique et convention',
  'payment.create': 'Versement',
  'payment.set_tranche': 'Tranche réglée par le versement',
  'call.create': 'Création de l’appel',
  'call.update': 'Modification de l’appel',
  'call.transition': 'Changement d’état de l’appel',
  'call.set_criteria': 'Grille de notation de l’appel',
  'local_health_contract.create': 'Création du contrat local de santé',
  'local_health_contract.update': 'Modification du contrat local de santé',
  'indicator.create': 'Création de l’indicateur territorial',
  'indicator.import': 'Import des valeurs de l’indicateur',
  'roadmap.create': 'Création de la feuille de route',
  'roadmap.set_axes': 'Axes de la feuille de route',
  'roadmap.transition': 'Changement d’état de la feuille de route',
  'action.create': 'Création de la fiche action',
  'action.update': 'Mise à jour de la fiche action',
  'action.set_links': 'Liens de la fiche action',
  'body.create': 'Création de l’instance',
  'body.add_position': 'Fonction dans l’instance',
  'body.end_position': 'Fin d’une fonction dans l’instance',
  'member.create': 'Création du membre',
  'seat.create': 'Création du siège',
  'seat.add_mandate': 'Début de mandat',
  'seat.end_mandate': 'Fin de mandat',
  'meeting.create': 'Création de la séance',
  'meeting.record_attendance': 'Émargement',
  'meeting.convene': 'Convocation de la séance',
  'meeting.move': 'Séance déplacée',
  'mail.retry': 'Nouvel essai d’envoi du courriel',
  'mail.preferences': 'Préférences de courriel',
  'decision.create': 'Décision',
  'minutes.create': 'Création du procès-verbal',
  'minutes.update': 'Modification du procès-verbal',
  'report.request': 'Demande de rapport',
  'report.done': 'Rapport prêt',
  'report.failed': 'Rapport en échec',
  'report.expired': 'Rapport expiré',
  'user.create': 'Création du compte',
  'user.link_member': 'Compte lié à un membre',
  'user.update': 'Modification du compte',
  'user.disable': 'Désactivation du compte',
  'user.enable': 'Réactivation du compte',
  'auth.login': 'Connexion',
  'auth.logout': 'Déconnexion',
  'auth.password_change': 'Changement de mot de passe',
  'auth.login_failed': 'Échec de connexion',
  'auth.login_refused': 'Connexion par mot de passe refusée (ProConnect exigé)',
  'auth.proconnect_failed': 'Connexion ProConnect refusée',
  'user.link_proconnect': 'Compte lié à une identité ProConnect',
  'sign_in_policy.update': 'Rôles tenus de se connecter avec ProConnect',
  'audit.seal': 'Scellement du journal',
  'audit_verification.request': 'Demande de vérification du journal',
  'job_queue.action': 'Action sur la file de tâches (tableau de bord)',
};

/** The fields audit events record, in words (amounts are in euros once formatted). */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  status: 'Statut',
  comment: 'Commentaire',
  title: 'Titre',
  name: 'Nom',
  displayName: 'Nom',
  email: 'Courriel',
  roles: 'Rôles',
  summary: 'Résumé',
  description: 'Description',
  amountCents: 'Montant',
  requestedCents: 'Montant demandé',
  paidCents: 'Montant versé',
  envelopeCents: 'Enveloppe',
  totalCents: 'Montant total',
  paidOn: 'Versé le',
  kind: 'Nature',
  reason: 'Motif',
  opinion: 'Avis',
  axisCode: 'Axe',
  holder: 'Porteur',
  levers: 'Leviers',
  targetPublics: 'Publics cibles',
  payments: 'Versements',
  schedule: 'Échéancier',
  reports: 'Comptes rendus',
  coFunders: 'Cofinanceurs',
  labels: 'Étiquettes',
  legalCommitmentNumber: 'Numéro d’engagement juridique',
  agreementSignedOn: 'Convention signée le',
  conventionNumber: 'Numéro de convention',
  trancheId: 'Tranche',
  departmentCode: 'Département',
  departmentCodes: 'Départements',
  departmentShares: 'Répartition entre départements',
  communeCodes: 'Communes',
  budgetLines: 'Budget',
  year: 'Année',
  startsOn: 'Début',
  endsOn: 'Fin',
  signedOn: 'Signé le',
  keyId: 'Clé',
  axes: 'Axes',
  criteria: 'Critères de notation',
  opensOn: 'Ouverture',
  closesOn: 'Clôture',
  fundingSource: 'Source de financement',
  cancelReason: 'Motif d’annulation',
  pilot: 'Pilote',
  progressPercent: 'Avancement (%)',
  indicators: 'Indicateurs',
  validatedByDecisionId: 'Décision de validation',
  localAuthority: 'Collectivité',
  coordinatorName: 'Coordination',
  coordinatorEmployer: 'Employeur de la coordination',
  coordinatorArsFundingCents: 'Cofinancement ARS de la coordination',
  sharedDiagnosisOn: 'Diagnostic partagé le',
  renewalDue: 'Renouvellement à préparer',
  governanceBodies: 'Instances de gouvernance',
  signatories: 'Signataires',
  territories: 'Territoire',
  agenda: 'Ordre du jour',
  attendance: 'Émargement',
  bodyName: 'Instance',
  place: 'Lieu',
  videoUrl: 'Lien de visioconférence',
  startsAt: 'Date et heure',
  quorumReached: 'Quorum atteint',
  quorumThreshold: 'Présents requis',
  seatsPresent: 'Sièges présents ou représentés',
  seatsTotal: 'Sièges pourvus',
  votesFor: 'Voix pour',
  votesAgainst: 'Voix contre',
  abstentions: 'Abstentions',
  adopted: 'Adoptée',
  text: 'Texte',
  subjectType: 'Objet de la décision',
  agendaItemPosition: 'Point de l’ordre du jour',
  content: 'Contenu',
  college: 'Collège',
  designatingBody: 'Instance de désignation',
  organization: 'Organisme',
  label: 'Intitulé',
  vacant: 'Vacant',
  current: 'Mandat en cours',
  mandates: 'Mandats',
  installedOn: 'Installée le',
  member: 'Membre',
  role: 'Fonction',
  params: 'Paramètres',
  dataSha256: 'Empreinte des données (SHA-256)',
  fileSha256: 'Empreinte du fichier (SHA-256)',
};

/** A verification of the chain runs as a job (issue 16: a million events take longer than a request may). */
export const AUDIT_VERIFICATION_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type AuditVerificationStatus = (typeof AUDIT_VERIFICATION_STATUSES)[number];

export const AUDIT_VERIFICATION_STATUS_LABELS: Record<AuditVerificationStatus, string> = {
  queued: 'En attente',
  running: 'En cours',
  done: 'Terminée',
  failed: 'Échec',
};

/** A grant is active until cancelled. */
export const GRANT_STATUS_LABELS: Record<string, string> = { active: 'Active', cancelled: 'Annulée' };

const STATUS_BY_ENTITY: Record<string, Record<string, string>> = {
  project: PROJECT_STATUS_LABELS,
  call: CALL_STATUS_LABELS,
  local_health_contract: CONTRACT_STATUS_LABELS,
  meeting: MEETING_STATUS_LABELS,
  minutes: MINUTES_STATUS_LABELS,
  report: REPORT_STATUS_LABELS,
  audit_verification: AUDIT_VERIFICATION_STATUS_LABELS,
  grant: GRANT_STATUS_LABELS,
  roadmap: ROADMAP_STATUS_LABELS,
  action: ACTION_STATUS_LABELS,
};

const KIND_BY_ENTITY: Record<string, Record<string, string>> = { report: REPORT_KIND_LABELS, body: BODY_KIND_LABELS };

/** How the reader's side shows amounts and dates (the web app and the server each have theirs). */
export interface AuditFormats {
  euros(cents: number): string;
  /** A calendar day, `2026-11-30`. */
  day(iso: string): string;
  /** An instant, ISO 8601 with time. */
  instant(iso: string): string;
}

/**
 * Fields that only say which row, and references to other objects (`projectId`, `callId`…: the trail
 * links to the object instead): left out of the changes in words; the CSV keeps them in its JSON.
 */
const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt']);
const isReference = (field: string) => BOOKKEEPING.has(field) || /Id$/.test(field);

type State = Record<string, unknown> | null;

function wordsFor(entityType: string, field: string): Record<string, string> | undefined {
  if (field === 'status') return STATUS_BY_ENTITY[entityType];
  if (field === 'kind') return KIND_BY_ENTITY[entityType] ?? PAYMENT_KIND_LABELS;
  if (field === 'opinion') return OPINION_LABELS;
  if (field === 'roles') return ROLE_LABELS;
  if (field === 'levers') return LEVER_LABELS;
  if (field === 'targetPublics') return TARGET_PUBLIC_LABELS;
  if (field === 'college') return COLLEGE_LABELS;
  if (field === 'role') return POSITION_LABELS;
  return undefined;
}

/** The name a nested object goes by: a holder's or co-funder's name, a label, a person (a mandate's member). */
function nameOf(value: Record<string, unknown>): string | null {
  for (const key of ['name', 'label', 'displayName']) if (typeof value[key] === 'string') return value[key];
  const member = value.member;
  return typeof member === 'object' && member !== null ? nameOf(member as Record<string, unknown>) : null;
}

/** A nested object (a holder, a co-funder, a mandate) by its name, and its kind in words when known. */
function named(value: Record<string, unknown>): string {
  const name = nameOf(value);
  if (name === null) return JSON.stringify(value);
  const kind = typeof value.kind === 'string' ? (HOLDER_KIND_LABELS as Record<string, string>)[value.kind] : undefined;
  return kind ? `${name} (${kind})` : name;
}

/** Declared shares as "31 : 60 %, 34 : 40 %" (none declared: equal shares). */
function sharesInWords(shares: { departmentCode?: unknown; shareBp?: unknown }[]): string {
  if (shares.length === 0) return 'parts égales';
  return shares.map((s) => `${String(s.departmentCode)} : ${Number(s.shareBp) / 100} %`).join(', ');
}

function show(field: string, value: unknown, words: Record<string, string> | undefined, f: AuditFormats): string {
  if (value === undefined || value === null) return '—';
  if (field === 'departmentShares' && Array.isArray(value)) return sharesInWords(value);
  if (Array.isArray(value)) {
    if (value.some((v) => typeof v === 'object' && v !== null))
      return value.length === 1 ? '1 élément' : `${value.length} éléments`;
    return value.map((v) => show(field, v, words, f)).join(', ') || '—';
  }
  if (typeof value === 'object') return named(value as Record<string, unknown>);
  if (field.endsWith('Cents') && typeof value === 'number') return f.euros(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return f.day(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return f.instant(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  return words?.[String(value)] ?? String(value);
}

/**
 * What an audit event changed, as `Champ : avant → après` lines in words (French field names, amounts
 * in euros, coded values by their label, dates formatted), leaving out bookkeeping fields.
 */
export function auditChangeLines(entityType: string, before: State, after: State, formats: AuditFormats): string[] {
  const raw = (v: unknown) => JSON.stringify(v ?? null);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields
    .filter((field) => !isReference(field) && raw(before?.[field]) !== raw(after?.[field]))
    .map((field) => {
      const words = wordsFor(entityType, field);
      const name = AUDIT_FIELD_LABELS[field] ?? field;
      const now = show(field, after?.[field], words, formats);
      return before ? `${name} : ${show(field, before[field], words, formats)} → ${now}` : `${name} : ${now}`;
    });
}
