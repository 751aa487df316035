/**
 * The layer rule of DESIGN.md §8, enforced: each layer imports only the layers below it, the domain stays pure,
 * and only adapters touch the Forge runtime packages.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain may import only itself, zod, date-fns and @noble/hashes (pure, audited hashing).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: ['^src/domain/', '^node_modules/(zod|date-fns|@noble/hashes)/'] },
    },
    {
      name: 'forge-runtime-only-in-adapters',
      comment: 'Only src/adapters may import @forge/api, @forge/kvs or @forge/events.',
      severity: 'error',
      from: { pathNot: '^src/adapters/' },
      to: { path: '^node_modules/@forge/(api|kvs|events)/' },
    },
    {
      name: 'application-below-adapters-and-entries',
      comment: 'Use cases depend on ports, never on adapters, entries or the command line.',
      severity: 'error',
      from: { path: '^src/application/' },
      to: { path: '^src/(adapters|entry|cli)/' },
    },
    {
      name: 'adapters-below-entries',
      severity: 'error',
      from: { path: '^src/adapters/' },
      to: { path: '^src/(entry|cli)/' },
    },
    {
      name: 'contracts-are-leaf',
      comment: 'Contracts are shared with static/: they may import zod and the domain schemas only.',
      severity: 'error',
      from: { path: '^src/contracts/' },
      to: { pathNot: ['^src/contracts/', '^src/domain/', '^node_modules/zod/'] },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
