import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  createContract,
  getContract,
  updateContract,
  ok,
  type ContractDto,
  type CreateContractDto,
} from '../../api/client';
import { useDepartments } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { ForbiddenPage } from '../errors/ForbiddenPage';
import { Options } from '../../components/Options';
import { departmentLabel, eurosInput, parseEuros } from '../../format';
import { useDocumentTitle } from '../../routing/document-title';
import { useSession } from '../../session/session';
import { CONTRACT_STATUS_LABELS, type ContractStatus } from '@app/vocabulary';
import { type ChosenTerritory, TerritoryPicker } from './TerritoryPicker';

/** The contract's own fields as the form has them (its territory apart). */
type ContractFields = Omit<CreateContractDto, 'departmentCode' | 'territories' | 'epciSirens'>;

/** The form's text fields: empty ones are left out (the API keeps what it has). */
function fieldsOf(form: FormData): ContractFields {
  const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
  const lines = (name: string) =>
    String(form.get(name) ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  return {
    name: text('name')!,
    status: form.get('status') as ContractStatus,
    signedOn: text('signedOn'),
    endsOn: text('endsOn'),
    localAuthority: text('localAuthority'),
    coordinatorName: text('coordinatorName'),
    coordinatorEmployer: text('coordinatorEmployer'),
    signatories: lines('signatories'),
    coordinatorArsFundingCents: parseEuros(String(form.get('coordinatorArsFunding') ?? '')) ?? undefined,
    governanceBodies: lines('governanceBodies'),
    sharedDiagnosisOn: text('sharedDiagnosisOn'),
  };
}

/**
 * The departments one may create a contract in: a referent's own (the API refuses the others), the
 * whole region for the mission, whose accounts have no department.
 */
function useContractDepartments() {
  const { user } = useSession();
  const all = useDepartments().data?.items ?? [];
  const own = user!.departmentCodes;
  return own.length > 0 ? all.filter((d) => own.includes(d.code)) : all;
}

/** The fields of a contract, prefilled from `contract` when it is edited. */
function ContractFieldset({ contract }: { contract?: ContractDto }) {
  return (
    <>
      <Input
        label="Nom du contrat"
        nativeInputProps={{ name: 'name', required: true, maxLength: 300, defaultValue: contract?.name }}
      />
      <Select
        label="État"
        nativeSelectProps={{ name: 'status', required: true, defaultValue: contract?.status ?? 'in_preparation' }}
      >
        <Options choices={CONTRACT_STATUS_LABELS} />
      </Select>
      <Input
        label="Signé le"
        nativeInputProps={{ name: 'signedOn', type: 'date', defaultValue: contract?.signedOn ?? undefined }}
      />
      <Input
        label="Fin du contrat"
        nativeInputProps={{ name: 'endsOn', type: 'date', defaultValue: contract?.endsOn ?? undefined }}
      />
      <Input
        label="Collectivité signataire"
        hintText="Commune, EPCI, PETR…"
        nativeInputProps={{
          name: 'localAuthority',
          maxLength: 300,
          defaultValue: contract?.localAuthority ?? undefined,
        }}
      />
      <Input
        label="Signataires"
        hintText="Un par ligne"
        textArea
        nativeTextAreaProps={{ name: 'signatories', rows: 3, defaultValue: contract?.signatories.join('\n') }}
      />
      <Input
        label="Coordinateur ou coordinatrice"
        nativeInputProps={{
          name: 'coordinatorName',
          maxLength: 200,
          defaultValue: contract?.coordinatorName ?? undefined,
        }}
      />
      <Input
        label="Employeur du coordinateur"
        nativeInputProps={{
          name: 'coordinatorEmployer',
          maxLength: 300,
          defaultValue: contract?.coordinatorEmployer ?? undefined,
        }}
      />
      <Input
        label="Part de l’ARS dans le poste de coordination (en euros)"
        hintText="Par exemple 25 000"
        nativeInputProps={{
          name: 'coordinatorArsFunding',
          inputMode: 'decimal',
          // The browser refuses what is not an amount, rather than the form sending it without.
          pattern: '[0-9\\s\u00a0\u202f]+([,.][0-9]{1,2})?',
          defaultValue:
            typeof contract?.coordinatorArsFundingCents === 'number'
              ? eurosInput(contract.coordinatorArsFundingCents)
              : undefined,
        }}
      />
      <Input
        label="Instances de gouvernance"
        hintText="Une par ligne (comité de pilotage, comité technique…)"
        textArea
        nativeTextAreaProps={{ name: 'governanceBodies', rows: 2, defaultValue: contract?.governanceBodies.join('\n') }}
      />
      <Input
        label="Diagnostic local de santé du"
        nativeInputProps={{
          name: 'sharedDiagnosisOn',
          type: 'date',
          defaultValue: contract?.sharedDiagnosisOn ?? undefined,
        }}
      />
    </>
  );
}

/** After a save, the contract's page and lists show the answer. */
function useSaved() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (contract: ContractDto) => {
    queryClient.setQueryData(['contracts', contract.id], contract);
    void queryClient.invalidateQueries({ queryKey: ['contracts'] });
    void queryClient.invalidateQueries({ queryKey: ['coverage'] });
    void navigate(`/contrats/${contract.id}`);
  };
}

