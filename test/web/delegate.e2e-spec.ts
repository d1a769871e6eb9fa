import type { Browser, Locator, Page } from 'playwright-core';
import { euros, launchBrowser, screenshot, scriptErrorsOf, signIn } from '../support/browser';
import { demoCallId } from '../support/factories';
import { api, DEMO, login, until } from '../support/http';
import { occitanieMapDrawn } from '../support/occitanie-map';
import { Stack } from '../support/stack';

const CALL_2021 = 'AMI 2021 — Réduire les inégalités sociales de santé dans les territoires';
const CALL_2023 = 'AMI 2023 — Aller vers et littératie en santé';

/** The mission officer (Inès Fabre) gives the 2023 call its criteria and scores its two applications under review. */
async function scoreTheApplications(stack: Stack): Promise<void> {
  const officer = api(stack, await login(stack, DEMO.officer));
  const callId = await demoCallId(stack, await login(stack, DEMO.officer), 2023);
  await officer
    .put(`/api/calls/${callId}/criteria`)
    .send({
      criteria: [
        { code: 'PERT', label: 'Pertinence', weight: 2 },
        { code: 'FAIS', label: 'Faisabilité', weight: 1 },
      ],
    })
    .expect(200);
  const scores: Record<string, [number, number]> = {
    'Camion santé dans les quartiers nord de Toulouse': [3, 4],
    'Maraudes santé à Montpellier': [4, 4],
  };
  for (const [title, [pertinence, feasibility]] of Object.entries(scores)) {
    const found = await officer.get('/api/projects').query({ callId, search: title }).expect(200);
    await officer
      .post(`/api/projects/${found.body.items[0].id}/scores`)
      .send({
        scores: [
          { criterion: 'PERT', score: pertinence },
          { criterion: 'FAIS', score: feasibility },
        ],
      })
      .expect(200);
  }
}

