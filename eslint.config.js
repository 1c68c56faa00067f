// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'coverage', 'src/core/db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', '*.cjs', 'bin/*.mjs', 'scripts/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/only-throw-error': 'error',
      // Fastify plugins and hooks are async by contract even when they await nothing.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The core never imports HTTP, React or the web (ARCHITECTURE: layout).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['fastify', 'fastify-*', '@fastify/*', '**/server/**'],
              message: 'core must not depend on HTTP',
            },
            {
              group: ['react', 'react-*', '@mantine/*', '**/web/**'],
              message: 'core must not depend on the web',
            },
          ],
        },
      ],
    },
  },
  {
    // The web may import from the core only its pure parts: *.schema.ts and rules/.
    files: ['src/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(.*/)?core/(?!rules/|validation\\.ts$|.*\\.schema\\.ts$)',
              message: 'web imports only *.schema.ts and rules/ from core',
            },
            {
              regex: '^((\\.\\./)+(.*/)?(server|cli)/|pg$|@electric-sql/|drizzle-orm)',
              message: 'web must not import server code',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON answers (`res.json()` is `any`) and assert on them.
    files: ['**/*.test.ts', 'test/**', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'bin/**', 'scripts/**'],
    ...tseslint.configs.disableTypeChecked,
  },
);
