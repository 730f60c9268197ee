/** One link of the document: the line it stands on (1-based, in `text`), its anchor text and its URL. */
export interface SourceLink {
  line: number;
  text: string;
  href: string;
}

/** What any format becomes: the plain text the parser reads, and the links of its lines. */
export interface SourceText {
  text: string;
  links: SourceLink[];
}

export type SourceFormat = 'text' | 'html' | 'email';
