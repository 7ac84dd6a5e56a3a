import { asText, MENTION_PATTERN } from '../views/mentions.js';
import type { Lang } from '../views/types.js';

/**
 * The command grammar shared by every surface: the terminal chat, the `dutybot` CLI, Slack's
 * `/duty` and Teams messages. Adapters pass the text after the command name; anything that does
 * not start with a command word is a question.
 *
 * Mentions reach the grammar as mention marks (src/views/mentions.ts) (adapters convert platform mentions) or as
 * `@name` in the terminal.
 */

/**
 * A command as a value, told apart by `name`. The grammar builds it from chat text; a surface with
 * its own argument syntax (the CLI) builds it directly and runs it with `Dutybot.run`.
 */
export type Command =
  | { name: 'ask'; question: string }
  | { name: 'pending'; all: boolean }
  | {
      name: 'done';
      ref: string;
      note: string | null;
      evidenceUrl: string | null;
      occurrence: string | null;
      /** `--backfill`: an admin records a period that ended before the workspace existed. */
      backfill?: true;
    }
  | { name: 'skip'; ref: string; reason: string; occurrence: string | null; backfill?: true }
  | { name: 'reopen'; ref: string; occurrence: string | null; reason: string }
  | { name: 'snooze'; ref: string; duration: string; occurrence: string | null }
  | {
      name: 'assign';
      target: string;
      users: string[];
      clear: boolean;
      /** The `@word`s typed as text rather than as platform mentions (only when there are some). */
      typed?: string[];
    }
  | { name: 'history'; ref: string }
  | { name: 'digest' }
  | { name: 'settings'; action: 'show' }
  | { name: 'settings'; action: 'set'; key: string; value: string }
  | { name: 'settings'; action: 'import'; yaml: string; replace?: boolean }
  | { name: 'export'; format: 'csv' | 'json'; from: string | null; to: string | null }
  | {
      name: 'audit';
      /** `head`: state the chain head (to note outside dutybot); otherwise verify the ledger. */
      action?: 'verify' | 'head';
      /** `--against <hash | seq:hash>`: a head noted earlier must still be a prefix of the chain. */
      against?: string;
    }
  | { name: 'help' }
  /** A private, one-time sign-in link to the web dashboard. */
  | { name: 'dashboard' };

export type CommandName = Command['name'];

export interface ParsedCommand {
  command: Command;
  /** Language the user typed the command word in (Italian verbs → 'it'), null for a question. */
  lang: Lang | null;
}

export interface UsageError {
  error: 'usage';
  command: CommandName;
  lang: Lang | null;
  /** What was missing or wrong, in English; the executor localizes with the usage line. */
  problem:
    | 'missing_duty'
    | 'missing_reason'
    | 'missing_duration'
    | 'missing_target'
    | 'missing_users'
    | 'bad_settings'
    | 'bad_export';
}

/** Command words, English and Italian. */
const VERBS: Record<string, { name: CommandName; lang: Lang }> = {
  ask: { name: 'ask', lang: 'en' },
  chiedi: { name: 'ask', lang: 'it' },
  domanda: { name: 'ask', lang: 'it' },
  pending: { name: 'pending', lang: 'en' },
  due: { name: 'pending', lang: 'en' },
  todo: { name: 'pending', lang: 'en' },
  pendenti: { name: 'pending', lang: 'it' },
  scadenze: { name: 'pending', lang: 'it' },
  done: { name: 'done', lang: 'en' },
  fatto: { name: 'done', lang: 'it' },
  fatta: { name: 'done', lang: 'it' },
  completato: { name: 'done', lang: 'it' },
  skip: { name: 'skip', lang: 'en' },
  salta: { name: 'skip', lang: 'it' },
  reopen: { name: 'reopen', lang: 'en' },
  riapri: { name: 'reopen', lang: 'it' },
  snooze: { name: 'snooze', lang: 'en' },
  rimanda: { name: 'snooze', lang: 'it' },
  posticipa: { name: 'snooze', lang: 'it' },
  assign: { name: 'assign', lang: 'en' },
  assegna: { name: 'assign', lang: 'it' },
  history: { name: 'history', lang: 'en' },
  storico: { name: 'history', lang: 'it' },
  cronologia: { name: 'history', lang: 'it' },
  digest: { name: 'digest', lang: 'en' },
  riepilogo: { name: 'digest', lang: 'it' },
  settings: { name: 'settings', lang: 'en' },
  setting: { name: 'settings', lang: 'en' },
  impostazioni: { name: 'settings', lang: 'it' },
  export: { name: 'export', lang: 'en' },
  esporta: { name: 'export', lang: 'it' },
  audit: { name: 'audit', lang: 'en' },
  verifica: { name: 'audit', lang: 'it' },
  help: { name: 'help', lang: 'en' },
  dashboard: { name: 'dashboard', lang: 'en' },
  cruscotto: { name: 'dashboard', lang: 'it' },
  aiuto: { name: 'help', lang: 'it' },
  '?': { name: 'help', lang: 'en' },
};

