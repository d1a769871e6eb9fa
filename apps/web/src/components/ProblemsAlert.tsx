import { Alert } from '@codegouvfr/react-dsfr/Alert';

/** What a form found to correct before sending anything, one sentence a line; nothing when all is well. */
export function ProblemsAlert({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <Alert
      className="fr-mb-3w"
      severity="error"
      title="Certaines informations sont à corriger"
      description={
        <ul>
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      }
    />
  );
}
