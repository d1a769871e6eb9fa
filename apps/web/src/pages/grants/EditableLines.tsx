import type { ReactNode } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props<T> {
  rows: T[];
  /** What one line is called, numbered from 1 ("la tranche 2"): its fieldset and its remove button. */
  lineName: (n: number) => string;
  /** The fields of line `i` (the grid's columns, the last one holding the remove button). */
  fields: (row: T, i: number) => ReactNode;
  onChange: (rows: T[]) => void;
  blank: T;
  addLabel: string;
  saveLabel: string;
  savedText: string;
  /** The saving mutation, for its state. */
  save: { isPending: boolean; isError: boolean; isSuccess: boolean; error: unknown };
}

/** A list edited as a whole (the schedule, the reports owed): a fieldset per line, add, remove, save once. */
export function EditableLines<T>({
  rows,
  lineName,
  fields,
  onChange,
  blank,
  addLabel,
  saveLabel,
  savedText,
  save,
}: Props<T>) {
  return (
    <>
      {rows.map((row, i) => (
        <fieldset key={i} className="fr-fieldset" aria-label={lineName(i + 1)}>
          <div className="fr-fieldset__element fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
            {fields(row, i)}
            <div className="fr-col-12 fr-col-md-2 fr-mb-3w">
              <Button
                type="button"
                priority="tertiary"
                size="small"
                onClick={() => onChange(rows.filter((_, j) => j !== i))}
                nativeButtonProps={{ 'aria-label': `Retirer ${lineName(i + 1)}` }}
              >
                Retirer
              </Button>
            </div>
          </div>
        </fieldset>
      ))}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="button" priority="secondary" onClick={() => onChange([...rows, blank])}>
            {addLabel}
          </Button>
        </li>
        <li>
          <Button type="submit" disabled={save.isPending}>
            {saveLabel}
          </Button>
        </li>
      </ul>
      {save.isError && <ErrorAlert error={save.error} />}
      {save.isSuccess && (
        <p role="status" className="fr-message fr-message--valid">
          {savedText}
        </p>
      )}
    </>
  );
}
