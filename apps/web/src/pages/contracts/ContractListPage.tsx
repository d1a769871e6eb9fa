import { useSearchParams } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useDepartments } from '../../api/queries';
import { Options } from '../../components/Options';
import { departmentLabel } from '../../format';
import { ContractsTable, NewContractLink } from './ContractsTable';

/** Every local health contract of the region, for the mission and the readers, by department. */
export function ContractListPage() {
  const [params, setParams] = useSearchParams();
  const code = params.get('departement') || undefined;
  const departments = useDepartments().data?.items ?? [];
  return (
    <>
      <h1>Contrats locaux de santé</h1>
      <NewContractLink />
      <Select
        label="Département"
        nativeSelectProps={{
          value: code ?? '',
          onChange: (e) => setParams(e.target.value ? { departement: e.target.value } : {}),
        }}
      >
        <option value="">Toute la région</option>
        <Options choices={departments.map((d) => [d.code, departmentLabel(d)] as const)} />
      </Select>
      <ContractsTable departmentCode={code} />
    </>
  );
}