const territoryBody = ({ communes, epcis }: ChosenTerritory) => ({
  territories: communes,
  epciSirens: epcis.length > 0 ? epcis.map((e) => e.siren) : undefined,
});

/** A new local health contract: in one of the caller's departments, its territory picked by search. */
function NewContract() {
  const departments = useContractDepartments();
  const [departmentCode, setDepartmentCode] = useState<string>();
  const [territory, setTerritory] = useState<ChosenTerritory>({ communes: [], epcis: [] });
  const saved = useSaved();
  const create = useMutation({
    mutationFn: (body: CreateContractDto) => ok(createContract({ body })),
    onSuccess: saved,
  });
  const department = departmentCode ?? departments[0]?.code;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({
      ...fieldsOf(new FormData(event.currentTarget)),
      departmentCode: department!,
      ...territoryBody(territory),
    });
  }
  return (
    <form onSubmit={submit}>
      <h1>Nouveau contrat local de santé</h1>
      <Select
        label="Département"
        nativeSelectProps={{
          name: 'departmentCode',
          value: department,
          onChange: (e) => {
            setDepartmentCode(e.target.value);
            // Communes are chosen within the department: another department starts again.
            setTerritory({ communes: [], epcis: [] });
          },
        }}
      >
        <Options choices={departments.map((d) => [d.code, departmentLabel(d)] as const)} />
      </Select>
      <ContractFieldset />
      {department && <TerritoryPicker departmentCode={department} value={territory} onChange={setTerritory} />}
      {create.isError && <ErrorAlert error={create.error} />}
      <Button type="submit" disabled={create.isPending || !department}>
        Créer le contrat
      </Button>
    </form>
  );
}

/** A contract's changes, at the version read (someone else's save meanwhile: the conflict, in French). */
function EditContract({ contract }: { contract: ContractDto }) {
  const [territory, setTerritory] = useState<ChosenTerritory>({ communes: contract.territories, epcis: [] });
  const saved = useSaved();
  const update = useMutation({
    mutationFn: (body: Parameters<typeof updateContract>[0]['body']) =>
      ok(updateContract({ path: { id: contract.id }, body })),
    onSuccess: saved,
  });
  const departments = useDepartments().data?.items ?? [];
  const department = departments.find((d) => d.code === contract.departmentCode);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({
      version: contract.version,
      ...fieldsOf(new FormData(event.currentTarget)),
      ...territoryBody(territory),
    });
  }
  return (
    <form onSubmit={submit}>
      <h1>Modifier « {contract.name} »</h1>
      <p>Département : {department ? departmentLabel(department) : contract.departmentCode}</p>
      <ContractFieldset contract={contract} />
      <TerritoryPicker departmentCode={contract.departmentCode} value={territory} onChange={setTerritory} />
      {update.isError && <ErrorAlert error={update.error} />}
      <Button type="submit" disabled={update.isPending}>
        Enregistrer le contrat
      </Button>
    </form>
  );
}

/** Creates a contract (`/contrats/nouveau`) or edits one (`/contrats/:id/modifier`). */
export function ContractFormPage() {
  const { id } = useParams() as { id?: string };
  const contract = useQuery({
    queryKey: ['contracts', id],
    queryFn: () => ok(getContract({ path: { id: id! } })),
    enabled: id !== undefined,
  });
  useDocumentTitle(
    id === undefined
      ? 'Nouveau contrat local de santé'
      : contract.data
        ? `Modifier le contrat « ${contract.data.name} »`
        : 'Modifier un contrat local de santé',
  );
  if (id === undefined) return <NewContract />;
  return (
    <QueryState query={contract}>
      {(c) => (c.canEdit ? <EditContract key={c.version} contract={c} /> : <ForbiddenPage />)}
    </QueryState>
  );
}
