import { type Activity, CardFactory } from 'botbuilder';
import type { Dutybot } from '../../src/bot/types.js';
import type { OutboundMessage } from '../../src/ports/messenger.js';
import type { PublicLinks } from '../../src/views/public-links.js';
import type { Lang, ReminderView, Reply } from '../../src/views/types.js';
import { RenderContext, userIdsIn } from './cards/context.js';
import { renderDigest } from './cards/digest.js';
import type { RenderedCard } from './cards/elements.js';
import { type ReminderCardState, renderReminder } from './cards/reminder.js';
import { renderReply, renderWelcome } from './cards/reply.js';
import type { TeamsState } from './state.js';

/** Turns view models into Teams messages, resolving mentioned users' names for the tenant first. */
export class TeamsRenderer {
  constructor(
    private readonly state: TeamsState,
    private readonly titles: Pick<Dutybot, 'dutyTitle'>,
    /** Support and privacy pages for the welcome and help cards (undefined: no public URL). */
    private readonly links?: PublicLinks,
  ) {}

  private async context(tenantId: string, lang: Lang, view: unknown): Promise<RenderContext> {
    const names = await this.state.names(tenantId, userIdsIn(view));
    return new RenderContext(lang, names, (dutyId, language) => this.titles.dutyTitle(dutyId, language), this.links);
  }

  async reply(tenantId: string, reply: Reply): Promise<RenderedCard> {
    return renderReply(reply, await this.context(tenantId, reply.lang, reply));
  }

  async reminder(tenantId: string, view: ReminderView, state: ReminderCardState = {}): Promise<RenderedCard> {
    return renderReminder(view, await this.context(tenantId, view.lang, [view, state]), state);
  }

  async outbound(tenantId: string, message: OutboundMessage): Promise<RenderedCard> {
    switch (message.kind) {
      case 'reminder':
      case 'followup':
      case 'escalation':
        return this.reminder(tenantId, message.view);
      case 'digest':
        return renderDigest(message.view, await this.context(tenantId, message.view.lang, message.view));
      case 'welcome':
        return renderWelcome(message.view, await this.context(tenantId, message.view.lang, message.view));
    }
  }
}

/** A message activity carrying the card; `summary` is what notifications and the activity feed show. */
export function cardActivity(rendered: RenderedCard, id?: string): Partial<Activity> {
  const activity: Partial<Activity> = {
    type: 'message',
    attachments: [CardFactory.adaptiveCard(rendered.card)],
    summary: rendered.text.split('\n')[0]?.slice(0, 200),
  };
  if (id) activity.id = id;
  return activity;
}
