import { type FormEvent } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import {
  addPosition,
  endPosition,
  ok,
  type BodyDetailDto,
  type CreatePositionDto,
  type PositionDto,
} from '../../api/client';
import { useAllMembers } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Options } from '../../components/Options';
import { formatDate } from '../../format';
import { POSITION_LABELS } from '@app/vocabulary';
import { MemberOptions } from '../../components/MemberOptions';
import { StartsOnInput, useBodyChange } from './body-change';
import { parisDay as today } from './paris-time';

/** Ends an office at the day chosen (today by default), its last day. */
function EndPositionForm({ position }: { position: PositionDto }) {
  const end = useBodyChange(position.bodyId, (endsOn: string) =>
    ok(endPosition({ path: { id: position.id }, body: { endsOn } })),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    end.mutate(String(new FormData(event.currentTarget).get('endsOn')));
  }
  const who = `${POSITION_LABELS[position.role]} de ${position.member.displayName}`;
  return (
    <form onSubmit={submit} aria-label={`Mettre fin : ${who}`}>
      <Input
        label={`Dernier jour (${who})`}
        nativeInputProps={{
          name: 'endsOn',
          type: 'date',
          defaultValue: today(),
          min: position.startsOn,
          required: true,
        }}
      />
      {end.isError && <ErrorAlert error={end.error} />}
      <Button type="submit" size="small" priority="tertiary" disabled={end.isPending}>
        Mettre fin à la fonction
      </Button>
    </form>
  );
}

function PositionsTable({ caption, positions }: { caption: string; positions: PositionDto[] }) {
  const manageable = positions.some((p) => p.canEnd);
  return (
    <div className="fr-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Fonction</th>
            <th scope="col">Membre</th>
            <th scope="col">Début</th>
            <th scope="col">Fin</th>
            {manageable && <th scope="col">Gestion</th>}
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => (
            <tr key={p.id}>
              <td>{POSITION_LABELS[p.role]}</td>
              <td>{p.member.displayName}</td>
              <td>{formatDate(p.startsOn)}</td>
              <td>{p.endsOn ? formatDate(p.endsOn) : '—'}</td>
              {manageable && <td>{p.canEnd && <EndPositionForm position={p} />}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddPositionForm({ bodyId }: { bodyId: string }) {
  const members = useAllMembers();
  const add = useBodyChange(bodyId, (body: CreatePositionDto) => ok(addPosition({ path: { id: bodyId }, body })));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    add.mutate({
      role: form.get('role') as CreatePositionDto['role'],
      memberId: String(form.get('memberId')),
      startsOn: String(form.get('startsOn')),
    });
  }
  return (
    <form onSubmit={submit} aria-labelledby="new-position-title" className="fr-mt-2w">
      <h3 id="new-position-title">Attribuer une fonction</h3>
      <Select label="Fonction" nativeSelectProps={{ name: 'role', required: true }}>
        <Options choices={POSITION_LABELS} />
      </Select>
      <Select label="Membre" nativeSelectProps={{ name: 'memberId', required: true }}>
        <MemberOptions members={members.data?.items ?? []} />
      </Select>
      <StartsOnInput label="Début de la fonction" />
      {add.isError && <ErrorAlert error={add.error} />}
      <Button type="submit" priority="secondary" disabled={add.isPending}>
        Attribuer la fonction
      </Button>
    </form>
  );
}

/**
 * The body's offices (présidence, vice-présidence, secrétariat): those running today, then the past
 * ones with their dates; the mission gives and ends them (`canAddPosition`, each office's `canEnd`).
 */
export function PositionsSection({ body }: { body: BodyDetailDto }) {
  const day = today();
  const current = body.positions.filter((p) => !p.endsOn || p.endsOn >= day);
  const past = body.positions.filter((p) => !current.includes(p));
  return (
    <section aria-labelledby="positions-title">
      <h2 id="positions-title">Fonctions</h2>
      {current.length > 0 ? (
        <PositionsTable caption="Fonctions en cours" positions={current} />
      ) : (
        <p>Aucune fonction en cours.</p>
      )}
      {past.length > 0 && <PositionsTable caption="Fonctions passées" positions={past} />}
      {body.canAddPosition && <AddPositionForm bodyId={body.id} />}
    </section>
  );
}
