export const CARD_VERSION = '1.5';
export function text(value, options = {}) {
    return { type: 'TextBlock', text: value, wrap: true, ...options };
}
export function heading(value) {
    return text(value, { size: 'Medium', weight: 'Bolder', style: 'heading' });
}
export function subtle(value) {
    return text(value, { isSubtle: true, size: 'Small', spacing: 'None' });
}
export function facts(pairs) {
    return {
        type: 'FactSet',
        facts: pairs.filter((pair) => Boolean(pair[1])).map(([title, value]) => ({ title, value })),
    };
}
export function container(items, options = {}) {
    return { type: 'Container', items, ...options };
}
/** A red box on top of a card that failed: the core's message and, below it, what to do. */
export function errorBox(message, hint) {
    const items = [text(message, { color: 'Attention', weight: 'Bolder' })];
    if (hint)
        items.push(text(hint, { spacing: 'Small' }));
    return container(items, { style: 'attention', bleed: true });
}
/** Bulleted lines as one TextBlock (Teams renders Markdown lists inside TextBlocks). */
export function bullets(lines) {
    return text(lines.map((line) => `- ${line}`).join('\r'), { spacing: 'Small' });
}
/** Escapes characters Teams' Markdown subset would eat in verbatim source text. */
export function verbatim(value) {
    return value.replace(/([\\*_`[\]])/g, '\\$1');
}
export function card(ctx, body, fallback, actions) {
    const entities = ctx.mentions();
    const json = {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: CARD_VERSION,
        body,
        fallbackText: fallback,
        msteams: entities.length > 0 ? { width: 'Full', entities } : { width: 'Full' },
    };
    if (actions && actions.length > 0)
        json.actions = actions;
    return { card: json, text: fallback };
}
//# sourceMappingURL=elements.js.map