import { DateTime } from 'luxon';
import { renderAnswerText } from './answer-text.js';
import { catalogue } from './catalogue/index.js';
import { confirmationStateLabel, stateLabel } from './labels.js';
import { inertPlain, type MentionRenderer, sentence, userField } from './plain-text.js';

export { inertPlain, TERMINAL_ACTIVE } from './plain-text.js';

import type {
  ConfirmationView,
  DigestView,
  HelpView,
  Lang,
  OccurrenceState,
  OccurrenceView,
  OutboundMessage,
  ReminderView,
  Reply,
} from './types.js';

/**
 * Plain-text rendering of view models: the terminal and CLI show it, and Slack/Teams use it as
 * the notification fallback next to their rich layouts. Mentions become `@id` unless the caller
 * renders them otherwise.
 */

export type { MentionRenderer };

const plainMention: MentionRenderer = (id) => `@${id}`;

/** Overdue shouts in plain text, where there is no colour to say it. */
function stateName(state: OccurrenceState, lang: Lang): string {
  const label = stateLabel(state, lang);
  return state === 'overdue' ? label.toUpperCase() : label;
}

export interface TextOptions {
  mention?: MentionRenderer;
  /** IANA zone instants are shown in (the workspace's); UTC when unknown. */
  zone?: string;
}

function shortInstant(iso: string, zone = 'UTC'): string {
  const local = DateTime.fromISO(iso, { zone });
  return zone === 'UTC' ? `${local.toFormat('yyyy-MM-dd HH:mm')} UTC` : local.toFormat('yyyy-MM-dd HH:mm');
}

export function occurrenceLine(o: OccurrenceView, lang: Lang, opts: TextOptions = {}): string {
  const at = opts.mention ?? plainMention;
  const l = catalogue(lang).ui;
  const owners = o.ownerIds.length ? o.ownerIds.map(at).join(', ') : l.noOwner;
  const missed = o.missedBefore > 0 ? ` ${l.missedShort(o.missedBefore)}` : '';
  const state = o.openBeforeInstall ? l.openBeforeInstall : stateName(o.state, lang);
  return `[${state}] ${o.duty.title} — ${o.duty.serviceName}, ${o.periodLabel} · ${o.cadenceLabel} · ${l.owners.toLowerCase()}: ${owners} · id ${o.duty.id}${missed}`;
}

export function confirmationLine(c: ConfirmationView, lang: Lang, opts: TextOptions = {}): string {
  const at = opts.mention ?? plainMention;
  const l = catalogue(lang).ui;
  const parts = [
    `${shortInstant(c.at, opts.zone)} ${c.occurrence} ${confirmationStateLabel(c, lang)} ${l.by} ${at(c.by)}`,
  ];
  if (c.note) parts.push(`${l.note.toLowerCase()}: ${userField(c.note)}`);
  if (c.evidenceUrl) parts.push(`${l.evidence.toLowerCase()}: ${userField(c.evidenceUrl)}`);
  if (c.reason) parts.push(`${l.reason.toLowerCase()}: ${userField(c.reason)}`);
  if (c.snoozedUntil) parts.push(`${l.until} ${shortInstant(c.snoozedUntil, opts.zone)}`);
  parts.push(`#${c.seq} ${c.hash.slice(0, 12)}`);
  return parts.join(' · ');
}

export function digestText(d: DigestView, opts: TextOptions = {}): string {
  const l = catalogue(d.lang).ui;
  const section = (title: string, items: OccurrenceView[]) =>
    items.length ? [`${title} (${items.length}):`, ...items.map((o) => `  • ${occurrenceLine(o, d.lang, opts)}`)] : [];
  const done = d.doneSinceLast.length
    ? [
        `${l.doneSinceLast} (${d.doneSinceLast.length}):`,
        ...d.doneSinceLast.map((c) => `  • ${c.dutyTitle ?? c.dutyId}: ${confirmationLine(c, d.lang, opts)}`),
      ]
    : [];
  return [
    d.title,
    ...section(l.overdue, d.overdue),
    ...section(l.dueToday, d.dueToday),
    ...section(l.upcoming, d.upcoming),
    ...done,
    `${l.services}:`,
    ...d.services.map((s) => `  ${s.status === 'ok' ? '✓' : s.status === 'due' ? '•' : '!'} ${s.line}`),
    ...(d.ledgerHead ? [d.ledgerHead] : []),
  ].join('\n');
}

