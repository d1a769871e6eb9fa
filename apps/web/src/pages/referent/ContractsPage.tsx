import { ContractsTable, NewContractLink } from '../contracts/ContractsTable';
import { DepartmentPicker, NoDepartment, useMyDepartment } from './MyDepartmentPage';
import { useDepartmentLabels } from '../../api/queries';

/** The local health contracts of the referent's department, with the renewals to prepare. */
export function ContractsPage() {
  const { code } = useMyDepartment();
  const { label } = useDepartmentLabels();
  if (!code) return <NoDepartment />;
  return (
    <>
      <h1>Contrats locaux de santé — {label(code)}</h1>
      <DepartmentPicker />
      <NewContractLink />
      <ContractsTable departmentCode={code} />
    </>
  );
}
