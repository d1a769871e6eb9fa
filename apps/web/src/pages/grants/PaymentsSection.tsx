import { useState, type FormEvent } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  recordPayment,
  ok,
  setPaymentTranche,
  type CreatePaymentDto,
  type GrantDto,
  type PaymentDto,
  type TrancheDto,
} from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Options } from '../../components/Options';
import { eurosInput, formatDate, formatEuros, parseEuros } from '../../format';
import { PAYMENT_KIND_LABELS } from '@app/vocabulary';
import { parisDay } from '../commission/paris-time';
import { useGrantChange } from './grant-change';

const NO_TRANCHE = '';

/** A tranche as the selects name it: "Solde (échéance 30 juin 2026, 20 000 €)". */
const trancheChoices = (tranches: TrancheDto[]) => [
  [NO_TRANCHE, 'Aucune tranche'] as const,
  ...tranches.map(
    (t) => [t.id, `${t.label} (échéance ${formatDate(t.dueOn)}, ${formatEuros(t.amountCents)})`] as const,
  ),
];

/** Moves a recorded payment to another tranche (or to none). */
function TrancheChangeForm({ payment, tranches }: { payment: PaymentDto; tranches: TrancheDto[] }) {
  const change = useGrantChange((trancheId: string | null) =>
    ok(setPaymentTranche({ path: { id: payment.grantId, paymentId: payment.id }, body: { trancheId } })),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trancheId = String(new FormData(event.currentTarget).get('trancheId') ?? NO_TRANCHE);
    change.mutate(trancheId === NO_TRANCHE ? null : trancheId);
  }
  const what = `versement du ${formatDate(payment.paidOn)} (${formatEuros(payment.amountCents)})`;
  return (
    <form onSubmit={submit} aria-label={`Changer la tranche du ${what}`}>
      <Select
        label={`Tranche réglée par le ${what}`}
        nativeSelectProps={{ name: 'trancheId', defaultValue: payment.trancheId ?? NO_TRANCHE }}
      >
        <Options choices={trancheChoices(tranches)} />
      </Select>
      {change.isError && <ErrorAlert error={change.error} />}
      <Button type="submit" size="small" priority="tertiary" disabled={change.isPending}>
        Changer la tranche
      </Button>
    </form>
  );
}

/** Records a payment, on the tranche it settles (the first one not yet paid, unless changed). */
function PaymentForm({ grant, tranches }: { grant: GrantDto; tranches: TrancheDto[] }) {
  const [invalid, setInvalid] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const pay = useGrantChange(
    (body: CreatePaymentDto) => ok(recordPayment({ path: { id: grant.id }, body })),
    () => setFormKey((k) => k + 1),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amountCents = parseEuros(String(form.get('amount') ?? ''));
    setInvalid(!amountCents);
    const trancheId = String(form.get('trancheId') ?? NO_TRANCHE);
    if (amountCents)
      pay.mutate({
        amountCents,
        kind: form.get('kind') as CreatePaymentDto['kind'],
        paidOn: String(form.get('paidOn')),
        ...(trancheId === NO_TRANCHE ? {} : { trancheId }),
      });
  }
  const next = tranches.find((t) => t.state !== 'paid');
  return (
    <form key={formKey} onSubmit={submit} aria-labelledby="new-payment-title" className="fr-mt-4w">
      <h3 id="new-payment-title" className="fr-h6">
        Enregistrer un versement
      </h3>
      <p className="fr-text--sm">
        Reste à verser sur la subvention : {formatEuros(grant.amountCents - grant.paidCents)}
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <Select
          className="fr-col-12 fr-col-md-6"
          label="Tranche réglée"
          nativeSelectProps={{ name: 'trancheId', defaultValue: next?.id ?? NO_TRANCHE }}
        >
          <Options choices={trancheChoices(tranches)} />
        </Select>
        <Select className="fr-col-12 fr-col-md-6" label="Nature du versement" nativeSelectProps={{ name: 'kind' }}>
          <Options choices={PAYMENT_KIND_LABELS} />
        </Select>
        <Input
          className="fr-col-12 fr-col-md-6"
          label="Montant du versement (en euros)"
          state={invalid ? 'error' : 'default'}
          stateRelatedMessage="Saisissez un montant en euros, par exemple 20 000."
          nativeInputProps={{
            name: 'amount',
            inputMode: 'decimal',
            required: true,
            defaultValue: next ? eurosInput(next.amountCents - next.paidCents) : '',
          }}
        />
        <Input
          className="fr-col-12 fr-col-md-6"
          label="Versé le"
          nativeInputProps={{ name: 'paidOn', type: 'date', defaultValue: parisDay(), required: true }}
        />
      </div>
      {pay.isError && <ErrorAlert error={pay.error} />}
      {pay.isSuccess && (
        <p role="status" className="fr-message fr-message--valid">
          Versement enregistré.
        </p>
      )}
      <Button type="submit" disabled={pay.isPending}>
        Enregistrer le versement
      </Button>
    </form>
  );
}

/** What was paid, each payment with the tranche it settles; the team records payments and moves them. */
export function PaymentsSection({ grant, tranches }: { grant: GrantDto; tranches: TrancheDto[] }) {
  const trancheLabel = (id?: string | null) => tranches.find((t) => t.id === id)?.label ?? 'Aucune';
  return (
    <section aria-labelledby="payments-title" className="fr-mb-6w">
      <h2 id="payments-title">Versements</h2>
      {grant.payments.length === 0 ? (
        <p>Aucun versement pour l’instant.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Versements effectués</caption>
            <thead>
              <tr>
                <th scope="col">Versé le</th>
                <th scope="col">Nature</th>
                <th scope="col">Montant</th>
                <th scope="col">Tranche réglée</th>
                {grant.canChangePaymentTranche && <th scope="col">Changer de tranche</th>}
              </tr>
            </thead>
            <tbody>
              {grant.payments.map((p) => (
                <tr key={p.id}>
                  <td>{formatDate(p.paidOn)}</td>
                  <td>{PAYMENT_KIND_LABELS[p.kind]}</td>
                  <td>{formatEuros(p.amountCents)}</td>
                  <td>{trancheLabel(p.trancheId)}</td>
                  {grant.canChangePaymentTranche && (
                    <td>
                      <TrancheChangeForm key={`${p.id}:${p.trancheId}`} payment={p} tranches={tranches} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {grant.canAddPayment && <PaymentForm grant={grant} tranches={tranches} />}
    </section>
  );
}
