// Curation in the explorer: "Wrong link" on a link, "Rename" and "Split" on an entity, a review queue of
// possible duplicates (Same / Keep apart) and the audit of decisions with Undo. Every decision goes through
// the public GraphQL mutations with the curator's key, which is asked for once per browser session and kept
// in sessionStorage only (never in localStorage, a cookie or the address).

const KEY_STORE = 'seslip-kg-curator-key';

/** The curator's key: from this session's storage, else asked for in the key dialog (null when cancelled). */
function curatorKey() {
  const stored = window.sessionStorage.getItem(KEY_STORE);
  if (stored) return Promise.resolve(stored);
  const dialog = document.getElementById('key-dialog');
  const input = document.getElementById('curator-key');
  input.value = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener(
      'close',
      () => {
        const key = dialog.returnValue === 'ok' ? input.value.trim() : '';
        input.value = '';
        if (key) window.sessionStorage.setItem(KEY_STORE, key);
        resolve(key || null);
      },
      { once: true },
    );
  });
}

/** Runs a mutation with the curator's key; a refused key is forgotten, so the next action asks again. */
async function decide(mutation, variables) {
  const key = await curatorKey();
  if (!key) throw new Error('no curator key given');
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: `Bearer ${key}`,
    },
    body: JSON.stringify({ query: mutation, variables }),
  });
  const body = await response.json();
  if (body.errors?.length) {
    const codes = body.errors.map((e) => e.extensions?.code);
    if (codes.includes('UNAUTHENTICATED') || codes.includes('FORBIDDEN'))
      window.sessionStorage.removeItem(KEY_STORE);
    throw new Error(body.errors.map((e) => e.message).join('; '));
  }
  return body.data;
}

/** A note for a decision, asked for in the panel's note field. */
function noteFrom(input) {
  const note = input.value.trim();
  if (!note) {
    input.focus();
    throw new Error('say why in the note field');
  }
  return note;
}

const element = (tag, properties = {}, ...children) => {
  const made = Object.assign(document.createElement(tag), properties);
  made.append(...children);
  return made;
};

const REJECT = `mutation RejectEdge($id: ID!, $note: String!) { rejectEdge(id: $id, note: $note) { id } }`;
const RENAME = `mutation RenameEntity($id: ID!, $name: String!, $note: String!) { renameEntity(id: $id, name: $name, note: $note) { id } }`;
const SPLIT = `mutation SplitEntity($id: ID!, $name: String!, $updates: [Int!]!, $note: String!) { splitEntity(id: $id, name: $name, updates: $updates, note: $note) { id } }`;
const MERGE = `mutation MergeEntities($ids: [ID!]!, $note: String!) { mergeEntities(ids: $ids, note: $note) { id } }`;
const KEEP_APART = `mutation KeepApart($ids: [ID!]!, $note: String!) { keepApart(ids: $ids, note: $note) { id } }`;
const UNDO = `mutation UndoDecision($id: ID!) { undoDecision(id: $id) { id } }`;
const AUDIT = `query Audit { decisions(first: 30) { totalCount edges { node { id kind note by at undone stale name edgeType } } } }`;
const REVIEW = `query ReviewQueue { people(first: 100) { edges { node { id name possiblySameAs { id name }
  organisations(first: 5) { edges { node { name } } } localAuthorities(first: 5) { edges { node { name } } }
  networks(first: 5) { edges { node { name } } } } } } }`;

/**
 * Wires curation into the explorer: `explorer` gives its GraphQL reader, its model, `act` (status and errors)
 * and `refresh` (fetch the drawn entities again after a decision).
 */
