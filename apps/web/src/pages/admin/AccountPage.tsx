import { type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { getUser, updateUser, ok, type ManagedUserDto, type UpdateUserDto } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';
import { formatDateTime } from '../../format';
import { useDocumentTitle } from '../../routing/document-title';
import { AccountFields, profileOf } from './AccountFields';
import { AccountStatus } from './AccountsPage';

/** A PATCH of the account, refreshing the page and the list with the answer. */
function useAccountUpdate(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserDto) => ok(updateUser({ path: { id }, body })),
    onSuccess: (account) => {
      queryClient.setQueryData(['users', id], account);
      void queryClient.invalidateQueries({ queryKey: ['users'], exact: false });
    },
  });
}

function EditAccountForm({ account }: { account: ManagedUserDto }) {
  const update = useAccountUpdate(account.id);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({ displayName: String(form.get('displayName')).trim(), ...profileOf(form) });
  }
  return (
    <form onSubmit={submit} aria-labelledby="edit-account-title" className="fr-mt-4w">
      <h2 id="edit-account-title">Modifier le compte</h2>
      <Input
        label="Nom et prénom"
        nativeInputProps={{ name: 'displayName', required: true, maxLength: 200, defaultValue: account.displayName }}
      />
      <AccountFields account={account} />
      {update.isError && <ErrorAlert error={update.error} />}
      {update.isSuccess && <Alert className="fr-mb-3w" severity="success" small description="Compte enregistré." />}
      <Button type="submit" disabled={update.isPending}>
        Enregistrer
      </Button>
    </form>
  );
}

/** Disabling ends the account's sessions at once and refuses its sign-ins; re-enabling lets it sign in again. */
function AccountSwitch({ account }: { account: ManagedUserDto }) {
  const update = useAccountUpdate(account.id);
  const disabled = account.disabledAt !== null;
  return (
    <section aria-labelledby="account-state-title" className="fr-mt-4w">
      <h2 id="account-state-title">Accès</h2>
      <p>
        {disabled
          ? `Compte désactivé le ${formatDateTime(account.disabledAt!)} : il ne peut plus se connecter.`
          : 'Compte actif : il peut se connecter.'}
      </p>
      {update.isError && <ErrorAlert error={update.error} />}
      <Button
        priority={disabled ? 'primary' : 'secondary'}
        onClick={() => update.mutate({ disabled: !disabled })}
        disabled={update.isPending}
      >
        {disabled ? 'Réactiver le compte' : 'Désactiver le compte'}
      </Button>
    </section>
  );
}

/** One account, for its administrator: its profile to edit, its access to switch. */
export function AccountPage() {
  const { id } = useParams() as { id: string };
  const account = useQuery({ queryKey: ['users', id], queryFn: () => ok(getUser({ path: { id } })) });
  useDocumentTitle(account.data ? `Compte « ${account.data.displayName} »` : 'Compte');
  return (
    <QueryState query={account}>
      {(a) => (
        <>
          <h1>{a.displayName}</h1>
          <p className="fr-text--lead">
            {a.email} <AccountStatus account={a} />
          </p>
          <EditAccountForm key={a.id} account={a} />
          <AccountSwitch account={a} />
        </>
      )}
    </QueryState>
  );
}
