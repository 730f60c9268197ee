// The explorer: find an entity, draw its neighbourhood, expand a node by clicking it, hover a link for
// the sentences that state it, narrow everything to a period. It reads the public GraphQL API only.
import cytoscape from '/assets/cytoscape.esm.min.mjs';
import { setupCuration } from '/assets/curate.js';
// The relationship fields of each kind of entity, written by the server from the edge catalogue.
import { FIELDS } from '/assets/relationships.js';

/** Links drawn per relationship field of one entity; the details panel says how many more there are. */
const PAGE_SIZE = 25;
/** Evidence entries listed in the tooltip of one link. */
const QUOTES_SHOWN = 5;

const COLOURS = {
  Issue: '#64748b',
  Item: '#94a3b8',
  Report: '#d97706',
  Organisation: '#2563eb',
  Person: '#059669',
  Network: '#7c3aed',
  Meeting: '#db2777',
  LocalAuthority: '#dc2626',
};

const SUMMARY = `fragment Summary on Node {
  id
  __typename
  ... on Issue { number date }
  ... on Item { title date links }
  ... on Meeting { title date }
  ... on Report { title publishedOn url }
  ... on Network { name }
  ... on Person { name }
  ... on Organisation { name }
  ... on LocalAuthority { name }
}`;

function fieldSelection({ field, single, list, dated }) {
  if (single || list) return `${field} { ...Summary }`;
  const args = dated ? `first: ${PAGE_SIZE}, from: $from, to: $to` : `first: ${PAGE_SIZE}`;
  return `${field}(${args}) { totalCount edges { id node { ...Summary } evidence { quote date issue { number } item { title } } } }`;
}

const NEIGHBOURHOOD = `query Neighbourhood($id: ID!, $from: Date, $to: Date) {
  node(id: $id) {
    ...Summary
    ${Object.entries(FIELDS)
      .map(([kind, links]) => `... on ${kind} { ${links.map(fieldSelection).join(' ')} }`)
      .join('\n    ')}
  }
}
${SUMMARY}`;

const SEARCH = `query Find($text: String!, $kinds: [EntityKind!]) {
  search(text: $text, kinds: $kinds, first: 12) { totalCount edges { node { kind entity { ...Summary } } } }
}
${SUMMARY}`;

async function graphql(query, variables) {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data;
}

function labelOf(entity) {
  switch (entity.__typename) {
    case 'Issue':
      return `Update ${entity.number} (${entity.date})`;
    case 'Meeting':
    case 'Item':
      // Many items share a title ("Future dates for network meetings"): the date tells them apart.
      return `${entity.title}, ${entity.date}`;
    case 'Report':
      return entity.title;
    default:
      return entity.name;
  }
}

const shorten = (text, length) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** What has been fetched: every entity and link seen, the entities expanded, and the period. */
const model = { nodes: new Map(), edges: new Map(), expanded: new Set(), more: new Map(), from: '', to: '' };

function addNode(entity) {
  if (!model.nodes.has(entity.id)) {
    model.nodes.set(entity.id, {
      id: entity.id,
      kind: entity.__typename,
      label: labelOf(entity),
      // Where a report's title or an item's text linked to, when its Update was read from a web page.
      links: entity.url ? [entity.url] : (entity.links ?? []),
    });
  }
}

function addEdge({ relation, out, undirected }, owner, other, evidence, stableId) {
  const [source, target] = (undirected ? owner.id < other.id : out)
    ? [owner.id, other.id]
    : [other.id, owner.id];
  const id = `${relation}|${source}|${target}`;
  const edge = model.edges.get(id) ?? { id, source, target, relation, evidence: [], stableIds: [] };
  // The graph's own ids of the relationships drawn as this link (one per role of a role edge): Wrong link rejects them.
  if (stableId && !edge.stableIds.includes(stableId)) edge.stableIds.push(stableId);
  const known = new Set(edge.evidence.map((e) => JSON.stringify(e)));
  edge.evidence.push(...evidence.filter((e) => !known.has(JSON.stringify(e))));
  model.edges.set(id, edge);
}

async function expand(id) {
  const variables = { id, ...(model.from && { from: model.from }), ...(model.to && { to: model.to }) };
  const { node } = await graphql(NEIGHBOURHOOD, variables);
  if (!node) throw new Error('That entity is no longer in the graph.');
  addNode(node);
  const more = [];
  for (const field of FIELDS[node.__typename]) {
    const value = node[field.field];
    if (!value) continue;
    if (field.single) {
      addNode(value);
      addEdge(field, node, value, []);
      continue;
    }
    if (field.list) {
      for (const entity of value) {
        addNode(entity);
        addEdge(field, node, entity, []);
      }
      continue;
    }
    for (const edge of value.edges) {
      addNode(edge.node);
      addEdge(field, node, edge.node, edge.evidence, edge.id);
    }
    if (value.totalCount > value.edges.length)
      more.push(`${value.totalCount - value.edges.length} more ${field.field}`);
  }
  model.expanded.add(id);
  model.more.set(id, more);
}

