import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ManagedUserDto } from '../../api/client';
import { useAllMembers, useDepartments } from '../../api/queries';
import { ROLE_LABELS, ROLES, type Role } from '@app/vocabulary';
import { MemberOptions } from '../../components/MemberOptions';
import { DepartmentCheckboxes } from '../../components/DepartmentCheckboxes';

/** What the create and edit forms of an account share: its roles, departments and linked member. */
export interface AccountProfile {
  roles: Role[];
  departmentCodes: string[];
  memberId: string | null;
}

export function profileOf(form: FormData): AccountProfile {
  return {
    roles: form.getAll('roles').map(String) as Role[],
    departmentCodes: form.getAll('departmentCodes').map(String),
    memberId: String(form.get('memberId') ?? '') || null,
  };
}

/**
 * The roles, departments and member fields, checked as `account` has them. Shown once the departments
 * and members have loaded, so that the boxes and the select start from the account's values.
 */
export function AccountFields({ account }: { account?: ManagedUserDto }) {
  const departments = useDepartments();
  const members = useAllMembers();
  if (!departments.data || !members.data) return <p role="status">Chargement…</p>;
  return (
    <>
      <Checkbox
        legend="Rôles"
        hintText="Au moins un"
        options={ROLES.map((role) => ({
          label: ROLE_LABELS[role],
          nativeInputProps: { name: 'roles', value: role, defaultChecked: account?.roles.includes(role) },
        }))}
      />
      <DepartmentCheckboxes
        legend="Départements"
        hintText="Ceux d’un référent départemental : au moins un"
        departments={departments.data.items}
        inputProps={(code) => ({ defaultChecked: account?.departmentCodes.includes(code) })}
      />
      <Select
        label="Membre de la commission lié"
        hint="Pour un membre de la commission : sa fiche de membre"
        nativeSelectProps={{ name: 'memberId', defaultValue: account?.memberId ?? '' }}
      >
        <option value="">Aucun</option>
        <MemberOptions members={members.data.items} />
      </Select>
    </>
  );
}

/** The API's password policy, said before a person types one. */
export const PASSWORD_HINT =
  'Au moins 12 caractères, ni courant ni facile à deviner (évitez mots du dictionnaire, suites de touches, dates).';
