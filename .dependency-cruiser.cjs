// The import layering of src/ (issue 11), checked by dependency-cruiser in `npm test`
// (test/unit/layering/importLayers.test.ts; by hand: `npm run lint:layers`).
//
// Data flows sources → model → metrics → report → host/webview. In imports that reads bottom-up: a
// file may import its own layer and the layers below it, never one above. `model` (the facts and
// the options every stage speaks) sits below `sources` because sources produce it; the ground
// floor (util, output, cache) serves everyone and imports nothing of ours. The hosts (CLI,
// extension, webview) sit on top and never import each other; src/shared is what they share.
//
// Besides the layers: no two folders import each other (at folder granularity), and the bench
// and tests keep to their own floors (bench never reaches into test/ outside test/kit).
//
// The rules hold with no exception: an import they refuse is moved, not listed.

/** Bottom to top. `paths` are regular expressions on the path from the repository root. */
const LAYERS = [
  { name: 'ground', paths: ['^src/core/(util|output|cache)/', '^src/core/defaultGlobs\\.ts$'], what: 'the ground floor (util, output, cache)' },
  { name: 'model', paths: ['^src/core/model/', '^src/core/options\\.ts$'], what: 'the model (facts and options)' },
  { name: 'sources', paths: ['^src/core/sources/'], what: 'the sources' },
  { name: 'metrics', paths: ['^src/core/metrics/'], what: 'the metrics' },
  { name: 'report', paths: ['^src/core/report/'], what: 'the report renderers' },
  { name: 'sprintReview', paths: ['^src/core/sprintReview/'], what: 'the sprint review' },
  // Every other file at src/core's root: pipeline.ts, pipelineTypes.ts, partialReport.ts …
  { name: 'pipeline', paths: ['^src/core/(?!(options|defaultGlobs)\\.ts$)[^/]+\\.ts$'], what: 'the pipeline (runs the sources, then the report)' },
  { name: 'shared', paths: ['^src/shared/'], what: 'src/shared (what the hosts and the webview share)' },
  { name: 'hosts', paths: ['^src/(cli|extension|webview)/', '^src/cli\\.ts$'], what: 'the hosts (CLI, extension, webview)' },
];

/** The bench's floors, bottom to top: generators, then what runs and prints, then the suites, then the entry. */
const BENCH_FLOORS = [
  { name: 'synth', paths: ['^bench/synth/'], what: 'bench/synth (the generators)' },
  { name: 'harness', paths: ['^bench/harness/'], what: 'bench/harness (running reports, git passes, tables)' },
  { name: 'suites', paths: ['^bench/suites/'], what: 'bench/suites (the measured suites)' },
  { name: 'run', paths: ['^bench/run\\.ts$'], what: 'bench/run.ts' },
];

const either = (paths) => (paths.length === 1 ? paths[0] : `(${paths.map((p) => `(${p})`).join('|')})`);

/** One rule per floor: it imports nothing from the floors above it. */
const floorRules = (prefix, floors, why) => floors.slice(0, -1).map((floor, i) => ({
  name: `${prefix}-${floor.name}`,
  severity: 'error',
  comment: `${floor.what} must not import a layer above it (${floors.slice(i + 1).map((f) => f.name).join(', ')})${why}`,
  from: { path: either(floor.paths) },
  to: { path: either(floors.slice(i + 1).flatMap((f) => f.paths)) },
}));

const layerRules = floorRules('layer', LAYERS, ': data flows sources → model → metrics → report → host/webview, and imports only run down.');
const benchRules = floorRules('bench', BENCH_FLOORS, '.');

const HOSTS = ['cli', 'extension', 'webview'];
const hostRules = HOSTS.map((host) => ({
  name: `hosts-apart-${host}`,
  severity: 'error',
  comment: `src/${host} must not import another host (${HOSTS.filter((h) => h !== host).join(', ')}): what two hosts share lives in src/core or src/shared.`,
  from: { path: host === 'cli' ? '^src/(cli/|cli\\.ts$)' : `^src/${host}/` },
  to: { path: `^src/(${HOSTS.filter((h) => h !== host).join('|')})(/|\\.ts$)` },
}));

module.exports = {
  forbidden: [
    {
      name: 'layer-unknown',
      severity: 'error',
      comment: 'A file of src/ outside every layer of .dependency-cruiser.cjs escapes the layering: give its folder a layer in LAYERS.',
      from: { path: '^src/', pathNot: either(LAYERS.flatMap((l) => l.paths)) },
      to: {},
    },
    ...layerRules,
    ...hostRules,
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment: 'Two folders must not import each other (directly or round a longer loop): one of them is the lower floor, move what the other needs down.',
      scope: 'folder',
      from: { path: '^(src|bench|test)/' },
      to: { circular: true },
    },
    {
      name: 'product-alone',
      severity: 'error',
      comment: 'The product (src/) never imports the tests or the bench.',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'bench-uses-test-kit',
      severity: 'error',
      comment: 'The bench imports from test/ only what test/kit shares with it.',
      from: { path: '^bench/' },
      to: { path: '^test/', pathNot: '^test/kit/' },
    },
    {
      name: 'test-kit-standalone',
      severity: 'error',
      comment: 'test/kit is shared by the tests and the bench: it imports neither the tests nor the bench.',
      from: { path: '^test/kit/' },
      to: { path: '^(test/(unit|e2e)|bench)/' },
    },
    ...benchRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a higher layer is still an import back up.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(test/e2e/output|\\.bench)/' },
  },
};
