import { labels } from '../labels.js';
import { INPUT, VIEW } from './ids.js';
import { escapeMrkdwn, LIMITS, truncate } from './kit.js';
const plainText = (text, max = LIMITS.modalTitle) => ({
    type: 'plain_text',
    text: truncate(text, max),
    emoji: true,
});
function header(title) {
    return { type: 'section', text: { type: 'mrkdwn', text: `*${escapeMrkdwn(truncate(title, 200))}*` } };
}
/**
 * Done: an optional note and an optional evidence link. Both are free text here on purpose: the
 * core validates the link and its message comes back on the field (`response_action: 'errors'`).
 */
export function doneModal(metadata, dutyTitle) {
    const l = labels(metadata.lang);
    return {
        type: 'modal',
        callback_id: VIEW.done,
        private_metadata: JSON.stringify(metadata),
        title: plainText(l.doneModalTitle),
        submit: plainText(l.submit),
        close: plainText(l.cancel),
        blocks: [
            header(dutyTitle),
            {
                type: 'input',
                block_id: INPUT.note.block,
                optional: true,
                label: plainText(l.note, 2000),
                element: {
                    type: 'plain_text_input',
                    action_id: INPUT.note.action,
                    multiline: true,
                    max_length: 2000,
                    placeholder: plainText(l.notePlaceholder, LIMITS.placeholder),
                },
            },
            {
                type: 'input',
                block_id: INPUT.evidence.block,
                optional: true,
                label: plainText(l.evidenceLabel, 2000),
                element: {
                    type: 'plain_text_input',
                    action_id: INPUT.evidence.action,
                    max_length: 2000,
                    placeholder: plainText(l.evidencePlaceholder, LIMITS.placeholder),
                },
            },
        ],
    };
}
/** Skip: a reason is required (checked again on submission: whitespace passes Slack's own check). */
export function skipModal(metadata, dutyTitle) {
    const l = labels(metadata.lang);
    return {
        type: 'modal',
        callback_id: VIEW.skip,
        private_metadata: JSON.stringify(metadata),
        title: plainText(l.skipModalTitle),
        submit: plainText(l.submit),
        close: plainText(l.cancel),
        blocks: [
            header(dutyTitle),
            {
                type: 'input',
                block_id: INPUT.reason.block,
                label: plainText(l.reason, 2000),
                element: {
                    type: 'plain_text_input',
                    action_id: INPUT.reason.action,
                    multiline: true,
                    max_length: 2000,
                    placeholder: plainText(l.reasonPlaceholder, LIMITS.placeholder),
                },
            },
        ],
    };
}
//# sourceMappingURL=modals.js.map