export function reminderText(r: ReminderView, opts: TextOptions = {}): string {
  const at = opts.mention ?? plainMention;
  const l = catalogue(r.lang).ui;
  const lines = [sentence(r.headline, at), `> ${r.quote}`];
  if (r.translation) lines.push(`> ${r.translation}`);
  lines.push(`${r.source.label} · id ${r.occurrence.duty.id} · ${r.occurrence.occurrence}`);
  if (r.closedBy) {
    lines.push(
      l.closed(confirmationStateLabel(r.closedBy, r.lang), at(r.closedBy.by), shortInstant(r.closedBy.at, opts.zone)),
    );
  }
  return lines.join('\n');
}

export function helpText(h: HelpView): string {
  const width = Math.max(...h.commands.map((c) => c.usage.length));
  return [
    h.intro,
    '',
    ...h.commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.description}`),
    '',
    `${catalogue(h.lang).ui.examples}:`,
    ...h.examples.map((e) => `  ${e}`),
  ].join('\n');
}

export function outboundText(message: OutboundMessage, opts: TextOptions = {}): string {
  const at = opts.mention ?? plainMention;
  switch (message.kind) {
    case 'digest':
      return digestText(message.view, opts);
    case 'welcome':
      return message.view.lines.map((line) => sentence(line, at)).join('\n');
    default:
      return reminderText(message.view, opts);
  }
}

export function replyText(reply: Reply, opts: TextOptions = {}): string {
  const at = opts.mention ?? plainMention;
  const l = catalogue(reply.lang).ui;
  switch (reply.kind) {
    case 'answer':
      return renderAnswerText(reply.answer, at);
    case 'error': {
      const lines = [sentence(reply.message, at)];
      if (reply.candidates.length) {
        // Candidates are suggestions only when the duty was not recognised; otherwise they name
        // the duty the refusal is about.
        const guess = reply.code === 'unknown_duty' || reply.code === 'ambiguous_duty';
        lines.push(
          `${guess ? l.didYouMean : l.concerning}:`,
          ...reply.candidates.map((c) => `  • ${c.id} — ${c.title} (${c.serviceName})`),
        );
      }
      if (reply.hint) lines.push(sentence(reply.hint, at));
      return lines.join('\n');
    }
    case 'confirmed':
      return [sentence(reply.message, at), confirmationLine(reply.confirmation, reply.lang, opts)].join('\n');
    case 'pending': {
      const list = reply.items.length
        ? [`${reply.title}:`, ...reply.items.map((o) => `  • ${occurrenceLine(o, reply.lang, opts)}`)]
        : [l.nothingPending];
      return [...list, ...(reply.footer ? [reply.footer] : [])].join('\n');
    }
    case 'history':
      return [
        `${reply.duty.title} — ${reply.duty.serviceName} (${reply.duty.id})`,
        ...(reply.entries.length
          ? reply.entries.map((c) => `  • ${confirmationLine(c, reply.lang, opts)}`)
          : [l.noHistory]),
      ].join('\n');
    case 'digest':
      return digestText(reply.digest, opts);
    case 'settings':
      return [`${reply.title}:`, ...reply.lines.map((line) => `  ${sentence(line, at)}`)].join('\n');
    case 'updated':
      return sentence(reply.message, at);
    case 'export':
      return l.exported(reply.entries, reply.format.toUpperCase());
    case 'audit':
      return [sentence(reply.message, at), ...reply.problems.map((p) => `  • ${sentence(p, at)}`)].join('\n');
    case 'help':
      return helpText(reply.help);
    case 'dashboard':
      return reply.url ? `${sentence(reply.message, at)}\n${inertPlain(reply.url)}` : sentence(reply.message, at);
  }
}
