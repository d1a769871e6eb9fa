import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { DECISION_SUBJECT_LABELS, DECISION_SUBJECT_TYPES, type DecisionSubjectType } from '@app/vocabulary';
import { listProjects, listContracts, ok, listRoadmaps } from '../../api/client';
import { useCalls } from '../../api/queries';

const SUBJECT = 'fr-col-12 fr-col-md-6';

/** A list of choices named `subjectId`, the first chosen, once its items have loaded. */
function SubjectSelect({ label, options }: { label: string; options: { value: string; label: string }[] | undefined }) {
  if (!options) return <p role="status">Chargement…</p>;
  return (
    <Select className={SUBJECT} label={label} nativeSelectProps={{ name: 'subjectId', required: true }}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}

function RoadmapChoice() {
  const years = useQuery({ queryKey: ['roadmaps'], queryFn: () => ok(listRoadmaps()) });
  const options = years.data?.items.map((r) => ({ value: String(r.year), label: `Feuille de route ${r.year}` }));
  return <SubjectSelect label="Feuille de route" options={options} />;
}

function ContractChoice() {
  const contracts = useQuery({
    queryKey: ['local-health-contracts', 'all'],
    queryFn: () => ok(listContracts({ query: { limit: 200 } })),
  });
  const options = contracts.data?.items.map((c) => ({ value: c.id, label: `${c.name} (${c.departmentCode})` }));
  return <SubjectSelect label="Contrat local de santé" options={options} />;
}

/** The projects of the call still under review: those its selection list may retain. */
function SelectableProjects({ callId }: { callId: string }) {
  const projects = useQuery({
    queryKey: ['projects', { callId, status: 'under_review' }],
    queryFn: () => ok(listProjects({ query: { callId, status: 'under_review', limit: 200 } })),
  });
  if (!projects.data) return <p role="status">Chargement…</p>;
  if (projects.data.items.length === 0) return <p>Aucun projet de cet appel n’est en instruction.</p>;
  return (
    <Checkbox
      legend="Projets retenus par la liste de sélection"
      hintText="Cochés : ils passent à « Retenu » avec la délibération"
      small
      options={projects.data.items.map((p) => ({
        label: `${p.title} — ${p.holder.name}`,
        nativeInputProps: { name: 'projectIds', value: p.id },
      }))}
    />
  );
}

function SelectionChoice() {
  const calls = useCalls();
  const [callId, setCallId] = useState<string>();
  const items = calls.data?.items;
  if (!items) return <p role="status">Chargement…</p>;
  const chosen = callId ?? items[0]?.id;
  return (
    <>
      <Select
        className={SUBJECT}
        label="Appel"
        nativeSelectProps={{
          name: 'subjectId',
          required: true,
          value: chosen,
          onChange: (e) => setCallId(e.target.value),
        }}
      >
        {items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title} ({c.year})
          </option>
        ))}
      </Select>
      {chosen && (
        <div className="fr-col-12">
          <SelectableProjects callId={chosen} />
        </div>
      )}
    </>
  );
}

const CHOICES: Record<DecisionSubjectType, () => React.JSX.Element> = {
  roadmap: RoadmapChoice,
  call_selection: SelectionChoice,
  contract: ContractChoice,
};

/**
 * What the decision decides, chosen from lists rather than typed: a roadmap (its validation), a
 * call (its selection list, with the projects under review it retains), a local health contract.
 */
export function DecisionSubjectFields({
  type,
  onTypeChange,
}: {
  type: DecisionSubjectType | '';
  onTypeChange: (type: DecisionSubjectType | '') => void;
}) {
  const Choice = type ? CHOICES[type] : null;
  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <Select
        className={SUBJECT}
        label="Objet de la délibération"
        nativeSelectProps={{
          name: 'subjectType',
          value: type,
          onChange: (e) => onTypeChange(e.target.value as DecisionSubjectType | ''),
        }}
      >
        <option value="">Aucun objet particulier (avis, motion…)</option>
        {DECISION_SUBJECT_TYPES.map((t) => (
          <option key={t} value={t}>
            {DECISION_SUBJECT_LABELS[t]}
          </option>
        ))}
      </Select>
      {Choice && <Choice />}
    </div>
  );
}
