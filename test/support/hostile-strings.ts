import { findAll } from './find-all.js';

/**
 * Text an attacker inside a workspace types into notes, reasons, questions and duty names, and
 * the checks that none of it survives as live markup on a surface. Every surface's test feeds
 * this same corpus through the real server and asserts with the checks below.
 */

export const HOSTILE_STRINGS = [
  // Slack special mentions, user/channel mentions and labelled links, as raw tokens.
  '<!channel> all hands',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0ADMINS|@admins>',
  '<@U0CEO> approve this',
  '<#C0SECRET|secret-channel>',
  '<https://evil.example/login|Click to verify>',
  // Already-escaped text a user typed literally: must stay text, never be decoded into a token.
  '&lt;!channel&gt; &amp;lt;@U0CEO&amp;gt;',
  // The core's old mention token syntax, typed: must never become a mention.
  '{{user:U0CEO}}',
  // The core's mark delimiters (Unicode noncharacters), typed: must never forge a mention.
  '\uFDD0U0FORGED\uFDD1 \uFDD2open span',
  // Slack mrkdwn formatting.
  '*bold* _italic_ ~strike~ `code` ```block```',
  // Teams Markdown: links, images, emphasis, HTML-ish mentions, headings, lists, quotes.
  '[Open the signed report](https://evil.example/phish)',
  '![pixel](https://evil.example/p.png)',
  '**Teams bold** __underline__ <at>Mallory</at>',
  '# heading',
  '- listed\n1. numbered\n> quoted',
  // Bare addresses Teams would auto-link.
  'https://evil.example/autolink and www.evil.example',
  // Adaptive Card template functions and data binding.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a typed data binding, on purpose.
  '{{DATE(1999-12-31T23:59:59Z, LONG)}} {{TIME(1999-12-31T23:59:59Z)}} ${secret}',
  // Terminal: CSI (clear screen, colour), OSC 8 hyperlink ended by BEL, OSC title, backspaces,
  // a carriage return that rewrites the line, a one-character C1 CSI, DEL.
  '\x1b[2J\x1b[31mred\x1b[0m',
  '\x1b]8;;https://evil.example/osc\x07click me\x1b]8;;\x07',
  '\x1b]0;pwned title\x07',
  'abc\b\b\bxyz',
  'ok\rFAKE: done by admin',
  '\u009b31mC1 CSI \u007f',
  // Unicode bidi controls: override, embedding, isolate, marks.
  'invoice\u202Efdp.exe \u202Aemb\u202C \u2066iso\u2069 \u200F\u200E\u061C',
] as const;

/** A valid https URL that tries to end its Markdown link and open another one. */
export const HOSTILE_EVIDENCE = 'https://evidence.example.com/x)[Open the signed report](https://evil.example/phish';

/** The corpus as one note or reason (a confirmation holds one of each). */
export function hostileText(separator = ' '): string {
  return HOSTILE_STRINGS.join(separator);
}

/** The corpus as a chat client sends typed text on one line (no line breaks). */
export function hostileLine(): string {
  return hostileText(' ').replace(/[\r\n]+/g, ' ');
}

/** Slack's wire form of typed text: `&`, `<`, `>` escaped (what slash commands and events carry). */
export function slackTyped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Characters no surface may show: the core's mark delimiters. */
const MARKS = /[\uFDD0-\uFDEF]/;

/**
 * What is live in a Slack mrkdwn `text` (blocks and the message-level notification text): any
 * special mention, a mention of a user outside `allowedUsers`, a channel link, a link other than
 * evidence links to evidence.example.com labelled with their host, formatting from the corpus.
 */
