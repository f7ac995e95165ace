// Who may import whom (docs: ARCHITECTURE.md "Who may import whom", CONTRIBUTING.md). `npm run lint:deps`.
// Feature folders under src/: everything that is not the platform, the shared core, the schema or the entry points.
const FEATURES =
  '(accounts|content|deals|demands|invoices|listings|notifications|reports|rewards|saved-searches|seed|stats)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'A cycle means two modules are really one, and it makes load order matter. Type-only imports count too: ' +
        'a type-only cycle still ties both modules together for every reader. Move the shared piece to the lower module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'web-imports-only-web-and-shared',
      severity: 'error',
      comment:
        'The web app speaks to the server over HTTP with types generated from the OpenAPI document; the only server ' +
        'code it may share is the pure core in src/shared/ (no I/O, no server modules).',
      from: { path: '^web/' },
      to: { path: '^(src|search|bench|tests|scripts)/', pathNot: '^src/shared/' },
    },
    {
      name: 'shared-is-pure',
      severity: 'error',
      comment:
        'src/shared/ is the pure core every part may use, the web app included: it imports nothing of the server, ' +
        'nothing of the web app and no Node built-in (typebox and other pure npm packages are fine).',
      from: { path: '^src/shared/' },
      to: {
        pathNot: '^src/shared/',
        dependencyTypesNot: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'],
      },
    },
    {
      name: 'machines-are-pure',
      severity: 'error',
      comment:
        'Deal machines are pure (guards and actions over context and event, no I/O): they import only other machine ' +
        'modules and src/shared/, so nothing can slip a database or clock into them.',
      from: { path: '^src/deals/machines/' },
      to: { path: '^(src|search|web|bench|tests|scripts)/', pathNot: '^src/(deals/machines|shared)/' },
    },
    {
      name: 'platform-imports-no-feature',
      severity: 'error',
      comment:
        'The platform is what features share (db, http plumbing, outbox, timers, auth); it must not depend on any ' +
        'feature, or every feature depends on every other through it. Features hand it their handlers as data.',
      from: { path: '^src/platform/' },
      to: { path: `^src/${FEATURES}/` },
    },
    {
      name: 'search-imports-no-feature',
      severity: 'error',
      comment:
        'Search is a projection engine adapter (settings, launcher, query building): search/ and src/platform/search* ' +
        'import no feature. Features give it documents; it does not reach into them.',
      from: { path: '^(search/|src/platform/search)' },
      to: { path: `^src/${FEATURES}/` },
    },
    {
      name: 'routes-never-import-drizzle',
      severity: 'error',
      comment:
        'Thin routes: validate, call one service function, shape the answer. SQL lives in the feature service or ' +
        'store, so a route file never imports drizzle-orm.',
      from: { path: '(^|/)(routes|[^/]+-routes)\\.ts$' },
      to: { path: '(^|/)node_modules/drizzle-orm/' },
    },
    {
      name: 'src-imports-no-tests-or-bench',
      severity: 'error',
      comment: 'Production code must not depend on test or benchmark code (no test-only branches in src/).',
      from: { path: '^src/' },
      to: { path: '^(tests|bench)/' },
    },
    {
      name: 'server-imports-no-dev-dependency',
      severity: 'error',
      comment:
        'The server runs in production after `npm ci --omit=dev`: a runtime import of a devDependency would crash ' +
        'there. Type-only imports are erased at build time and are fine.',
      from: { path: '^(src|search)/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|web/dist|src/db/migrations)/|\\.gen\\.ts$' },
    // Type-only imports (`import type`) are kept, so type-only cycles are found.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
