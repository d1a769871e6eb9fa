import { Upload } from '@codegouvfr/react-dsfr/Upload';

interface Props {
  label: string;
  hint: string;
  /** The file chosen (undefined when the choice is cleared); an import screen also forgets its last result. */
  onFile: (file: File | undefined) => void;
}

/** The one file input of the CSV imports (indicator values, action updates). */
export function CsvFileInput({ label, hint, onFile }: Props) {
  return (
    <Upload
      label={label}
      hint={hint}
      nativeInputProps={{
        name: 'csv',
        accept: '.csv,text/csv',
        required: true,
        onChange: (e) => onFile(e.target.files?.[0]),
      }}
    />
  );
}
