import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listOutbox, ok, retryOutboxMessage, type OutboxMessageDto } from '../../api/client';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Options } from '../../components/Options';
import { PaginatedTable } from '../../components/PaginatedTable';
import { formatDateTime } from '../../format';
import { MAIL_KIND_LABELS, MAIL_STATUS_LABELS, type MailKind, type MailStatus } from '@app/vocabulary';

const SEVERITY: Record<MailStatus, 'success' | 'error' | 'info' | 'warning'> = {
  sent: 'success',
  failed: 'error',
  pending: 'info',
  skipped: 'warning',
};

function RetryButton({ message }: { message: OutboxMessageDto }) {
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => ok(retryOutboxMessage({ path: { id: message.id } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['outbox'] }),
  });
  if (message.status !== 'failed') return null;
  return (
    <>
      <Button size="small" priority="secondary" disabled={retry.isPending} onClick={() => retry.mutate()}>
        Relancer
      </Button>
      {retry.isError && <ErrorAlert error={retry.error} />}
    </>
  );
}

/** The e-mails the application wrote, for the admin: who, what, where each one is, and why one failed. */
export function OutboxPage() {
  const [filter, setFilter] = useState<{ status?: MailStatus; kind?: MailKind; recipient?: string }>({});
  const smtp = useQuery({
    queryKey: ['outbox', 'smtp'],
    queryFn: () => ok(listOutbox({ query: { limit: 1 } })),
  });
  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const status = String(form.get('status') ?? '') as MailStatus | '';
    const kind = String(form.get('kind') ?? '') as MailKind | '';
    const recipient = String(form.get('recipient') ?? '').trim();
    setFilter({ ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(recipient ? { recipient } : {}) });
  }
  return (
    <>
      <h1>Courriels envoyés</h1>
      {smtp.data && !smtp.data.smtpConfigured && (
        <Alert
          severity="warning"
          title="Aucun serveur d’envoi configuré"
          description="SMTP_URL n’est pas renseigné : les courriels restent « À envoyer » et partiront dès qu’il le sera."
          className="fr-mb-4w"
        />
      )}
      <p>
        Les courriels partent au moins une fois ; un envoi refusé est retenté plusieurs fois, de plus en plus espacé,
        puis passe « Échec » avec le motif. Un membre sans adresse apparaît « Non envoyé ».
      </p>
      <form onSubmit={search} aria-label="Filtrer les courriels" className="fr-grid-row fr-grid-row--gutters">
        <Select className="fr-col-12 fr-col-md-3" label="Statut" nativeSelectProps={{ name: 'status' }}>
          <option value="">Tous</option>
          <Options choices={MAIL_STATUS_LABELS} />
        </Select>
        <Select className="fr-col-12 fr-col-md-3" label="Nature" nativeSelectProps={{ name: 'kind' }}>
          <option value="">Tous</option>
          <Options choices={MAIL_KIND_LABELS} />
        </Select>
        <Input
          className="fr-col-12 fr-col-md-4"
          label="Destinataire"
          nativeInputProps={{ name: 'recipient', type: 'search' }}
        />
        <div className="fr-col-12 fr-col-md-2 fr-mt-md-4w">
          <Button type="submit" priority="secondary">
            Filtrer
          </Button>
        </div>
      </form>
      <PaginatedTable
        caption="Courriels"
        queryKey={['outbox', filter]}
        fetchPage={(page) => ok(listOutbox({ query: { ...page, ...filter } }))}
        rowKey={(m) => m.id}
        empty="Aucun courriel ne correspond."
        columns={[
          { header: 'Écrit le', cell: (m) => formatDateTime(m.createdAt) },
          {
            header: 'Destinataire',
            cell: (m) => `${m.recipientName}${m.recipientEmail ? ` <${m.recipientEmail}>` : ''}`,
          },
          { header: 'Nature', cell: (m) => MAIL_KIND_LABELS[m.kind] },
          { header: 'Objet', cell: (m) => m.subject },
          {
            header: 'Statut',
            cell: (m) => (
              <Badge as="span" severity={SEVERITY[m.status]}>
                {MAIL_STATUS_LABELS[m.status]}
              </Badge>
            ),
          },
          { header: 'Essais', cell: (m) => m.attempts },
          { header: 'Dernière erreur', cell: (m) => m.lastError ?? '—' },
          { header: 'Action', cell: (m) => <RetryButton message={m} /> },
        ]}
      />
    </>
  );
}
