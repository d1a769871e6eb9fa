/**
 * The layering, checked by `npm run lint`: libs lean toward core, never on the apps; core and the
 * vocabulary know no domain; no import cycle anywhere; the web app reads only the vocabulary of the
 * server side (it runs in the browser: no Nest, no TypeORM, no domain code).
 */
const DOMAINS = '(territory|identity|audit|reports|governance|calls|roadmap|contracts|equity|mail|digests)';

/**
 * Which domain libs each domain lib may import: the layers of docs/architecture.md, toward core.
 * Domains of one layer (governance, calls, roadmap) never import each other.
 */
const LAYERS = {
  territory: [],
  audit: [],
  reports: ['audit'],
  mail: ['audit', 'reports'],
  identity: ['audit', 'reports', 'territory'],
  governance: ['audit', 'reports', 'identity', 'territory', 'mail'],
  calls: ['audit', 'reports', 'identity', 'territory'],
  roadmap: ['audit', 'reports', 'identity', 'territory'],
  contracts: ['audit', 'reports', 'identity', 'territory', 'roadmap'],
  equity: ['audit', 'reports', 'identity', 'territory', 'calls', 'roadmap', 'contracts'],
  digests: ['audit', 'reports', 'identity', 'territory', 'calls', 'roadmap', 'mail'],
};

const layerRules = Object.entries(LAYERS).map(([lib, below]) => ({
  name: `layers-${lib}`,
  severity: 'error',
  comment: `${lib} imports only core, the vocabulary${below.length ? ` and ${below.join(', ')}` : ''}.`,
  from: { path: `^libs/${lib}/` },
  to: { path: `^libs/${DOMAINS}/`, pathNot: [`^libs/${lib}/`, ...below.map((b) => `^libs/${b}/`)] },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'domains-through-their-index',
      severity: 'error',
      comment:
        'A lib reaches another domain through its public index (services, DTOs), never its repositories or tables.',
      from: { path: `^libs/(${DOMAINS.slice(1, -1)})/` },
      to: { path: `^libs/${DOMAINS}/src/(?!index\\.ts$)`, pathNot: '^libs/$1/' },
    },
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
