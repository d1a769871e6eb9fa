import { lazy, Suspense } from 'react';

// The whole screen loads when opened: its figures, forms and charts stay out of the app's first load.
const EquityPage = lazy(() => import('./EquityPage'));

export function EquityScreen() {
  return (
    <Suspense fallback={<p role="status">Chargement…</p>}>
      <EquityPage />
    </Suspense>
  );
}
