/**
 * The layering, checked by `npm run lint`: libs lean toward core, never on the apps; core and the
 * vocabulary know no domain; no import cycle anywhere; the web app reads only the vocabulary of the
 * server side (it runs in the browser: no Nest, no TypeORM, no domain code).
 */
const DOMAINS = '(territory|identity|audit|reports|governance|calls|roadmap|contracts)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'An import cycle makes the load order matter and the layers meaningless.',
      // The generated API client's own type cycle is the generator's, not ours.
      from: { pathNot: '^apps/web/src/api/generated/' },
      to: { circular: true },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'core-knows-no-domain',
      severity: 'error',
      comment: 'core is the bottom layer: domains build on it, never the other way.',
      from: { path: '^libs/(core|vocabulary)/' },
      to: { path: `^libs/${DOMAINS}/` },
    },
    {
      name: 'vocabulary-has-no-dependencies',
      severity: 'error',
      comment: 'The web app imports it: it must stay plain data, importable in a browser.',
      from: { path: '^libs/vocabulary/' },
      to: { pathNot: '^libs/vocabulary/' },
    },
    {
      name: 'web-never-imports-server-code',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs/(?!vocabulary/)|apps/(api|worker|cli)/|migrations/)' },
    },
    {
      name: 'server-never-imports-web',
      severity: 'error',
      from: { path: '^(libs|apps/(api|worker|cli))/' },
      to: { path: '^apps/web/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|test-artifacts)/|\\.spec\\.tsx?$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
