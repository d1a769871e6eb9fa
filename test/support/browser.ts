import { mkdirSync, statSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD, ROOT } from './env';
import type { Stack } from './stack';

/** Debian's Chromium, installed by scripts/test.sh (ensure_chromium) when missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOT_DIR = `${ROOT}/test-artifacts/screenshots`;

/** One headless browser per suite; each person signs in in a context of their own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

const scriptErrors = new WeakMap<Page, string[]>();

/** The uncaught script errors the page raised since it opened (a working page raises none). */
export function scriptErrorsOf(page: Page): string[] {
  return scriptErrors.get(page) ?? [];
}

/** A fresh browser context on the stack's web app, signed in through the login page as `email`. */
export async function signIn(browser: Browser, stack: Stack, email: string, path = '/'): Promise<Page> {
  const context = await browser.newContext({
    baseURL: stack.baseUrl,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  scriptErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(path);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  return page;
}

/** A full-page screenshot in test-artifacts/screenshots/<name>.png, for people to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

export interface DownloadedFile {
  fileName: string;
  size: number;
  contentType: string;
  head: Buffer;
}

/**
 * Clicks a download link as a person would and returns the saved file's name and size, with the
 * content type the server gave for the same link (asked again with the page's cookies).
 */
export async function download(link: Locator): Promise<DownloadedFile> {
  const page = link.page();
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  const href = await link.getAttribute('href');
  const response = await page.context().request.get(href!);
  const body = await response.body();
  return {
    fileName: file.suggestedFilename(),
    size: statSync(path).size,
    contentType: response.headers()['content-type'] ?? '',
    head: body.subarray(0, 8),
  };
}

/**
 * A pattern for an amount as the app prints it: French formatting puts narrow no-break spaces
 * between thousands and a no-break space before €, so any space in `text` matches any space.
 */
export function euros(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/ /g, '\\s'));
}
