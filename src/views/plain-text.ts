import { asText, renderMarked, stripMarks } from './mentions.js';

export type MentionRenderer = (userId: string) => string;

/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC starts CSI/OSC sequences,
 * OSC 8 hyperlinks included; BEL, backspace, carriage return rewrite the line), DEL, C1 controls
 * (U+009B is a one-character CSI), Unicode bidi embeddings/overrides/isolates and marks (U+202E
 * reverses what follows), and line/paragraph separators.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job.
export const TERMINAL_ACTIVE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code); // ␛ ␇ ␈ ␍ …
  if (code === 0x7f) return '\u2421'; // ␡
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * THE plain-text rule (terminal chat, CLI, and every plain fallback built here): whatever a
 * terminal would act on is shown as a visible symbol instead, so stored text can neither move the
 * cursor, retitle the window, plant a hyperlink nor reorder what follows. Newlines and tabs of the
 * bot's own layout stay.
 */
export function inertPlain(text: string): string {
  return stripMarks(text).replace(TERMINAL_ACTIVE, visible);
}

/** A value a user supplied (note, reason, typed span): inert, and on one line so it cannot fake a line of ours. */
export function userField(value: string): string {
  return inertPlain(asText(value).replace(/\r\n|\r|\n/g, ' \u2424 ')).replace(/\t/g, ' ');
}

/** A core sentence: its words and typed spans made inert, mentions rendered by `at`. */
export function sentence(text: string, at: MentionRenderer): string {
  return renderMarked(text, { mention: at, typed: userField }, inertPlain);
}
