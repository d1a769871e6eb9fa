import { type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { getMailPreferences, ok, setMailPreferences, type MailPreferencesDto } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryState } from '../../components/QueryState';

/** Everyone's own choices about the e-mail the application sends them (the referents' weekly digest). */
export function MailPreferencesPage() {
  const queryClient = useQueryClient();
  const preferences = useQuery({ queryKey: ['mail-preferences'], queryFn: () => ok(getMailPreferences()) });
  const save = useMutation({
    mutationFn: (body: MailPreferencesDto) => ok(setMailPreferences({ body })),
    onSuccess: (saved) => queryClient.setQueryData(['mail-preferences'], saved),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ weeklyDigest: new FormData(event.currentTarget).get('weeklyDigest') === 'on' });
  }
  return (
    <>
      <h1>Mes courriels</h1>
      <QueryState query={preferences}>
        {(p) => (
          <form onSubmit={submit} aria-labelledby="mail-preferences-title">
            <h2 id="mail-preferences-title" className="fr-sr-only">
              Courriels reçus
            </h2>
            <Checkbox
              legend="Courriels que je reçois"
              options={[
                {
                  label: 'Récapitulatif hebdomadaire',
                  hintText:
                    'Pour les référents : chaque semaine, les actions en retard ou sans mise à jour et les avis attendus de mes départements.',
                  nativeInputProps: { name: 'weeklyDigest', defaultChecked: p.weeklyDigest },
                },
              ]}
            />
            {save.isError && <ErrorAlert error={save.error} />}
            {save.isSuccess && (
              <Alert className="fr-mb-3w" severity="success" small description="Préférences enregistrées." />
            )}
            <Button type="submit" disabled={save.isPending}>
              Enregistrer
            </Button>
          </form>
        )}
      </QueryState>
    </>
  );
}
