import { type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { createIndicator, ok, type CreateTerritorialIndicatorDto } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { INDICATOR_LEVELS, INDICATOR_LEVEL_LABELS, type IndicatorLevel } from '@app/vocabulary';

/** The form's names of the fields the API may refuse. */
const LABELS = {
  code: 'Code',
  label: 'Intitulé',
  unit: 'Unité',
  source: 'Source',
  year: 'Année des valeurs',
  level: 'Échelon',
};

function indicatorOf(form: FormData): CreateTerritorialIndicatorDto {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  return {
    code: text('code'),
    label: text('label'),
    unit: text('unit'),
    source: text('source'),
    year: Number(text('year')),
    level: text('level') as IndicatorLevel,
    higherIsWorse: form.get('higherIsWorse') === 'on',
    isRate: form.get('isRate') === 'on',
  };
}

/** A new indicator of the catalogue (admin, mission); its values are imported afterwards. */
export function IndicatorForm() {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: CreateTerritorialIndicatorDto) => ok(createIndicator({ body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['indicators'] }),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(indicatorOf(new FormData(event.currentTarget)));
  }
  return (
    <section aria-labelledby="new-indicator-title" className="fr-mb-6w">
      <h2 id="new-indicator-title">Nouvel indicateur</h2>
      <form onSubmit={submit}>
        <Input
          label={LABELS.code}
          hintText="2 à 40 lettres minuscules, chiffres ou « _ », par exemple taux_pauvrete_commune"
          nativeInputProps={{ name: 'code', required: true, pattern: '[a-z0-9_]{2,40}' }}
        />
        <Input label={LABELS.label} nativeInputProps={{ name: 'label', required: true, maxLength: 200 }} />
        <Input
          label={LABELS.unit}
          hintText="%, ‰, €, indice…"
          nativeInputProps={{ name: 'unit', required: true, maxLength: 40 }}
        />
        <Input
          label={LABELS.source}
          hintText="Qui le publie et quel jeu de données : INSEE (Filosofi), ORS Occitanie…"
          nativeInputProps={{ name: 'source', required: true, maxLength: 500 }}
        />
        <Input
          label={LABELS.year}
          nativeInputProps={{ name: 'year', type: 'number', required: true, min: 1900, max: 2100 }}
        />
        <Select label={LABELS.level} nativeSelectProps={{ name: 'level', required: true, defaultValue: 'department' }}>
          {INDICATOR_LEVELS.map((level) => (
            <option key={level} value={level}>
              {INDICATOR_LEVEL_LABELS[level]}
            </option>
          ))}
        </Select>
        <Checkbox
          legend="Sens et nature"
          options={[
            {
              label: 'Une valeur plus haute est plus défavorable',
              hintText: 'Un taux de pauvreté ; pas un revenu médian',
              nativeInputProps: { name: 'higherIsWorse', defaultChecked: true },
            },
            {
              label: 'C’est un taux (une part de la population)',
              hintText: 'Ses valeurs communales peuvent alors être agrégées au département',
              nativeInputProps: { name: 'isRate' },
            },
          ]}
        />
        {create.isError && <ErrorAlert error={create.error} labels={LABELS} />}
        {create.data && (
          <Alert
            className="fr-mb-3w"
            severity="success"
            small
            description={`Indicateur « ${create.data.label} » créé : importez maintenant ses valeurs.`}
          />
        )}
        <Button type="submit" disabled={create.isPending}>
          Créer l’indicateur
        </Button>
      </form>
    </section>
  );
}
