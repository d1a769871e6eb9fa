import { useEffect, useLayoutEffect } from 'react';

const SITE = 'Inégalités sociales de santé — ARS Occitanie';

function setTitle(title: string): void {
  document.title = `${title} — ${SITE}`;
}

/**
 * Names the page in the browser's title: a page calls it with its object once known
 * (`useDocumentTitle(project ? `Projet « ${project.title} »` : 'Projet')`), which wins over the
 * screen's generic title that ScreenGuard sets (a layout effect, run before the pages' effects).
 */
export function useDocumentTitle(title: string): void {
  useEffect(() => setTitle(title), [title]);
}

/** The screen's generic title, set before the page's own (see `useDocumentTitle`). */
export function useScreenTitle(title: string): void {
  useLayoutEffect(() => setTitle(title), [title]);
}
