// Monaco's web workers, bundled next to the page (see ../bundle.ts). Imported before GraphiQL so that
// the environment exists when the editors start.
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = label === 'json' ? 'json.worker.js' : label === 'graphql' ? 'graphql.worker.js' : 'editor.worker.js';
    return new Worker(new URL(`./${file}`, import.meta.url), { type: 'module' });
  },
};
