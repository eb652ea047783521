import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // examples/angular is its own project (own package.json, lock, tsconfig; checked by its Angular build).
    ignores: [
      'dist/**',
      'dist-docs/**',
      'node_modules/**',
      'coverage/**',
      'examples/**/dist/**',
      'examples/angular/**',
      'test-output/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // fp-ts 2 and io-ts 2 have no `exports` map: Node's ESM loader cannot import 'fp-ts/Either' (a directory), and
    // their lib/ folders are CommonJS builds that put a second copy of the peer into every browser bundle. Values come
    // from the package roots; types may come from anywhere (they leave no code).
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(fp-ts|io-ts)/',
              allowTypeImports: true,
              message:
                "Import values from the package root: import { either } from 'fp-ts', import * as t from 'io-ts' (subpaths are CommonJS copies or unloadable by Node ESM).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/client/**', 'src/node.ts', 'src/sim/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['cometd', 'cometd-*'], message: 'Only src/client (and the Node entry) may import cometd.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        document: 'readonly',
        window: 'readonly',
      },
    },
  },
  {
    // bench/apps: browser apps bundled by the bundle benchmark and the consumer test.
    files: ['bench/apps/**/*.js'],
    languageOptions: { globals: { location: 'readonly' } },
  },
);
