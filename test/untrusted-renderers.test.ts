import { describe, expect, it } from 'vitest';
import { renderDigest as slackDigest } from '../adapters/slack/blocks/digest.js';
import { renderHome } from '../adapters/slack/blocks/home.js';
import { renderReminder as slackReminder } from '../adapters/slack/blocks/reminder.js';
import { renderReply as slackReply } from '../adapters/slack/blocks/reply.js';
import { renderWelcome as slackWelcome } from '../adapters/slack/blocks/welcome.js';
import { RenderContext } from '../adapters/teams/cards/context.js';
import { renderDigest as teamsDigest } from '../adapters/teams/cards/digest.js';
import type { RenderedCard } from '../adapters/teams/cards/elements.js';
import { renderReminder as teamsReminder } from '../adapters/teams/cards/reminder.js';
import { renderReply as teamsReply, renderWelcome as teamsWelcome } from '../adapters/teams/cards/reply.js';
import { messages } from '../src/commands/messages.js';
import { catalogue } from '../src/views/catalogue/index.js';
import { typed } from '../src/views/mentions.js';
import { outboundText, replyText } from '../src/views/text.js';
import type { ConfirmationView, HomeView, OutboundMessage, Reply } from '../src/views/types.js';
import {
  HOSTILE_EVIDENCE,
  HOSTILE_STRINGS,
  hostileText,
  slackLiveMarkup,
  slackMrkdwnTexts,
  teamsLiveMarkup,
  teamsMarkdownTexts,
  terminalLive,
} from './support/hostile-strings.js';
import { confirmation, digest, everyReply, NAMES, occurrence, reminderView, welcome } from './teams/view-fixtures.js';

/**
 * Every message kind, on every surface, with each hostile string on its own in every place a
 * user's text can appear (notes, reasons, evidence links, echoed duty names and values, settings
 * lines, export content, audit problems): Slack mrkdwn (blocks and notification text), Teams
 * TextBlocks and Facts (and their plain fallbacks), and the plain-text rendering the terminal
 * prints. The sentences that echo typed text come from the real command catalogue.
 */

const PEOPLE = ['aad-anna', 'aad-marco', 'aad-unknown'];

function hostileConfirmation(h: string, status: ConfirmationView['status'] = 'skipped'): ConfirmationView {
  return { ...confirmation, status, note: h, reason: h, evidenceUrl: HOSTILE_EVIDENCE };
}

function hostileReplies(h: string): Reply[] {
  const m = messages('en');
  const entry = hostileConfirmation(h);
  return everyReply().map((reply): Reply => {
    switch (reply.kind) {
      case 'error':
        return { ...reply, message: m.unknownDuty(h), hint: m.badSetting(h, h) };
      case 'confirmed':
        return { ...reply, message: m.badUrl(h), confirmation: hostileConfirmation(h, reply.confirmation.status) };
      case 'history':
        return { ...reply, entries: [entry, { ...entry, status: 'done' }] };
      case 'digest':
        return { ...reply, digest: { ...reply.digest, doneSinceLast: [entry] } };
      case 'settings':
        return { ...reply, lines: [`default_channel: ${typed(h)}`], yaml: `holidays:\n  - ${h}\n` };
      case 'updated':
        return { ...reply, message: m.unknownSetting(h) };
      case 'export':
        return { ...reply, content: `seq,note\n1,${h}\n` };
      case 'audit':
        return { ...reply, problems: [m.unknownOccurrence(h, 'Website backup')] };
      default:
        return reply;
    }
  });
}

function hostileOutbound(h: string): OutboundMessage[] {
  const skipped = hostileConfirmation(h);
  const closed = reminderView('en', skipped);
  const reason = catalogue('en').reminder.skipReason(typed(h));
  return [
    { kind: 'reminder', view: reminderView('en') },
    { kind: 'reminder', view: { ...closed, headline: `${closed.headline}${reason}` } },
    { kind: 'followup', view: { ...reminderView('en'), snoozedBy: hostileConfirmation(h, 'snoozed') } },
    { kind: 'digest', view: { ...digest, doneSinceLast: [skipped] } },
    { kind: 'welcome', view: { ...welcome, lines: [...welcome.lines, m(h)] } },
  ];
}

const m = (h: string) => messages('en').unknownDuty(h);

function hostileHome(h: string): HomeView {
  return {
    lang: 'en',
    userId: 'aad-anna',
    overdue: [{ ...occurrence, state: 'overdue', lastConfirmation: hostileConfirmation(h) }],
    due: [occurrence],
    upcoming: [],
    settingsSummary: [`admins: ${typed(h)}`],
  };
}

const teamsContext = () => new RenderContext('en', NAMES, () => 'Website backup');

function teamsProblems(rendered: RenderedCard): string[] {
  return [
    ...teamsMarkdownTexts(rendered.card).flatMap((t) => teamsLiveMarkup(t).map((p) => `${p} in ${t.slice(0, 100)}`)),
    ...terminalLive(rendered.card.fallbackText),
  ];
}

const CORPUS = [...HOSTILE_STRINGS, hostileText('\n')];

describe('every message kind renders the hostile corpus inert', () => {
  it.each(CORPUS.map((h) => [JSON.stringify(h).slice(0, 60), h]))('on Slack: %s', (_, h) => {
    const rendered = [
      ...hostileReplies(h).map((reply) => slackReply(reply)),
      ...hostileOutbound(h).map((message) =>
        message.kind === 'digest'
          ? slackDigest(message.view)
          : message.kind === 'welcome'
            ? slackWelcome(message.view)
            : slackReminder(message.view),
      ),
      renderHome(hostileHome(h)),
    ];
    const texts = rendered.flatMap((message) => slackMrkdwnTexts(message));
    const live = texts.flatMap((t) => slackLiveMarkup(t, PEOPLE).map((p) => `${p} in ${t.slice(0, 100)}`));
    expect(live).toEqual([]);
    expect(JSON.stringify(rendered)).not.toMatch(/[\uFDD0-\uFDEF]/);
  });

  it.each(CORPUS.map((h) => [JSON.stringify(h).slice(0, 60), h]))('on Teams: %s', (_, h) => {
    const cards = [
      ...hostileReplies(h).map((reply) => teamsReply(reply, teamsContext())),
      ...hostileOutbound(h).map((message) =>
        message.kind === 'digest'
          ? teamsDigest(message.view, teamsContext())
          : message.kind === 'welcome'
            ? teamsWelcome(message.view, teamsContext())
            : teamsReminder(message.view, teamsContext()),
      ),
      teamsReminder(reminderView('en'), teamsContext(), {
        error: { message: m(h), hint: messages('en').badDate(h) },
        inputs: { note: h, reason: h, evidenceUrl: h },
      }),
    ];
    // Mark delimiters are checked in every rendered text (an input box may show back what was typed).
    expect(cards.flatMap(teamsProblems)).toEqual([]);
  });

  it.each(CORPUS.map((h) => [JSON.stringify(h).slice(0, 60), h]))('as plain text: %s', (_, h) => {
    const lines = [
      ...hostileReplies(h).map((reply) => replyText(reply)),
      ...hostileOutbound(h).map((message) => outboundText(message)),
    ];
    expect(lines.flatMap(terminalLive)).toEqual([]);
  });
});
