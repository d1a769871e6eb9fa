import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import {
  getLatestAuditVerification,
  listAuditEvents,
  listSeals,
  ok,
  requestAuditVerification,
  type AuditEventDto,
  type AuditVerificationRunDto,
} from '../../api/client';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PaginatedTable, type Column } from '../../components/PaginatedTable';
import { formatDateTime } from '../../format';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  AUDIT_VERIFICATION_STATUS_LABELS,
  labelOf,
  ROLE_LABELS,
} from '@app/vocabulary';
import { useSession } from '../../session/session';
import { auditChanges } from './audit-changes';
import { Options } from '../../components/Options';

type State = Record<string, unknown> | null;

/** The page of the object an event is about, when the app has one. */
function objectLink(e: AuditEventDto): { to: string; label: string } | null {
  const after = (e.after ?? e.before) as State;
  const title = typeof after?.title === 'string' ? after.title : null;
  if (e.entityType === 'project') return { to: `/projets/${e.entityId}`, label: title ?? 'Voir le projet' };
  const projectId = typeof after?.projectId === 'string' ? after.projectId : null;
  if (projectId) return { to: `/projets/${projectId}`, label: 'Voir le projet' };
  if (e.entityType === 'action') return { to: `/actions/${e.entityId}`, label: title ?? 'Voir la fiche action' };
  if (e.entityType === 'local_health_contract') return { to: `/contrats/${e.entityId}`, label: 'Voir le contrat' };
  if (e.entityType === 'meeting') return { to: `/seances/${e.entityId}`, label: 'Voir la séance' };
  return null;
}

