import type { Browser, Locator, Page } from 'playwright-core';
import { download, expectAccessible, launchBrowser, screenshot, signIn } from '../support/browser';
import { api, DEMO, login } from '../support/http';
import { apiNotFound } from '../support/not-found';
import { Stack } from '../support/stack';

const PLENARY = 'Assemblée plénière de la commission régionale ISS';
/** The plenary's colleges in the vocabulary's order, with the seats held (the rural commune's is vacant). */
const PLENARY_COLLEGES = [
  'Acteurs de santé — 4 sièges',
  'Usagers — 6 sièges',
  'Élus — 5 sièges',
  'Institutions — 6 sièges',
  'Personnalités qualifiées — 2 sièges',
];

/** The college headings of the attendance table, in order. */
const colleges = (sheet: Locator) => sheet.locator('tbody th[scope=rowgroup]').allTextContents();

/** An item of the meeting's agenda, by its title. */
const agendaItem = (page: Page, title: string) =>
  page.getByRole('region', { name: 'Ordre du jour et délibérations' }).locator('ol > li').filter({ hasText: title });

/** The decisions shown under an agenda item, as read. */
const decisionsOf = (item: Locator) => item.locator('ul > li').allTextContents();

/** Records the decision the meeting page's form holds (its subject chosen or not), with 2 abstentions. */
async function recordDecision(page: Page, title: string, votesFor: string): Promise<void> {
  await page.getByLabel('Intitulé de la délibération').fill(title);
  await page.getByLabel('Voix pour').fill(votesFor);
  await page.getByLabel('Abstentions').fill('2');
  await page.getByRole('button', { name: 'Enregistrer la délibération' }).click();
  await page.getByRole('region', { name: 'Ordre du jour et délibérations' }).getByText(title).waitFor();
}

