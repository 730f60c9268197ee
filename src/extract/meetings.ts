import type { Meeting } from '../parse/document.js';
import { addEntity, addPerson, itemAt, type Context } from './context.js';
import type { Source } from './graph.js';
import { meetingNode } from './nodes.js';
import type { NodeRef } from './records.js';

/**
 * Meetings and events the Update announces. A meeting without a resolved date, and a dates-list line
 * with no date at all (`undated`), get no node (the key needs the date; the parser has warned), but
 * their "More from X" still makes X a contact for the network.
 */
export function readMeetings(ctx: Context): void {
  for (const meeting of [...ctx.doc.meetings, ...ctx.doc.undated]) {
    const announcedIn = itemAt(ctx, meeting.line, meeting.item);
    const where: Source = { source: announcedIn?.ref.key ?? ctx.issue.key, quote: meeting.raw };
    const network = networkOf(ctx, meeting, announcedIn?.item.section === 'network-dates');
    const contact = meeting.contact === null ? undefined : addPerson(ctx, meeting.contact);
    if (network !== undefined && contact !== undefined)
      ctx.graph.edge('CONTACT_FOR', contact, network.ref, where);
    if (meeting.date === null) continue;

    const node = ctx.graph.node(
      meetingNode({
        keyName: network?.name ?? meeting.network,
        date: meeting.date,
        time: meeting.time,
        topic: meeting.topic,
        title: meeting.network,
      }),
    );
    if (network !== undefined) ctx.graph.edge('HOLDS', network.ref, node, where);
    if (announcedIn !== undefined) ctx.graph.edge('ANNOUNCED_IN', node, announcedIn.ref, where);
    if (contact !== undefined) ctx.graph.edge('CONTACT', node, contact, where);
    for (const participant of meeting.participants) involve(ctx, node, participant, meeting.line, where);
  }
}

/**
 * The network holding the meeting. Lines under "Future dates for network meetings" are expected to
 * name a known network, so a miss there is warned; elsewhere the name is usually an event's
 * ("Triad 2", "Regional Improvement Summit").
 */
function networkOf(
  ctx: Context,
  meeting: Meeting,
  expected: boolean,
): { ref: NodeRef; name: string } | undefined {
  const network = ctx.resolver.resolveNetwork(meeting.network);
  if (network === undefined) {
    if (expected) ctx.graph.warn(meeting.line, `network "${meeting.network}" is not in data/networks.json`);
    return undefined;
  }
  return { ref: addEntity(ctx, { kind: 'network', entry: network }), name: network.name };
}

function involve(ctx: Context, meeting: NodeRef, participant: string, line: number, where: Source): void {
  const authority = ctx.resolver.resolveAuthority(participant);
  if (authority === undefined) {
    ctx.graph.warn(line, `participant "${participant}" is not a local authority in data/`);
    return;
  }
  ctx.graph.edge('INVOLVES', meeting, addEntity(ctx, { kind: 'authority', entry: authority }), where);
}
