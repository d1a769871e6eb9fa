import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';

/** One text field of a row: its key in the row, its label for row `n` (from 1), its width on the grid. */
export interface RowField<R> {
  key: keyof R & string;
  label: (n: number) => string;
  hint?: string;
  className: string;
  inputMode?: 'decimal' | 'numeric';
}

interface Props<R extends Record<string, string>> {
  legend: string;
  /** The add button's words ("Ajouter un axe"). */
  addLabel: string;
  /** The remove button's accessible name for row `n` ("Retirer l’axe 2"). */
  removeLabel: (n: number) => string;
  /** Said when there is no row. */
  empty?: string;
  rows: R[];
  fields: RowField<R>[];
  blank: R;
  onChange: (rows: R[]) => void;
  children?: React.ReactNode;
}

/** A list of rows of text fields (a budget's lines, a call's axes and criteria): rows are added and removed. */
export function RowsEditor<R extends Record<string, string>>({
  legend,
  addLabel,
  removeLabel,
  empty,
  rows,
  fields,
  blank,
  onChange,
  children,
}: Props<R>) {
  const edit = (i: number, key: keyof R, value: string) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <fieldset className="fr-fieldset" aria-label={legend}>
      <legend className="fr-fieldset__legend">{legend}</legend>
      {children}
      {rows.length === 0 && empty && <p className="fr-fieldset__element">{empty}</p>}
      {rows.map((row, i) => (
        <div key={i} className="fr-fieldset__element fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          {fields.map((field) => (
            <Input
              key={field.key}
              className={field.className}
              label={field.label(i + 1)}
              hintText={field.hint}
              nativeInputProps={{
                value: row[field.key],
                inputMode: field.inputMode,
                onChange: (e) => edit(i, field.key, e.target.value),
              }}
            />
          ))}
          <div className="fr-col-4 fr-col-md-2 fr-mb-3w">
            <Button
              type="button"
              priority="tertiary"
              size="small"
              onClick={() => onChange(rows.filter((_, j) => j !== i))}
              nativeButtonProps={{ 'aria-label': removeLabel(i + 1) }}
            >
              Retirer
            </Button>
          </div>
        </div>
      ))}
      <div className="fr-fieldset__element">
        <Button type="button" priority="secondary" size="small" onClick={() => onChange([...rows, { ...blank }])}>
          {addLabel}
        </Button>
      </div>
    </fieldset>
  );
}
