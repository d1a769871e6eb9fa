import { type FormEvent } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { ok, setGrantAgreement, type GrantDto, type SetGrantAgreementDto } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../format';
import { useGrantChange } from './grant-change';

/** An empty field clears the reference (null), as the API takes it. */
const orNull = (value: FormDataEntryValue | null) => (String(value ?? '').trim() === '' ? null : String(value).trim());

/** The EJ, the convention's number and its signing day: shown to every reader, editable by the regional team. */
export function AgreementForm({ grant }: { grant: GrantDto }) {
  const save = useGrantChange((body: SetGrantAgreementDto) => ok(setGrantAgreement({ path: { id: grant.id }, body })));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      version: grant.version,
      legalCommitmentNumber: orNull(form.get('legalCommitmentNumber')),
      conventionNumber: orNull(form.get('conventionNumber'))?.toUpperCase() ?? null,
      agreementSignedOn: orNull(form.get('agreementSignedOn')),
    });
  }
  return (
    <section aria-labelledby="agreement-title" className="fr-mb-6w">
      <h2 id="agreement-title">Engagement juridique et convention</h2>
      {grant.canEditAgreement ? (
        // Keyed by version: once saved, the fields show what the API now holds.
        <form key={grant.version} onSubmit={submit}>
          <div className="fr-grid-row fr-grid-row--gutters">
            <Input
              className="fr-col-12 fr-col-md-4"
              label="Numéro d’engagement juridique (EJ)"
              hintText="Dix chiffres, tel que saisi dans Chorus"
              nativeInputProps={{
                name: 'legalCommitmentNumber',
                defaultValue: grant.legalCommitmentNumber ?? '',
                inputMode: 'numeric',
                pattern: '[0-9]{10}',
              }}
            />
            <Input
              className="fr-col-12 fr-col-md-4"
              label="Numéro de convention"
              hintText="Par exemple : ARS-OC-2026-031"
              nativeInputProps={{
                name: 'conventionNumber',
                defaultValue: grant.conventionNumber ?? '',
                maxLength: 40,
              }}
            />
            <Input
              className="fr-col-12 fr-col-md-4"
              label="Convention signée le"
              nativeInputProps={{
                name: 'agreementSignedOn',
                type: 'date',
                defaultValue: grant.agreementSignedOn ?? '',
              }}
            />
          </div>
          {save.isError && <ErrorAlert error={save.error} />}
          {save.isSuccess && (
            <p role="status" className="fr-message fr-message--valid">
              Références enregistrées.
            </p>
          )}
          <Button type="submit" priority="secondary" disabled={save.isPending}>
            Enregistrer les références
          </Button>
        </form>
      ) : (
        <dl>
          <dt>Numéro d’engagement juridique (EJ)</dt>
          <dd>{grant.legalCommitmentNumber ?? 'Non renseigné'}</dd>
          <dt>Numéro de convention</dt>
          <dd>{grant.conventionNumber ?? 'Non renseigné'}</dd>
          <dt>Convention signée le</dt>
          <dd>{grant.agreementSignedOn ? formatDate(grant.agreementSignedOn) : 'Non signée'}</dd>
        </dl>
      )}
    </section>
  );
}
