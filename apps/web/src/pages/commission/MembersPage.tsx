import { type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { createMember, listMembers, ok, type CreateMemberDto } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PaginatedTable } from '../../components/PaginatedTable';
import { COLLEGE_LABELS } from '@app/vocabulary';
import { Options } from '../../components/Options';

function NewMemberForm() {
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: (body: CreateMemberDto) => ok(createMember({ body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['members'] }),
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    create.mutate({
      displayName: text('displayName'),
      organization: text('organization'),
      college: text('college') as CreateMemberDto['college'],
      ...(text('email') ? { email: text('email') } : {}),
      ...(text('designatingBody') ? { designatingBody: text('designatingBody') } : {}),
    });
  }
  return (
    <form onSubmit={submit} aria-labelledby="new-member-title" className="fr-mt-4w">
      <h2 id="new-member-title">Ajouter un membre</h2>
      <Input label="Nom et prénom" nativeInputProps={{ name: 'displayName', required: true }} />
      <Input label="Organisme" nativeInputProps={{ name: 'organization', required: true }} />
      <Select label="Collège" nativeSelectProps={{ name: 'college', required: true }}>
        <Options choices={COLLEGE_LABELS} />
      </Select>
      <Input label="Instance de désignation (facultatif)" nativeInputProps={{ name: 'designatingBody' }} />
      <Input label="Adresse électronique (facultatif)" nativeInputProps={{ name: 'email', type: 'email' }} />
      {create.isError && <ErrorAlert error={create.error} />}
      {create.isSuccess && <Alert className="fr-mb-3w" severity="success" small description="Membre ajouté." />}
      <Button type="submit" disabled={create.isPending}>
        Ajouter le membre
      </Button>
    </form>
  );
}

export function MembersPage() {
  return (
    <>
      <h1>Membres de la commission</h1>
      <PaginatedTable
        caption="Membres"
        queryKey={['members']}
        fetchPage={(page) => ok(listMembers({ query: page }))}
        rowKey={(m) => m.id}
        columns={[
          { header: 'Nom', cell: (m) => m.displayName },
          { header: 'Organisme', cell: (m) => m.organization },
          { header: 'Collège', cell: (m) => COLLEGE_LABELS[m.college] },
          { header: 'Désigné par', cell: (m) => m.designatingBody ?? '—' },
        ]}
      />
      <NewMemberForm />
    </>
  );
}