export function slackLiveMarkup(text: string, allowedUsers: readonly string[]): string[] {
  const problems: string[] = [];
  if (MARKS.test(text)) problems.push('mark delimiter');
  for (const [token] of text.matchAll(/<[^>]*>/g)) {
    const body = token.slice(1, -1);
    if (body.startsWith('!date^')) continue;
    if (body.startsWith('!')) problems.push(`special mention ${token}`);
    else if (body.startsWith('@')) {
      if (!allowedUsers.includes(body.slice(1).split('|')[0] as string)) problems.push(`user mention ${token}`);
    } else if (body.startsWith('#')) problems.push(`channel link ${token}`);
    else {
      const [target = '', label] = body.split('|');
      const host = (() => {
        try {
          return new URL(target).host;
        } catch {
          return null;
        }
      })();
      if (host !== 'evidence.example.com' || (label !== undefined && label !== host)) problems.push(`link ${token}`);
    }
  }
  // Slack formats nothing inside a code block of the bot's own (a fence a typed value cannot close).
  const outsideFences = text.replace(/```(?:[^`]|`\u200B)*```/g, ' ');
  // A typed `>` starting a line would open a quote (Slack writes typed quotes as `&gt;`).
  if (/(^|\n)[ \t]*&gt;/.test(outsideFences)) problems.push('quote');
  for (const formatted of ['*bold*', '_italic_', '~strike~', '`code`', '```block```']) {
    if (outsideFences.includes(formatted)) problems.push(`formatting ${formatted}`);
  }
  return problems;
}

/**
 * What is live in a Teams TextBlock text or Fact value: Markdown links other than the evidence
 * link (labelled with its host, target on evidence.example.com), unescaped emphasis, a bare
 * address Teams would link, template functions, the `<at>` of a user without a mention entity.
 */
export function teamsLiveMarkup(text: string): string[] {
  const problems: string[] = [];
  if (MARKS.test(text)) problems.push('mark delimiter');
  let rest = text;
  for (const match of text.matchAll(/(?<!\\)\[((?:\\.|[^\]\\])*)(?<!\\)\]\(([^)\s]*)\)/g)) {
    const [whole, label, target = ''] = match;
    let host: string | null = null;
    try {
      host = new URL(target).host;
    } catch {
      host = null;
    }
    if (host !== 'evidence.example.com' || label?.replace(/\\/g, '') !== host) problems.push(`link ${whole}`);
    rest = rest.replace(whole, ' ');
  }
  if (/(?<!\\)!\[|(?<!\\)\]\(/.test(rest)) problems.push('link syntax');
  // The corpus's addresses are all on evil.example: none may be left for Teams to auto-link.
  if (/https?:\/\/evil\.example|www\.evil/i.test(rest)) problems.push('bare link');
  for (const formatted of ['**Teams bold**', '__underline__', '*bold*', '_italic_', '~strike~', '`code`']) {
    if (rest.includes(formatted)) problems.push(`formatting ${formatted}`);
  }
  if (/\{\{(DATE|TIME)\(1999/.test(rest)) problems.push('template function');
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the typed data binding of the corpus.
  if (rest.includes('${secret}')) problems.push('data binding');
  if (/(?<!\\)<at>Mallory/.test(rest)) problems.push('mention markup');
  if (/(^|[\n\r])\s*(#|-|>|1\.)\s/.test(rest.replace(/(^|[\n\r])- /g, '$1'))) problems.push('block markup');
  return problems;
}

/** What a terminal would act on: control characters (but newline and tab), C1 controls, bidi controls. */
export function terminalLive(text: string): string[] {
  const problems: string[] = [];
  if (MARKS.test(text)) problems.push('mark delimiter');
  for (const [c] of text.matchAll(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028-\u202E\u2066-\u2069]/g,
  )) {
    problems.push(`U+${(c as string).charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return problems;
}

/** Every string Slack parses as mrkdwn: `text` fields of messages and `mrkdwn` text objects. */
export function slackMrkdwnTexts(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) slackMrkdwnTexts(item, out);
  } else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (object.type === 'plain_text') return out;
    for (const [key, item] of Object.entries(object)) {
      // Button values and metadata are data, never shown; modal field errors are plain text.
      if (key === 'value' || key === 'private_metadata' || key === 'errors') continue;
      if (key === 'text' && typeof item === 'string') out.push(item);
      else slackMrkdwnTexts(item, out);
    }
  }
  return out;
}

/** Every text Teams renders as Markdown in a card: TextBlock texts, Fact titles and values. */
export function teamsMarkdownTexts(card: unknown): string[] {
  return [
    ...findAll(card, (n) => n.type === 'TextBlock' && typeof n.text === 'string').map((n) => n.text as string),
    ...findAll(card, (n) => n.type === 'FactSet').flatMap((n) =>
      (n.facts as { title: string; value: string }[]).flatMap((f) => [f.title, f.value]),
    ),
  ];
}
