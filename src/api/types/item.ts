import { builder } from '../builder.js';
import { hopConnection, hopOne, maybeText, nodeOptions, text, whole } from '../fields.js';
import { IssueRef, ItemRef, MeetingRef, MentionableRef, ReportRef } from '../refs.js';

builder.node(ItemRef, {
  ...nodeOptions('Item'),
  description: 'A headed item of an Update: a publication, consultation, event or programme note.',
  fields: (t) => ({
    title: t.string({ resolve: text('title') }),
    section: t.string({
      description: 'main, reminders, network-dates, key-dates…',
      resolve: text('section'),
    }),
    programme: t.string({ nullable: true, resolve: maybeText('programme') }),
    body: t.string({ resolve: text('body') }),
    actionRequired: t.string({ nullable: true, resolve: maybeText('actionRequired') }),
    date: t.field({ type: 'Date', description: "The Update's date.", resolve: text('date') }),
    lineStart: t.int({
      description: 'First line of the item in the source file.',
      resolve: whole('lineStart'),
    }),
    lineEnd: t.int({ resolve: whole('lineEnd') }),
    issue: hopOne(t, 'itemIssue', IssueRef, 'The Update the item appeared in.'),
    reports: hopConnection(t, 'itemReports', ReportRef, { description: 'Reports the item cites.' }),
    meetings: hopConnection(t, 'itemMeetings', MeetingRef, {
      description: 'Meetings and events the item announces.',
    }),
    mentions: hopConnection(t, 'itemMentions', MentionableRef, {
      description: 'People, organisations, local authorities and networks the item names.',
    }),
  }),
});
