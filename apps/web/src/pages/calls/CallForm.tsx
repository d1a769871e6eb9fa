import { useState, type FormEvent } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { CallDto } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProblemsAlert } from '../../components/ProblemsAlert';
import { eurosInput } from '../../format';
import {
  type AxisRow,
  axisRowsOf,
  CALL_FIELD_LABELS,
  type CriterionRow,
  criterionRowsOf,
  weightTotal,
} from './call-form';
import { RowsEditor, type RowField } from '../../components/RowsEditor';

const AXIS_FIELDS: RowField<AxisRow>[] = [
  { key: 'code', label: (n) => `Code de l’axe ${n}`, className: 'fr-col-12 fr-col-md-2' },
  { key: 'label', label: (n) => `Intitulé de l’axe ${n}`, className: 'fr-col-12 fr-col-md-5' },
  {
    key: 'envelope',
    label: (n) => `Enveloppe de l’axe ${n} (en euros)`,
    hint: 'Vide : l’enveloppe de l’appel',
    className: 'fr-col-12 fr-col-md-3',
    inputMode: 'decimal',
  },
];
const CRITERION_FIELDS: RowField<CriterionRow>[] = [
  { key: 'code', label: (n) => `Code du critère ${n}`, className: 'fr-col-12 fr-col-md-2' },
  { key: 'label', label: (n) => `Intitulé du critère ${n}`, className: 'fr-col-12 fr-col-md-5' },
  {
    key: 'weight',
    label: (n) => `Poids du critère ${n}`,
    hint: 'De 1 à 100',
    className: 'fr-col-12 fr-col-md-3',
    inputMode: 'numeric',
  },
];

interface Props {
  /** The call edited; none for a new one. */
  call?: CallDto;
  /** Reads the form and its rows into the request, or the problems to correct first. */
  onSubmit: (form: FormData, axes: AxisRow[], criteria: CriterionRow[]) => string[];
  pending: boolean;
  error: unknown;
  /** Whether the criteria may change (not once projects are scored: the API says so with 409). */
  criteriaEditable: boolean;
}

/** The call's form: title, year (at creation), funding source, dates, envelope, axes with envelopes, criteria with weights. */
export function CallForm({ call, onSubmit, pending, error, criteriaEditable }: Props) {
  const [axes, setAxes] = useState(() => axisRowsOf(call));
  const [criteria, setCriteria] = useState(() => criterionRowsOf(call));
  const [problems, setProblems] = useState<string[]>([]);
  const total = weightTotal(criteria);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblems(onSubmit(new FormData(event.currentTarget), axes, criteria));
  }
  return (
    <form onSubmit={submit} aria-label={call ? 'Modifier l’appel' : 'Créer l’appel'}>
      <Input
        label="Intitulé de l’appel"
        nativeInputProps={{ name: 'title', required: true, maxLength: 300, defaultValue: call?.title }}
      />
      {!call && (
        <Input
          label="Année"
          nativeInputProps={{
            name: 'year',
            required: true,
            inputMode: 'numeric',
            defaultValue: new Date().getFullYear(),
          }}
        />
      )}
      <Input
        label="Source de financement"
        hintText="Par exemple FIR (fonds d’intervention régional)"
        nativeInputProps={{
          name: 'fundingSource',
          required: true,
          maxLength: 100,
          defaultValue: call?.fundingSource ?? 'FIR',
        }}
      />
      <Input
        label="Enveloppe de l’appel (en euros)"
        nativeInputProps={{
          name: 'envelope',
          required: true,
          inputMode: 'decimal',
          defaultValue: call ? eurosInput(call.envelopeCents) : '',
        }}
      />
      <div className="fr-grid-row fr-grid-row--gutters">
        <Input
          className="fr-col-12 fr-col-md-6"
          label="Date d’ouverture"
          nativeInputProps={{ name: 'opensOn', type: 'date', required: true, defaultValue: call?.opensOn }}
        />
        <Input
          className="fr-col-12 fr-col-md-6"
          label="Date de clôture"
          hintText="Aucune candidature nouvelle après ce jour"
          nativeInputProps={{ name: 'closesOn', type: 'date', required: true, defaultValue: call?.closesOn }}
        />
      </div>
      <RowsEditor
        legend="Axes thématiques"
        addLabel="Ajouter un axe"
        removeLabel={(n) => `Retirer l’axe ${n}`}
        rows={axes}
        fields={AXIS_FIELDS}
        blank={{ code: '', label: '', envelope: '' }}
        onChange={setAxes}
      />
      {criteriaEditable ? (
        <RowsEditor
          legend="Critères de notation"
          addLabel="Ajouter un critère"
          removeLabel={(n) => `Retirer le critère ${n}`}
          rows={criteria}
          fields={CRITERION_FIELDS}
          blank={{ code: '', label: '', weight: '' }}
          onChange={setCriteria}
        >
          <p className="fr-fieldset__element fr-hint-text" aria-live="polite">
            Chaque dossier est noté de 0 à 5 sur chaque critère ; la note pondérée compte chaque critère pour son poids
            rapporté au total des poids ({total}).
          </p>
        </RowsEditor>
      ) : (
        <Alert
          small
          severity="info"
          className="fr-mb-3w"
          description="Des dossiers ont été notés : la grille de notation ne change plus."
        />
      )}
      <ProblemsAlert problems={problems} />
      {error != null && <ErrorAlert error={error} labels={CALL_FIELD_LABELS} />}
      <Button type="submit" disabled={pending}>
        {call ? 'Enregistrer les modifications' : 'Créer l’appel'}
      </Button>
    </form>
  );
}
