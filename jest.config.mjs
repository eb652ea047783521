// Jest runs TypeScript and the ESM-only `cometd` / `cometd-nodejs-client` packages (and the ESM proxy agents the latter imports) through @swc/jest,
// which compiles both to CommonJS. Type checking is `npm run typecheck` (tsc), not Jest's job.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/marbles'],
  testMatch: ['**/*.test.ts', '**/*.marbles.ts'],
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: [
    '/node_modules/(?!(cometd|cometd-nodejs-client|http-proxy-agent|https-proxy-agent|agent-base|proxy-agent-negotiate)/)',
  ],
  setupFiles: ['<rootDir>/test/setup/fastChecks.ts'],
  testTimeout: 30000,
  maxWorkers: 2,
};
