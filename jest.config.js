/**
 * Three projects: `unit` (pure logic, specs beside the code), `medium` (a lib's real Nest module and
 * repositories in process, on a PostgreSQL database of its own: README.md, "Tests") and `e2e` (the
 * compiled api and worker processes on a fresh PostgreSQL database and Redis, driven over HTTP as a
 * client would).
 *
 * NestJS 12 ships as ES modules, loaded by the compiled (CommonJS) app through Node's require(esm).
 * Jest's own module loader does the same from Jest 30 on Node 24.9+, but only when Node exposes
 * vm.SourceTextModule, i.e. with --experimental-vm-modules: `npm run test:medium` sets it (in
 * NODE_OPTIONS, so that Jest's workers have it too), and the medium setup says so when it is missing.
 * Without the flag, importing Nest (the @app/core barrel included) fails with "Must use import to load
 * ES Module": the unit project stays free of Nest, and the e2e suites talk to the real processes.
 * Jest rather than Vitest: the specs, their globals and the JSON report stay the other projects', no
 * second runner, and ts-jest already emits the decorator metadata Nest's injection reads. The script
 * gives medium files half the cores (--maxWorkers=50%): each holds a Nest context and a database pool,
 * and PostgreSQL on the same machine does the other half of the work.
 */
const tsJest = ['ts-jest', { diagnostics: false }];
const moduleNameMapper = {
  '^@app/core/(.*)$': '<rootDir>/libs/core/src/$1',
  // A rendering thread's imports: a lib's plain modules, without its index (see apps/worker/src/render).
  '^@app/(reports|identity|governance|calls|roadmap|equity)/(.*)$': '<rootDir>/libs/$1/src/$2',
  '^@app/migrations$': '<rootDir>/migrations',
  '^@app/(core|territory|identity|audit|reports|governance|calls|roadmap|contracts|equity|mail|digests|vocabulary)$':
    '<rootDir>/libs/$1/src',
};

module.exports = {
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
    },
    {
      displayName: 'medium',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/medium/**/*.medium-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      globalSetup: '<rootDir>/test/medium/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/medium/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/medium/support/setup.ts'],
      // A spy on a real provider (jest.spyOn(medium.get(AuditService), 'record')) ends with its test.
      restoreMocks: true,
    },
    {
      displayName: 'e2e',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/setup-timeout.ts'],
    },
  ],
};
