import { Link } from 'react-router';
import { BodiesTable } from './BodiesTable';
import { MeetingsTable } from './MeetingsTable';

/** The mission's view of the commission: its bodies, its meetings, its members. */
export function CommissionPage() {
  return (
    <>
      <h1>Commission régionale ISS</h1>
      <p>
        <Link className="fr-link" to="/commission/membres">
          Membres de la commission
        </Link>
      </p>
      <h2>Instances</h2>
      <BodiesTable caption="Instances de la commission" />
      <h2>Séances</h2>
      <MeetingsTable
        caption="Séances, de la plus récente à la plus ancienne"
        filter={{}}
        pageParam="seances"
        empty="Aucune séance."
      />
    </>
  );
}
