import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { createUser, listUsers, ok, type CreateUserDto, type ManagedUserDto } from '../../api/client';
import { useDepartmentLabels } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Options } from '../../components/Options';
import { PaginatedTable } from '../../components/PaginatedTable';
import { ROLE_LABELS, type Role } from '@app/vocabulary';
import { AccountFields, PASSWORD_HINT, profileOf } from './AccountFields';
import { ProConnectRolesForm } from './ProConnectRolesForm';

export function AccountStatus({ account }: { account: ManagedUserDto }) {
  return account.disabledAt ? (
    <Badge as="span" severity="error">
      Désactivé
    </Badge>
  ) : (
    <Badge as="span" severity="success">
      Actif
    </Badge>
  );
}

function NewAccountForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: CreateUserDto) => ok(createUser({ body })),
    onSuccess: (account) => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      navigate(`/comptes/${account.id}`);
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { memberId, ...profile } = profileOf(form);
    create.mutate({
      displayName: String(form.get('displayName')).trim(),
      email: String(form.get('email')).trim(),
      password: String(form.get('password')),
      ...profile,
      ...(memberId ? { memberId } : {}),
    });
  }
  return (
    <form onSubmit={submit} aria-labelledby="new-account-title" className="fr-mt-4w">
      <h2 id="new-account-title">Créer un compte</h2>
      <Input label="Nom et prénom" nativeInputProps={{ name: 'displayName', required: true, maxLength: 200 }} />
      <Input
        label="Adresse électronique"
        nativeInputProps={{ name: 'email', type: 'email', required: true, autoComplete: 'off' }}
      />
      <Input
        label="Mot de passe initial"
        hintText={PASSWORD_HINT}
        nativeInputProps={{ name: 'password', type: 'password', required: true, autoComplete: 'new-password' }}
      />
      <AccountFields />
      {create.isError && <ErrorAlert error={create.error} />}
      <Button type="submit" disabled={create.isPending}>
        Créer le compte
      </Button>
    </form>
  );
}

/** The admin's accounts: searched by name or e-mail, filtered by role, each with its status; and a new one. */
export function AccountsPage() {
  const departments = useDepartmentLabels();
  const [filter, setFilter] = useState<{ search?: string; role?: Role }>({});
  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = String(form.get('search') ?? '').trim();
    const role = String(form.get('role') ?? '') as Role | '';
    setFilter({ ...(text ? { search: text } : {}), ...(role ? { role } : {}) });
  }
  return (
    <>
      <h1>Comptes</h1>
      <p>
        Les rapports et les vérifications du journal d’audit s’exécutent en arrière-plan :{' '}
        {/* Served by the api outside the web app (bull-board): a full page load, not a route of the app. */}
        <a className="fr-link" href="/admin/queues">
          tableau de bord des tâches
        </a>
        .
      </p>
      <form onSubmit={search} aria-label="Rechercher des comptes" className="fr-grid-row fr-grid-row--gutters">
        <Input
          className="fr-col-12 fr-col-md-5"
          label="Nom ou adresse électronique"
          nativeInputProps={{ name: 'search', type: 'search' }}
        />
        <Select className="fr-col-12 fr-col-md-4" label="Rôle" nativeSelectProps={{ name: 'role' }}>
          <option value="">Tous</option>
          <Options choices={ROLE_LABELS} />
        </Select>
        <div className="fr-col-12 fr-col-md-3 fr-mt-md-4w">
          <Button type="submit" priority="secondary">
            Rechercher
          </Button>
        </div>
      </form>
      <PaginatedTable
        caption="Comptes"
        queryKey={['users', filter]}
        fetchPage={(page) => ok(listUsers({ query: { ...page, ...filter } }))}
        rowKey={(u) => u.id}
        empty="Aucun compte ne correspond."
        columns={[
          { header: 'Nom', cell: (u) => <Link to={`/comptes/${u.id}`}>{u.displayName}</Link> },
          { header: 'Adresse électronique', cell: (u) => u.email },
          { header: 'Rôles', cell: (u) => u.roles.map((r) => ROLE_LABELS[r]).join(', ') },
          { header: 'Départements', cell: (u) => departments.list(u.departmentCodes) || '—' },
          { header: 'Statut', cell: (u) => <AccountStatus account={u} /> },
        ]}
      />
      <NewAccountForm />
      <ProConnectRolesForm />
    </>
  );
}