const URL_PATTERN = /\bhttps?:\/\/\S+/i;
/** `for 2026-11`, `per 2026-W48`, `--for 2026-11-27`, `occurrence:2026-Q4` */
const OCCURRENCE_PATTERN =
  /(?:^|\s)(?:--for|for|per|occurrence:|occorrenza:)\s*(\d{4}-(?:\d{2}(?:-\d{2})?|W\d{2}|B\d|Q\d))(?=\s|$)/i;
/**
 * A period named with an explicit marker (`--for X`, `occurrence: X`) whatever its shape, so a
 * malformed one is refused rather than read as part of the duty or note.
 */
const MARKED_PERIOD = /(?:^|\s)(?:--for|occurrence:|occorrenza:)\s*(\S+)(?=\s|$)/i;
/** `for X` / `per X` ending the duty words (before any separator): X was meant as the period. */
const TRAILING_PERIOD = /(?:^|\s)(?:for|per)\s+(\S+)\s*$/i;
/** `--backfill` (done / skip): a period from before the workspace existed, recorded by an admin. */
const BACKFILL_FLAG = /(?:^|\s)--backfill(?=\s|$)/i;
/** Explicit separators between a duty reference and free text: `--`, `:`, `|` or a quoted note. */
const SEPARATOR = /\s+(?:--|\||:)\s+|\s+(?=")/;

export function parseCommand(input: string): ParsedCommand | UsageError {
  const text = input.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(text);
  const verb = match ? VERBS[match[1]!.toLowerCase()] : undefined;
  if (!match || !verb) return { command: { name: 'ask', question: text }, lang: null };
  const rest = (match[2] ?? '').trim();
  const { name, lang } = verb;
  const usage = (problem: UsageError['problem']): UsageError => ({ error: 'usage', command: name, lang, problem });

  switch (name) {
    case 'ask':
      return { command: { name, question: rest }, lang: null };
    case 'pending':
      return { command: { name, all: /^(all|tutt[ei])$/i.test(rest) }, lang };
    case 'audit': {
      const against = /(?:^|\s)(?:--against|against|contro)\s+(\S+)/i.exec(rest)?.[1];
      const head = /^(head|testa)\b/i.test(rest);
      return {
        command: { name, ...(head ? { action: 'head' as const } : {}), ...(against ? { against } : {}) },
        lang,
      };
    }
    case 'digest':
    case 'help':
    case 'dashboard':
      return { command: { name } as Command, lang };
    case 'history':
      return rest ? { command: { name, ref: rest }, lang } : usage('missing_duty');
    case 'done': {
      const { text: withoutFlag, backfill } = takeBackfill(rest);
      const { text: withoutOccurrence, occurrence } = takeOccurrence(withoutFlag, true);
      const { text: withoutUrl, url } = takeUrl(withoutOccurrence);
      const { head, tail } = splitAtSeparator(withoutUrl);
      if (!head) return usage('missing_duty');
      // Mentions in free text are kept as `@id` text: a note never notifies anyone when shown again.
      return {
        command: {
          name,
          ref: head,
          note: tail === null ? null : asText(tail),
          evidenceUrl: url,
          occurrence,
          ...(backfill ? { backfill } : {}),
        },
        lang,
      };
    }
    case 'skip': {
      const { text: withoutFlag, backfill } = takeBackfill(rest);
      const { text: withoutOccurrence, occurrence } = takeOccurrence(withoutFlag, true);
      const { head, tail } = splitAtSeparator(withoutOccurrence);
      if (!head) return usage('missing_duty');
      return {
        command: { name, ref: head, reason: asText(tail ?? ''), occurrence, ...(backfill ? { backfill } : {}) },
        lang,
      };
    }
    case 'reopen': {
      const { text: withoutOccurrence, occurrence } = takeOccurrence(rest, true);
      const { head, tail } = splitAtSeparator(withoutOccurrence);
      if (!head) return usage('missing_duty');
      if (!tail) return usage('missing_reason');
      return { command: { name, ref: head, occurrence, reason: asText(tail) }, lang };
    }
    case 'snooze': {
      const { text: withoutOccurrence, occurrence } = takeOccurrence(rest);
      const duration = takeTrailingDuration(withoutOccurrence);
      if (!duration.ref) return usage('missing_duty');
      if (!duration.duration) return usage('missing_duration');
      return { command: { name, ref: duration.ref, duration: duration.duration, occurrence }, lang };
    }
    case 'assign': {
      const found = [...rest.matchAll(new RegExp(`${MENTION_PATTERN}|(?:^|\\s)@([\\w.-]+)`, 'g'))];
      const users = found.map((m) => (m[1] ?? m[2]) as string);
      const typed = found.filter((m) => m[1] === undefined).map((m) => m[2] as string);
      const clear = /\s(none|nobody|nessuno)\s*$/i.test(` ${rest}`);
      const target = rest
        .replace(new RegExp(`${MENTION_PATTERN}|(?:^|\\s)@[\\w.-]+`, 'g'), ' ')
        .replace(/\s(?:to|a|none|nobody|nessuno)\s*$/i, ' ')
        .replace(/\s(?:to|a)\s*$/i, ' ')
        .trim();
      if (!target) return usage('missing_target');
      if (users.length === 0 && !clear) return usage('missing_users');
      return { command: { name, target, users, clear, ...(typed.length > 0 ? { typed } : {}) }, lang };
    }
    case 'settings': {
      const sub = /^(\S+)\s*([\s\S]*)$/.exec(rest);
      const action = sub?.[1]?.toLowerCase() ?? 'show';
      const args = (sub?.[2] ?? '').trim();
      if (action === 'show' || action === 'mostra') return { command: { name, action: 'show' }, lang };
      if (action === 'import' || action === 'importa') {
        return args ? { command: { name, action: 'import', yaml: args }, lang } : usage('bad_settings');
      }
      if (action === 'set' || action === 'imposta') {
        const kv = /^([\w.-]+)\s*(?:=\s*)?([\s\S]*)$/.exec(args);
        if (!kv || kv[2] === undefined || kv[2].trim() === '') return usage('bad_settings');
        return { command: { name, action: 'set', key: kv[1]!, value: kv[2].trim() }, lang };
      }
      return usage('bad_settings');
    }
    case 'export': {
      const format = /\bjson\b/i.test(rest) ? 'json' : 'csv';
      const fromPattern = /(?:^|\s)(?:--from|from|dal|da)\s+(\S+)/i;
      const toPattern = /(?:^|\s)(?:--to|to|al|a)\s+(\S+)/i;
      const from = fromPattern.exec(rest)?.[1] ?? null;
      const to = toPattern.exec(rest)?.[1] ?? null;
      const leftover = rest
        .replace(fromPattern, ' ')
        .replace(toPattern, ' ')
        .replace(/\b(csv|json|--format)\b/gi, '')
        .trim();
      if (leftover) return usage('bad_export');
      return { command: { name, format, from, to }, lang };
    }
  }
}

/**
 * The period a confirmation names. A well-formed key is taken wherever it stands; with `loose`
 * (done / skip / reopen), so is anything after `--for` / `occurrence:`, or after a `for` / `per`
 * that ends the duty words: `done … for banana` is then refused with the formats the duty's
 * cadence uses instead of being silently recorded for the current period.
 */
function takeOccurrence(text: string, loose = false): { text: string; occurrence: string | null } {
  const cut = (m: RegExpExecArray, offset = 0) =>
    (text.slice(0, offset + m.index) + text.slice(offset + m.index + m[0].length)).trim();
  const m = OCCURRENCE_PATTERN.exec(text);
  if (m) return { text: cut(m), occurrence: m[1]!.toUpperCase() };
  if (!loose) return { text, occurrence: null };
  const marked = MARKED_PERIOD.exec(text);
  if (marked) return { text: cut(marked), occurrence: marked[1]! };
  const separator = SEPARATOR.exec(text);
  const head = separator ? text.slice(0, separator.index) : text;
  const trailing = TRAILING_PERIOD.exec(head);
  if (trailing) return { text: cut(trailing), occurrence: trailing[1]! };
  return { text, occurrence: null };
}

function takeBackfill(text: string): { text: string; backfill: true | null } {
  const m = BACKFILL_FLAG.exec(text);
  if (!m) return { text, backfill: null };
  return { text: (text.slice(0, m.index) + text.slice(m.index + m[0].length)).trim(), backfill: true };
}

/** An explicit `--evidence X` / `evidence: X` wins, so a bad link is refused rather than kept as a note. */
const EVIDENCE_MARKER = /(?:^|\s)(?:--evidence|evidence:|evidenza:)\s*(\S+)/i;

function takeUrl(text: string): { text: string; url: string | null } {
  const marked = EVIDENCE_MARKER.exec(text);
  if (marked) {
    return {
      text: (text.slice(0, marked.index) + text.slice(marked.index + marked[0].length)).trim(),
      url: marked[1]!,
    };
  }
  const m = URL_PATTERN.exec(text);
  if (!m) return { text, url: null };
  // Chat clients wrap links as <https://…> or <https://…|label>.
  const url = m[0].replace(/[>|].*$/, '').replace(/[),.;]+$/, '');
  return { text: (text.slice(0, m.index).replace(/<$/, '') + text.slice(m.index + m[0].length)).trim(), url };
}