export function setupCuration(explorer) {
  const { graphql, act, refresh, model } = explorer;
  const note = document.getElementById('curation-note');

  /** The details panel's actions for a link: "Wrong link" rejects every relationship drawn as that link. */
  function linkActions(edge) {
    const details = document.getElementById('details');
    const wrong = element('button', { type: 'button', className: 'wrong-link', textContent: 'Wrong link' });
    wrong.addEventListener('click', () =>
      act('Rejecting the link', async () => {
        const why = noteFrom(note);
        for (const id of edge.stableIds ?? []) await decide(REJECT, { id, note: why });
        await refresh();
        await showAudit();
      }),
    );
    details.append(wrong);
  }

  /** The details panel's actions for an entity a curator may rename or split. */
  function nodeActions(node) {
    if (!['Person', 'Organisation', 'Network', 'LocalAuthority', 'Report', 'Meeting'].includes(node.kind))
      return;
    const details = document.getElementById('details');
    const name = element('input', { type: 'text', placeholder: 'new name', className: 'new-name' });
    const updates = element('input', {
      type: 'text',
      placeholder: 'Updates to split off: 451, 515',
      className: 'split-updates',
    });
    const rename = element('button', { type: 'button', className: 'rename', textContent: 'Rename' });
    const split = element('button', { type: 'button', className: 'split', textContent: 'Split' });
    rename.addEventListener('click', () =>
      act('Renaming', async () => {
        await decide(RENAME, { id: node.id, name: name.value, note: noteFrom(note) });
        await refresh();
        await showAudit();
      }),
    );
    split.addEventListener('click', () =>
      act('Splitting', async () => {
        const numbers = updates.value
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(Number);
        await decide(SPLIT, { id: node.id, name: name.value, updates: numbers, note: noteFrom(note) });
        await refresh();
        await showAudit();
      }),
    );
    details.append(element('div', { className: 'curate' }, name, rename, updates, split));
  }

  const names = (connection) => connection.edges.map((e) => e.node.name).join(', ') || '—';

  /** One side of a pair: the person and where they sit, so that a curator can compare. */
  const side = (person) =>
    element(
      'div',
      { className: 'side' },
      element('strong', { textContent: person.name }),
      element('p', { textContent: `organisations: ${names(person.organisations)}` }),
      element('p', { textContent: `authorities: ${names(person.localAuthorities)}` }),
      element('p', { textContent: `networks: ${names(person.networks)}` }),
    );

  async function showReview() {
    const { people } = await graphql(REVIEW, {});
    const byId = new Map(people.edges.map((e) => [e.node.id, e.node]));
    const pairs = [];
    for (const { node } of people.edges)
      for (const other of node.possiblySameAs)
        if (node.id < other.id && byId.has(other.id)) pairs.push([node, byId.get(other.id)]);
    const list = document.getElementById('review');
    list.replaceChildren();
    for (const [a, b] of pairs) {
      const same = element('button', { type: 'button', className: 'same', textContent: 'Same' });
      const apart = element('button', { type: 'button', className: 'keep-apart', textContent: 'Keep apart' });
      same.addEventListener('click', () =>
        act('Merging', async () => {
          await decide(MERGE, { ids: [a.id, b.id], note: noteFrom(note) });
          await showReview();
          await showAudit();
        }),
      );
      apart.addEventListener('click', () =>
        act('Keeping apart', async () => {
          await decide(KEEP_APART, { ids: [a.id, b.id], note: noteFrom(note) });
          await showReview();
          await showAudit();
        }),
      );
      list.append(element('li', { className: 'pair' }, side(a), side(b), same, apart));
    }
    if (pairs.length === 0) list.append(element('li', { textContent: 'No possible duplicates left.' }));
    document.getElementById('review-section').hidden = false;
  }

  async function showAudit() {
    const { decisions } = await graphql(AUDIT, {});
    const list = document.getElementById('audit');
    list.replaceChildren();
    for (const { node } of decisions.edges) {
      const what = `${node.kind}${node.edgeType ? ` ${node.edgeType}` : ''}${node.name ? ` “${node.name}”` : ''}`;
      const entry = element('li', {
        className: `decision${node.undone ? ' undone' : ''}`,
        textContent: `${what} by ${node.by}, ${node.at.slice(0, 16).replace('T', ' ')}: ${node.note}${node.stale ? ' (stale)' : ''}${node.undone ? ' (undone)' : ''} `,
      });
      entry.dataset.id = node.id;
      if (!node.undone) {
        const undo = element('button', { type: 'button', className: 'undo', textContent: 'Undo' });
        undo.addEventListener('click', () =>
          act('Undoing', async () => {
            await decide(UNDO, { id: node.id });
            await refresh();
            await showAudit();
          }),
        );
        entry.append(undo);
      }
      list.append(entry);
    }
    document.getElementById('audit-section').hidden = false;
  }

  document
    .getElementById('show-review')
    .addEventListener('click', () => act('Loading the review queue', showReview));
  document.getElementById('show-audit').addEventListener('click', () => act('Loading the audit', showAudit));
  return { linkActions, nodeActions, model };
}