const inPeriod = (date) => (!model.from || date >= model.from) && (!model.to || date <= model.to);
/** A link is drawn when an Update of the period states it; links without evidence follow their ends. */
const evidenceInPeriod = (edge) => edge.evidence.filter((e) => inPeriod(e.date));
const edgeVisible = (edge) => edge.evidence.length === 0 || evidenceInPeriod(edge).length > 0;

const cy = cytoscape({
  container: document.getElementById('graph'),
  style: [
    {
      selector: 'node',
      style: {
        label: 'data(short)',
        'background-color': 'data(colour)',
        color: '#1f2937',
        'font-size': 10,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': 140,
        width: 22,
        height: 22,
      },
    },
    {
      selector: 'node.expanded',
      style: { width: 34, height: 34, 'border-width': 3, 'border-color': '#111827' },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#9ca3af',
        'target-arrow-color': '#9ca3af',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
        label: 'data(relation)',
        'font-size': 7,
        color: '#6b7280',
        'text-rotation': 'autorotate',
      },
    },
    { selector: 'edge.hover', style: { width: 4, 'line-color': '#111827', 'target-arrow-color': '#111827' } },
  ],
});
// For the browser tests and the console: the graph as drawn.
window.seslipExplorer = { cy, model };

function render() {
  const edges = [...model.edges.values()].filter(edgeVisible);
  const shown = new Set(model.expanded);
  for (const edge of edges) shown.add(edge.source).add(edge.target);
  cy.nodes()
    .filter((node) => !shown.has(node.id()))
    .remove();
  cy.edges()
    .filter((edge) => !model.edges.has(edge.id()) || !edgeVisible(model.edges.get(edge.id())))
    .remove();
  const fresh = cy.nodes().empty();
  const added = [];
  for (const id of shown) {
    const node = model.nodes.get(id);
    if (cy.getElementById(id).empty()) {
      const data = { id, short: shorten(node.label, 48), colour: COLOURS[node.kind] };
      added.push(cy.add({ group: 'nodes', data }));
    }
    cy.getElementById(id).toggleClass('expanded', model.expanded.has(id));
  }
  for (const edge of edges) {
    if (cy.getElementById(edge.id).empty()) cy.add({ group: 'edges', data: { ...edge } });
  }
  // New nodes start beside a drawn neighbour, so the layout grows the picture instead of reshuffling it.
  for (const node of added) {
    const anchor = node.neighborhood('node').filter((n) => !added.includes(n))[0];
    if (anchor)
      node.position({ x: anchor.position('x') + Math.random() * 40 - 20, y: anchor.position('y') + 40 });
  }
  const spacing = { nodeRepulsion: () => 400000, idealEdgeLength: () => 140, nodeOverlap: 40 };
  cy.layout({ name: 'cose', animate: false, randomize: fresh, ...spacing }).run();
  cy.fit(undefined, 30);
  // A handful of nodes would otherwise be blown up to fill the screen.
  if (cy.zoom() > 1.6) cy.zoom(1.6).center();
  const status = document.getElementById('status');
  status.dataset.nodes = String(cy.nodes().length);
  status.dataset.edges = String(cy.edges().length);
  const period = model.from || model.to ? ` in ${model.from || '…'} to ${model.to || '…'}` : '';
  say(`${cy.nodes().length} entities and ${cy.edges().length} links${period}; click an entity to expand it.`);
}

function say(text, isError = false) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** Runs one user action, showing "working" meanwhile and any error in the status line. */
async function act(what, action) {
  say(`${what}…`);
  document.body.classList.add('busy');
  try {
    await action();
  } catch (error) {
    say(`${what} failed: ${error.message}`, true);
  } finally {
    document.body.classList.remove('busy');
  }
}

