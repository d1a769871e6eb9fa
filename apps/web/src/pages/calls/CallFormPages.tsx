import { useNavigate, useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import {
  createCall,
  setCallCriteria,
  updateCall,
  ok,
  type CallDto,
  type CreateCallDto,
  type CriterionInputDto,
  type UpdateCallDto,
} from '../../api/client';
import { useCalls } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { useDocumentTitle } from '../../routing/document-title';
import { readCallEdit, readNewCall } from './call-form';
import { CallForm } from './CallForm';
import { useCall } from './queries';

const NOT_ALLOWED = 'Seule l’équipe régionale saisit et modifie les appels à projets, jusqu’à leur décision.';

/** After a save: every view of the calls reloads, and the call's page opens. */
function useSaved() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return async (call: CallDto) => {
    await queryClient.invalidateQueries({ queryKey: ['calls'] });
    navigate(`/appels/${call.id}`);
  };
}

/** "Nouvel appel à projets", for those the list says may create one (`canCreate`). */
export function CallCreatePage() {
  const calls = useCalls();
  const saved = useSaved();
  const create = useMutation({
    mutationFn: (body: CreateCallDto) => ok(createCall({ body })),
    onSuccess: saved,
  });
  return (
    <>
      <h1>Nouvel appel à projets</h1>
      <QueryState query={calls}>
        {(page) =>
          page.canCreate ? (
            <CallForm
              criteriaEditable
              pending={create.isPending}
              error={create.error}
              onSubmit={(form, axes, criteria) => {
                const read = readNewCall(form, axes, criteria);
                if (read.body) create.mutate(read.body);
                return read.problems;
              }}
            />
          ) : (
            <Alert severity="info" title="Création réservée" description={NOT_ALLOWED} />
          )
        }
      </QueryState>
    </>
  );
}

/** "Modifier l’appel": the call at the version read, then its criteria when they changed (their own route). */
export function CallEditPage() {
  const { id } = useParams();
  const call = useCall(id);
  const saved = useSaved();
  const save = useMutation({
    mutationFn: async ({ body, criteria }: { body: UpdateCallDto; criteria: CriterionInputDto[] | null }) => {
      const updated = await ok(updateCall({ path: { id: id! }, body }));
      if (criteria) await ok(setCallCriteria({ path: { id: id! }, body: { criteria } }));
      return updated;
    },
    onSuccess: saved,
  });
  useDocumentTitle(call.data ? `Modifier l’appel « ${call.data.title} »` : 'Modifier l’appel');
  return (
    <QueryState query={call}>
      {(c) => (
        <>
          <h1>Modifier l’appel « {c.title} »</h1>
          {c.canEdit ? (
            <CallForm
              call={c}
              criteriaEditable={c.canSetCriteria}
              pending={save.isPending}
              error={save.error}
              onSubmit={(form, axes, criteria) => {
                const read = readCallEdit(form, c, axes, criteria);
                if (read.body) save.mutate({ body: read.body.call, criteria: read.body.criteria });
                return read.problems;
              }}
            />
          ) : (
            <Alert severity="info" title="Cet appel n’est pas modifiable" description={NOT_ALLOWED} />
          )}
        </>
      )}
    </QueryState>
  );
}
