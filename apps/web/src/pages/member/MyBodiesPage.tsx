import { BodiesTable } from '../commission/BodiesTable';
import { MeetingsTable } from '../commission/MeetingsTable';

/** A commission member's home: the bodies it sits on, their meetings to come with the agenda, and past ones. */
export function MyBodiesPage() {
  return (
    <>
      <h1>Mes instances</h1>
      <BodiesTable caption="Instances où je siège" />
      <h2>Prochaines séances</h2>
      <MeetingsTable
        caption="Séances à venir, la plus proche d’abord"
        filter={{ period: 'upcoming' }}
        pageParam="a-venir"
        empty="Aucune séance prévue."
        withAgenda
      />
      <h2>Séances passées</h2>
      <p>Ouvrez une séance pour télécharger son procès-verbal une fois publié.</p>
      <MeetingsTable
        caption="Séances passées, la plus récente d’abord"
        filter={{ period: 'past' }}
        pageParam="passees"
        empty="Aucune séance passée."
        withMinutes
      />
    </>
  );
}
