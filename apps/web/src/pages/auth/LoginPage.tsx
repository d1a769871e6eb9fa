import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ApiError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDocumentTitle } from '../../routing/ScreenGuard';
import { useSession } from '../../session/session';

/** Only paths of this app are followed after login, never another site. */
function returnPath(raw: string | null): string {
  return raw && raw.startsWith('/') && !raw.startsWith('//') ? raw : '/';
}

export function LoginPage() {
  useDocumentTitle('Connexion');
  const { user, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>();
  const [pending, setPending] = useState(false);
  const target = returnPath(params.get('retour'));
  if (user) return <Navigate to={target} replace />;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      await login(String(form.get('email')), String(form.get('password')));
      navigate(target, { replace: true });
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="fr-grid-row fr-grid-row--center">
      <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
        <h1>Connexion</h1>
        <p>Connectez-vous avec votre adresse électronique professionnelle.</p>
        {error !== undefined &&
          (error instanceof ApiError && error.body?.code === 'auth.invalid_credentials' ? (
            <Alert
              className="fr-mb-3w"
              severity="error"
              title="Identifiants incorrects"
              description="L’adresse électronique ou le mot de passe est incorrect."
            />
          ) : (
            <ErrorAlert error={error} />
          ))}
        <form onSubmit={submit}>
          <Input
            label="Adresse électronique"
            hintText="Format attendu : nom@domaine.fr"
            nativeInputProps={{ name: 'email', type: 'email', autoComplete: 'username', required: true }}
          />
          <Input
            label="Mot de passe"
            nativeInputProps={{ name: 'password', type: 'password', autoComplete: 'current-password', required: true }}
          />
          <Button type="submit" disabled={pending}>
            Se connecter
          </Button>
        </form>
      </div>
    </div>
  );
}
