import { mention, stripMarks } from '../../src/views/mentions.js';

/** What each Slack token or entity in typed text becomes for the core. */
const TOKEN = /<([^>]*)>|&(amp|lt|gt);/g;
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/**
 * Slack's wire format for typed text → the core's, in ONE pass over the text: user mentions
 * `<@U1>` / `<@U1|ann>` become mention marks (the only way a mention reaches the core), channel
 * links `<#C1|general>` become the channel id, special mentions (`<!channel>`) become plain
 * `@channel` text, URLs lose their angle brackets and labels, and the three HTML entities Slack
 * escapes in typed text are decoded. Decoding in the same pass means a typed `&lt;!channel&gt;`
 * is the text `<!channel>`, never re-read as a token. The bot's own mention is removed; Unicode
 * noncharacters (the core's mark delimiters) never get through.
 */
export function slackTextToCore(text: string, botUserId?: string | null): string {
  const result = stripMarks(text).replace(TOKEN, (whole, token: string | undefined, entity: string | undefined) => {
    if (entity) return ENTITY[entity] as string;
    // Inside a token Slack escapes `&` too (`<https://x/?a=1&amp;b=2>`): decoded here, within the token only.
    const body = (token ?? '').replace(/&(amp|lt|gt);/g, (_, name: string) => ENTITY[name] as string);
    const [target = '', label] = body.split('|', 2);
    if (/^@[UW][A-Z0-9]+$/.test(target)) return target.slice(1) === botUserId ? ' ' : mention(target.slice(1));
    if (/^#[CG][A-Z0-9]+$/.test(target)) return target.slice(1);
    if (target.startsWith('!')) return `@${target.slice(1).replace(/^subteam\^/, '')}`;
    if (/^(?:https?|mailto):/.test(target)) return target;
    // Not a token Slack sends: keep the text (it is inert wherever it is shown).
    return label !== undefined ? label : whole;
  });
  return result.replace(/[ \t]+/g, ' ').trim();
}
