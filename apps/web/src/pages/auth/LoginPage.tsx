import { lazy, Suspense, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { isProConnectRefusal, PROCONNECT_REFUSALS } from '@app/vocabulary';
import { ApiError } from '../../api/errors';
import { useSignInOptions } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDocumentTitle } from '../../routing/ScreenGuard';
import { useSession } from '../../session/session';

const ProConnectSignIn = lazy(() => import('./ProConnectSignIn'));

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
  const options = useSignInOptions();
  const target = returnPath(params.get('retour'));
  const refusal = params.get('proconnect');
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
        {isProConnectRefusal(refusal) && (
          <Alert
            className="fr-mb-3w"
            severity="error"
            title="Connexion avec ProConnect refusée"
            description={PROCONNECT_REFUSALS[refusal]}
          />
        )}
        {options.data?.proconnect && (
          <Suspense fallback={null}>
            <ProConnectSignIn />
          </Suspense>
        )}
        <p>Connectez-vous avec votre adresse électronique professionnelle.</p>
        {error !== undefined && <LoginError error={error} />}
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

/** A refused password sign-in, in words: wrong credentials, or a role that must use ProConnect. */
function LoginError({ error }: { error: unknown }) {
  const code = error instanceof ApiError ? error.body?.code : undefined;
  if (code === 'auth.invalid_credentials')
    return (
      <Alert
        className="fr-mb-3w"
        severity="error"
        title="Identifiants incorrects"
        description="L’adresse électronique ou le mot de passe est incorrect."
      />
    );
  if (code === 'auth.proconnect_required')
    return (
      <Alert
        className="fr-mb-3w"
        severity="error"
        title="Connexion avec ProConnect obligatoire"
        description="Votre rôle impose la connexion avec ProConnect : utilisez le bouton « S’identifier avec ProConnect »."
      />
    );
  return <ErrorAlert error={error} />;
}
