import { RowsEditor, type RowField } from '../../components/RowsEditor';
import type { BudgetRow } from './application-form';

const FIELDS: RowField<BudgetRow>[] = [
  { key: 'label', label: (n) => `Intitulé de la ligne ${n}`, className: 'fr-col-12 fr-col-md-6' },
  {
    key: 'amount',
    label: (n) => `Montant de la ligne ${n} (en euros)`,
    className: 'fr-col-8 fr-col-md-4',
    inputMode: 'decimal',
  },
];

/** The application's budget, a line per row: rows are added and removed, empty rows are left out. */
export function BudgetLinesEditor({ rows, onChange }: { rows: BudgetRow[]; onChange: (rows: BudgetRow[]) => void }) {
  return (
    <RowsEditor
      legend="Budget prévisionnel"
      addLabel="Ajouter une ligne de budget"
      removeLabel={(n) => `Retirer la ligne ${n}`}
      empty="Aucune ligne de budget."
      rows={rows}
      fields={FIELDS}
      blank={{ label: '', amount: '' }}
      onChange={onChange}
    />
  );
}
