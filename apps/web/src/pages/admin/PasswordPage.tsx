import { type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { changePassword, ok, type ChangePasswordDto } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PASSWORD_HINT } from './AccountFields';

/**
 * Everyone's own password. The API ends the account's other sessions and sets this one's new cookie,
 * so the person stays signed in here.
 */
export function PasswordPage() {
  const change = useMutation({
    mutationFn: (body: ChangePasswordDto) => ok(changePassword({ body })),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    change.mutate(
      { currentPassword: String(data.get('currentPassword')), newPassword: String(data.get('newPassword')) },
      { onSuccess: () => form.reset() },
    );
  }
  return (
    <>
      <h1>Mon mot de passe</h1>
      <form onSubmit={submit} aria-labelledby="password-title">
        <h2 id="password-title" className="fr-sr-only">
          Changer de mot de passe
        </h2>
        <Input
          label="Mot de passe actuel"
          nativeInputProps={{
            name: 'currentPassword',
            type: 'password',
            required: true,
            autoComplete: 'current-password',
          }}
        />
        <Input
          label="Nouveau mot de passe"
          hintText={PASSWORD_HINT}
          nativeInputProps={{ name: 'newPassword', type: 'password', required: true, autoComplete: 'new-password' }}
        />
        {change.isError && <ErrorAlert error={change.error} />}
        {change.isSuccess && (
          <Alert
            className="fr-mb-3w"
            severity="success"
            small
            description="Mot de passe changé. Vos autres sessions sont terminées."
          />
        )}
        <Button type="submit" disabled={change.isPending}>
          Changer le mot de passe
        </Button>
      </form>
    </>
  );
}
