import { z } from 'zod';
import { WorkspaceSettingsSchema } from '../settings/schema.js';
/** Conversions between table rows (epoch ms, JSON text) and the Store's types (Dates, objects). */
export const toMs = (date) => date.getTime();
const toDate = (ms) => new Date(Number(ms));
const toDateOrNull = (ms) => (ms === null ? null : toDate(ms));
export class CorruptRowError extends Error {
    name = 'CorruptRowError';
}
function parseJson(text, what) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        throw new CorruptRowError(`${what} is not valid JSON: ${error.message}`);
    }
}
function parseObject(text, what) {
    const value = parseJson(text, what);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new CorruptRowError(`${what} is not a JSON object`);
    }
    return value;
}
export function toWorkspaceRow(row) {
    const raw = parseJson(row.settings, `settings of workspace "${row.id}"`);
    const parsed = WorkspaceSettingsSchema.safeParse(raw);
    if (!parsed.success) {
        // Fail loudly and name the workspace: silently falling back to defaults would send reminders
        // to the wrong people.
        throw new CorruptRowError(`settings of workspace "${row.id}" in the database are invalid:\n${z.prettifyError(parsed.error)}`);
    }
    return {
        id: row.id,
        platform: row.platform,
        settings: parsed.data,
        homeChannel: row.home_channel,
        nextWakeAt: toDateOrNull(row.next_wake_at),
        createdAt: toDate(row.created_at),
    };
}
export function toAuditEntry(row) {
    return {
        workspaceId: row.workspace_id,
        seq: Number(row.seq),
        kind: row.kind,
        actor: row.actor,
        at: toDate(row.at),
        payload: parseObject(row.payload, `payload of audit entry #${row.seq} of workspace "${row.workspace_id}"`),
        prevHash: row.prev_hash,
        hash: row.hash,
    };
}
export function toConfirmationRow(row) {
    return {
        workspaceId: row.workspace_id,
        dutyId: row.duty_id,
        occurrence: row.occurrence,
        status: row.status,
        by: row.confirmed_by,
        at: toDate(row.at),
        note: row.note,
        evidenceUrl: row.evidence_url,
        reason: row.reason,
        snoozedUntil: toDateOrNull(row.snoozed_until),
        seq: Number(row.seq),
        hash: row.hash,
    };
}
export function toDeliveryRow(row) {
    return {
        key: row.key,
        workspaceId: row.workspace_id,
        kind: row.kind,
        dutyId: row.duty_id,
        occurrence: row.occurrence,
        channel: row.channel,
        payload: parseObject(row.payload, `payload of delivery "${row.key}"`),
        createdAt: toDate(row.created_at),
        notBefore: toDate(row.not_before),
        status: row.status,
        attempts: Number(row.attempts),
        lastError: row.last_error,
        messageChannel: row.message_channel,
        messageId: row.message_id,
        sentAt: toDateOrNull(row.sent_at),
    };
}
//# sourceMappingURL=row-mapping.js.map