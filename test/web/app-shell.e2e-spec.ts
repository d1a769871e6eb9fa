import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import {
  expectAccessible,
  expectConsoleErrors,
  launchBrowser,
  openApp,
  screenshot,
  signIn,
  transferredBytes,
} from '../support/browser';
import { DEMO } from '../support/http';
import { DEMO_PASSWORD, ROOT } from '../support/env';
import { Stack } from '../support/stack';

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

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
    // Operations are named as a client calls them (`createProject`), each once: the SDK's function names.
    const ids = Object.values(snapshot.paths as Record<string, Record<string, { operationId: string }>>).flatMap(
      (operations) => Object.values(operations).map((o) => o.operationId),
    );
    expect(ids.filter((id) => !/^[a-z]+(?:[A-Z][a-z0-9]*)*$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
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
    const page = await openApp(browser, stack);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await screenshot(page, 'login');
    // The refused login answers 401, which the browser logs: the one console error expected here.
    expectConsoleErrors(page, /status of 401/);
    await page.getByLabel('Adresse électronique').fill(DEMO.delegate);
    await page.getByLabel('Mot de passe').fill('mauvais-mot-de-passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('L’adresse électronique ou le mot de passe est incorrect.').waitFor();
    await page.context().close();
  });

  it('loads the production build, compressed, under 400 KB transferred up to the signed-in home page', async () => {
    const page = await openApp(browser, stack);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    const loginPage = await transferredBytes(page);
    await page.getByLabel('Adresse électronique').fill(DEMO.delegate);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('heading', { name: /Bonjour/ }).waitFor();
    const signedIn = await transferredBytes(page);
    console.log(`first load: login page ${kilobytes(loginPage)}, signed in ${kilobytes(signedIn)} transferred`);
    expect(signedIn).toBeLessThan(400 * 1024);

    // Hashed assets are compressed and cached for a year; the page itself is asked again each time.
    const script = await page.locator('script[src*="/assets/"]').first().getAttribute('src');
    const asset = await request(stack.baseUrl).get(script!).set('accept-encoding', 'br, gzip');
    expect(asset.headers['content-encoding']).toMatch(/^(br|gzip)$/);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    // The page itself, at the root and on any route of the app, compressed as the client accepts and
    // never served stale from a cache; a HEAD of the root (a probe, `curl -I`) answers the same.
    const appPage = (path: string, encoding: string) =>
      request(stack.baseUrl).get(path).set('accept', 'text/html').set('accept-encoding', encoding);
    for (const [index, encoding] of [
      [await appPage('/', 'br, gzip'), 'br'],
      [await appPage('/tableau-de-bord', 'gzip'), 'gzip'],
      [await request(stack.baseUrl).head('/').set('accept-encoding', 'br'), 'br'],
    ] as const) {
      expect(index.status).toBe(200);
      expect(index.headers['content-type']).toMatch(/^text\/html/);
      expect(index.headers['content-encoding']).toBe(encoding);
      expect(index.headers['cache-control']).toBe('no-cache');
      expect(index.headers.vary).toMatch(/accept-encoding/i);
    }
    await page.context().close();
  });

  it('leaves the focus at the top on the first load and moves it to the content after a navigation', async () => {
    const page = await signIn(browser, stack, DEMO.auditor);
    await page.reload();
    await page.getByRole('heading', { name: /Bonjour/ }).waitFor();
    // Nothing focused (the body): the first Tab reaches the first skip link.
    expect(await page.locator(':focus').count()).toBe(0);
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').textContent()).toBe('Contenu');

    await page.locator('#contenu .fr-tile').getByRole('link', { name: 'Journal d’audit' }).click();
    await page.getByRole('heading', { name: 'Journal d’audit', level: 1 }).waitFor();
    expect(await page.locator(':focus').getAttribute('id')).toBe('contenu');
    expect(await page.title()).toMatch(/^Journal d’audit — /);
    await page.context().close();
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
    await expectAccessible(page, 'not-found');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    await page.context().close();
  });

  it('marks one current menu item, names the object in the page title and leads back to the list', async () => {
    const page = await signIn(browser, stack, DEMO.referent31);
    const current = page.locator('#header-main-navigation [aria-current="page"]');
    await page.getByRole('link', { name: 'Avis sur les projets' }).first().click();
    await page.getByRole('heading', { name: /^Avis sur les projets/, level: 1 }).waitFor();
    expect(await current.allTextContents()).toEqual(['Avis sur les projets']);
    await page.getByRole('link', { name: 'Contrats locaux de santé' }).first().click();
    await page.locator('#contenu tbody tr a').first().click();
    await page.getByRole('heading', { name: 'Fiches actions' }).waitFor();
    expect(await current.allTextContents()).toEqual(['Contrats locaux de santé']);
    await expect(page.title()).resolves.toMatch(/^Contrat local de santé « CLS .+ » — /);
    await page.getByText('Haute-Garonne (31)', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Retour : Contrats locaux de santé' }).waitFor();
    await page.getByRole('link', { name: 'Mon département' }).first().click();
    await page.getByRole('heading', { name: /^Mon département/, level: 1 }).waitFor();
    expect(await current.allTextContents()).toEqual(['Mon département']);

    await page.getByRole('link', { name: 'Projets', exact: true }).first().click();
    await page.getByRole('link', { name: 'Camion santé dans les quartiers nord de Toulouse' }).first().click();
    await page.getByRole('heading', { name: 'Camion santé dans les quartiers nord de Toulouse', level: 1 }).waitFor();
    await expect(page.title()).resolves.toMatch(/^Projet « Camion santé dans les quartiers nord de Toulouse » — /);
    expect(await current.allTextContents()).toEqual(['Projets']);
    await page.getByRole('link', { name: 'Retour : Projets' }).click();
    await page.getByRole('heading', { name: 'Projets', level: 1, exact: true }).waitFor();
    await page.context().close();
  });
});
