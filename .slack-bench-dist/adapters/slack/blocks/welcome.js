import { labels } from '../labels.js';
import { SLASH_COMMAND } from '../scopes.js';
import { context, escapeMrkdwn, header, message, mrkdwn, plain } from './kit.js';
import { packLines } from './occurrences.js';
export function renderWelcome(view) {
    const blocks = packLines(view.lines.map(mrkdwn), { maxBlocks: 10, maxLines: 100 }, labels(view.lang).morePlain);
    return message(view.lines.map(plain).join('\n'), blocks);
}
export function renderHelp(help) {
    const l = labels(help.lang);
    const blocks = [
        header(l.help),
        ...packLines([mrkdwn(help.intro)], { maxBlocks: 1, maxLines: 1 }, l.morePlain),
    ];
    blocks.push(context([`*${l.commands}*`]));
    // In Slack every command is typed after the slash command.
    const commands = help.commands.map((c) => `\`${escapeMrkdwn(`${SLASH_COMMAND} ${c.usage}`)}\` — ${mrkdwn(c.description)}`);
    blocks.push(...packLines(commands, { maxBlocks: 8, maxLines: 60 }, l.morePlain));
    if (help.examples.length > 0) {
        blocks.push(context([`*${l.examples}*`]));
        const examples = help.examples.map((e) => `• ${escapeMrkdwn(e)}`);
        blocks.push(...packLines(examples, { maxBlocks: 4, maxLines: 30 }, l.morePlain));
    }
    const fallback = [help.intro, ...help.commands.map((c) => `${c.usage} — ${c.description}`)].join('\n');
    return message(plain(fallback), blocks);
}
//# sourceMappingURL=welcome.js.map