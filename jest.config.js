/**
 * Two projects: `unit` (pure logic, specs beside the code) and `e2e` (the compiled api and worker
 * processes on a fresh PostgreSQL database and Redis, driven over HTTP as a client would).
 * NestJS 12 ships as ESM, which Jest can only load on Node 24.9+; e2e suites therefore talk to the
 * real processes and never import Nest in-process.
 */
const tsJest = ['ts-jest', { diagnostics: false }];
const moduleNameMapper = {
  '^@app/core/(.*)$': '<rootDir>/libs/core/src/$1',
  '^@app/(core|territory|identity|audit|reports|governance|calls|roadmap|contracts|vocabulary)$':
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