/**
 * Splits "restore test 1backup -- all good" into duty words and free text. Without an explicit
 * separator the duty reference decides where the duty words end (`resolveDutyRef` returns the
 * words after them as `rest`).
 */
function splitAtSeparator(text: string): { head: string; tail: string | null } {
  const m = SEPARATOR.exec(text);
  if (!m) return { head: text.trim(), tail: null };
  const tail = text
    .slice(m.index + m[0].length)
    .trim()
    .replace(/^"([\s\S]*)"$/, '$1');
  return { head: text.slice(0, m.index).trim(), tail: tail || null };
}

const DURATION_TAIL =
  /\s+(\d+\s*(?:m|min|mins|minutes?|minut[io]|h|hrs?|hours?|or[ae]|d|days?|giorn[io]|w|wk|weeks?|settiman[ae])|tomorrow|domani|next[- ]week|settimana[- ]prossima|la settimana prossima|until\s+\S+|fino\s+a[l]?\s+\S+|\d{4}-\d{2}-\d{2}(?:T\S+)?)\s*$/i;

function takeTrailingDuration(text: string): { ref: string; duration: string | null } {
  const m = DURATION_TAIL.exec(` ${text}`);
  if (!m) return { ref: text.trim(), duration: null };
  return { ref: ` ${text}`.slice(0, m.index).trim(), duration: m[1]!.trim() };
}
