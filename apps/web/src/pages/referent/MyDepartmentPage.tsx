import { Link, useSearchParams } from 'react-router';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ok, listActions } from '../../api/client';
import { useDepartmentLabels } from '../../api/queries';
import { PaginatedTable } from '../../components/PaginatedTable';
import { formatDate } from '../../format';
import { useSession } from '../../session/session';
import { attentionReason } from '../roadmap/ActionAttention';
import { useOpinionsOfDepartment } from './awaited-opinions';
import { ACTION_STATUS_LABELS } from '@app/vocabulary';

/** The department shown: `?departement=` among the referent's own, the first by default. */
export function useMyDepartment(): { code: string | undefined; codes: string[]; choose: (code: string) => void } {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const codes = user!.departmentCodes;
  const asked = params.get('departement');
  const code = asked && codes.includes(asked) ? asked : codes[0];
  return { code, codes, choose: (next) => setParams({ departement: next }) };
}

export function DepartmentPicker() {
  const { code, codes, choose } = useMyDepartment();
  const { label } = useDepartmentLabels();
  if (codes.length < 2) return null;
  return (
    <Select label="Département" nativeSelectProps={{ value: code, onChange: (e) => choose(e.target.value) }}>
      {codes.map((c) => (
        <option key={c} value={c}>
          {label(c)}
        </option>
      ))}
    </Select>
  );
}

/** A referent whose departments are not set yet: say so, rather than list the whole region. */
export function NoDepartment() {
  return (
    <>
      <h1>Mon département</h1>
      <p>Aucun département ne vous est encore rattaché. Contactez l’administrateur du back office.</p>
    </>
  );
}

/** The projects under review still awaiting the department's opinion: the first thing to do. */
function OpinionsToGive({ code }: { code: string }) {
  const { pending, awaiting } = useOpinionsOfDepartment(code);
  if (pending) return null;
  return (
    <section aria-labelledby="todo-title" className="fr-mb-4w">
      <h2 id="todo-title">Avis à donner</h2>
      {awaiting.length === 0 ? (
        <p>Aucun projet en instruction n’attend l’avis du département.</p>
      ) : (
        <ul>
          {awaiting.map((p) => (
            <li key={p.id}>
              <Link to={`/mon-departement/avis/${p.id}?departement=${code}`}>{p.title}</Link> — en instruction, l’avis
              du département est attendu
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A referent's home: its department's actions, those overdue and those without update for 90 days
 * first (the API orders them, so every page keeps that order), each opening its update form.
 */
export function MyDepartmentPage() {
  const { code } = useMyDepartment();
  const { label } = useDepartmentLabels();
  if (!code) return <NoDepartment />;
  return (
    <>
      <h1>Mon département — {label(code)}</h1>
      <DepartmentPicker />
      <OpinionsToGive code={code} />
      <h2>Actions du département</h2>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mb-3w">
        <li>
          <Link className="fr-btn fr-btn--secondary" to={`/mon-departement/avis?departement=${code}`}>
            Avis à donner sur les projets
          </Link>
        </li>
        <li>
          <Link className="fr-btn fr-btn--secondary" to={`/mon-departement/contrats?departement=${code}`}>
            Contrats locaux de santé
          </Link>
        </li>
      </ul>
      <PaginatedTable
        caption="Actions du département : en retard et sans mise à jour d’abord, terminées en dernier"
        queryKey={['actions', { departmentCode: code, attentionFirst: true }]}
        fetchPage={(page) => ok(listActions({ query: { departmentCode: code, attentionFirst: true, ...page } }))}
        rowKey={(a) => a.id}
        empty="Aucune action ne concerne ce département."
        columns={[
          { header: 'Action', cell: (a) => <Link to={`/actions/${a.id}`}>{a.title}</Link> },
          { header: 'À surveiller', cell: (a) => attentionReason(a) },
          { header: 'Feuille de route', cell: (a) => (a.year ? String(a.year) : 'Contrat local de santé') },
          { header: 'État', cell: (a) => ACTION_STATUS_LABELS[a.status] },
          { header: 'Avancement', cell: (a) => `${a.progressPercent} %` },
          { header: 'Échéance', cell: (a) => (a.endsOn ? formatDate(a.endsOn) : '—') },
          { header: 'Dernière mise à jour', cell: (a) => formatDate(a.lastUpdatedAt) },
        ]}
      />
    </>
  );
}
