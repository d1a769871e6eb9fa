import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { grantProject, ok, type ProjectDetailDto } from '../../api/client';
import { useCallFunding } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatEuros, parseEuros } from '../../format';

const grantModal = createModal({ id: 'grant-modal', isOpenedByDefault: false });

/** What remains of the call's envelope and of the axis's, shown before the delegate commits. */
function Remaining({ project }: { project: ProjectDetailDto }) {
  const funding = useCallFunding(project.callId);
  if (funding.isError) return <ErrorAlert error={funding.error} />;
  if (!funding.data) return <p role="status">Chargement de l’enveloppe…</p>;
  const axis = funding.data.byAxis.find((a) => a.code === project.axisCode);
  return (
    <ul>
      <li>
        Reste de l’enveloppe de l’appel : <strong>{formatEuros(funding.data.remainingCents)}</strong> (sur{' '}
        {formatEuros(funding.data.envelopeCents)})
      </li>
      {axis?.remainingCents != null && (
        <li>
          Reste de l’enveloppe de l’axe {axis.code} : <strong>{formatEuros(axis.remainingCents)}</strong>
        </li>
      )}
      <li>Montant demandé par le porteur : {formatEuros(project.requestedCents)}</li>
    </ul>
  );
}

/** The grant decision of a selected project: the delegate sees the remaining envelope, types the amount, confirms. */
export function GrantDialog({ project }: { project: ProjectDetailDto }) {
  const queryClient = useQueryClient();
  const [invalid, setInvalid] = useState(false);
  const grant = useMutation({
    mutationFn: (amountCents: number) => ok(grantProject({ path: { id: project.id }, body: { amountCents } })),
    onSuccess: () => {
      grantModal.close();
      return queryClient
        .invalidateQueries({ queryKey: ['calls'] })
        .then(() => queryClient.invalidateQueries({ queryKey: ['projects'] }));
    },
  });

  function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const cents = parseEuros(String(new FormData(event.currentTarget).get('amount') ?? ''));
    setInvalid(cents === null || cents === 0);
    if (cents) grant.mutate(cents);
  }

  return (
    <section aria-labelledby="grant-title" className="fr-mb-4w">
      <h2 id="grant-title" className="fr-h4">
        Subvention
      </h2>
      {project.grant ? (
        <Alert
          className="fr-mb-2w"
          severity="success"
          title="Subvention attribuée"
          description={`${formatEuros(project.grant.amountCents)} engagés sur l’enveloppe de l’appel.`}
        />
      ) : (
        <Button nativeButtonProps={grantModal.buttonProps}>Attribuer une subvention</Button>
      )}
      <grantModal.Component title="Attribuer une subvention">
        <p>
          Projet : <strong>{project.title}</strong>
        </p>
        <Remaining project={project} />
        <form onSubmit={confirm}>
          <Input
            label="Montant de la subvention (en euros)"
            hintText="Par exemple : 45 000"
            state={invalid ? 'error' : 'default'}
            stateRelatedMessage="Saisissez un montant en euros, par exemple 45 000 ou 45 000,50."
            nativeInputProps={{ name: 'amount', inputMode: 'decimal', required: true }}
          />
          {grant.isError && <ErrorAlert error={grant.error} />}
          <Button type="submit" disabled={grant.isPending}>
            Confirmer l’attribution
          </Button>
        </form>
      </grantModal.Component>
    </section>
  );
}
