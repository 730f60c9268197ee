import type { Contact } from './document.js';
import { isBlank, type Line, type Warn } from './lines.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d()][\d\s()-]{5,}\d$/;

/**
 * Splits "Role: Name (Organisation)". The organisation is the balanced parenthesis group that ends
 * the line, so "NHS England (South East)" survives nesting and "Philip (Phil) Simpkins" keeps his
 * nickname; the role ends at the first ": ", since roles use commas and semicolons but no colons.
 */
export function splitContactLine(text: string): Pick<Contact, 'role' | 'name' | 'organisation'> | null {
  const colon = text.indexOf(': ');
  if (colon <= 0) return null;
  const role = text.slice(0, colon).trim();
  let rest = text.slice(colon + 2).trim();
  let organisation: string | null = null;
  if (rest.endsWith(')')) {
    let depth = 0;
    for (let i = rest.length - 1; i >= 0; i--) {
      if (rest[i] === ')') depth++;
      else if (rest[i] === '(' && --depth === 0) {
        organisation = rest.slice(i + 1, -1).trim();
        rest = rest.slice(0, i).trim();
        break;
      }
    }
  }
  return rest === '' ? null : { role, name: rest, organisation };
}

/** The contact list: each entry's line, then optionally an email line and a phone line, in that order or not. */
export function readContacts(lines: Line[], warn: Warn): Contact[] {
  const contacts: Contact[] = [];
  for (const line of lines) {
    if (isBlank(line)) continue;
    const text = line.text.trim();
    const last = contacts.at(-1);
    if (EMAIL.test(text) && last !== undefined && last.email === null) {
      last.email = text;
      continue;
    }
    if (PHONE.test(text) && last !== undefined && last.phone === null) {
      last.phone = text;
      continue;
    }
    const entry = splitContactLine(text);
    if (entry === null) {
      warn(
        line.no,
        'Contact Details line not read as "Role: Name (Organisation)", an email or a phone number',
      );
      continue;
    }
    contacts.push({ ...entry, email: null, phone: null, line: line.no });
  }
  return contacts;
}
