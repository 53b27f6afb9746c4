/**
 * Which folder of src/ may import which (design.md §3): pages and components → exercises and
 * doctor → inspector, runtime and editor → mock-api. An import may go down any number of layers,
 * never up or sideways; the mock imports nothing of ours and nothing of Astro's, so it runs as it
 * is in the worker, in Node (the oracle) and in unit tests.
 */

/** Our top-level folders under src/, by layer. Pages, components and layouts sit above them all. */
const TOP = ['pages', 'components', 'layouts'];
const FEATURES = ['exercises', 'doctor'];
const SERVICES = ['inspector', 'runtime', 'editor', 'offline'];

/** Matches a relative import of one of `folders` (`../runtime/client`, `../../exercises/load`). */
const folderImport = (folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

/**
 * The rules for files that may not import `folders` (and, when `noAstro`, no Astro module).
 * no-restricted-imports checks `import` and `export … from`; dynamic `import()` needs a syntax rule.
 */
function forbid(folders, message, { noAstro = false, typeOnly = [] } = {}) {
  const patterns = [{ regex: folderImport(folders), message }];
  if (typeOnly.length > 0) patterns.push({ regex: folderImport(typeOnly), allowTypeImports: true, message });
  if (noAstro) patterns.push({ regex: '^(astro|@astrojs/)', message });
  const dynamic = [patterns[0].regex, ...(typeOnly.length > 0 ? [folderImport(typeOnly)] : [])].join('|');
  return {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
    'no-restricted-syntax': ['error', { selector: `ImportExpression[source.value=/${dynamic.replaceAll('/', '\\/')}/]`, message }],
  };
}

const rule = (files, rules) => ({ files, rules });

export const layerRules = [
  // The two features share a layer: the doctor reuses share links, scenarios name the doctor's causes.
  rule(
    FEATURES.map((f) => `src/${f}/**/*.ts`),
    forbid(TOP, 'exercises and doctor import only each other, inspector, runtime, editor and mock-api'),
  ),
  rule(['src/inspector/**/*.ts'], forbid([...TOP, ...FEATURES, 'runtime', 'editor'], 'inspector imports only mock-api')),
  rule(['src/editor/**/*.ts'], forbid([...TOP, ...FEATURES, 'runtime', 'inspector', 'mock-api'], 'editor imports nothing of ours')),
  // The offline course's page side only talks to the service worker; who registers it is the caller's choice.
  rule(
    ['src/offline/**/*.ts'],
    forbid([...TOP, ...FEATURES, 'runtime', 'inspector', 'editor', 'mock-api'], 'offline imports nothing of ours'),
  ),
  // The runtime's page side talks to the worker; the mock runs in the worker, so the page side takes
  // only its types. Wiring the page's own mock (the service worker) is the exercise's job.
  rule(
    ['src/runtime/**/*.ts'],
    forbid([...TOP, ...FEATURES, 'inspector', 'editor'], 'the runtime page side imports only types from mock-api', {
      typeOnly: ['mock-api'],
    }),
  ),
  // Worker-side files: the mock API runs here. The worker also writes the doctor's analyzer (Python
  // files, read as text with import.meta.glob, not imported) into Pyodide's file system, since the
  // worker is the only place Python runs.
  rule(
    [
      'src/runtime/python.worker.ts',
      'src/runtime/worker-mock.ts',
      'src/runtime/replay.ts',
      'src/runtime/sync-xhr-guard.ts',
      'src/runtime/zstd-archives.ts',
    ],
    forbid([...TOP, ...FEATURES, 'inspector', 'editor'], 'the runtime worker imports only mock-api'),
  ),
  rule(
    ['src/mock-api/**/*.ts'],
    forbid([...TOP, ...FEATURES, ...SERVICES], 'mock-api imports nothing of ours and nothing of Astro', { noAstro: true }),
  ),
];
