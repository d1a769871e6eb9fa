import { type ReactNode, useDeferredValue, useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import {
  ok,
  searchCommunes,
  searchEpcis,
  type CommuneDto,
  type EpciDto,
  type TerritoryInputDto,
} from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../format';

/** A search of the reference data: a text field, and the first matches, each with its button to add it. */
function ReferenceSearch<T>({
  label,
  hint,
  queryKey,
  search,
  keyOf,
  describe,
  addLabel,
  onAdd,
}: {
  label: string;
  hint: string;
  queryKey: string;
  search: (q: string) => Promise<{ items: T[]; total: number }>;
  keyOf: (item: T) => string;
  describe: (item: T) => ReactNode;
  /** The add button's accessible name, which says what it adds. */
  addLabel: (item: T) => string;
  onAdd: (item: T) => void;
}) {
  const [text, setText] = useState('');
  // Searching as one types, without a request per key pressed while the answers keep up.
  const q = useDeferredValue(text.trim());
  const results = useQuery({ queryKey: [queryKey, q], queryFn: () => search(q), enabled: q.length >= 2 });
  const resultsId = useId();
  return (
    <div className="fr-mb-3w">
      <Input
        label={label}
        hintText={hint}
        nativeInputProps={{
          type: 'search',
          value: text,
          onChange: (e) => setText(e.target.value),
          // Enter in the search field must not send the whole contract form.
          onKeyDown: (e) => e.key === 'Enter' && e.preventDefault(),
          'aria-controls': resultsId,
        }}
      />
      <div id={resultsId} aria-live="polite">
        {results.isError && <ErrorAlert error={results.error} />}
        {results.data && results.data.items.length === 0 && <p>Aucun résultat pour « {q} ».</p>}
        {results.data && results.data.items.length > 0 && (
          <ul className="app-search-results">
            {results.data.items.map((item) => (
              <li key={keyOf(item)}>
                {describe(item)}{' '}
                <Button
                  type="button"
                  size="small"
                  priority="secondary"
                  nativeButtonProps={{ 'aria-label': addLabel(item) }}
                  onClick={() => onAdd(item)}
                >
                  Ajouter
                </Button>
              </li>
            ))}
            {results.data.total > results.data.items.length && (
              <li>… et {results.data.total - results.data.items.length} autres : précisez la recherche.</li>
            )}
          </ul>
        )}
      </div>
    </div>
  );
}

export interface ChosenTerritory {
  communes: TerritoryInputDto[];
  /** EPCIs whose member communes join the contract when it is saved. */
  epcis: EpciDto[];
}

/**
 * A contract's territory, chosen from the reference communes and EPCIs of its department by search
 * (never typed codes), each removable. An EPCI adds its member communes when the contract is saved.
 */
export function TerritoryPicker({
  departmentCode,
  value,
  onChange,
}: {
  departmentCode: string;
  value: ChosenTerritory;
  onChange: (next: ChosenTerritory) => void;
}) {
  const { communes, epcis } = value;
  const addCommune = (c: CommuneDto) =>
    communes.some((x) => x.inseeCode === c.inseeCode) ||
    onChange({ ...value, communes: [...communes, { inseeCode: c.inseeCode, name: c.name, population: c.population }] });
  const addEpci = (e: EpciDto) =>
    epcis.some((x) => x.siren === e.siren) || onChange({ ...value, epcis: [...epcis, e] });
  return (
    <fieldset className="fr-fieldset" aria-labelledby="territory-legend">
      <legend id="territory-legend" className="fr-fieldset__legend">
        Territoire du contrat
      </legend>
      <div className="fr-fieldset__element">
        <ReferenceSearch
          label="Rechercher une commune"
          hint="Nom (sans se soucier des accents) ou code INSEE"
          queryKey={`communes-${departmentCode}`}
          search={(q) => ok(searchCommunes({ query: { q, departmentCode, limit: 10 } }))}
          keyOf={(c) => c.inseeCode}
          describe={(c) => `${c.name} (${c.inseeCode}) — ${formatNumber(c.population)} habitants`}
          addLabel={(c) => `Ajouter la commune ${c.name} (${c.inseeCode})`}
          onAdd={addCommune}
        />
        <ReferenceSearch
          label="Rechercher un EPCI"
          hint="Nom ou SIREN : toutes ses communes rejoignent le contrat"
          queryKey={`epcis-${departmentCode}`}
          search={(q) => ok(searchEpcis({ query: { q, departmentCode, limit: 10 } }))}
          keyOf={(e) => e.siren}
          describe={(e) =>
            `${e.name} (SIREN ${e.siren}) — ${e.communes} communes, ${formatNumber(e.population)} habitants`
          }
          addLabel={(e) => `Ajouter l’EPCI ${e.name}`}
          onAdd={addEpci}
        />
      </div>
      <div className="fr-fieldset__element">
        {epcis.length > 0 && (
          <ChosenList
            caption="EPCI ajoutés (leurs communes rejoignent le contrat à l’enregistrement)"
            items={epcis}
            keyOf={(e) => e.siren}
            describe={(e) => `${e.name} — ${e.communes} communes`}
            removeLabel={(e) => `Retirer l’EPCI ${e.name}`}
            onRemove={(e) => onChange({ ...value, epcis: epcis.filter((x) => x.siren !== e.siren) })}
          />
        )}
        <ChosenList
          caption={`Communes du contrat (${communes.length})`}
          items={communes}
          keyOf={(c) => c.inseeCode}
          describe={(c) => `${c.name} (${c.inseeCode}) — ${formatNumber(c.population)} habitants`}
          removeLabel={(c) => `Retirer la commune ${c.name} (${c.inseeCode})`}
          onRemove={(c) => onChange({ ...value, communes: communes.filter((x) => x.inseeCode !== c.inseeCode) })}
          empty="Aucune commune choisie."
        />
      </div>
    </fieldset>
  );
}

/** What has been chosen, each with its button to remove it. */
function ChosenList<T>({
  caption,
  items,
  keyOf,
  describe,
  removeLabel,
  onRemove,
  empty,
}: {
  caption: string;
  items: T[];
  keyOf: (item: T) => string;
  describe: (item: T) => string;
  removeLabel: (item: T) => string;
  onRemove: (item: T) => void;
  empty?: string;
}) {
  return (
    <div className="fr-table fr-table--no-caption-sr fr-mb-2w">
      <table>
        <caption>{caption}</caption>
        <tbody>
          {items.length === 0 && empty && (
            <tr>
              <td colSpan={2}>{empty}</td>
            </tr>
          )}
          {items.map((item) => (
            <tr key={keyOf(item)}>
              <td>{describe(item)}</td>
              <td>
                <Button
                  type="button"
                  size="small"
                  priority="tertiary"
                  nativeButtonProps={{ 'aria-label': removeLabel(item) }}
                  onClick={() => onRemove(item)}
                >
                  Retirer
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
