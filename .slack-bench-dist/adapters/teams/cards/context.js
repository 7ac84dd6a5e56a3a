import { DateTime } from 'luxon';
import { mentionedUserIds, renderMentions } from '../../../src/views/mentions.js';
import { labels } from './labels.js';
/**
 * What a renderer needs besides the view: labels for the language, display names for mentions,
 * duty titles for ledger entries. Collects the mention entities the rendered text uses, so the
 * card can carry exactly those in `msteams.entities`.
 */
export class RenderContext {
    lang;
    names;
    dutyTitles;
    labels;
    used = new Map();
    constructor(lang, names, dutyTitles = () => null) {
        this.lang = lang;
        this.names = names;
        this.dutyTitles = dutyTitles;
        this.labels = labels(lang);
    }
    /** A user as a Teams mention when their name is known, else as their plain id. */
    user(userId) {
        const name = this.names.get(userId);
        if (!name)
            return userId;
        const text = `<at>${name}</at>`;
        if (!this.used.has(userId))
            this.used.set(userId, { type: 'mention', text, mentioned: { id: userId, name } });
        return text;
    }
    users(userIds) {
        return userIds.map((id) => this.user(id)).join(', ');
    }
    /** Core sentence with `{{user:ID}}` tokens turned into mentions. */
    text(sentence) {
        return renderMentions(sentence, (id) => this.user(id));
    }
    /** Same sentence for plain-text places (fallbackText, notification summary): names, no markup. */
    plain(sentence) {
        return renderMentions(sentence, (id) => this.names.get(id) ?? id);
    }
    dutyTitle(dutyId) {
        return this.dutyTitles(dutyId, this.lang) ?? dutyId;
    }
    /**
     * An instant the Teams client shows in the reader's own time zone and locale
     * (Adaptive Card DATE/TIME functions); they want RFC 3339 without fractions.
     */
    when(iso, withTime = true) {
        const instant = DateTime.fromISO(iso, { zone: 'utc' });
        if (!instant.isValid)
            return iso;
        const rfc = instant.toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
        return withTime ? `{{DATE(${rfc}, SHORT)}} {{TIME(${rfc})}}` : `{{DATE(${rfc}, SHORT)}}`;
    }
    /** The same instant for plain text (fallback), in UTC so it is unambiguous. */
    plainWhen(iso) {
        const instant = DateTime.fromISO(iso, { zone: 'utc' });
        return instant.isValid ? instant.toFormat("yyyy-MM-dd HH:mm 'UTC'") : iso;
    }
    mentions() {
        return [...this.used.values()];
    }
}
/** Every user id a view may mention: tokens in its sentences plus owner/confirmer id fields. */
export function userIdsIn(value, into = new Set()) {
    if (typeof value === 'string') {
        for (const id of mentionedUserIds(value))
            into.add(id);
    }
    else if (Array.isArray(value)) {
        for (const item of value)
            userIdsIn(item, into);
    }
    else if (value && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
            if (key === 'ownerIds' && Array.isArray(item))
                for (const id of item)
                    into.add(String(id));
            else if ((key === 'by' || key === 'userId') && typeof item === 'string')
                into.add(item);
            else
                userIdsIn(item, into);
        }
    }
    return into;
}
//# sourceMappingURL=context.js.map