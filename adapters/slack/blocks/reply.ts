import { catalogue } from '../../../src/views/catalogue/index.js';
import { stripMarks } from '../../../src/views/mentions.js';
import type { Reply } from '../../../src/views/types.js';
import { labels } from '../labels.js';
import { type AnswerRenderOptions, renderAnswer } from './answer.js';
import { renderDigest } from './digest.js';
import {
  type Block,
  context,
  escapeMrkdwn,
  header,
  LIMITS,
  message,
  mrkdwn,
  type SlackMessage,
  section,
  truncate,
} from './kit.js';
import { confirmationLine, occurrenceLine, packLines } from './occurrences.js';
import { renderHelp } from './welcome.js';

/** Block Kit for every kind of command reply. `export` is rendered as the notice that the file was sent. */
export function renderReply(reply: Reply, options: AnswerRenderOptions = {}): SlackMessage {
  const l = labels(reply.lang);
  switch (reply.kind) {
    case 'answer':
      return renderAnswer(reply.answer, options);
    case 'error': {
      const blocks: Block[] = [section(`⚠️ ${mrkdwn(reply.message)}`)];
      if (reply.hint) blocks.push(section(`💡 ${mrkdwn(reply.hint)}`));
      if (reply.candidates.length > 0) {
        const lines = reply.candidates.map(
          (c) => `• *${escapeMrkdwn(c.title)}* · ${escapeMrkdwn(c.serviceName)} — \`${escapeMrkdwn(c.id)}\``,
        );
        // Suggestions only when the duty was not recognised; otherwise they name the duty concerned.
        const guess = reply.code === 'unknown_duty' || reply.code === 'ambiguous_duty';
        blocks.push(
          context([`${guess ? l.didYouMean : l.concerning}:`]),
          ...packLines(lines, { maxBlocks: 3, maxLines: 25 }, l.morePlain),
        );
      }
      const fallback = [reply.message, reply.hint, ...reply.candidates.map((c) => `${c.title} (${c.id})`)]
        .filter(Boolean)
        .join('\n');
      return message(fallback, blocks);
    }
    case 'confirmed': {
      const c = reply.confirmation;
      const blocks = [
        section(`${c.status === 'done' ? '✅' : c.status === 'skipped' ? '⏭️' : '💤'} ${mrkdwn(reply.message)}`),
        context([`#${c.seq} · \`${c.hash.slice(0, 12)}\``]),
      ];
      return message(reply.message, blocks);
    }
    case 'pending': {
      const lines = reply.items.map((item) => occurrenceLine(item, reply.lang));
      const blocks = [header(reply.title)];
      if (lines.length === 0) blocks.push(section(escapeMrkdwn(l.nothingPending)));
      blocks.push(...packLines(lines, { maxBlocks: 12, maxLines: 200 }, l.morePlain));
      if (reply.footer) blocks.push(section(escapeMrkdwn(reply.footer)));
      return message(`${reply.title} (${reply.items.length})`, blocks);
    }
    case 'history': {
      const lines = reply.entries.map((entry) => confirmationLine(entry, reply.lang));
      const title = l.historyTitle(reply.duty.title);
      const blocks = [header(title)];
      if (lines.length === 0) blocks.push(section(escapeMrkdwn(l.noHistory)));
      blocks.push(...packLines(lines, { maxBlocks: 12, maxLines: 200 }, l.morePlain));
      return message(`${title} (${reply.entries.length})`, blocks);
    }
    case 'digest':
      return renderDigest(reply.digest);
    case 'settings': {
      const blocks = [
        header(reply.title),
        ...packLines(reply.lines.map(mrkdwn), { maxBlocks: 6, maxLines: 80 }, l.morePlain),
      ];
      // The YAML is what `settings import` accepts: shown as a code block so it can be copied.
      const fence = '```';
      // A typed value holding ``` would end the fence: backticks in it get a zero-width space.
      const yaml = escapeMrkdwn(stripMarks(reply.yaml)).replace(/`/g, '`\u200B');
      blocks.push(section(`${fence}${truncate(yaml, LIMITS.text - 10)}${fence}`));
      return message(reply.title, blocks);
    }
    case 'updated':
      return message(reply.message, [section(`✅ ${mrkdwn(reply.message)}`)]);
    case 'dashboard': {
      // The URL is ours (base64url token, no `|` or `>`), so it can sit in a mrkdwn link as it is.
      const link = reply.url ? `\n<${reply.url}|${escapeMrkdwn(catalogue(reply.lang).dashboard.open)}>` : '';
      return message(reply.message, [section(`🔐 ${mrkdwn(reply.message)}${link}`)]);
    }
    case 'export': {
      const text = l.exportSent(reply.filename, reply.entries);
      return message(text, [section(`📎 ${escapeMrkdwn(text)}`)]);
    }
    case 'audit': {
      const title = reply.ok ? `✅ ${l.auditOk}` : `🚨 ${l.auditBroken}`;
      const blocks = [section(`*${title}*\n${mrkdwn(reply.message)}`)];
      blocks.push(
        ...packLines(
          reply.problems.map((p) => `• ${mrkdwn(p)}`),
          { maxBlocks: 5, maxLines: 50 },
          l.morePlain,
        ),
      );
      return message(`${title}: ${reply.message}`, blocks);
    }
    case 'help':
      return renderHelp(reply.help);
  }
}
