// Starts yoga's GraphiQL from files of this server only (the page's CSP allows nothing else).
// Loaded before the GraphiQL bundle, because Monaco reads MonacoEnvironment when the bundle loads.

const WORKERS = {
  editorWorkerService: '/assets/graphiql/workers/editor.worker.bundle.js',
  json: '/assets/graphiql/workers/json.worker.bundle.js',
  graphql: '/assets/graphiql/workers/graphql.worker..bundle.js',
};

self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: (_moduleId, label) => WORKERS[label] ?? WORKERS.editorWorkerService,
};

document.addEventListener('DOMContentLoaded', () => {
  const options = JSON.parse(document.getElementById('graphiql-options').textContent);
  window.YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
});
