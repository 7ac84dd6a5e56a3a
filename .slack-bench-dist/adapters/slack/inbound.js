import { mention } from '../../src/views/mentions.js';
/**
 * Slack's wire format for typed text → the core's: user mentions `<@U1>` / `<@U1|ann>` become
 * `{{user:U1}}` tokens, channel links `<#C1|general>` become the channel id, URLs lose their angle
 * brackets and labels, and the three HTML entities Slack escapes are restored. The bot's own
 * mention (the way a channel addresses it) is removed.
 */
export function slackTextToCore(text, botUserId) {
    let result = text;
    if (botUserId)
        result = result.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ');
    result = result
        .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, (_, id) => mention(id))
        .replace(/<#([CG][A-Z0-9]+)(?:\|[^>]*)?>/g, (_, id) => id)
        .replace(/<!(?:subteam\^)?([^>|]+)(?:\|[^>]*)?>/g, (_, name) => `@${name}`)
        .replace(/<((?:https?|mailto):[^>|]+)(?:\|[^>]*)?>/g, (_, url) => url)
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    return result.replace(/[ \t]+/g, ' ').trim();
}
//# sourceMappingURL=inbound.js.map