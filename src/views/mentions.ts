/**
 * Core sentences mention people with a platform-neutral token, `{{user:ID}}`; each adapter turns
 * it into its own mention (Slack `<@U1>`, a Teams mention entity, `@name` in the terminal).
 */
const MENTION = /\{\{user:([^}]+)\}\}/g;

export function mention(userId: string): string {
  return `{{user:${userId}}}`;
}

export function renderMentions(text: string, render: (userId: string) => string): string {
  return text.replace(MENTION, (_, id: string) => render(id));
}

export function mentionedUserIds(text: string): string[] {
  return [...text.matchAll(MENTION)].map((m) => m[1] as string);
}
