import type { IssueHeader, Item } from '../parse/document.js';
import { normaliseName } from '../text/names.js';
import type { PersonName } from './people.js';
import { issueKey, itemKey, type NodeRecord } from './records.js';
import type { Entity } from './reference.js';

/**
 * The node records of the graph model (docs/graph-model.md), one factory per label. Named nodes are
 * keyed by normaliseName of their canonical name, so "DfE" and "Department for Education" meet.
 */

export function issueNode(issue: IssueHeader): NodeRecord {
  const { number, date, headline, sourceFile, truncated } = issue;
  return { label: 'Issue', key: issueKey(number), props: { number, date, headline, sourceFile, truncated } };
}

/** The item's paragraphs and list entries, one per line. */
export const itemBody = (item: Item): string =>
  [...item.paragraphs, ...item.lists.flatMap((list) => list.entries.map((e) => e.text))].join('\n');

export function itemNode(issue: IssueHeader, item: Item, position: number): NodeRecord {
  return {
    label: 'Item',
    key: itemKey(issue.number, position),
    props: {
      issueNumber: issue.number,
      position,
      title: item.title,
      section: item.section,
      programme: item.programme,
      body: itemBody(item),
      actionRequired: item.actionRequired,
      lineStart: item.lines.start,
      lineEnd: item.lines.end,
      date: issue.date,
      // Read from a web page or e-mail: the addresses its links point at, each once, in page order.
      ...(item.links === undefined ? {} : { links: [...new Set(item.links.map((link) => link.url))] }),
    },
  };
}

export function personNode(person: PersonName): NodeRecord {
  return {
    label: 'Person',
    key: normaliseName(person.name),
    props: { name: person.name, variants: person.variants },
    listProps: ['variants'],
  };
}

/** A body from data/: a local authority, an organisation or a network. */
export function entityNode(entity: Entity): NodeRecord {
  const { name, aliases } = entity.entry;
  const key = normaliseName(name);
  switch (entity.kind) {
    case 'authority': {
      const { region, seslip } = entity.entry;
      return {
        label: 'LocalAuthority',
        key,
        props: { name, aliases, region, seslip },
        listProps: ['aliases'],
      };
    }
    case 'organisation':
      return {
        label: 'Organisation',
        key,
        props: { name, aliases, kind: entity.entry.kind ?? null },
        listProps: ['aliases'],
      };
    case 'network':
      return {
        label: 'Network',
        key,
        props: { name, aliases, topics: entity.entry.terms },
        listProps: ['aliases'],
      };
  }
}

/** A publisher or employer that data/ does not know: kept under the name as written (with a warning). */
export function unknownOrganisationNode(name: string): NodeRecord {
  return {
    label: 'Organisation',
    key: normaliseName(name),
    props: { name, aliases: [], kind: null },
    listProps: ['aliases'],
  };
}

/** A body data/ does not know that the statistical reader proposed and the rules typed ("charity", "court"). */
export function proposedOrganisationNode(name: string, kind: string | null, written: string): NodeRecord {
  const node = unknownOrganisationNode(name);
  const aliases = normaliseName(written) === node.key ? [] : [written];
  return { ...node, props: { ...node.props, aliases, kind } };
}

export interface ReportFields {
  title: string;
  publishedOn: string | null;
  kind: string | null;
  verb: string | null;
  /** The link on its title, when read from a web page or e-mail (absolute, normalised). */
  url?: string;
}

export function reportNode(report: ReportFields): NodeRecord {
  const { url, ...fields } = report;
  return {
    label: 'Report',
    key: normaliseName(report.title),
    props: url === undefined ? { ...fields } : { ...fields, url },
  };
}

export interface MeetingFields {
  /** The network's canonical name, or the event's name when no network resolves: the key's stem. */
  keyName: string;
  date: string;
  time: string | null;
  topic: string | null;
  /** The network or event as written. */
  title: string;
}

export function meetingNode({ keyName, date, time, topic, title }: MeetingFields): NodeRecord {
  return { label: 'Meeting', key: `${normaliseName(keyName)}@${date}`, props: { date, time, topic, title } };
}
