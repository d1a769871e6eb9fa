import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ok, importActionsCsv, type ImportResultDto, type ImportRowResultDto } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatCount } from '../../format';
import { useMyDepartment } from '../referent/MyDepartmentPage';
import { ACTION_STATUS_LABELS } from '@app/vocabulary';
import { CsvFileInput } from '../../components/CsvFileInput';

/** What is wrong with a line that cannot be read, by the column at fault. */
const COLUMN_REASONS: Record<NonNullable<ImportRowResultDto['column']>, string> = {
  id: 'Colonne « id » : identifiant d’action absent ou invalide.',
  version: 'Colonne « version » : un nombre entier, celui de l’export.',
  statut: `Colonne « statut » : l’un de ${Object.values(ACTION_STATUS_LABELS).join(', ')}.`,
  avancement: 'Colonne « avancement » : un pourcentage entier de 0 à 100.',
};

/** Why an action refused the update of a line, by the error's code. */
const CODE_REASONS: Partial<Record<string, string>> = {
  'action.stale_version':
    'L’action a été modifiée depuis l’export : exportez-la à nouveau, puis refaites la modification.',
  'action.not_found': 'Aucune action n’a cet identifiant.',
  'access.forbidden': 'Cette action ne relève pas de vos départements.',
};

/** A refused line's reason in French; the API's own words for a case not foreseen here. */
function reasonOf(row: ImportRowResultDto): string {
  if (row.column) return COLUMN_REASONS[row.column];
  return (row.code && CODE_REASONS[row.code]) || row.error || '—';
}

/** The export of one's actions, to edit and send back: a referent's department, the whole region for the mission. */
function TemplateLink() {
  const { code } = useMyDepartment();
  return (
    <a
      className="fr-link fr-icon-download-line fr-link--icon-left"
      href={`/api/actions/export.csv${code ? `?departmentCode=${code}` : ''}`}
      download
    >
      Télécharger les actions à mettre à jour (CSV)
    </a>
  );
}

/** Line by line, what the import did: applied, or refused and why (a refused line wrote nothing). */
function ImportResult({ result }: { result: ImportResultDto }) {
  return (
    <section aria-labelledby="import-result-title" className="fr-mt-4w">
      <h2 id="import-result-title">Résultat de l’import</h2>
      <Alert
        className="fr-mb-3w"
        severity={result.rejected > 0 ? 'warning' : 'success'}
        small
        description={`${formatCount(result.applied, 'ligne appliquée', 'lignes appliquées')}, ${formatCount(result.rejected, 'ligne refusée', 'lignes refusées')} : une ligne refusée n’a rien modifié.`}
      />
      <div className="fr-table">
        <table>
          <caption>Résultat ligne par ligne</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Action</th>
              <th scope="col">Résultat</th>
              <th scope="col">Motif du refus</th>
            </tr>
          </thead>
          <tbody>
            {result.results.map((r) => (
              <tr key={r.line}>
                <th scope="row">{r.line}</th>
                <td>
                  {r.actionId ? (
                    <Link to={`/actions/${r.actionId}`} aria-label={`Voir l’action de la ligne ${r.line}`}>
                      Voir l’action
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{r.ok ? `Appliquée (version ${r.version})` : 'Refusée'}</td>
                <td>{r.ok ? '—' : reasonOf(r)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The actions' updates in bulk: the CSV export, edited (statut, avancement, commentaire), sent back.
 * Each line is applied on its own, at the version it was exported with.
 */
export function ActionsImportPage() {
  const [file, setFile] = useState<File>();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: async (csv: File) => ok(importActionsCsv({ body: { csv: await csv.text() } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['actions'] }),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file) upload.mutate(file);
  }
  return (
    <>
      <h1>Import des mises à jour d’actions</h1>
      <p>
        Le fichier attendu est l’export des actions (CSV séparé par des points-virgules, en UTF-8), modifié dans un
        tableur : colonnes <code>id</code>, <code>version</code>, <code>axe</code>, <code>titre</code>,{' '}
        <code>pilote</code>, <code>departements</code>, <code>statut</code>, <code>avancement</code>,{' '}
        <code>commentaire</code>. Seuls l’état (<code>statut</code>), l’avancement en % et le commentaire sont lus ; ne
        changez ni <code>id</code> ni <code>version</code> : une action modifiée entre-temps est refusée.
      </p>
      <p>
        <TemplateLink />
      </p>
      <form onSubmit={submit}>
        <CsvFileInput
          label="Fichier CSV des actions"
          hint="Au format de l’export, un fichier .csv"
          onFile={(chosen) => {
            setFile(chosen);
            upload.reset();
          }}
        />
        {upload.isError && <ErrorAlert className="fr-mt-3w" error={upload.error} />}
        <Button className="fr-mt-3w" type="submit" disabled={!file || upload.isPending}>
          Importer le fichier
        </Button>
      </form>
      {upload.data && <ImportResult result={upload.data} />}
    </>
  );
}
