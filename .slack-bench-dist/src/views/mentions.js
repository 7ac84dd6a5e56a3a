/**
 * Core sentences mention people with a platform-neutral token, `{{user:ID}}`; each adapter turns
 * it into its own mention (Slack `<@U1>`, a Teams mention entity, `@name` in the terminal).
 */
const MENTION = /\{\{user:([^}]+)\}\}/g;
export function mention(userId) {
    return `{{user:${userId}}}`;
}
export function renderMentions(text, render) {
    return text.replace(MENTION, (_, id) => render(id));
}
export function mentionedUserIds(text) {
    return [...text.matchAll(MENTION)].map((m) => m[1]);
}
//# sourceMappingURL=mentions.js.map