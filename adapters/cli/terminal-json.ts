import { TERMINAL_ACTIVE } from '../../src/views/text.js';

/**
 * JSON printed to a terminal: still valid JSON, but every character a terminal would act on (and
 * the core's mark delimiters, Unicode noncharacters) is a `\uXXXX` escape, so a stored name, note
 * or reason can neither move the cursor nor reorder the line. `JSON.stringify` alone leaves C1
 * controls, DEL and bidi overrides raw.
 */
export function terminalJson(json: string): string {
  const unicodeEscape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return json.replace(TERMINAL_ACTIVE, unicodeEscape).replace(/[\uFDD0-\uFDEF]/g, unicodeEscape);
}
