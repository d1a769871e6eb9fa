import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { type FieldLabels, toFrench } from '../api/errors';

/** Any error, shown in plain French (the details list the offending fields of a 400, by `labels` when given). */
export function ErrorAlert({ error, className, labels }: { error: unknown; className?: string; labels?: FieldLabels }) {
  const { title, details } = toFrench(error, labels);
  return (
    <Alert
      className={className ?? 'fr-mb-3w'}
      severity="error"
      title={title}
      description={
        details.length === 1 ? (
          details[0]
        ) : (
          <ul>
            {details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )
      }
    />
  );
}
