import { api, binary, DEMO, login, until } from './support/http';
import { popplerText } from './support/pdf-text';
import { Stack } from './support/stack';

type Report = { id: string; status: string; title: string; scope: string; error?: string };

/** Titles as a person types them: capitals that the report's bold font draws ("E" alone, and inside "É"). */
const TYPED = {
  body: 'Instance d’État régionale',
  agenda: 'Examen de l’Enveloppe HYPERLINK',
  call: 'Appel HYPERLINK — Enveloppe État',
  action: 'HYPERLINK : Éducation et Enveloppe ENGAGÉE',
};

const INDICATOR = { label: 'Enfants EXAMINÉS en École', baseline: 0, target: 200 };

const FUNDING_HEADINGS = ['Synthèse', 'Par axe', 'Par département', 'Par projet', 'Versements'];
const FUNDING_HEADERS = ['Enveloppe', 'Engagé', 'Versé', 'Reste à engager', 'Reste à verser', 'Axe', 'Département'];
const LEDGER_HEADERS = ['Projet', 'Porteur', 'Dép.', 'Statut', 'Accordé', 'Reste', 'Date', 'Type', 'Montant'];
const EQUITY_HEADINGS = [
  'Indicateur',
  'Indice de concentration',
  'Engagé par habitant, par quintile de défavorisation',
  'Couverture par les contrats locaux de santé signés, par quintile',
  'Publics atteints par les projets financés',
  'Participation des personnes concernées',
];
const EQUITY_HEADERS = ['Quintile', 'Population', 'Valeur', 'Rang', 'Par habitant', 'Population couverte'];

/**
 * The words of every report kind must read back whole, from the text (search, copy) and from the
 * structure tree (screen readers): title and scope as the API returns them, headings, table headers,
 * and titles people typed. The reports are rendered one after another by one worker, as in production:
 * whatever one document drew must not cost a letter to the next (a shared font once lost the bold "E"
 * of "Enveloppe" after a bold "É").
 */
describe('report text', () => {
  let stack: Stack;
  let admin: string;

  /** Requests a report, waits for it, returns its row and what poppler reads of its file. */
  const render = async (kind: string, params: object) => {
    const res = await api(stack, admin).post('/api/reports').send({ kind, params });
    expect(res.status).toBe(202);
    const done = await until(
      async (): Promise<Report> => (await api(stack, admin).get(`/api/reports/${res.body.id}`)).body,
      (r) => r.status === 'done' || r.status === 'failed',
      60_000,
    );
    expect(done).toMatchObject({ status: 'done' });
    const file = await api(stack, admin).get(`/api/reports/${done.id}/file`).buffer(true).parse(binary);
    return { report: done, read: await popplerText(file.body as Buffer) };
  };

  /**
   * Each of `words` in the text and in the structure tree, whole. The text is compared without its
   * whitespace: a long line wraps where it may (after "https://", say), the letters are what counts.
   */
  const expectWhole = (read: { text: string; structure: string }, words: string[]) => {
    const bare = (s: string) => s.replace(/\s+/g, '');
    for (const w of words) {
      expect({ words: w, found: bare(read.text).includes(bare(w)) }).toEqual({ words: w, found: true });
      expect({ words: w, inStructure: read.structure.includes(w) }).toEqual({ words: w, inStructure: true });
    }
  };

  let planned: string;
  let held: string;
  let callId: string;

  beforeAll(async () => {
    stack = await Stack.start('report-text');
    admin = await login(stack, DEMO.admin);
    planned = (await api(stack, admin).get('/api/meetings?status=planned')).body.items[0].id;
    const plenary = (await api(stack, admin).get('/api/bodies')).body.items.find(
      (b: { kind: string }) => b.kind === 'plenary',
    ).id;
    held = (await api(stack, admin).get(`/api/meetings?bodyId=${plenary}&status=held`)).body.items[0].id;
    callId = (await api(stack, admin).get('/api/calls')).body.items[0].id;
    const officer = await login(stack, DEMO.officer);
    const action = await api(stack, officer)
      .post('/api/roadmaps/2022/actions')
      .send({
        axisCode: 'PE',
        title: TYPED.action,
        pilot: 'Mission ISS',
        departmentCodes: ['31'],
        indicators: [INDICATOR],
      });
    expect(action.status).toBe(201);
    // Names typed in other screens, written straight in the rows (those screens are not the subject).
    await stack.db.query('UPDATE body SET name = $1 WHERE id = (SELECT body_id FROM meeting WHERE id = $2)', [
      TYPED.body,
      planned,
    ]);
    await stack.db.query('UPDATE agenda_item SET title = $1 WHERE meeting_id = ANY($2::uuid[]) AND position = 1', [
      TYPED.agenda,
      [planned, held],
    ]);
    await stack.db.query('UPDATE call SET title = $1 WHERE id = $2', [TYPED.call, callId]);
  });
  afterAll(() => stack.stop());

  // First: a bold "É" (the body's name) with no bold "E", the sequence that lost letters.
  it('reads the notice whole', async () => {
    const { report, read } = await render('notice', { meetingId: planned });
    expect(report.title).toContain(TYPED.body);
    expectWhole(read, [report.title, report.scope, 'Ordre du jour', 'Membres convoqués', 'Collège', 'Titulaire']);
    expectWhole(read, ['Suppléant', TYPED.agenda]);
  });

  it('reads the funding report whole', async () => {
    const { report, read } = await render('funding', { callId });
    expect(report.title).toContain(TYPED.call);
    expectWhole(read, [report.title, report.scope, ...FUNDING_HEADINGS, ...FUNDING_HEADERS, ...LEDGER_HEADERS]);
  });

  it('reads the roadmap whole', async () => {
    const { report, read } = await render('roadmap', { year: 2022 });
    const axes = (await api(stack, admin).get('/api/roadmaps/2022')).body.axes as { code: string; label: string }[];
    expectWhole(read, [
      report.title,
      report.scope,
      TYPED.action,
      INDICATOR.label,
      ...axes.map((a) => `${a.code} — ${a.label}`),
    ]);
    expectWhole(read, ['Indicateur', 'Référence', 'Dernière valeur', 'Cible', 'Actions', 'Avancement']);
    expectWhole(read, ['Par département', 'Actions sans mise à jour depuis 90 jours']);
  });

  it('reads the directory whole', async () => {
    const { report, read } = await render('directory', {});
    expectWhole(read, [report.title, report.scope, 'Référents par département', 'Code', 'Département']);
    expectWhole(read, ['Population', 'Référent(s)', 'Haute-Garonne', 'Pyrénées-Orientales']);
  });

  it('reads the attendance sheet whole', async () => {
    const { report, read } = await render('attendance_sheet', { meetingId: planned });
    expectWhole(read, [report.title, report.scope, 'Séance du', 'Collège', 'Titulaire', 'Signature', 'Suppléant']);
  });

  it('reads the minutes whole', async () => {
    const { report, read } = await render('minutes', { meetingId: held });
    expectWhole(read, [report.title, report.scope, 'Présences', 'Ordre du jour', 'Délibérations et avis']);
    expectWhole(read, ['Procès-verbal', 'Titulaire', 'Statut', 'Suppléant', TYPED.agenda]);
  });

  it('reads the equity report whole', async () => {
    const { report, read } = await render('equity', { indicator: 'taux_pauvrete_dep', callId });
    expectWhole(read, [report.title, report.scope, ...EQUITY_HEADINGS, ...EQUITY_HEADERS]);
    expectWhole(read, ['Engagé par habitant', 'Taux de couverture', 'Public cible', 'Projets', 'Participation']);
  });
});
