// ESLint flat config (`npm run lint:code`). The house rules it checks are in CONTRIBUTING.md; who may import whom
// is checked by dependency-cruiser (.dependency-cruiser.cjs), formatting by Prettier.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Node globals for the few plain JavaScript files (scripts, CI, tool configs); TypeScript files get theirs from
// @types/node and the DOM lib, and typescript-eslint turns `no-undef` off for them.
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'module', 'require', '__dirname'].map(
    (name) => [name, 'readonly'],
  ),
);

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'web/dist/**',
      '**/*.gen.ts',
      '**/migrations/**',
      '.data/**',
      '.scratch/**',
      'tests/e2e/screenshots/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // An `_`-prefixed name is unused on purpose (a destructured field left out, a required parameter).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'off',
    },
  },
  {
    // Tests and benches read HTTP answers whose shape each assertion states; their clients type bodies as `any`.
    // Server and web code never do.
    files: ['{tests,bench}/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Files stay under 300 lines of code (STYLE.md 12): past that, split by verb or by concern.
    files: ['{src,web,tests,bench,scripts,search}/**/*.{ts,tsx,js,mjs,cjs}'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    // Type-aware rules where they are cheap: two TypeScript programs, tsconfig.json (server, search, tests,
    // benches) and web/tsconfig.json (the SPA). A promise nobody awaits loses its error and its ordering; a
    // promise handed to a callback that expects void (an event listener, a hook in the wrong style) is the same bug.
    files: ['{src,search,tests,bench}/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // React calls an async event handler (`onSubmit={async (e) => …}`) and ignores its promise by design; each
    // handler catches its own errors and shows them in the form. Everything else about promises still applies.
    files: ['web/src/**/*.tsx'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }] },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
