/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Simulator tests are CPU-bound (every request and response is contract-checked): on a shared 2-core machine
  // jest's 5 s default fails a busy run, not a slow test. Timing targets live in bench/, not in unit tests.
  testTimeout: 30_000,
  transform: {
    // Type checking is `npm run typecheck`; jest only transpiles, which keeps the suite fast.
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node10',
          ignoreDeprecations: '6.0',
          isolatedModules: true,
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@contracts/(.*)$': '<rootDir>/src/contracts/$1',
    // openapi-backend (the Jira simulator's contract checks) requires an ES-module-only package jest cannot load.
    '^@apidevtools/json-schema-ref-parser$': '<rootDir>/simulator/contract/ref-parser-for-jest.cjs',
  },
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
};
