import type { Browser } from 'playwright-core';
import { download, launchBrowser, screenshot, signIn } from '../support/browser';
import { DEMO } from '../support/http';
import { apiNotFound } from '../support/not-found';
import { Stack } from '../support/stack';

const PLENARY = 'Assemblée plénière de la commission régionale ISS';

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
    // The meeting's DTO gives a member no form: no attendance sheet, no decision, no draft to write.
    await member.getByRole('heading', { name: 'Procès-verbal' }).waitFor();
    expect(await member.getByRole('heading', { name: 'Émargement' }).count()).toBe(0);
    for (const action of ['Enregistrer la délibération', 'Enregistrer le brouillon', 'Publier le procès-verbal'])
      expect(await member.getByRole('button', { name: action }).count()).toBe(0);
    await member.getByRole('button', { name: 'Obtenir le procès-verbal (PDF)' }).click();
    const link = member.getByRole('link', { name: /Télécharger le procès-verbal/ });
    await link.waitFor();
    const pdf = await download(link);
    expect(pdf.contentType).toBe('application/pdf');
    expect(pdf.head.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.size).toBeGreaterThan(10_000);
    await screenshot(member, 'member-meeting');
    await member.context().close();
  });

  it('lets the mission officer record attendance with the quorum, a decision, and approve and publish the minutes', async () => {
    const officer = await signIn(browser, stack, DEMO.officer);
    const notFound = apiNotFound(officer); // minutes not written yet are an empty draft, not a 404
    await officer.getByRole('link', { name: 'Commission' }).first().click();
    await officer.getByRole('link', { name: PLENARY }).click();
    await officer.getByRole('heading', { name: PLENARY }).waitFor();
    await officer.getByText('Vacant').first().waitFor();
    await screenshot(officer, 'commission-body');

    const planned = officer.getByRole('table', { name: /Séances de l’instance/ }).locator('tr', { hasText: 'Prévue' });
    await planned.getByRole('link').click();
    await officer.getByRole('heading', { name: 'Émargement' }).waitFor();
    await officer.getByText('Quorum : émargement non enregistré').waitFor();
    await officer.getByRole('button', { name: 'Marquer tous les titulaires présents' }).click();
    await officer.getByRole('button', { name: 'Enregistrer l’émargement' }).click();
    await officer.getByText('Quorum atteint').waitFor();
    await officer.getByText(/\d+ sièges présents ou représentés sur \d+/).waitFor();
    const quorum = await officer.getByText(/\d+ présents requis sur \d+ sièges pourvus/).textContent();
    const [, present, total, required, held] = quorum!.match(
      /(\d+) sièges présents .* sur (\d+) — (\d+) présents requis sur (\d+)/,
    )!;
    expect(Number(held)).toBe(Number(total));
    expect(Number(required)).toBe(Math.floor(Number(total) / 2) + 1);
    expect(Number(present)).toBeGreaterThanOrEqual(Number(required));

    await officer.getByLabel('Intitulé de la délibération').fill('Avis sur la feuille de route 2027');
    await officer.getByLabel('Voix pour').fill('20');
    await officer.getByLabel('Abstentions').fill('2');
    await officer.getByRole('button', { name: 'Enregistrer la délibération' }).click();
    await officer.getByRole('row', { name: /Avis sur la feuille de route 2027 20 0 2 Adoptée/ }).waitFor();

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
});
