import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { BudgetRow } from './application-form';

/** The application's budget, a line per row: rows are added and removed, empty rows are left out. */
export function BudgetLinesEditor({ rows, onChange }: { rows: BudgetRow[]; onChange: (rows: BudgetRow[]) => void }) {
  const edit = (i: number, patch: Partial<BudgetRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="fr-fieldset" aria-labelledby="budget-legend">
      <legend id="budget-legend" className="fr-fieldset__legend">
        Budget prévisionnel
      </legend>
      {rows.length === 0 && <p className="fr-fieldset__element">Aucune ligne de budget.</p>}
      {rows.map((row, i) => (
        <div key={i} className="fr-fieldset__element fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <Input
            className="fr-col-12 fr-col-md-6"
            label={`Intitulé de la ligne ${i + 1}`}
            nativeInputProps={{ value: row.label, maxLength: 300, onChange: (e) => edit(i, { label: e.target.value }) }}
          />
          <Input
            className="fr-col-8 fr-col-md-4"
            label={`Montant de la ligne ${i + 1} (en euros)`}
            nativeInputProps={{
              value: row.amount,
              inputMode: 'decimal',
              onChange: (e) => edit(i, { amount: e.target.value }),
            }}
          />
          <div className="fr-col-4 fr-col-md-2 fr-mb-3w">
            <Button
              type="button"
              priority="tertiary"
              size="small"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              nativeButtonProps={{ 'aria-label': `Retirer la ligne ${i + 1}` }}
            >
              Retirer
            </Button>
          </div>
        </div>
      ))}
      <div className="fr-fieldset__element">
        <Button
          type="button"
          priority="secondary"
          size="small"
          onClick={() => onChange([...rows, { label: '', amount: '' }])}
        >
          Ajouter une ligne de budget
        </Button>
      </div>
    </fieldset>
  );
}
