/** Lines that mark a part of the page or of an item, written the same way in every layout. */
export const MARKERS = {
  reminders: /^reminders from previous weeks:?$/i,
  tools: /^tools\s*(?:&|and)\s*templates:?$/i,
  contacts: /^contact details:?$/i,
  networkDates: /^(?:future dates for network meetings|network dates):?$/i,
  keyDates: /^key dates:?$/i,
  programme: /^programme:\s*(.*)$/i,
  update: /^update:\s*(.*)$/i,
  action: /^action required(?::\s*(.*)|\s*)$/i,
  /** The 2023–2025 label under which the items start. */
  updatesLabel: /^updates:?$/i,
};
