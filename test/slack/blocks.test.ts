import { describe, expect, it } from 'vitest';
import { renderAnswer } from '../../adapters/slack/blocks/answer.js';
import { renderDigest } from '../../adapters/slack/blocks/digest.js';
import { renderHome } from '../../adapters/slack/blocks/home.js';
import { escapeMrkdwn, LIMITS, mrkdwn, truncate } from '../../adapters/slack/blocks/kit.js';
import { renderReminder } from '../../adapters/slack/blocks/reminder.js';
import { renderReply } from '../../adapters/slack/blocks/reply.js';
import { slackTextToCore } from '../../adapters/slack/inbound.js';
import { mention } from '../../src/views/mentions.js';
import type { AnswerView } from '../../src/views/types.js';
import { bigDigest, bigHome, confirmation, occurrence, reminder } from './fixtures.js';
import { blockKitViolations } from './limits.js';

describe('Slack Block Kit renderers', () => {
  it('keeps a digest of 200 duties per list within Slack limits and summarizes the overflow', () => {
    const { text, blocks } = renderDigest(bigDigest(200));
    expect(blockKitViolations(blocks, LIMITS.messageBlocks)).toEqual([]);
    expect(text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    const json = JSON.stringify(blocks);
    expect(json).toMatch(/…and \d+ more overdue — run \/duty pending/);
    // Nothing is silently lost: shown + summarized = 200 for the overdue list.
    const shown = (json.match(/🔴 \*Synthetic duty/g) ?? []).length;
    const hidden = Number(/…and (\d+) more overdue/.exec(json)?.[1]);
    expect(shown + hidden).toBe(200);
  });

  it('keeps App Home with 600 items within 100 blocks, with Done buttons and settings for admins', () => {
    const view = renderHome(bigHome(200, true));
    expect(blockKitViolations(view.blocks, LIMITS.surfaceBlocks)).toEqual([]);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain('duty_done');
    expect(json).toContain('Impostazioni del workspace');
    expect(json).toMatch(/…e altri \d+/);
  });

  it('renders a pending list and history of 500 items within limits', () => {
    const pending = renderReply({
      kind: 'pending',
      lang: 'en',
      title: 'Pending',
      items: Array.from({ length: 500 }, (_, i) => occurrence(i)),
    });
    expect(blockKitViolations(pending.blocks, LIMITS.messageBlocks)).toEqual([]);
    const history = renderReply({
      kind: 'history',
      lang: 'en',
      duty: occurrence(1).duty,
      entries: Array.from({ length: 500 }, (_, i) => confirmation(i)),
    });
    expect(blockKitViolations(history.blocks, LIMITS.messageBlocks)).toEqual([]);
    expect(JSON.stringify(history.blocks)).toContain('All good &lt;script&gt; &amp; more');
  });

  it('renders an open reminder with Done / Snooze / Skip carrying the exact occurrence', () => {
    const { blocks, text } = renderReminder(reminder());
    expect(blockKitViolations(blocks, LIMITS.messageBlocks)).toEqual([]);
    const json = JSON.stringify(blocks);
    expect(json).toContain('<@UOWNER1>');
    expect(json).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    const actions = blocks.find((b) => b.type === 'actions') as { elements: { action_id: string; value?: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual(['duty_done', 'duty_snooze', 'duty_skip']);
    expect(JSON.parse(actions.elements[0]?.value as string)).toEqual({
      dutyId: 'rocketweb.customer.synthetic-duty-number-1',
      occurrence: '2026-11',
    });
    expect(text).toContain('<@UOWNER1>');
  });

  it('renders a closed reminder with who and when, and no controls', () => {
    const closed = renderReminder(reminder({ closedBy: confirmation(3) }));
    const json = JSON.stringify(closed.blocks);
    expect(json).not.toContain('"actions"');
    expect(json).toContain('Done by <@UOWNER1>');
    expect(json).toMatch(/<!date\^\d+\^/);
  });

  it('truncates long texts and labels without cutting entities or mentions', () => {
    expect(truncate('a'.repeat(10), 5)).toBe('aaaa…');
    expect(truncate('abc &amp; def', 7)).toBe('abc…');
    expect(truncate('see <@U12345> now', 9)).toBe('see…');
    const long: AnswerView = {
      lang: 'en',
      question: 'q'.repeat(5000),
      summary: 's'.repeat(5000),
      items: Array.from({ length: 20 }, (_, i) => ({
        id: `d${i}`,
        kind: 'duty' as const,
        service: 'rocketweb' as const,
        serviceName: 'RocketWeb - Web Hosting',
        performer: { party: 'customer' as const, label: 'your team', ownerIds: ['U1'] },
        cadenceLabel: 'every day',
        retentionDays: 35,
        quote: 'x'.repeat(5000),
        translation: null,
        source: { label: 'CoreTech GDPR V.1', section: 'RocketWeb' },
        errata: ['A note'],
      })),
      abstained: false,
      suggestions: [],
    };
    const { blocks, text } = renderAnswer(long, { shareable: true });
    expect(blockKitViolations(blocks, LIMITS.messageBlocks)).toEqual([]);
    expect(text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    expect(JSON.stringify(blocks)).toContain('…and 12 more');
  });

  it('renders errors with the hint and the candidates to choose from', () => {
    const { blocks, text } = renderReply({
      kind: 'error',
      lang: 'it',
      code: 'ambiguous_duty',
      message: 'Quale dovere intendi?',
      hint: 'Scrivi /duty fatto <id>',
      candidates: [occurrence(1).duty, occurrence(2).duty],
    });
    const json = JSON.stringify(blocks);
    expect(json).toContain('Forse intendevi');
    expect(json).toContain('rocketweb.customer.synthetic-duty-number-2');
    expect(text).toContain('Scrivi /duty fatto');
  });

  it('escapes user text and renders core mention tokens', () => {
    expect(escapeMrkdwn('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
    expect(mrkdwn(`ask ${mention('U42')} about <this>`)).toBe('ask <@U42> about &lt;this&gt;');
  });

  it('turns Slack wire text into the core grammar', () => {
    expect(slackTextToCore('<@UBOT> assign rocketweb <@U1|ann> <@U2>', 'UBOT')).toBe(
      `assign rocketweb ${mention('U1')} ${mention('U2')}`,
    );
    expect(slackTextToCore('settings set default_channel <#C123|ops>')).toBe('settings set default_channel C123');
    expect(slackTextToCore('done backup fine &amp; dandy <https://x.example/a?b=1&amp;c=2|link>')).toBe(
      'done backup fine & dandy https://x.example/a?b=1&c=2',
    );
  });
});
