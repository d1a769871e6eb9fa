import { useState, type FormEvent } from 'react';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  setGrantReports,
  ok,
  type GrantFollowUpDto,
  type GrantReportDto,
  type GrantReportInputDto,
} from '../../api/client';
import { Options } from '../../components/Options';
import { formatDate } from '../../format';
import { GRANT_REPORT_KIND_LABELS } from '@app/vocabulary';
import { EditableLines } from './EditableLines';
import { useGrantChange } from './grant-change';

interface ReportRow {
  kind: GrantReportInputDto['kind'];
  dueOn: string;
  receivedOn: string;
}

const toRow = (r: GrantReportDto): ReportRow => ({ kind: r.kind, dueOn: r.dueOn, receivedOn: r.receivedOn ?? '' });

/** The reports owed, one line each: plan a report, or record the day one was received. */
function ReportsEditor({ followUp }: { followUp: GrantFollowUpDto }) {
  const [rows, setRows] = useState(() => followUp.reports.map(toRow));
  const save = useGrantChange(
    (reports: GrantReportInputDto[]) => ok(setGrantReports({ path: { id: followUp.grantId }, body: { reports } })),
    (saved) => setRows(saved.reports.map(toRow)),
  );
  const edit = (i: number, patch: Partial<ReportRow>) =>
    setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(
      rows.map((r) => ({ kind: r.kind, dueOn: r.dueOn, ...(r.receivedOn ? { receivedOn: r.receivedOn } : {}) })),
    );
  }
  return (
    <form onSubmit={submit} aria-labelledby="reports-edit-title">
      <h3 id="reports-edit-title" className="fr-h6">
        Planifier les comptes rendus et noter leur réception
      </h3>
      <EditableLines
        rows={rows}
        onChange={setRows}
        lineName={(n) => `le compte rendu ${n}`}
        blank={{ kind: 'progress', dueOn: '', receivedOn: '' }}
        addLabel="Ajouter un compte rendu attendu"
        saveLabel="Enregistrer les comptes rendus"
        savedText="Comptes rendus enregistrés."
        save={save}
        fields={(row, i) => (
          <>
            <Select
              className="fr-col-12 fr-col-md-4"
              label={`Nature du compte rendu ${i + 1}`}
              nativeSelectProps={{
                value: row.kind,
                onChange: (e) => edit(i, { kind: e.target.value as ReportRow['kind'] }),
              }}
            >
              <Options choices={GRANT_REPORT_KIND_LABELS} />
            </Select>
            <Input
              className="fr-col-6 fr-col-md-3"
              label={`Attendu le (compte rendu ${i + 1})`}
              nativeInputProps={{
                type: 'date',
                value: row.dueOn,
                required: true,
                onChange: (e) => edit(i, { dueOn: e.target.value }),
              }}
            />
            <Input
              className="fr-col-6 fr-col-md-3"
              label={`Reçu le (compte rendu ${i + 1})`}
              hintText="Vide tant qu’il n’est pas reçu"
              nativeInputProps={{
                type: 'date',
                value: row.receivedOn,
                onChange: (e) => edit(i, { receivedOn: e.target.value }),
              }}
            />
          </>
        )}
      />
    </form>
  );
}

/** The activity reports the holder owes: due, received, late; the regional team keeps them (`canEdit`). */
export function ReportsSection({ followUp }: { followUp: GrantFollowUpDto }) {
  return (
    <section aria-labelledby="reports-title" className="fr-mb-6w">
      <h2 id="reports-title">Comptes rendus d’activité</h2>
      {followUp.reports.length === 0 ? (
        <p>Aucun compte rendu attendu.</p>
      ) : (
        <div className="fr-table">
          <table>
            <caption>Comptes rendus attendus du porteur</caption>
            <thead>
              <tr>
                <th scope="col">Nature</th>
                <th scope="col">Attendu le</th>
                <th scope="col">Reçu le</th>
              </tr>
            </thead>
            <tbody>
              {followUp.reports.map((r) => (
                <tr key={r.id}>
                  <td>{GRANT_REPORT_KIND_LABELS[r.kind]}</td>
                  <td>{formatDate(r.dueOn)}</td>
                  <td>
                    {r.receivedOn ? (
                      formatDate(r.receivedOn)
                    ) : r.overdue ? (
                      <Badge as="span" small severity="warning">
                        En retard
                      </Badge>
                    ) : (
                      'Pas encore'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {followUp.canEdit && <ReportsEditor followUp={followUp} />}
    </section>
  );
}
