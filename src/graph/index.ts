/** The graph model: labels and their properties, the edge catalogue, keys and uids, the evidence codec. */
export * from './labels.js';
export * from './edges.js';
export * from './keys.js';
export * from './evidence.js';
export * from './edge-id.js';
