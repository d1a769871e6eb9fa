import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { launchBrowser, screenshot, signIn } from '../support/browser';
import { ROOT } from '../support/env';
import { DEMO } from '../support/http';
import { Stack } from '../support/stack';

describe('the web app shell', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([Stack.start('web-shell', { worker: false }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('publishes the OpenAPI document the web client was generated from', async () => {
    const res = await request(stack.baseUrl).get('/api/docs-json').expect(200);
    const snapshot = JSON.parse(readFileSync(`${ROOT}/apps/web/openapi.json`, 'utf8'));
    // On a difference: `npm run openapi:snapshot`, then `npm run build:web` regenerates the client.
    expect(res.body).toEqual(snapshot);
  });

  it('serves the app to browsers on any page, and keeps the API’s JSON 404', async () => {
    const page = await request(stack.baseUrl).get('/projets/inconnu').set('accept', 'text/html').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<div id="root">');
    const api = await request(stack.baseUrl).get('/api/inconnu').set('accept', 'text/html').expect(404);
    expect(api.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Cannot GET /api/inconnu',
      code: 'resource.not_found',
    });
  });

  it('sends a visitor to the login page and says plainly when the password is wrong', async () => {
    const context = await browser.newContext({ baseURL: stack.baseUrl, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await screenshot(page, 'login');
    await page.getByLabel('Adresse électronique').fill(DEMO.delegate);
    await page.getByLabel('Mot de passe').fill('mauvais-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('L’adresse électronique ou le mot de passe est incorrect.').waitFor();
    await context.close();
  });

  it('greets the signed-in person with the French State header, skip links and their screens', async () => {
    const page = await signIn(browser, stack, DEMO.auditor);
    await page.getByRole('heading', { name: /Bonjour/ }).waitFor();
    expect(await page.getByText('Inégalités sociales de santé').first().isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Contenu' }).count()).toBe(1);
    expect(await page.getByText('Auditeur').first().isVisible()).toBe(true);
    // A tile per screen of the navigation the auditor may open, and none for the others.
    const tiles = page.locator('#contenu .fr-tile');
    await tiles.getByRole('link', { name: 'Journal d’audit' }).waitFor();
    expect(await tiles.getByRole('link', { name: 'Commission' }).count()).toBe(0);
    await screenshot(page, 'home-auditor');

    await page.goto('/page-qui-n-existe-pas');
    await page.getByRole('heading', { name: 'Page introuvable' }).waitFor();

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.context().close();
  });
});
