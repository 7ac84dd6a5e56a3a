import type { Party } from './schema.js';

/**
 * A reader for the plain-text copy of a provider's shared-responsibility page, used to prove a
 * pack's document file is complete and verbatim (`dutybot knowledge lint` and the knowledge tests).
 *
 * The page's shape: general sections first, then one section per service whose heading is
 * immediately followed by a sub-heading naming the provider (the provider's list) and later one
 * naming the customer (the customer's list); list items are lines starting with "  • ". Service
 * headings are found from that shape, not from a list of names, so the check does not trust the
 * YAML it checks. The two sub-headings are the pack's (`document.provider`, `document.customer_heading`).
 */

const BULLET = /^\s*•\s?/;

/** The sub-headings that open each party's list in a service section. */
export interface SourceHeadings {
  provider: string;
  customer: string;
}

export interface SourceBullet {
  /** The bullet text, trimmed, without the bullet character. */
  text: string;
  /** 1-based line number in the source file. */
  line: number;
}

export interface SourceServiceSection {
  /** The section heading, e.g. "WebSpace - Web Hosting". */
  name: string;
  line: number;
  provider: SourceBullet[];
  customer: SourceBullet[];
}

export interface SourceDocument {
  /** The whole text with line endings normalized to "\n". */
  text: string;
  lines: readonly string[];
  services: SourceServiceSection[];
  /** Bullets outside the service sections (definitions, security tools, infrastructure measures). */
  generalBullets: SourceBullet[];
}

export function parseSourceDocument(raw: string, headings: SourceHeadings): SourceDocument {
  const text = raw.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const services: SourceServiceSection[] = [];
  const generalBullets: SourceBullet[] = [];
  let section: SourceServiceSection | undefined;
  let party: Party | undefined;

  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    const lineNo = index + 1;
    if (BULLET.test(line)) {
      const bullet = { text: line.replace(BULLET, '').trim(), line: lineNo };
      if (section && party) section[party].push(bullet);
      else generalBullets.push(bullet);
      return;
    }
    if (section && trimmed === headings.provider) party = 'provider';
    else if (section && trimmed === headings.customer) party = 'customer';
    else if (nextNonBlank(lines, index + 1) === headings.provider) {
      section = { name: trimmed, line: lineNo, provider: [], customer: [] };
      services.push(section);
      party = undefined;
    } else {
      // Any other heading or paragraph closes the service sections (e.g. "Documents" at the end).
      section = undefined;
      party = undefined;
    }
  });
  return { text, lines, services, generalBullets };
}

function nextNonBlank(lines: readonly string[], from: number): string | undefined {
  for (let i = from; i < lines.length; i++) {
    const trimmed = lines[i]!.trim();
    if (trimmed !== '') return trimmed;
  }
  return undefined;
}

/** True when `fragment` occurs in the source as written (ignoring only line-ending differences). */
export function isVerbatimInSource(source: SourceDocument, fragment: string): boolean {
  return fragment.length > 0 && source.text.includes(fragment);
}

/** True when `heading` is a whole line of the source. */
export function isSourceLine(source: SourceDocument, heading: string): boolean {
  return source.lines.some((line) => line.trim() === heading);
}
