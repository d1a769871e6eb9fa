import type { InputHTMLAttributes } from 'react';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { departmentLabel } from '../format';

interface Props {
  legend: string;
  hintText?: string;
  departments: readonly { code: string; name: string }[];
  /** Each box's own state (checked, onChange…), beside its name `departmentCodes` and value, the code. */
  inputProps?: (code: string) => InputHTMLAttributes<HTMLInputElement>;
}

/** Departments are ticked from the region's list, never typed: one box each, sent as `departmentCodes`. */
export function DepartmentCheckboxes({ legend, hintText, departments, inputProps }: Props) {
  return (
    <Checkbox
      legend={legend}
      hintText={hintText}
      orientation="horizontal"
      small
      options={departments.map((d) => ({
        label: departmentLabel(d),
        nativeInputProps: { name: 'departmentCodes', value: d.code, ...inputProps?.(d.code) },
      }))}
    />
  );
}
