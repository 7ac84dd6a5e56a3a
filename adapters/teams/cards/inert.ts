import { stripMarks } from '../../../src/views/mentions.js';

const ZWSP = '\u200B';

/**
 * THE Teams escaping rule for text that is not the bot's own markup (every core sentence, and
 * every note, reason, name or question a user supplied), as it goes into a TextBlock or a Fact
 * value, both of which Teams renders as Markdown and runs through its template functions:
 * - Markdown punctuation is backslash-escaped (bold, italics, strike, code, links, images,
 *   HTML-like tags), and so are markers that start a heading, quote or list at a line's start;
 * - `{{`, `}}` and `${` get a zero-width space between them, so `{{DATE(…)}}` is shown, not run;
 * - `://` and `www.` get one too, so a typed address is not auto-linked: only evidence links
 *   (see `evidenceLink`) are clickable.
 */
export function inertText(value: string): string {
  return stripMarks(value)
    .replace(/[\\*_`~[\]()<>!|]/g, '\\$&')
    .replace(/^(\s*)([#>+-]|\d+\.)/gm, (_, space: string, marker: string) =>
      marker.endsWith('.') ? `${space}${marker.slice(0, -1)}\\.` : `${space}\\${marker}`,
    )
    .replace(/([{}])(?=[{}])|\$(?=\{)/g, `$&${ZWSP}`)
    .replace(/:\/\//g, `:${ZWSP}//`)
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${ZWSP}.`);
}

/** Every character that could end or re-open Markdown link syntax, percent-encoded. */
function linkTarget(href: string): string {
  return href.replace(
    /[()[\]<>\s"'`*_~{}\\|]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/**
 * An evidence link a user supplied: labelled with its host (inert), pointing at the URL with
 * every character that could end or re-open Markdown link syntax percent-encoded, so
 * `https://x/y)[Open the signed report](https://evil/…` stays one link to evidence.example.com.
 * Anything that is not an http(s) URL is shown as inert text. The link leaves Teams, and the
 * store rules want it said: `leaves` (from the catalogue, e.g. "opens in your browser") follows it.
 */
export function evidenceLink(url: string, leaves: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return inertText(url);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return inertText(url);
  const target = linkTarget(parsed.href);
  return `[${inertText(parsed.host)}](${target}) ${inertText(`(${leaves})`)}`;
}

/** A link to one of the operator's pages: our own label, the target encoded like an evidence link's. */
export function pageLink(label: string, url: string, leaves: string): string {
  return `[${inertText(label)}](${linkTarget(url)}) ${inertText(`(${leaves})`)}`;
}
