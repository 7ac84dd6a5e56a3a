import { DateTime } from 'luxon';
import { catalogue } from '../../../src/views/catalogue/index.js';
import { asText, mention, mentionedUserIds, renderMarked } from '../../../src/views/mentions.js';
import type { PublicLinks } from '../../../src/views/public-links.js';
import { inertPlain } from '../../../src/views/text.js';
import type { Lang } from '../../../src/views/types.js';
import { evidenceLink, inertText, pageLink } from './inert.js';
import { type Labels, labels } from './labels.js';

/** A Teams mention entity, as it must accompany `<at>name</at>` in a card or message. */
export interface TeamsMention {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/**
 * What a renderer needs besides the view: labels for the language, display names for mentions,
 * duty titles for ledger entries. Collects the mention entities the rendered text uses, so the
 * card can carry exactly those in `msteams.entities`.
 */
export class RenderContext {
  readonly labels: Labels;
  private readonly used = new Map<string, TeamsMention>();

  constructor(
    readonly lang: Lang,
    private readonly names: ReadonlyMap<string, string>,
    private readonly dutyTitles: (dutyId: string, lang: Lang) => string | null = () => null,
    /** The operator's public pages, when the server has a public URL. */
    readonly links?: PublicLinks,
  ) {
    this.labels = labels(lang);
  }

  /** A user as a Teams mention when their name is known, else as their plain id. */
  user(userId: string): string {
    const name = this.names.get(userId);
    if (!name) return userId;
    const text = `<at>${name}</at>`;
    if (!this.used.has(userId)) this.used.set(userId, { type: 'mention', text, mentioned: { id: userId, name } });
    return text;
  }

  users(userIds: readonly string[]): string {
    return userIds.map((id) => this.user(id)).join(', ');
  }

  /** Core sentence for a TextBlock or Fact: made inert (`inertText`), mention marks turned into mentions. */
  text(sentence: string): string {
    return renderMarked(sentence, { mention: (id) => this.user(id), typed: inertText }, inertText);
  }

  /** A value a user supplied (note, reason, name, question), inert in a TextBlock or Fact. */
  userText(value: string): string {
    return inertText(asText(value));
  }

  /** Same sentence for plain-text places (fallbackText, notification summary): names, no markup. */
  plain(sentence: string): string {
    return inertPlain(renderMarked(sentence, { mention: (id) => this.names.get(id) ?? id }));
  }

  /** An evidence link a user supplied: clickable, inert, and saying that it opens outside Teams. */
  evidenceLink(url: string): string {
    return evidenceLink(url, catalogue(this.lang).storeRules.opensInBrowser);
  }

  /**
   * "Support · Privacy policy" linked to the public pages, each saying it opens in the browser;
   * null without a public URL (a link that cannot open is worse than none).
   */
  supportLinks(): string | null {
    if (!this.links) return null;
    const s = catalogue(this.lang).storeRules;
    return [
      pageLink(s.support, this.links.support, s.opensInBrowser),
      pageLink(s.privacy, this.links.privacy, s.opensInBrowser),
    ].join(' · ');
  }

  /** A user's display name (or id) for plain-text places. */
  plainUser(userId: string): string {
    return this.plain(mention(userId));
  }

  dutyTitle(dutyId: string): string {
    return this.dutyTitles(dutyId, this.lang) ?? dutyId;
  }

  /**
   * An instant the Teams client shows in the reader's own time zone and locale
   * (Adaptive Card DATE/TIME functions); they want RFC 3339 without fractions.
   */
  when(iso: string, withTime = true): string {
    const instant = DateTime.fromISO(iso, { zone: 'utc' });
    if (!instant.isValid) return iso;
    const rfc = instant.toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
    return withTime ? `{{DATE(${rfc}, SHORT)}} {{TIME(${rfc})}}` : `{{DATE(${rfc}, SHORT)}}`;
  }

  /** The same instant for plain text (fallback), in UTC so it is unambiguous. */
  plainWhen(iso: string): string {
    const instant = DateTime.fromISO(iso, { zone: 'utc' });
    return instant.isValid ? instant.toFormat("yyyy-MM-dd HH:mm 'UTC'") : iso;
  }

  mentions(): TeamsMention[] {
    return [...this.used.values()];
  }
}

/** Every user id a view may mention: tokens in its sentences plus owner/confirmer id fields. */
export function userIdsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    for (const id of mentionedUserIds(value)) into.add(id);
  } else if (Array.isArray(value)) {
    for (const item of value) userIdsIn(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'ownerIds' && Array.isArray(item)) for (const id of item) into.add(String(id));
      else if ((key === 'by' || key === 'userId') && typeof item === 'string') into.add(item);
      else userIdsIn(item, into);
    }
  }
  return into;
}