const COLUMNS: Column<AuditEventDto>[] = [
  { header: 'Date', cell: (e) => formatDateTime(e.at) },
  { header: 'Action', cell: (e) => labelOf(AUDIT_ACTION_LABELS, e.action) },
  {
    header: 'Objet',
    cell: (e) => {
      const link = objectLink(e);
      return (
        <>
          {labelOf(AUDIT_ENTITY_LABELS, e.entityType)}
          {link && (
            <>
              <br />
              <Link to={link.to}>{link.label}</Link>
            </>
          )}
        </>
      );
    },
  },
  {
    header: 'Par',
    cell: (e) =>
      e.actorName ? (
        <>
          {e.actorName}
          <br />
          <span className="fr-text--xs">{e.actorRoles.map((r) => labelOf(ROLE_LABELS, r)).join(', ')}</span>
        </>
      ) : e.actorId ? (
        'Compte supprimé'
      ) : (
        'Système'
      ),
  },
  {
    header: 'Modifications',
    cell: (e) => (
      <ul className="fr-text--sm fr-mb-0">
        {auditChanges(e.entityType, e.before as State, e.after as State).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    ),
  },
];

/** The URL's search words → the API's filters (`type`/`id` kept: the project page links with them). */
const FILTER_PARAMS = {
  q: 'recherche',
  actor: 'auteur',
  action: 'action',
  from: 'du',
  to: 'au',
  entityType: 'type',
  entityId: 'id',
} as const;
type Filters = Partial<Record<keyof typeof FILTER_PARAMS, string>>;

function filtersOf(params: URLSearchParams): Filters {
  const filters: Filters = {};
  for (const [key, name] of Object.entries(FILTER_PARAMS)) {
    const value = params.get(name)?.trim();
    if (value) filters[key as keyof Filters] = value;
  }
  return filters;
}

/** A run stops being polled once the worker has finished it. */
const FINISHED = new Set(['done', 'failed']);

/** The newest verification run, or null before the first one. */
async function latestVerification(): Promise<AuditVerificationRunDto | null> {
  try {
    return await ok(getLatestAuditVerification());
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * The chain's verification and its last seal (for those who may verify it). Walking a large trail takes
 * close to a minute: it runs as a job (issue 16), requested here and polled until the worker is done;
 * its kept result is what the screen shows, with its date.
 */
function ChainStatus() {
  const queryClient = useQueryClient();
  const verification = useQuery({
    queryKey: ['audit-verification', 'latest'],
    queryFn: latestVerification,
    refetchInterval: (query) => (query.state.data && !FINISHED.has(query.state.data.status) ? 1000 : false),
  });
  const request = useMutation({
    mutationFn: () => ok(requestAuditVerification()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit-verification'] }),
  });
  const seals = useQuery({
    queryKey: ['audit-seals', 'last'],
    queryFn: () => ok(listSeals({ query: { limit: 1, offset: 0 } })),
  });
  const last = seals.data?.items[0];
  const sealLine = last
    ? `Dernier scellement : ${formatDateTime(last.sealedAt)}, jusqu’à l’événement n° ${last.lastEventId}.`
    : seals.isSuccess
      ? 'Le journal n’a encore jamais été scellé.'
      : '';
  const run = verification.data;
  const pending = run !== undefined && run !== null && !FINISHED.has(run.status);
  return (
    <div className="fr-mb-3w" aria-live="polite">
      {verification.isError && <ErrorAlert error={verification.error} className="fr-mb-2w" />}
      {request.isError && <ErrorAlert error={request.error} className="fr-mb-2w" />}
      {run === null && <p>La chaîne du journal n’a pas encore été vérifiée. {sealLine}</p>}
      {run && (
        <p>
          Vérification demandée le {formatDateTime(run.requestedAt)} :{' '}
          {labelOf(AUDIT_VERIFICATION_STATUS_LABELS, run.status)}
          {run.finishedAt ? `, le ${formatDateTime(run.finishedAt)}` : ''}.
        </p>
      )}
      {run?.status === 'done' && <VerificationResult run={run} sealLine={sealLine} />}
      {run?.status === 'failed' && (
        <Alert severity="warning" small description="La vérification de la chaîne du journal a échoué." />
      )}
      <Button
        priority="secondary"
        className="fr-mt-2w"
        onClick={() => request.mutate()}
        disabled={request.isPending || pending || verification.isPending}
      >
        Vérifier la chaîne du journal
      </Button>
    </div>
  );
}

/** What a finished run found. */
function VerificationResult({ run, sealLine }: { run: AuditVerificationRunDto; sealLine: string }) {
  return run.ok ? (
    <Alert
      severity="success"
      title="Chaîne du journal intègre"
      description={`${run.checked} événements vérifiés, ${run.sealsChecked} scellements contrôlés. ${sealLine}`}
    />
  ) : (
    <Alert
      severity="error"
      title="Chaîne du journal rompue"
      description={`${run.firstBrokenId === null ? '' : `Premier événement altéré : n° ${run.firstBrokenId}. `}${(
        run.brokenSeals ?? []
      )
        .map((s) => s.message)
        .join(' ')} ${sealLine}`}
    />
  );
}

/** The audit trail, searched by what a person knows: a title, a name, dates, an action. */
export function AuditTrailPage() {
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const filters = filtersOf(params);

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const name of ['recherche', 'auteur', 'action', 'du', 'au']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) next[name] = value;
    }
    setParams(next);
  }

  const csv = new URLSearchParams(Object.entries(filters) as [string, string][]).toString();
  return (
    <>
      <h1>Journal d’audit</h1>
      {user?.capabilities.verifyAuditTrail && <ChainStatus />}
      <form onSubmit={search} className="fr-mb-3w" key={params.toString()} aria-label="Rechercher dans le journal">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Titre ou nom de l’objet"
              hintText="Par exemple le titre d’un projet : ses subventions et versements viennent avec"
              nativeInputProps={{ name: 'recherche', defaultValue: filters.q ?? '' }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <Input
              label="Auteur"
              hintText="Nom ou adresse électronique"
              nativeInputProps={{ name: 'auteur', defaultValue: filters.actor ?? '' }}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Select label="Action" nativeSelectProps={{ name: 'action', defaultValue: filters.action ?? '' }}>
              <option value="">Toutes les actions</option>
              <Options choices={AUDIT_ACTION_LABELS} />
            </Select>
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Du" nativeInputProps={{ name: 'du', type: 'date', defaultValue: filters.from ?? '' }} />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Input label="Au" nativeInputProps={{ name: 'au', type: 'date', defaultValue: filters.to ?? '' }} />
          </div>
        </div>
        <Button type="submit">Rechercher</Button>
      </form>
      <p>
        <a
          className="fr-link fr-icon-download-line fr-link--icon-left"
          href={`/api/audit-events/export.csv${csv ? `?${csv}` : ''}`}
          download
        >
          Exporter ces événements (CSV)
        </a>
      </p>
      <PaginatedTable
        caption={
          filters.entityType && filters.entityId
            ? `Journal : ${labelOf(AUDIT_ENTITY_LABELS, filters.entityType)}`
            : 'Événements, du plus récent au plus ancien'
        }
        queryKey={['audit-events', filters]}
        fetchPage={(page) => ok(listAuditEvents({ query: { ...filters, ...page } }))}
        columns={COLUMNS}
        rowKey={(e) => String(e.id)}
        empty="Aucun événement ne correspond à cette recherche : élargissez les dates ou retirez un critère."
      />
    </>
  );
}