/** Journey 1: the regional delegate reviews the projects and decides a grant, on the demo data. */
describe('the regional delegate in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('web-delegate', { worker: false }), launchBrowser()]);
    await scoreTheApplications(stack);
    page = await signIn(browser, stack, DEMO.delegate, '/tableau-de-bord');
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const card = (title: string) => page.locator('section', { has: page.getByRole('heading', { name: title }) });

  const waitingList = (title: RegExp) => page.getByRole('region', { name: title });

  /** The call's State charts drew: two stacked bar charts (canvas) and its map, every department of Occitanie coloured. */
  async function chartsDrawn(call: Locator): Promise<void> {
    await until(
      () => call.locator('canvas').count(),
      (n) => n === 2,
    );
    await occitanieMapDrawn(call);
  }

  it('sees first what waits: decisions ready, grants to make, agreements to sign, reports overdue', async () => {
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    const ready = waitingList(/^Dossiers prêts pour la décision/);
    await ready.getByRole('heading', { name: 'Dossiers prêts pour la décision (2)' }).waitFor();
    expect(await page.locator('main h2').allInnerTexts()).toEqual(['À traiter', CALL_2023, CALL_2021]);

    // Both applications under review have every department's opinion: each says so, with its score.
    await until(
      () => ready.getByRole('listitem').allInnerTexts(),
      (items) =>
        JSON.stringify(items) ===
        JSON.stringify([
          'Camion santé dans les quartiers nord de Toulouse\nTous les avis rendus : Haute-Garonne (31) favorable — note 3,33 / 5',
          'Maraudes santé à Montpellier\nTous les avis rendus : Hérault (34) réservé — note 4,00 / 5',
        ]),
    );
    expect(await ready.getByRole('link', { name: 'Maraudes santé à Montpellier' }).getAttribute('href')).toMatch(
      /^\/projets\/[0-9a-f-]{36}$/,
    );
    const toGrant = waitingList(/^Subventions à attribuer/);
    await toGrant.getByRole('heading', { name: 'Subventions à attribuer (1)' }).waitFor();
    expect(await toGrant.getByRole('listitem').innerText()).toMatch(
      euros('Programme parentalité et écrans\nRetenu sans subvention — 60 000,00 € demandés'),
    );
    // Every demo grant has its agreement signed: the empty list says so.
    const toSign = waitingList(/^Conventions à signer/);
    await toSign.getByRole('heading', { name: 'Conventions à signer (0)' }).waitFor();
    await toSign.getByText('Toutes les subventions attribuées ont leur convention signée.').waitFor();
    // The twelve 2021 projects still running owe their final report since 30 June 2026.
    const overdue = waitingList(/^Bilans d’activité en retard/);
    await overdue.getByRole('heading', { name: 'Bilans d’activité en retard (12)' }).waitFor();
    expect(await overdue.getByRole('listitem').first().innerText()).toBe(
      'Accueil écoute jeunes après la crise sanitaire\nBilan final attendu le 30 juin 2026 de Maison des adolescents de l’Hérault',
    );
  });

  it('sees every call’s envelope, committed, paid and remaining, and its projects by status', async () => {
    await page.getByRole('heading', { name: 'Tableau de bord' }).waitFor();
    const ami2021 = card(CALL_2021);
    await ami2021.locator('dt', { hasText: 'Reste à engager' }).waitFor();
    const figures = await ami2021.locator('dl').innerText();
    expect(figures).toMatch(euros('Enveloppe 1 700 000,00 €'));
    expect(figures).toMatch(euros('Engagé 1 700 000,00 €'));
    expect(figures).toMatch(euros('Versé 1 080 000,00 €'));
    expect(figures).toMatch(euros('Reste à engager 0,00 €'));

    // The tables that say what the charts draw, figure by figure (RGAA).
    const byAxis = ami2021.getByRole('table', { name: /^Par axe/ });
    expect(await byAxis.getByRole('row').nth(1).innerText()).toMatch(
      euros(
        'Santé environnementale et urbanisme favorable à la santé\t300 000,00 €\t300 000,00 €\t205 000,00 €\t0,00 €',
      ),
    );
    const byDepartment = ami2021.getByRole('table', { name: /^Par département/ });
    expect(await byDepartment.getByRole('row').count()).toBe(14);
    expect(await byDepartment.getByRole('row', { name: /Lozère/ }).innerText()).toMatch(
      euros('Lozère (48)\t119 230,77 €\t59 615,38 €\t76 486\t1,56 €'),
    );

    // The State's charts drew: two stacked bar charts (canvas) and the map of Occitanie's departments,
    // each coloured, the other departments of France hidden (its geometry is bundled: no network).
    await chartsDrawn(ami2021);
    // Paid, committed not paid and remaining stack up in three colours, named in the legend.
    const legend = ami2021.locator('bar-chart').first();
    expect(await legend.locator('.legende_dot + p').allInnerTexts()).toEqual([
      'Versé',
      'Engagé non versé',
      'Reste à engager',
    ]);
    const colours = await legend
      .locator('.legende_dot')
      .evaluateAll((dots) => dots.map((d) => d.getAttribute('style')));
    expect(new Set(colours).size).toBe(3);
    expect(await ami2021.locator('map-chart-reg .FR-dep-75').isVisible()).toBe(false);
    // Nothing is committed on the 2023 call yet: no empty chart, a sentence instead.
    await card(CALL_2023).getByText('Rien n’est encore engagé sur cet appel').waitFor();
    expect(await card(CALL_2023).locator('canvas, map-chart-reg').count()).toBe(0);
    await ami2021.getByRole('link', { name: 'En cours : 12' }).waitFor();
    await ami2021.getByRole('link', { name: 'Clôturé : 4' }).waitFor();
    await card(CALL_2023).getByRole('link', { name: 'En instruction : 2' }).waitFor();
    await screenshot(page, 'delegate-dashboard');
  });

  it('filters the project list by call and status, and searches it', async () => {
    await page.getByRole('link', { name: 'En instruction : 2' }).click();
    await page.getByRole('heading', { level: 1, name: 'Projets', exact: true }).waitFor();
    await page.getByText('Projets — 2 résultats').waitFor();
    await page.getByRole('link', { name: 'Camion santé dans les quartiers nord de Toulouse' }).waitFor();
    await page.getByRole('link', { name: 'Maraudes santé à Montpellier' }).waitFor();

    // Best score first, kept in the URL; each row reads in words: axis, departments, opinions, score.
    await page.getByLabel('Ordre').selectOption({ label: 'Meilleure note pondérée d’abord' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/tri=score/);
    expect(page.url()).toMatch(/statut=under_review/);
    const table = page.getByRole('table', { name: /Projets — 2 résultats/ });
    await until(
      () => table.getByRole('row').allInnerTexts(),
      (rows) => rows[1]?.includes('Maraudes santé à Montpellier'),
    );
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      'Sélection',
      'Projet',
      'Axe',
      'Départements',
      'Montant demandé',
      'Avis',
      'Note pondérée',
      'Statut',
    ]);
    const cells = (row: number) => table.getByRole('row').nth(row).getByRole('cell').allInnerTexts();
    expect((await cells(1)).slice(1)).toEqual([
      'Maraudes santé à Montpellier',
      '« Aller vers » les publics éloignés du soin',
      'Hérault (34)',
      expect.stringMatching(euros('70 000,00 €')),
      'HÉRAULT (34) : RÉSERVÉ',
      '4,00 / 5',
      'EN INSTRUCTION',
    ]);
    expect((await cells(2)).slice(1)).toEqual([
      'Camion santé dans les quartiers nord de Toulouse',
      '« Aller vers » les publics éloignés du soin',
      'Haute-Garonne (31)',
      expect.stringMatching(euros('85 000,00 €')),
      'HAUTE-GARONNE (31) : FAVORABLE',
      '3,33 / 5',
      'EN INSTRUCTION',
    ]);

    await page.getByLabel('Recherche').fill('toulouse');
    await page.getByLabel('Public cible').selectOption({ label: 'Personnes en situation de précarité' });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText('Projets — 1 résultat').waitFor();
    expect(await page.getByLabel('Appel', { exact: true }).inputValue()).not.toBe('');
    expect(await page.getByLabel('Ordre').inputValue()).toBe('score');
    await screenshot(page, 'delegate-projects');
  });

  it('reads a project: holder, budget, opinions, scores, history and the moves allowed', async () => {
    await page.getByRole('link', { name: 'Camion santé dans les quartiers nord de Toulouse' }).click();
    await page.getByRole('heading', { level: 1, name: 'Camion santé dans les quartiers nord de Toulouse' }).waitFor();
    await page.getByText('Association Santé Quartiers Nord').waitFor();
    expect(await page.getByText('Montant demandé').innerText()).toMatch(euros('85 000,00 €'));
    // Everything to read comes first, the decision after it.
    await page.getByRole('heading', { name: 'Décision sur le dossier' }).waitFor();
    expect(await page.locator('main h2').allInnerTexts()).toEqual([
      'Résumé du projet',
      'Porteur',
      'Budget',
      'Avant de décider',
      'Avis départementaux',
      'Notation',
      'Historique',
      'Décision sur le dossier',
    ]);
    await page.getByText('Le porteur n’a pas rédigé de résumé.').waitFor();
    await page.getByText(`${CALL_2023} — axe : « Aller vers » les publics éloignés du soin`).waitFor();
    await page.getByText('Haute-Garonne (31)', { exact: true }).waitFor();
    await page.getByText(/Haute-Garonne \(31\) : Favorable/).waitFor();

    // What the decision changes: the call's envelope now and once the 85 000 € are granted, the rank.
    const context = page.locator('section', { has: page.getByRole('heading', { name: 'Avant de décider' }) });
    expect(await context.getByRole('row', { name: /^Appel/ }).innerText()).toMatch(
      euros('Appel\t1 200 000,00 €\t1 200 000,00 €\t1 115 000,00 €'),
    );
    await context.getByRole('columnheader', { name: euros('Reste après attribution (85 000,00 €)') }).waitFor();
    expect(await context.getByRole('row', { name: /^Axe/ }).innerText()).toBe(
      'Axe : « Aller vers » les publics éloignés du soin\tpas d’enveloppe propre à l’axe',
    );
    expect(await context.locator('p').first().innerText()).toMatch(
      /Note pondérée : 3,33 \/ 5 — classement : 2\s?e sur 2 dossiers en instruction/,
    );
    // The scoring grid: each reviewer's scores by criterion, the means and the weighted mean.
    const grid = page.getByRole('table', { name: 'Grille de notation' });
    expect(await grid.getByRole('row').allInnerTexts()).toEqual([
      'Critère\tPoids\tInès Fabre\tMoyenne',
      'Pertinence\t2\t3,00 / 5\t3,00 / 5',
      'Faisabilité\t1\t4,00 / 5\t4,00 / 5',
      'Moyenne pondérée\t3,33 / 5\t3,33 / 5',
    ]);
    await page.getByText(/Déposé → En instruction/).waitFor();

    // The moves: the one that keeps the application going first and emphasised, those ending it last.
    const moves = page.locator('section', { has: page.getByRole('heading', { name: 'Décision sur le dossier' }) });
    expect(await moves.getByRole('listitem').allInnerTexts()).toEqual([
      'Retenir',
      'Renvoyer pour correction',
      'Refuser',
      'Retirer',
    ]);
    const priorityOf = async (name: string) =>
      (await moves.getByRole('button', { name, exact: true }).getAttribute('class'))?.includes('fr-btn--secondary')
        ? 'secondary'
        : 'primary';
    expect(await priorityOf('Retenir')).toBe('primary');
    for (const move of ['Renvoyer pour correction', 'Refuser', 'Retirer'])
      expect(await priorityOf(move)).toBe('secondary');
    // A refusal needs its reason, a selection no comment: the project's `commentRequiredFor` says which.
    await page.getByRole('button', { name: 'Refuser', exact: true }).click();
    expect(await page.getByLabel('Motif (obligatoire)').getAttribute('required')).not.toBeNull();
    await page.getByRole('button', { name: 'Retenir', exact: true }).click();
    await page.getByLabel('Commentaire (facultatif)').waitFor();
    expect(await page.getByLabel('Commentaire (facultatif)').getAttribute('required')).toBeNull();
    await screenshot(page, 'delegate-project');
  });

  it('decides with the keyboard alone', async () => {
    await page.reload();
    await page.getByRole('heading', { name: 'Décision sur le dossier' }).waitFor();
    const focus = page.locator(':focus');
    const focused = async () => ((await focus.count()) > 0 ? (await focus.first().innerText()).trim() : '');
    for (let tabs = 0; (await focused()) !== 'Retenir'; tabs++) {
      expect(tabs).toBeLessThan(150);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    const comment = page.getByLabel('Commentaire (facultatif)');
    await comment.waitFor();
    await until(
      async () => (await focus.count()) > 0 && (await focus.first().getAttribute('id')) === 'decision-comment',
      (isFocused) => isFocused,
    );
    await page.keyboard.type('Retenu au vu de l’avis favorable.');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Confirmer : Retenir');
    await page.keyboard.press('Enter');
    await page.getByText(/En instruction → Retenu — « Retenu au vu de l’avis favorable. »/).waitFor();
    await page.getByText(/hors classement/).waitFor();
  });

  it('sees the remaining envelope before confirming the grant', async () => {
    await page.getByRole('button', { name: 'Attribuer une subvention' }).click();
    const dialog = page.getByRole('dialog', { name: 'Attribuer une subvention' });
    await dialog.getByText('Reste de l’enveloppe de l’appel').waitFor();
    expect(await dialog.innerText()).toMatch(euros('Reste de l’enveloppe de l’appel : 1 200 000,00 €'));
    await screenshot(page, 'delegate-grant-dialog');

    await dialog.getByLabel('Montant de la subvention (en euros)').fill('2 000 000');
    await dialog.getByRole('button', { name: 'Confirmer l’attribution' }).click();
    await dialog.getByText('Le montant dépasse ce qui reste de l’enveloppe de l’appel ou de l’axe.').waitFor();

    await dialog.getByLabel('Montant de la subvention (en euros)').fill('80 000');
    await dialog.getByRole('button', { name: 'Confirmer l’attribution' }).click();
    await page.getByText('Subvention attribuée', { exact: true }).waitFor();
    expect(await page.getByText('engagés sur l’enveloppe de l’appel').innerText()).toMatch(euros('80 000,00 €'));
    expect(await page.getByText('Subvention attribuée :').innerText()).toMatch(
      euros('80 000,00 €, dont 0,00 € versés'),
    );
  });

  it('finds the grant on the dashboard', async () => {
    await page.getByRole('link', { name: 'Tableau de bord' }).first().click();
    const figures = card(CALL_2023).locator('dl');
    await figures.getByText(/Reste à engager/).waitFor();
    const remaining = euros('Reste à engager 1 120 000,00 €');
    await until(
      () => figures.innerText(),
      (text) => remaining.test(text),
    );
    // The grant was made without a signing date: its agreement waits, and the application left the decisions.
    const toSign = waitingList(/^Conventions à signer/);
    await toSign.getByRole('heading', { name: 'Conventions à signer (1)' }).waitFor();
    const agreement = await toSign.getByRole('listitem').innerText();
    expect(agreement).toMatch(euros('Camion santé dans les quartiers nord de Toulouse\n80 000,00 € attribués le'));
    expect(agreement).toMatch(/ \d{4} à Association Santé Quartiers Nord, convention non signée$/);
    await waitingList(/^Dossiers prêts/)
      .getByRole('heading', { name: 'Dossiers prêts pour la décision (1)' })
      .waitFor();
    // The first commitment brings the 2023 call's charts and map.
    await chartsDrawn(card(CALL_2023));
    await chartsDrawn(card(CALL_2021));
    await screenshot(page, 'delegate-dashboard-after-grant');

    // Back again from another screen: the new charts draw, the ones gone stay silent (no console error).
    await page.getByRole('link', { name: 'Projets', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Projets', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Tableau de bord' }).first().click();
    await chartsDrawn(card(CALL_2023));
    await chartsDrawn(card(CALL_2021));
  });

  it('decides for several projects from the list, and reads the result of each', async () => {
    await page.getByRole('link', { name: 'Projets', exact: true }).first().click();
    await page.getByLabel('Appel', { exact: true }).selectOption({ label: CALL_2023 });
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.getByText(/Projets — \d+ résultats/).waitFor();
    await page.getByLabel('Sélectionner « Maraudes santé à Montpellier »').check();
    await page.getByLabel('Sélectionner « Programme parentalité et écrans »').check();
    const bulk = page.getByRole('form', { name: 'Décision groupée' });
    await bulk.getByRole('heading', { name: 'Décision groupée — 2 projets sélectionnés' }).waitFor();
    await bulk.getByLabel('Décision').selectOption({ label: 'Retenir' });
    await bulk.getByRole('button', { name: 'Appliquer aux projets sélectionnés' }).click();

    const results = page.getByRole('table', { name: /Résultat de la décision groupée : 1 appliquée, 1 refusée/ });
    await results.waitFor();
    expect(await results.getByRole('row').allInnerTexts()).toEqual([
      'Projet\tRésultat',
      'Maraudes santé à Montpellier\tFait : Retenu',
      'Programme parentalité et écrans\tRefusé : Ce changement d’état n’est pas permis depuis l’état actuel du dossier.',
    ]);
    await screenshot(page, 'delegate-bulk-decision');
  });

  it('raised no script error in the browser along the way', () => {
    expect(scriptErrorsOf(page)).toEqual([]);
  });
});
