import type { FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { ROLE_LABELS, ROLES, type Role } from '@app/vocabulary';
import { getSignInPolicy, ok, updateSignInPolicy } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';

const POLICY_KEY = ['sign-in-policy'] as const;

/** The roles that must sign in with ProConnect, ticked by the admin; shown only when ProConnect is configured. */
export function ProConnectRolesForm() {
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: POLICY_KEY, queryFn: () => ok(getSignInPolicy()) });
  const save = useMutation({
    mutationFn: (roles: Role[]) => ok(updateSignInPolicy({ body: { proconnectRequiredRoles: roles } })),
    onSuccess: (saved) => queryClient.setQueryData(POLICY_KEY, saved),
  });
  if (!policy.data?.proconnectConfigured) return null;
  const required = policy.data.proconnectRequiredRoles;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(new FormData(event.currentTarget).getAll('proconnectRequiredRoles') as Role[]);
  }
  return (
    <form onSubmit={submit} aria-labelledby="proconnect-roles-title" className="fr-mt-4w">
      <h2 id="proconnect-roles-title">Connexion avec ProConnect</h2>
      <Checkbox
        legend="Rôles tenus de se connecter avec ProConnect"
        hintText="Les comptes qui ont l’un de ces rôles ne peuvent plus se connecter avec un mot de passe."
        options={ROLES.map((role) => ({
          label: ROLE_LABELS[role],
          nativeInputProps: {
            name: 'proconnectRequiredRoles',
            value: role,
            defaultChecked: required.includes(role),
          },
        }))}
      />
      {save.isError && <ErrorAlert error={save.error} />}
      {save.isSuccess && <Alert className="fr-mb-2w" severity="success" small description="Réglage enregistré." />}
      <Button type="submit" priority="secondary" disabled={save.isPending}>
        Enregistrer les rôles
      </Button>
    </form>
  );
}
