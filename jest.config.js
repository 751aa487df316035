/**
 * Two projects: the app, the simulator and the tools under test/ (Node), and the Custom UI components under
 * static/ (jsdom, React Testing Library), each with its own transform; `npm test` runs both.
 */
const tsJest = (tsconfig) => [
  'ts-jest',
  { tsconfig: { isolatedModules: true, ignoreDeprecations: '6.0', ...tsconfig } },
];

/** @type {import('jest').Config} */
module.exports = {
  // Simulator tests are CPU-bound (every request and response is contract-checked): on a shared 2-core machine
  // jest's 5 s default fails a busy run, not a slow test. Timing targets live in bench/, not in unit tests.
  testTimeout: 30_000,
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'json-summary'],
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      // Type checking is `npm run typecheck`; jest only transpiles, which keeps the suite fast.
      transform: { '^.+\\.ts$': tsJest({ module: 'commonjs', moduleResolution: 'node10' }) },
      moduleNameMapper: {
        '^@contracts/(.*)$': '<rootDir>/src/contracts/$1',
        // openapi-backend (the Jira simulator's contract checks) requires an ES-module-only package jest cannot load.
        '^@apidevtools/json-schema-ref-parser$': '<rootDir>/simulator/contract/ref-parser-for-jest.cjs',
      },
    },
    {
      displayName: 'static',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/static'],
      testMatch: ['**/src/**/*.test.tsx', '**/shared/**/*.test.tsx'],
      testPathIgnorePatterns: ['/node_modules/', '/build/'],
      setupFiles: ['<rootDir>/static/shared/test/bridge-stub.ts'],
      transform: {
        '^.+\\.tsx?$': tsJest({
          module: 'commonjs',
          moduleResolution: 'node10',
          jsx: 'react-jsx',
          esModuleInterop: true,
        }),
      },
      moduleNameMapper: {
        '^@contracts/(.*)$': '<rootDir>/src/contracts/$1',
        '^@shared/(.*)$': '<rootDir>/static/shared/$1',
        // Atlaskit's compiled styles come as .css side-effect imports; the DOM tests need the markup, not the CSS.
        '\\.css$': '<rootDir>/static/shared/test/style-stub.cjs',
      },
    },
  ],
};
