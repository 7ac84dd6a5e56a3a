import type { HelpView, Lang, WelcomeView } from '../../../src/views/types.js';
import { labels } from '../labels.js';
import { SLASH_COMMAND } from '../scopes.js';
import { ACTION } from './ids.js';
import { type Block, context, escapeMrkdwn, header, message, mrkdwn, type SlackMessage, section } from './kit.js';
import { packLines } from './occurrences.js';

export function renderWelcome(view: WelcomeView): SlackMessage {
  const blocks = packLines(view.lines.map(mrkdwn), { maxBlocks: 10, maxLines: 100 }, labels(view.lang).morePlain);
  if (view.askForChannel) blocks.push(channelPicker(view.lang));
  return message(view.lines.join('\n'), blocks);
}

/**
 * Asks for the channel the reminders go to (welcome DM after an OAuth install, App Home) while the
 * workspace has none. Only channels of this workspace; the bot may still need an invitation there.
 */
export function channelPicker(lang: Lang): Block {
  const l = labels(lang);
  return section(escapeMrkdwn(l.pickChannel), {
    type: 'conversations_select',
    action_id: ACTION.pickChannel,
    placeholder: { type: 'plain_text', text: l.pickChannelPlaceholder, emoji: true },
    filter: { include: ['public', 'private'], exclude_bot_users: true, exclude_external_shared_channels: true },
  });
}

export function renderHelp(help: HelpView): SlackMessage {
  const l = labels(help.lang);
  const blocks: Block[] = [
    header(l.help),
    ...packLines([mrkdwn(help.intro)], { maxBlocks: 1, maxLines: 1 }, l.morePlain),
  ];
  blocks.push(context([`*${l.commands}*`]));
  // In Slack every command is typed after the slash command.
  const commands = help.commands.map(
    (c) => `\`${escapeMrkdwn(`${SLASH_COMMAND} ${c.usage}`)}\` — ${mrkdwn(c.description)}`,
  );
  blocks.push(...packLines(commands, { maxBlocks: 8, maxLines: 60 }, l.morePlain));
  if (help.examples.length > 0) {
    blocks.push(context([`*${l.examples}*`]));
    const examples = help.examples.map((e) => `• ${escapeMrkdwn(e)}`);
    blocks.push(...packLines(examples, { maxBlocks: 4, maxLines: 30 }, l.morePlain));
  }
  const fallback = [help.intro, ...help.commands.map((c) => `${c.usage} — ${c.description}`)].join('\n');
  return message(fallback, blocks);
}
