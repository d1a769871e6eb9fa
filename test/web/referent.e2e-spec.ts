import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchBrowser, screenshot, signIn } from '../support/browser';
import { api, DEMO, login } from '../support/http';
import { apiNotFound } from '../support/not-found';
import { Stack } from '../support/stack';

/** Journey 2: a departmental referent updates its department's actions, gives opinions, reads its contracts. */
describe('the departmental referent in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let referent: Page;
  let referentToken: string;
  let actionOf31: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('web-referent', { worker: false }), launchBrowser()]);
    const officer = await login(stack, DEMO.officer);
    referentToken = await login(stack, DEMO.referent31);
    const add = (title: string, extra: Record<string, unknown> = {}) =>
      api(stack, officer)
        .post('/api/roadmaps/2022/actions')
        .send({ axisCode: 'PE', title, pilot: 'Mission ISS', departmentCodes: ['31'], ...extra });
    await add('Bilans de santé en PMI', { endsOn: '2025-06-30' });
    const forgotten = await add('Ateliers parents-enfants');
    await stack.db.query(`UPDATE action SET created_at = now() - interval '120 days' WHERE id = $1`, [
      forgotten.body.id,
    ]);
    const underReview = await api(stack, officer).get('/api/projects?departmentCode=31&status=under_review');
    const camion = underReview.body.items.find((p: { title: string }) => p.title.startsWith('Camion santé'));
    const fresh = await api(stack, officer)
      .post('/api/projects')
      .send({
        callId: camion.callId,
        axisCode: camion.axisCode,
        title: 'Permanences d’accès aux soins à Muret',
        holder: { name: 'Centre social de Muret', kind: 'association' },
        departmentCodes: ['31'],
        targetPublics: camion.targetPublics,
        levers: camion.levers,
        requestedCents: 3000000,
      });
    for (const to of ['submitted', 'under_review'])
      await api(stack, officer).post(`/api/projects/${fresh.body.id}/transitions`).send({ to }).expect(200);
    referent = await signIn(browser, stack, DEMO.referent31);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const rows = () => referent.locator('tbody tr');

  it('opens on its department’s actions, the overdue and the forgotten ones first', async () => {
    await referent.getByRole('link', { name: 'Mon département' }).first().click();
    await referent.getByRole('heading', { name: 'Mon département — Haute-Garonne (31)' }).waitFor();
    await rows().first().waitFor();
    expect(await rows().nth(0).textContent()).toMatch(
      /Bilans de santé en PMI[\s\S]*En retard : échéance du 30 juin 2025 dépassée/,
    );
    expect(await rows().nth(1).textContent()).toMatch(
      /Ateliers parents-enfants[\s\S]*Sans mise à jour depuis 90 jours/,
    );
    const reasons = await rows().evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent ?? ''));
    expect(reasons.every((r) => r.length > 0)).toBe(true); // the "À surveiller" column says something on every row
    const firstDone = reasons.indexOf('Terminée');
    if (firstDone >= 0) expect(reasons.slice(firstDone).every((r) => r === 'Terminée')).toBe(true);
    const todo = referent.getByRole('region', { name: 'Avis à donner' });
    await todo.getByRole('link', { name: 'Permanences d’accès aux soins à Muret' }).waitFor();
    expect(await todo.getByRole('link', { name: /Camion santé/ }).count()).toBe(0); // its opinion is given
    expect(await todo.textContent()).toContain('l’avis du département est attendu');
    await screenshot(referent, 'referent-home');
  });

  it('saves an update of an action and shows it in the history', async () => {
    await referent.getByRole('link', { name: 'Repérage précoce des vulnérabilités en maternité' }).click();
    await referent.getByRole('heading', { name: 'Mettre à jour l’action' }).waitFor();
    actionOf31 = referent.url().split('/actions/')[1];
    await referent.getByLabel('Avancement (en %)').fill('55');
    await referent.getByLabel('Commentaire').fill('Trois maternités engagées');
    await referent.getByRole('button', { name: 'Enregistrer la mise à jour' }).click();
    await referent.getByText('Mise à jour enregistrée.').waitFor();
    const history = referent.getByRole('table', { name: /Mises à jour/ });
    await history.getByText('Avancement : 40 % → 55 %').waitFor();
    expect(await history.locator('tbody tr').first().textContent()).toContain('Trois maternités engagées');
    await screenshot(referent, 'referent-action');
  });

  it('says in plain French that someone else updated the action meanwhile, and lets it reload', async () => {
    await referent.reload();
    await referent.getByRole('heading', { name: 'Mettre à jour l’action' }).waitFor();
    const current = await api(stack, referentToken).get(`/api/actions/${actionOf31}`);
    const meanwhile = await api(stack, referentToken)
      .patch(`/api/actions/${actionOf31}`)
      .send({ version: current.body.version, progressPercent: 65, comment: 'Mise à jour par un collègue' });
    expect(meanwhile.status).toBe(200);

    await referent.getByLabel('Avancement (en %)').fill('70');
    await referent.getByRole('button', { name: 'Enregistrer la mise à jour' }).click();
    await referent.getByText('Quelqu’un d’autre a modifié ces informations').waitFor();
    await screenshot(referent, 'referent-action-conflict');
    expect((await api(stack, referentToken).get(`/api/actions/${actionOf31}`)).body.progressPercent).toBe(65);

    await referent.getByRole('button', { name: 'Recharger l’action' }).click();
    await referent.getByText('Mise à jour par un collègue').waitFor();
    expect(await referent.getByLabel('Avancement (en %)').inputValue()).toBe('65');
    await referent.getByLabel('Avancement (en %)').fill('70');
    await referent.getByLabel('Avancement (en %)').press('Enter'); // the keyboard submits the form too
    await referent.getByText('Avancement : 65 % → 70 %').waitFor();
  });

  it('updates an action of its department with the keyboard alone, the focus always visible', async () => {
    const keys = referent.keyboard;
    const focus = referent.locator(':focus');
    /** What has the focus: a link's or a button's text, a field's name, and whether its outline shows. */
    const focused = async () =>
      (await focus.count()) === 0
        ? { text: '', name: '', visible: false }
        : focus.first().evaluate((el) => {
            const style = el.ownerDocument.defaultView.getComputedStyle(el);
            return {
              text: String(el.innerText ?? '').trim(),
              name: String(el.getAttribute('name') ?? ''),
              visible:
                el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
            };
          });
    /** Presses `key` until the focus is on what `wanted` says, and checks that it shows there. */
    const moveTo = async (wanted: (f: { text: string; name: string }) => boolean, key = 'Tab') => {
      for (let presses = 0; ; presses++) {
        expect(presses).toBeLessThan(120);
        await keys.press(key);
        if (wanted(await focused())) break;
      }
      expect(await focused()).toMatchObject({ visible: true });
    };

    await referent.goto('/mon-departement');
    await referent.getByRole('heading', { name: 'Mon département — Haute-Garonne (31)' }).waitFor();
    await moveTo((f) => f.text === 'Ateliers parents-enfants');
    await keys.press('Enter');
    await referent.getByRole('heading', { name: 'Mettre à jour l’action' }).waitFor();

    await moveTo((f) => f.name === 'status');
    expect(await referent.getByLabel('État').inputValue()).toBe('planned');
    await keys.press('ArrowDown');
    expect(await referent.getByLabel('État').inputValue()).toBe('in_progress');
    await moveTo((f) => f.name === 'progressPercent');
    await keys.press('Control+A');
    await keys.type('25');
    await moveTo((f) => f.name === 'comment');
    await keys.type('Deux ateliers programmés à Muret');
    // Back to the progress, one more with the arrow key, then on to the button.
    await moveTo((f) => f.name === 'progressPercent', 'Shift+Tab');
    await keys.press('ArrowUp');
    expect(await referent.getByLabel('Avancement (en %)').inputValue()).toBe('26');
    await moveTo((f) => f.text === 'Enregistrer la mise à jour');
    await keys.press('Space');

    // Said aloud where the focus stays (a status message), and shown in the history.
    await referent.getByRole('status').filter({ hasText: 'Mise à jour enregistrée.' }).waitFor();
    const history = referent.getByRole('table', { name: /Mises à jour/ });
    const latest = history.locator('tbody tr').first();
    await latest.getByText('État : Prévue → En cours').waitFor();
    await latest.getByText('Avancement : 0 % → 26 %').waitFor();
    await latest.getByText('Deux ateliers programmés à Muret').waitFor();
    await screenshot(referent, 'referent-action-keyboard');
  });

  it('gives the department’s opinion on a project of 31 under review', async () => {
    await referent.getByRole('link', { name: 'Avis sur les projets' }).first().click();
    const awaiting = referent.getByRole('table', {
      name: /Projets en instruction qui attendent l’avis du département/,
    });
    expect(await awaiting.getByRole('row', { name: /Permanences d’accès aux soins à Muret/ }).textContent()).toContain(
      'À donner',
    );
    const given = referent.getByRole('table', { name: /Projets en instruction ayant l’avis du département/ });
    const camion = given.getByRole('row', { name: /Camion santé dans les quartiers nord de Toulouse/ });
    expect(await camion.textContent()).toMatch(/Favorable, le/);
    await camion.getByRole('link').click();
    await referent.getByRole('heading', { name: 'Donner l’avis du département' }).waitFor();
    await referent.getByRole('heading', { name: 'Budget' }).waitFor();
    expect(await referent.getByRole('region', { name: 'Budget' }).textContent()).toMatch(/85\s000,00\s€ demandés/);
    await referent.getByText('Avis du département Haute-Garonne (31)').waitFor();
    expect(await referent.getByRole('combobox', { name: 'Département' }).count()).toBe(0);
    await referent.getByLabel('Réservé', { exact: true }).check({ force: true });
    await referent
      .getByLabel('Motivation de l’avis')
      .fill('Répond à un besoin identifié dans le contrat local de santé.');
    await referent.getByRole('button', { name: 'Donner l’avis' }).click();
    await referent.getByText('Avis enregistré.').waitFor();
    await referent.getByText(/Haute-Garonne \(31\) — Réservé .*Répond à un besoin identifié/).waitFor();
    await expect(referent.title()).resolves.toMatch(
      /^Avis sur le projet « Camion santé dans les quartiers nord de Toulouse » — /,
    );
    await screenshot(referent, 'referent-opinion');
    await referent.getByRole('link', { name: 'Avis sur les projets' }).first().click();
    expect(
      await given.getByRole('row', { name: /Camion santé dans les quartiers nord de Toulouse/ }).textContent(),
    ).toMatch(/Réservé, le/);
    await screenshot(referent, 'referent-opinions-list');
  });

  it('reads the project without the moves, grant or audit links the API does not give it', async () => {
    await referent.getByRole('link', { name: 'Projets', exact: true }).first().click();
    await referent.getByLabel('Recherche').fill('Camion santé');
    await referent.getByRole('button', { name: 'Filtrer' }).click();
    await referent.getByRole('link', { name: 'Camion santé dans les quartiers nord de Toulouse' }).click();
    await referent.getByRole('heading', { name: 'Avis départementaux' }).waitFor();
    await referent
      .getByText(/Haute-Garonne \(31\) : Réservé/)
      .first()
      .waitFor();
    expect(await referent.getByRole('heading', { name: 'Décision sur le dossier' }).count()).toBe(0);
    for (const action of ['Retenir', 'Refuser', 'Attribuer une subvention'])
      expect(await referent.getByRole('button', { name: action, exact: true }).count()).toBe(0);
    expect(await referent.getByRole('link', { name: 'Journal d’audit du projet' }).count()).toBe(0);
    const navigation = referent.locator('#header-main-navigation');
    for (const screen of ['Tableau de bord', 'Commission', 'Feuille de route', 'Journal d’audit'])
      expect(await navigation.getByRole('link', { name: screen }).count()).toBe(0);
    await screenshot(referent, 'referent-project');
  });

  it('lists its local health contracts and opens one with its action sheets', async () => {
    await referent.getByRole('link', { name: 'Contrats locaux de santé' }).first().click();
    await referent.getByRole('heading', { name: 'Contrats locaux de santé — Haute-Garonne (31)' }).waitFor();
    const table = referent.getByRole('table', { name: /Contrats locaux de santé — \d+ résultats?/ });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(referent, 'referent-contracts');
    await table.locator('tbody tr a').first().click();
    await referent.getByRole('heading', { name: 'Fiches actions' }).waitFor();
    expect(await referent.getByText(/\d+ communes/).isVisible()).toBe(true);
    await expectAccessible(referent, 'referent-contract');
  });

  it('opens a fiche action of its own contract from the contract page', async () => {
    const contracts = await api(stack, referentToken).get('/api/local-health-contracts?departmentCode=31');
    const contract = contracts.body.items[0];
    const sheet = await api(stack, referentToken)
      .post(`/api/local-health-contracts/${contract.id}/actions`)
      .send({ title: 'Maison des adolescents itinérante', pilot: 'Collectivité', departmentCodes: [] });
    expect(sheet.status).toBe(201);
    await referent.goto(`/contrats/${contract.id}`);
    await referent.getByRole('link', { name: 'Maison des adolescents itinérante' }).click();
    await referent.getByRole('heading', { name: 'Maison des adolescents itinérante' }).waitFor();
    expect(await referent.getByRole('heading', { name: 'Accès refusé' }).count()).toBe(0);
    await referent.getByRole('heading', { name: 'Mettre à jour l’action' }).waitFor();
    await screenshot(referent, 'referent-contract-action');
  });

  it('lets the referent of 34 read an action of 31, without the update form', async () => {
    const other = await signIn(browser, stack, DEMO.referent34, `/actions/${actionOf31}`);
    await other.getByRole('heading', { name: 'Repérage précoce des vulnérabilités en maternité' }).waitFor();
    await other.getByText('seuls la mission et les référents de ses départements la mettent à jour').waitFor();
    expect(await other.getByRole('heading', { name: 'Accès refusé' }).count()).toBe(0);
    expect(await other.getByRole('heading', { name: 'Mettre à jour l’action' }).count()).toBe(0);
    await other.getByRole('table', { name: /Mises à jour/ }).waitFor();
    await screenshot(other, 'referent34-read-only-action');
    await other.context().close();
  });

  it('lets the mission officer create a year’s roadmap, and edit one: an action added, then updated', async () => {
    const officer = await signIn(browser, stack, DEMO.officer);
    const notFound = apiNotFound(officer); // "nothing yet" is never a 404: the page asks only for what exists
    await officer.getByRole('link', { name: 'Feuille de route' }).first().click();
    await officer.getByRole('heading', { name: 'Feuille de route 2022' }).waitFor(); // the latest there is
    await officer.getByLabel('Année de la feuille de route').fill('2031');
    await officer.getByRole('button', { name: 'Afficher' }).click();
    await officer.getByText('Aucune feuille de route pour 2031.', { exact: false }).waitFor();
    await officer.getByText(/Feuilles de route existantes : 2022 \(/).waitFor();
    await expectAccessible(officer, 'roadmap-none');
    await officer.getByLabel('Code de l’axe 1').fill('PE');
    await officer.getByLabel('Intitulé de l’axe 1').fill('Prévention primaire en petite enfance');
    await officer.getByRole('button', { name: 'Créer la feuille de route 2031' }).click();
    await officer.getByText('Brouillon', { exact: true }).waitFor();
    await officer.getByRole('button', { name: 'Soumettre à la commission' }).waitFor();

    await officer.getByLabel('Année de la feuille de route').fill('2022');
    await officer.getByRole('button', { name: 'Afficher' }).click();
    await officer.getByRole('heading', { name: 'Feuille de route 2022' }).waitFor();
    await officer.getByRole('heading', { name: 'Avancement par axe' }).waitFor();
    await officer.getByRole('table', { name: /Actions de la feuille de route 2022/ }).waitFor();
    await screenshot(officer, 'roadmap');

    await officer.getByLabel('Axe', { exact: true }).selectOption({ label: 'Santé des femmes après la crise' });
    await officer.getByLabel('Intitulé de l’action').fill('Médiation en santé dans les quartiers prioritaires');
    await officer.getByLabel('Pilote').fill('Mission ISS');
    await officer.getByLabel('Haute-Garonne (31)').check({ force: true });
    await officer.getByLabel('Hérault (34)').check({ force: true });
    await officer.getByRole('button', { name: 'Ajouter l’action' }).click();
    await officer.getByRole('heading', { name: 'Médiation en santé dans les quartiers prioritaires' }).waitFor();
    await expect(officer.title()).resolves.toMatch(/^Action « Médiation en santé dans les quartiers prioritaires » — /);
    await officer.getByText('Haute-Garonne (31), Hérault (34)').waitFor();
    await officer.getByRole('link', { name: 'Retour : Feuille de route' }).waitFor();
    await officer.getByLabel('État').selectOption({ label: 'En cours' });
    await officer.getByLabel('Avancement (en %)').fill('10');
    await officer.getByRole('button', { name: 'Enregistrer la mise à jour' }).click();
    await officer.getByText('Avancement : 0 % → 10 %').waitFor();
    await officer.getByText('État : Prévue → En cours').waitFor();
    await screenshot(officer, 'roadmap-action');
    expect(notFound).toEqual([]);
    await officer.context().close();
  });
});
