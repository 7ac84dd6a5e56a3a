/**
 * ARCHITECTURE.md's rules as checks. `npm run lint` and the architecture test run them; a new
 * import that breaks one fails CI with the rule's name and comment.
 *
 * src/ is layered: a folder may import only the folders listed before it (and itself). The order
 * is the one ARCHITECTURE.md describes, bottom first; its table is drawn in the order of the
 * `layer-*` rules below (test/support/architecture-graph.ts).
 */
const SRC_LAYERS = [
  'knowledge', // the provider's document as a validated pack
  'result', // the one Result shape every layer returns
  'logging', // the Logger every layer is given (port, redaction, pino implementation)
  'secrets', // the encryption keyring and AES-256-GCM sealing of installation secrets, pure
  'settings', // a workspace's settings
  'ledger', // hash chain and exports, pure
  'store', // the Store port and its SQL implementation
  'retention', // deleting uninstalled workspaces after their retention period, with tombstones
  'occurrences', // occurrence math
  'views', // view models and the sentence catalogue
  'ports', // what the core asks of a surface (Messenger)
  'answer', // question answering
  'digest', // digest view models
  'calendar', // calendar feeds (ICS) and their secret tokens
  'auditor-pack', // the auditor's evidence zip: ledger, verification, pack, settings, README
  'scheduler', // tick → outbox → Messenger
  'commands', // the command grammar and its execution
  'dashboard', // the web dashboard's sign-in, sessions and page view models
  'bot', // the facade adapters call
];

/** Chat platforms and web frameworks: adapters may use them, the core never. */
const PLATFORM_PACKAGES = '^node_modules/(@slack|botbuilder|botframework-|@microsoft|express|hono|restify)';

const layerRules = SRC_LAYERS.map((layer, index) => {
  const allowed = SRC_LAYERS.slice(0, index + 1);
  return {
    name: `layer-${layer}`,
    comment: `src/${layer} may import only ${allowed.map((l) => `src/${l}`).join(', ')} (layers point down only)`,
    severity: 'error',
    from: { path: `^src/${layer}(/|\\.ts$)` },
    to: { path: '^src/', pathNot: `^src/(${allowed.join('|')})(/|\\.ts$)` },
  };
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A module must not reach itself through its imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-knows-no-surface',
      comment: 'src/ never imports adapters/: platform output goes out through a port.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^adapters/' },
    },
    {
      name: 'core-knows-no-platform',
      comment: 'src/ never imports a platform SDK or a web framework: add a port instead.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: PLATFORM_PACKAGES },
    },
    {
      name: 'adapters-stay-apart',
      comment:
        'An adapter imports no other adapter; only adapters/server composes them. adapters/llm is no surface: it implements the AnswerModel port, and whatever creates a Dutybot (server, CLI, terminal chat) may plug it in.',
      severity: 'error',
      from: { path: '^adapters/([^/]+)/', pathNot: '^adapters/server/' },
      to: { path: '^adapters/', pathNot: '^adapters/($1|llm)/' },
    },
    {
      name: 'chat-adapters-use-the-facade',
      comment:
        'Slack, Teams and the web pages reach the core through the facade (src/bot), view models (src/views), ports and the logger: never the store, the pack or a rule module.',
      severity: 'error',
      from: { path: '^adapters/(slack|teams|server|web)/' },
      to: { path: '^src/', pathNot: '^src/(bot|views|ports|logging)/' },
    },
    {
      name: 'product-never-imports-tests',
      comment: 'src/ and adapters/ never import test/ or bench/: fakes stay out of the build.',
      severity: 'error',
      from: { path: '^(src|adapters)/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'tests-never-import-bench',
      comment: 'bench/ may use test/support, never the reverse.',
      severity: 'error',
      from: { path: '^test/' },
      to: { path: '^bench/' },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type shared by two layers belongs to the lower one.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'], conditionNames: ['import', 'require', 'node', 'default'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
