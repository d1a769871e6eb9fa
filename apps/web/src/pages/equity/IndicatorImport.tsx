import { type FormEvent, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { importIndicatorValues, ok, type TerritorialIndicatorDto } from '../../api/client';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FiguresTable } from '../../components/FiguresTable';
import { QueryState } from '../../components/QueryState';
import { formatCount, formatDateTime } from '../../format';
import { useIndicatorImports } from './equity-queries';
import { CsvFileInput } from '../../components/CsvFileInput';

/** The bad lines of a refused file, as the API names them (`ligne N : …`), or none when it refused otherwise. */
function badLines(error: unknown): string[] {
  const lines = error instanceof ApiError && error.status === 400 ? error.body?.details?.lines : undefined;
  return Array.isArray(lines) ? lines.filter((l): l is string => typeof l === 'string') : [];
}

function ImportError({ error }: { error: unknown }) {
  const lines = badLines(error);
  if (lines.length === 0) return <ErrorAlert className="fr-mt-3w" error={error} />;
  return (
    <Alert
      className="fr-mt-3w"
      severity="error"
      title="Le fichier n’a pas été importé : corrigez ces lignes"
      description={
        <>
          <span>Une seule ligne fautive fait refuser tout le fichier ; les valeurs précédentes restent en place.</span>
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      }
    />
  );
}

/** Who loaded the indicator's files, when, which file (its SHA-256) and how many values: newest first. */
function ImportHistory({ code }: { code: string }) {
  const imports = useIndicatorImports(code);
  return (
    <QueryState query={imports}>
      {(page) =>
        page.items.length === 0 ? (
          <p>Aucun fichier n’a encore été importé pour cet indicateur.</p>
        ) : (
          <FiguresTable
            caption="Historique des imports de l’indicateur, du plus récent au plus ancien"
            headers={['Date', 'Par', 'Valeurs', 'Empreinte SHA-256 du fichier']}
            rows={page.items.map((i) => [
              formatDateTime(i.importedAt),
              // No account: the demo command or a job imported it; an account gone keeps its id.
              i.importedByName ?? (i.importedBy ? 'compte supprimé' : 'système'),
              String(i.rowCount),
              i.fileSha256,
            ])}
          />
        )
      }
    </QueryState>
  );
}

/**
 * Loading an indicator's values from a CSV file (`code;valeur`): the file replaces all its values at
 * once, or nothing when one line is wrong, every bad line then named. Then its import history.
 */
export function IndicatorImport({ indicators }: { indicators: TerritorialIndicatorDto[] }) {
  const importable = indicators.filter((i) => i.canImport);
  const [chosen, setChosen] = useState<string>();
  const code = chosen ?? importable[0]?.code;
  const [file, setFile] = useState<File>();
  const queryClient = useQueryClient();
  const upload = useMutation({
    // The body is the file's text as is: the API reads the BOM, the separator and the decimal comma.
    mutationFn: async (csv: File) => ok(importIndicatorValues({ path: { code: code! }, body: await csv.text() })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['indicators'] }),
        queryClient.invalidateQueries({ queryKey: ['equity'] }),
      ]),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file && code) upload.mutate(file);
  }
  if (!code) return null;
  return (
    <section aria-labelledby="import-title" className="fr-mb-6w">
      <h2 id="import-title">Importer les valeurs d’un indicateur</h2>
      <p>
        Un fichier CSV en UTF-8, avec l’en-tête <code>code;valeur</code> (ou <code>CODGEO</code> comme à l’INSEE), une
        ligne par territoire : code INSEE du département ou de la commune, SIREN de l’EPCI. Séparateur « ; » ou « , »,
        virgule ou point décimal. Le fichier remplace toutes les valeurs de l’indicateur.
      </p>
      <form onSubmit={submit}>
        <Select
          label="Indicateur"
          nativeSelectProps={{
            value: code,
            onChange: (e) => {
              setChosen(e.target.value);
              upload.reset();
            },
          }}
        >
          {importable.map((i) => (
            <option key={i.code} value={i.code}>
              {i.label} ({i.code})
            </option>
          ))}
        </Select>
        <CsvFileInput
          label="Fichier CSV des valeurs"
          hint="Un fichier .csv : code;valeur"
          onFile={(chosen) => {
            setFile(chosen);
            upload.reset();
          }}
        />
        {upload.isError && <ImportError error={upload.error} />}
        {upload.data && (
          <Alert
            className="fr-mt-3w"
            severity="success"
            small
            description={`${formatCount(upload.data.imported, 'valeur importée', 'valeurs importées')} : elles remplacent les précédentes.`}
          />
        )}
        <Button className="fr-mt-3w" type="submit" disabled={!file || upload.isPending}>
          Importer le fichier
        </Button>
      </form>
      <h3 className="fr-h6 fr-mt-4w">Historique des imports</h3>
      <ImportHistory code={code} />
    </section>
  );
}