function showDetails(id) {
  const node = model.nodes.get(id);
  const details = document.getElementById('details');
  details.replaceChildren();
  const heading = document.createElement('h2');
  heading.textContent = node.label;
  const kind = document.createElement('p');
  kind.textContent = `${node.kind} · ${cy.getElementById(id).degree()} links drawn`;
  details.append(heading, kind);
  for (const href of (node.links ?? []).filter((url) => /^https?:\/\//.test(url))) {
    const line = document.createElement('p');
    line.className = 'link';
    const anchor = document.createElement('a');
    anchor.href = href;
    anchor.textContent = href;
    anchor.target = '_blank';
    anchor.rel = 'noopener noreferrer';
    line.append(anchor);
    details.append(line);
  }
  for (const line of model.more.get(id) ?? []) {
    const more = document.createElement('p');
    more.className = 'more';
    more.textContent = `${line} not drawn (first ${PAGE_SIZE} only)`;
    details.append(more);
  }
  curation.nodeActions(node);
  details.hidden = false;
}

/** The details panel for a link: its ends and type, with the curator's "Wrong link". */
function showLink(edgeId) {
  const edge = model.edges.get(edgeId);
  const details = document.getElementById('details');
  details.replaceChildren();
  const heading = document.createElement('h2');
  heading.textContent = `${model.nodes.get(edge.source).label} — ${edge.relation} → ${model.nodes.get(edge.target).label}`;
  details.append(heading);
  curation.linkActions(edge);
  details.hidden = false;
}

function showEvidence(edgeId, position) {
  const edge = model.edges.get(edgeId);
  const tooltip = document.getElementById('evidence');
  const heading = document.createElement('strong');
  heading.textContent = `${model.nodes.get(edge.source).label} — ${edge.relation} → ${model.nodes.get(edge.target).label}`;
  const list = document.createElement('ul');
  const evidence = evidenceInPeriod(edge);
  for (const said of evidence.slice(0, QUOTES_SHOWN)) {
    const entry = document.createElement('li');
    const quote = document.createElement('q');
    quote.textContent = said.quote;
    const where = document.createElement('span');
    where.className = 'where';
    const item = said.item ? `, “${said.item.title}”` : '';
    where.textContent = ` Update ${said.issue?.number ?? '?'}, ${said.date}${item}`;
    entry.append(quote, where);
    list.append(entry);
  }
  if (evidence.length > QUOTES_SHOWN) {
    const rest = document.createElement('li');
    rest.textContent = `and ${evidence.length - QUOTES_SHOWN} more`;
    list.append(rest);
  }
  if (edge.evidence.length === 0) {
    const none = document.createElement('li');
    none.textContent = 'No sentence is kept for this link itself: expand the other end for the quotes.';
    list.append(none);
  }
  tooltip.replaceChildren(heading, list);
  const box = document.getElementById('graph').getBoundingClientRect();
  tooltip.style.left = `${Math.min(box.left + position.x + 14, window.innerWidth - 420)}px`;
  tooltip.hidden = false;
  // Below the pointer, or above it when the list would run off the bottom of the window.
  const below = box.top + position.y + 14;
  const fits = below + tooltip.offsetHeight <= window.innerHeight;
  tooltip.style.top = `${fits ? below : Math.max(0, box.top + position.y - 14 - tooltip.offsetHeight)}px`;
}

cy.on('tap', 'node', (event) => {
  const id = event.target.id();
  showDetails(id);
  if (model.expanded.has(id)) return;
  act('Expanding', async () => {
    await expand(id);
    render();
    showDetails(id);
  });
});
cy.on('tap', 'edge', (event) => showLink(event.target.id()));
cy.on('mouseover', 'edge', (event) => {
  event.target.addClass('hover');
  showEvidence(event.target.id(), event.renderedPosition);
});
cy.on('mouseout', 'edge', (event) => {
  event.target.removeClass('hover');
  document.getElementById('evidence').hidden = true;
});

/** Starts a new picture around one entity and records it in the address, so that it can be shared. */
function start(id) {
  act('Drawing the neighbourhood', async () => {
    model.nodes.clear();
    model.edges.clear();
    model.expanded.clear();
    cy.elements().remove();
    await expand(id);
    render();
    showDetails(id);
    const address = new URL(window.location.href);
    address.searchParams.set('id', id);
    window.history.replaceState(null, '', address);
  });
}

function showResults(hits, total) {
  const results = document.getElementById('results');
  results.replaceChildren();
  for (const { kind, entity } of hits) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = labelOf(entity);
    button.style.borderLeftColor = COLOURS[kind];
    button.title = kind;
    button.addEventListener('click', () => start(entity.id));
    const item = document.createElement('li');
    item.append(button);
    results.append(item);
  }
  say(hits.length === 0 ? 'Nothing found.' : `${total} found; pick one to draw its neighbourhood.`);
}

document.getElementById('search').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = document.getElementById('text').value.trim();
  const kind = document.getElementById('kind').value;
  act('Searching', async () => {
    const { search } = await graphql(SEARCH, { text, kinds: kind ? [kind] : null });
    showResults(
      search.edges.map((edge) => edge.node),
      search.totalCount,
    );
  });
});

/** Fetches the expanded entities again for the new period (mentions are bounded by the server). */
async function narrow(from, to) {
  if (from && to && from > to) throw new Error('the period ends before it starts');
  Object.assign(model, { from, to });
  const expanded = [...model.expanded];
  model.edges.clear();
  model.expanded.clear();
  for (const id of expanded) await expand(id);
  cy.elements().remove();
  render();
}

const curation = setupCuration({
  graphql,
  act,
  model,
  // After a decision: the drawn entities fetched again, as the graph now answers.
  refresh: () => narrow(model.from, model.to),
});

const period = document.getElementById('period');
period.addEventListener('submit', (event) => {
  event.preventDefault();
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  act('Narrowing', () => narrow(from, to));
});
period.addEventListener('reset', () => act('Showing all dates', () => narrow('', '')));

for (const [kind, colour] of Object.entries(COLOURS)) {
  const entry = document.createElement('li');
  entry.textContent = kind;
  entry.style.borderLeftColor = colour;
  document.getElementById('legend').append(entry);
}

const opening = new URL(window.location.href).searchParams.get('id');
if (opening) start(opening);
