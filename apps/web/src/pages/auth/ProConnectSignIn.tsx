import { ProConnectButton } from '@codegouvfr/react-dsfr/ProConnectButton';

/**
 * The official ProConnect button and the separator before the password form. Loaded only where
 * ProConnect is configured: its logos' stylesheet stays out of the first load otherwise.
 */
export default function ProConnectSignIn() {
  return (
    <>
      <h2 className="fr-h4">Avec ProConnect</h2>
      <p>ProConnect est la solution proposée par l’État pour sécuriser la connexion des agents.</p>
      <ProConnectButton url="/api/auth/proconnect/login" />
      <p className="fr-hr-or">ou</p>
      <h2 className="fr-h4">Avec un mot de passe</h2>
    </>
  );
}
