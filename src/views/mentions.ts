/**
 * Marks inside core sentences, which each surface renders its own way:
 * - a **mention** of a user (Slack `<@U1>`, a Teams mention entity, `@id` in the terminal);
 * - a **typed span**: text a user supplied (a skip reason, an echoed duty name), which every
 *   surface must show as inert text, never as markup.
 *
 * The marks are delimited by Unicode noncharacters (U+FDD0–U+FDD3), which Unicode reserves for
 * a program's internal use and which no keyboard produces. `stripMarks` removes every
 * noncharacter from typed text where it enters (each inbound adapter, `typed()`), so nothing a
 * user types can forge a mention or close a typed span: mentions are created only by `mention()`,
 * from platform mention entities or from the core's own data.
 */
const MENTION_OPEN = '\uFDD0';
const MENTION_CLOSE = '\uFDD1';
const TYPED_OPEN = '\uFDD2';
const TYPED_CLOSE = '\uFDD3';

/** Every mark in a sentence: group 1 is a mentioned user id, group 2 a typed span. */
const MARK = /\uFDD0([^\uFDD0-\uFDEF]+)\uFDD1|\uFDD2([^\uFDD0-\uFDEF]*)\uFDD3/g;

/** One mention mark, for grammars that read mentions out of typed commands (group 1 is the id). */
export const MENTION_PATTERN = '\\uFDD0([^\\uFDD0-\\uFDEF]+)\\uFDD1';

/** Removes every Unicode noncharacter of the U+FDD0 block: typed text can never carry a mark. */
export function stripMarks(text: string): string {
  return text.replace(/[\uFDD0-\uFDEF]/g, '');
}

export function mention(userId: string): string {
  return `${MENTION_OPEN}${stripMarks(userId)}${MENTION_CLOSE}`;
}

/**
 * Free text as it is stored and echoed (a note, a reason, a duty name someone typed): a mention
 * made in it is kept as readable `@id` text, never as a mark, so it cannot notify anyone when
 * the text is shown again.
 */
export function asText(text: string): string {
  return stripMarks(
    text.replace(MARK, (_, id: string | undefined, span: string | undefined) =>
      id !== undefined ? `@${id}` : (span ?? ''),
    ),
  );
}

/** Wraps user-supplied text interpolated into a core sentence, so surfaces render it inert. */
export function typed(text: string): string {
  return `${TYPED_OPEN}${asText(text)}${TYPED_CLOSE}`;
}

export interface MarkRenderers {
  mention: (userId: string) => string;
  /** How a typed span is shown; as it is, without its marks, by default. */
  typed?: (text: string) => string;
}

/**
 * Renders a core sentence: `text` renders the sentence's own words (escaping for the surface),
 * `marks` renders mentions and typed spans. Stray noncharacters are dropped.
 */
export function renderMarked(
  sentence: string,
  marks: MarkRenderers,
  text: (plain: string) => string = (s) => s,
): string {
  let out = '';
  let last = 0;
  for (const match of sentence.matchAll(MARK)) {
    out += text(stripMarks(sentence.slice(last, match.index)));
    out += match[1] !== undefined ? marks.mention(match[1]) : (marks.typed ?? ((s) => s))(match[2] as string);
    last = match.index + match[0].length;
  }
  return out + text(stripMarks(sentence.slice(last)));
}

/** A sentence with mentions rendered by `render` and typed spans shown as they are. */
export function renderMentions(text: string, render: (userId: string) => string): string {
  return renderMarked(text, { mention: render });
}

export function mentionedUserIds(text: string): string[] {
  return [...text.matchAll(MARK)].flatMap((m) => (m[1] !== undefined ? [m[1]] : []));
}
