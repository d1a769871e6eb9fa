import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { auditControllerList, ok, type AuditEventDto } from '../../api/client';
import { PaginatedTable, type Column } from '../../components/PaginatedTable';
import { formatDateTime } from '../../format';
import { PAYMENT_KIND_LABELS, PROJECT_STATUS_LABELS } from '@app/vocabulary';
import { auditChanges, type AuditVocabulary } from './audit-changes';
import { Options } from '../../components/Options';

/** The objects whose trail an auditor follows most, by the API's entity type. */
const ENTITY_TYPES: Record<string, string> = {
  project: 'Projet',
  grant: 'Subvention',
  payment: 'Versement',
  call: 'Appel',
  report: 'Rapport',
};

const ACTIONS: Record<string, string> = {
  'project.create': 'Création du projet',
  'project.transition': 'Changement d’état',
  'project.opinion': 'Avis départemental',
  'project.score': 'Notation',
  'project.note': 'Note d’instruction',
  'project.labels': 'Étiquettes',
  'grant.create': 'Attribution de la subvention',
  'grant.reduce': 'Réduction de la subvention',
  'grant.cancel': 'Annulation de la subvention',
  'payment.create': 'Versement',
};

const VOCABULARY: AuditVocabulary = {
  fields: {
    status: 'Statut',
    comment: 'Commentaire',
    title: 'Titre',
    amountCents: 'Montant (centimes)',
    requestedCents: 'Montant demandé (centimes)',
    paidOn: 'Versé le',
    kind: 'Nature',
    reason: 'Motif',
  },
  values: { status: PROJECT_STATUS_LABELS, kind: PAYMENT_KIND_LABELS },
};

const COLUMNS: Column<AuditEventDto>[] = [
  { header: 'Date', cell: (e) => formatDateTime(e.at) },
  { header: 'Action', cell: (e) => ACTIONS[e.action] ?? e.action },
  { header: 'Par', cell: (e) => (e.actorId ? <code>{e.actorId.slice(0, 8)}</code> : 'Système (reprise de données)') },
  {
    header: 'Modifications',
    cell: (e) => (
      <ul className="fr-text--sm fr-mb-0">
        {auditChanges(e.before, e.after, VOCABULARY).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    ),
  },
];

/** The audit trail of one object: every change to it, newest first, with before and after. */
export function AuditTrailPage() {
  const [params, setParams] = useSearchParams();
  const entityType = params.get('type') ?? 'project';
  const entityId = params.get('id') ?? '';

  function choose(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setParams({ type: String(form.get('type')), id: String(form.get('id')).trim() });
  }

  return (
    <>
      <h1>Journal d’audit</h1>
      <form onSubmit={choose} className="fr-mb-3w" key={params.toString()} aria-label="Choisir l’objet">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Type d’objet" nativeSelectProps={{ name: 'type', defaultValue: entityType }}>
              <Options choices={ENTITY_TYPES} />
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-8">
            <Input
              label="Identifiant"
              hintText="Le plus simple : ouvrez le journal depuis la page du projet"
              nativeInputProps={{ name: 'id', defaultValue: entityId, required: true }}
            />
          </div>
        </div>
        <Button type="submit">Afficher le journal</Button>
      </form>
      {entityId && (
        <PaginatedTable
          caption={`Journal : ${ENTITY_TYPES[entityType] ?? entityType} ${entityId}`}
          queryKey={['audit-events', entityType, entityId]}
          fetchPage={(page) => ok(auditControllerList({ query: { entityType, entityId, ...page } }))}
          columns={COLUMNS}
          rowKey={(e) => String(e.id)}
          empty="Aucun événement pour cet objet."
        />
      )}
    </>
  );
}