/** Journey 3 (a commission member downloads minutes) and the mission officer running a meeting. */
describe('the commission in the browser', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('web-commission'), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('shows a member its bodies, the agenda of the next meeting, and the published minutes as a PDF', async () => {
    const member = await signIn(browser, stack, DEMO.member);
    await member.getByRole('link', { name: 'Mes instances' }).first().click();
    await member.getByRole('heading', { name: 'Mes instances' }).waitFor();
    const bodies = member.getByRole('table', { name: /Instances où je siège/ });
    await bodies.getByRole('link', { name: PLENARY }).waitFor();
    expect(await bodies.getByRole('link', { name: /Groupe thématique/ }).count()).toBe(0);
    const upcoming = member.getByRole('table', { name: /Séances à venir/ });
    await upcoming.getByText('Feuille de route 2027 : axes et actions proposés').waitFor();
    await screenshot(member, 'member-bodies');

    const past = member.getByRole('table', { name: /Séances passées/ });
    await past.locator('tbody tr').first().waitFor();
    const minutesColumn = await past
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.lastElementChild?.textContent ?? ''));
    expect(minutesColumn.every((text) => text === 'Publié' || text === 'Pas encore publié')).toBe(true);
    await past
      .getByRole('row', { name: /Publié$/ })
      .first()
      .getByRole('link')
      .click();
    await member.getByRole('heading', { name: /Séance du/ }).waitFor();
    await expect(member.title()).resolves.toMatch(/^Séance du \d+ juin 2026 à 14:00 — Assemblée plénière/);
    await member.getByRole('link', { name: 'Retour : Mes instances' }).waitFor();
    // The June plenary's opinion sits under the agenda item it answers.
    const item = agendaItem(member, 'Avis sur la feuille de route 2026');
    await item.getByText('Avis favorable sur les orientations de la feuille de route 2026').waitFor();
    expect(await decisionsOf(item)).toEqual([
      'Avis favorable sur les orientations de la feuille de route 2026 — Adoptée 13 pour, 0 contre, 2 abstentions',
    ]);
    // The member reads who came, by college, but the meeting's DTO gives it no form: no sheet to
    // record, no decision, no draft to write.
    await member.getByRole('heading', { name: 'Procès-verbal' }).waitFor();
    const sheet = member.getByRole('table', { name: /Présences par collège/ });
    await sheet
      .getByRole('row', { name: /Représentant des usagers — approche précarité \(CRPA\) Marc Olivier Représenté/ })
      .waitFor();
    expect(await colleges(sheet)).toEqual(PLENARY_COLLEGES);
    expect(await sheet.getByRole('combobox').count()).toBe(0);
    for (const action of [
      'Enregistrer l’émargement',
      'Enregistrer la délibération',
      'Enregistrer le brouillon',
      'Publier le procès-verbal',
    ])
      expect(await member.getByRole('button', { name: action }).count()).toBe(0);
    await member.getByRole('button', { name: 'Obtenir le procès-verbal (PDF)' }).click();
    const link = member.getByRole('link', { name: /Télécharger le procès-verbal/ });
    await link.waitFor();
    const pdf = await download(link);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.head.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.size).toBeGreaterThan(10_000);
    await screenshot(member, 'member-meeting');

    // The member finds the minutes again among its own exports, named as the PDF names them.
    await member.getByRole('link', { name: 'Mes exports' }).first().click();
    await member.getByRole('heading', { name: 'Mes exports', level: 1 }).waitFor();
    const newest = member
      .getByRole('table', { name: 'Mes rapports, du plus récent au plus ancien' })
      .locator('tbody tr');
    await newest.first().getByText(`Procès-verbal — ${PLENARY}`).waitFor();
    await newest
      .first()
      .getByText(/^Assemblée plénière « .+ » — séance du /)
      .waitFor();
    const again = await download(newest.first().getByRole('link', { name: /^Télécharger/ }));
    expect(again.size).toBe(pdf.size);
    await member.context().close();
  });

  it('lets the mission officer record attendance with the quorum, a decision, and approve and publish the minutes', async () => {
    const officer = await signIn(browser, stack, DEMO.officer);
    const notFound = apiNotFound(officer); // minutes not written yet are an empty draft, not a 404
    await officer.getByRole('link', { name: 'Commission' }).first().click();
    await officer.getByRole('link', { name: PLENARY }).click();
    await officer.getByRole('heading', { name: PLENARY }).waitFor();
    await expect(officer.title()).resolves.toMatch(new RegExp(`^Instance « ${PLENARY} » — `));
    await officer.getByRole('link', { name: 'Retour : Commission' }).waitFor();
    await officer.getByText('Vacant').first().waitFor();
    // Each seat says what it stands for, as the commission's composition names it.
    const seats = officer.getByRole('table', { name: /Sièges/ });
    await seats.getByRole('row', { name: /Élus Conseil départemental de la Haute-Garonne Michel Sarda/ }).waitFor();
    await seats
      .getByRole('row', { name: /Usagers Représentant des usagers — approche santé \(CRSA\) Sylvie Azéma/ })
      .waitFor();
    await seats.getByRole('row', { name: /Élus Représentant d’une commune rurale Vacant/ }).waitFor();
    await screenshot(officer, 'commission-body');

    const planned = officer.getByRole('table', { name: /Séances de l’instance/ }).locator('tr', { hasText: 'Prévue' });
    await planned.getByRole('link').click();
    await officer.getByRole('heading', { name: 'Émargement' }).waitFor();
    await officer.getByText('Quorum : émargement non enregistré').waitFor();
    // One compact table: a row per seat held (the vacant rural seat is not), grouped by college.
    const sheet = officer.getByRole('table', { name: 'Présences par collège — 23 sièges pourvus' });
    await sheet.getByRole('combobox', { name: 'Présence de Marc Olivier (titulaire)' }).waitFor();
    expect(await colleges(sheet)).toEqual(PLENARY_COLLEGES);
    await officer.getByRole('button', { name: 'Marquer tous les titulaires présents' }).click();
    await sheet.getByRole('combobox', { name: 'Présence de Fatou Diallo (suppléant)' }).selectOption('Excusé');
    await officer.getByRole('button', { name: 'Enregistrer l’émargement' }).click();
    await officer.getByText('Quorum atteint').waitFor();
    await officer
      .getByText('12 présents requis sur 23 sièges pourvus ; 23 sièges présents ou représentés.', { exact: false })
      .waitFor();
    expect(await sheet.getByRole('combobox', { name: 'Présence de Fatou Diallo (suppléant)' }).inputValue()).toBe(
      'excused',
    );

    // A decision under the agenda item it answers, another outside the agenda.
    const decide = async (title: string, votesFor: string, item?: string) => {
      if (item) await officer.getByLabel('Point de l’ordre du jour').selectOption({ label: item });
      await recordDecision(officer, title, votesFor);
    };
    await decide('Avis sur la feuille de route 2027', '20', '2. Feuille de route 2027 : axes et actions proposés');
    await decide('Motion pour l’« aller vers » en territoire rural', '18');
    expect(await decisionsOf(agendaItem(officer, 'Feuille de route 2027 : axes et actions proposés'))).toEqual([
      'Avis sur la feuille de route 2027 — Adoptée 20 pour, 0 contre, 2 abstentions',
    ]);
    expect(await decisionsOf(agendaItem(officer, 'Appel à manifestation d’intérêt 2027 : calendrier'))).toEqual([]);
    const others = officer.getByRole('region', { name: 'Ordre du jour et délibérations' }).locator('h3 + ul > li');
    await officer.getByRole('heading', { name: 'Autres décisions' }).waitFor();
    expect(await others.allTextContents()).toEqual([
      'Motion pour l’« aller vers » en territoire rural — Adoptée 18 pour, 0 contre, 2 abstentions',
    ]);

    await officer
      .getByLabel('Texte du procès-verbal')
      .fill('La séance est ouverte à 14 h.\n\nLa feuille de route 2027 reçoit un avis favorable.');
    await officer.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await officer.getByText('Brouillon enregistré.').waitFor();
    await officer.getByRole('button', { name: 'Approuver le procès-verbal' }).click();
    await officer.getByRole('button', { name: 'Publier le procès-verbal' }).click();
    // Publishing queues the PDF; the member's journey above downloads one. Published minutes move no more.
    await officer.getByText('Publié', { exact: true }).waitFor();
    await officer.getByRole('button', { name: 'Obtenir le procès-verbal (PDF)' }).waitFor();
    expect(await officer.getByRole('button', { name: /Approuver|Publier/ }).count()).toBe(0);
    expect(await officer.getByLabel('Texte du procès-verbal').getAttribute('readonly')).not.toBeNull();
    await screenshot(officer, 'commission-meeting');
    expect(notFound).toEqual([]);
    await officer.context().close();
  });

  it('records at the June plenary a call’s selection list, which moves the projects it retains, and the roadmap’s validation', async () => {
    const rowsOf = async (sql: string, params: unknown[] = []) => (await stack.db.query(sql, params)).rows;
    const [june] = await rowsOf(
      `SELECT m.id FROM meeting m JOIN body b ON b.id = m.body_id
       WHERE b.kind = 'plenary' AND m.quorum_reached ORDER BY m.starts_at LIMIT 1`,
    );
    const [call] = await rowsOf(
      `SELECT c.id FROM call c WHERE (SELECT count(*) FROM project p WHERE p.call_id = c.id AND p.status = 'under_review') >= 2
       ORDER BY c.year LIMIT 1`,
    );
    const [retained, left] = await rowsOf(
      `SELECT id, title FROM project WHERE call_id = $1 AND status = 'under_review' ORDER BY title LIMIT 2`,
      [call.id],
    );
    const officer = await signIn(browser, stack, DEMO.officer, `/seances/${june.id}`);
    // 13 for and 2 abstentions: the 15 seats present or represented.
    const record = (title: string) => recordDecision(officer, title, '13');
    await officer.getByLabel('Objet de la délibération').selectOption({ label: 'Liste de sélection d’un appel' });
    await officer.getByLabel('Appel', { exact: true }).selectOption({ value: call.id });
    const list = officer.getByRole('group', { name: /Projets retenus par la liste de sélection/ });
    await list.getByText(left.title).waitFor();
    await list.getByText(retained.title).click(); // the DSFR label covers its box, as a person clicks it
    expect(await list.getByLabel(retained.title).isChecked()).toBe(true);
    await expectAccessible(officer, 'commission-selection-list');
    await record('Liste de sélection de l’appel');
    const statuses = await rowsOf('SELECT id, status FROM project WHERE id = ANY ($1::uuid[])', [
      [retained.id, left.id],
    ]);
    expect(Object.fromEntries(statuses.map((p) => [p.id, p.status]))).toEqual({
      [retained.id]: 'selected',
      [left.id]: 'under_review',
    });

    // The 2022 roadmap, named from the list, which the delegate validates below.
    await officer.getByLabel('Objet de la délibération').selectOption({ label: 'Validation de la feuille de route' });
    await officer.getByLabel('Feuille de route', { exact: true }).selectOption({ label: 'Feuille de route 2022' });
    await record('Validation de la feuille de route 2022');
    await officer.context().close();
  });

  it('lets the delegate validate the roadmap by picking the plenary’s decision about it (recorded above)', async () => {
    const submitted = await api(stack, await login(stack, DEMO.officer))
      .post('/api/roadmaps/2022/transitions')
      .send({ to: 'submitted' });
    expect(submitted.status).toBe(200);
    const delegate = await signIn(browser, stack, DEMO.delegate);
    await delegate.getByRole('link', { name: 'Feuille de route' }).first().click();
    await delegate.getByRole('heading', { name: 'Feuille de route 2022' }).waitFor();
    await delegate.getByRole('button', { name: 'Valider la feuille de route' }).click();
    const picker = delegate.getByLabel('Délibération de l’assemblée plénière qui valide la feuille de route');
    await picker.waitFor();
    expect(await picker.locator('option').allTextContents()).toEqual([
      expect.stringMatching(
        /^Validation de la feuille de route 2022 — Assemblée plénière.*\(13 pour, 0 contre, 2 abstentions\)$/,
      ),
    ]);
    await expectAccessible(delegate, 'roadmap-validation');
    await screenshot(delegate, 'roadmap-validation');
    await delegate.getByRole('button', { name: 'Confirmer la validation' }).click();
    await delegate.getByText('Validée par la commission').first().waitFor();
    expect(await delegate.getByRole('button', { name: 'Valider la feuille de route' }).count()).toBe(0);
    await delegate.context().close();
  });
});
