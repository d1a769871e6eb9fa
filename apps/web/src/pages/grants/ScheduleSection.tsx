import { useState, type FormEvent } from 'react';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { setGrantSchedule, ok, type GrantFollowUpDto, type TrancheDto, type TrancheInputDto } from '../../api/client';
import { eurosInput, formatDate, formatEuros, parseEuros } from '../../format';
import { TRANCHE_STATE_LABELS } from '@app/vocabulary';
import { EditableLines } from './EditableLines';
import { useGrantChange } from './grant-change';

const STATE_SEVERITY = { paid: 'success', overdue: 'warning', upcoming: 'info' } as const;

interface TrancheRow {
  id?: string;
  label: string;
  dueOn: string;
  amount: string;
  condition: string;
}

const toRow = (t: TrancheDto): TrancheRow => ({
  id: t.id,
  label: t.label,
  dueOn: t.dueOn,
  amount: eurosInput(t.amountCents),
  condition: t.condition ?? '',
});

/** The rows as the API takes them, or the number (from 1) of the first row whose amount is not one. */
function toInput(rows: TrancheRow[]): TrancheInputDto[] | number {
  const tranches: TrancheInputDto[] = [];
  for (const [i, row] of rows.entries()) {
    const amountCents = parseEuros(row.amount);
    if (!amountCents) return i + 1;
    tranches.push({
      ...(row.id ? { id: row.id } : {}),
      label: row.label.trim(),
      dueOn: row.dueOn,
      amountCents,
      ...(row.condition.trim() ? { condition: row.condition.trim() } : {}),
    });
  }
  return tranches;
}

/** The plan edited line by line: a kept line keeps its tranche (and the payments that settle it). */
function ScheduleEditor({ followUp }: { followUp: GrantFollowUpDto }) {
  const [rows, setRows] = useState(() => followUp.schedule.map(toRow));
  const [badRow, setBadRow] = useState<number | null>(null);
  const save = useGrantChange(
    (tranches: TrancheInputDto[]) => ok(setGrantSchedule({ path: { id: followUp.grantId }, body: { tranches } })),
    (saved) => setRows(saved.schedule.map(toRow)),
  );
  const edit = (i: number, patch: Partial<TrancheRow>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const tranches = toInput(rows);
    setBadRow(typeof tranches === 'number' ? tranches : null);
    if (typeof tranches !== 'number') save.mutate(tranches);
  }
  return (
    <form onSubmit={submit} aria-labelledby="schedule-edit-title">
      <h3 id="schedule-edit-title" className="fr-h6">
        Modifier l’échéancier
      </h3>
      <EditableLines
        rows={rows}
        onChange={setRows}
        lineName={(n) => `la tranche ${n}`}
        blank={{ label: '', dueOn: '', amount: '', condition: '' }}
        addLabel="Ajouter une tranche"
        saveLabel="Enregistrer l’échéancier"
        savedText="Échéancier enregistré."
        save={save}
        fields={(row, i) => (
          <>
            <Input
              className="fr-col-12 fr-col-md-3"
              label={`Intitulé de la tranche ${i + 1}`}
              nativeInputProps={{
                value: row.label,
                required: true,
                maxLength: 200,
                onChange: (e) => edit(i, { label: e.target.value }),
              }}
            />
            <Input
              className="fr-col-6 fr-col-md-2"
              label={`Échéance de la tranche ${i + 1}`}
              nativeInputProps={{
                type: 'date',
                value: row.dueOn,
                required: true,
                onChange: (e) => edit(i, { dueOn: e.target.value }),
              }}
            />
            <Input
              className="fr-col-6 fr-col-md-2"
              label={`Montant de la tranche ${i + 1} (en euros)`}
              state={badRow === i + 1 ? 'error' : 'default'}
              stateRelatedMessage="Saisissez un montant en euros, par exemple 20 000."
              nativeInputProps={{
                value: row.amount,
                inputMode: 'decimal',
                required: true,
                onChange: (e) => edit(i, { amount: e.target.value }),
              }}
            />
            <Input
              className="fr-col-12 fr-col-md-3"
              label={`Condition de la tranche ${i + 1} (facultatif)`}
              nativeInputProps={{
                value: row.condition,
                maxLength: 500,
                onChange: (e) => edit(i, { condition: e.target.value }),
              }}
            />
          </>
        )}
      />
    </form>
  );
}

/** The planned tranches against the payments; the regional team edits the plan (`canEdit`). */
export function ScheduleSection({ followUp }: { followUp: GrantFollowUpDto }) {
  return (
    <section aria-labelledby="schedule-title" className="fr-mb-6w">
      <h2 id="schedule-title">Échéancier des versements</h2>
      {followUp.schedule.length === 0 ? (
        <p>Aucune tranche prévue.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Tranches prévues</caption>
            <thead>
              <tr>
                <th scope="col">Tranche</th>
                <th scope="col">Échéance</th>
                <th scope="col">Montant</th>
                <th scope="col">Versé sur la tranche</th>
                <th scope="col">État</th>
                <th scope="col">Condition</th>
              </tr>
            </thead>
            <tbody>
              {followUp.schedule.map((t) => (
                <tr key={t.id}>
                  <td>{t.label}</td>
                  <td>{formatDate(t.dueOn)}</td>
                  <td>{formatEuros(t.amountCents)}</td>
                  <td>{formatEuros(t.paidCents)}</td>
                  <td>
                    <Badge as="span" small severity={STATE_SEVERITY[t.state]}>
                      {TRANCHE_STATE_LABELS[t.state]}
                    </Badge>
                  </td>
                  <td>{t.condition ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {followUp.canEdit && <ScheduleEditor followUp={followUp} />}
    </section>
  );
}
