import { CardFactory } from 'botbuilder';
import { RenderContext, userIdsIn } from './cards/context.js';
import { renderDigest } from './cards/digest.js';
import { renderReminder } from './cards/reminder.js';
import { renderReply, renderWelcome } from './cards/reply.js';
/** Turns view models into Teams messages, resolving mentioned users' names for the tenant first. */
export class TeamsRenderer {
    state;
    knowledge;
    constructor(state, knowledge) {
        this.state = state;
        this.knowledge = knowledge;
    }
    async context(tenantId, lang, view) {
        const names = await this.state.names(tenantId, userIdsIn(view));
        return new RenderContext(lang, names, (dutyId, language) => {
            const duty = this.knowledge.dutyById.get(dutyId);
            if (!duty)
                return null;
            return language === 'it' ? duty.title_it : duty.title;
        });
    }
    async reply(tenantId, reply) {
        return renderReply(reply, await this.context(tenantId, reply.lang, reply));
    }
    async reminder(tenantId, view, state = {}) {
        return renderReminder(view, await this.context(tenantId, view.lang, [view, state]), state);
    }
    async outbound(tenantId, message) {
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
export function cardActivity(rendered, id) {
    const activity = {
        type: 'message',
        attachments: [CardFactory.adaptiveCard(rendered.card)],
        summary: rendered.text.split('\n')[0]?.slice(0, 200),
    };
    if (id)
        activity.id = id;
    return activity;
}
//# sourceMappingURL=renderer.js.map