import type { Selectable } from 'kysely';
import { z } from 'zod';
import { deepFreeze } from '../settings/deep-freeze.js';
import { WorkspaceSettingsSchema } from '../settings/schema.js';
import type { AuditLogTable, ConfirmationsTable, DeliveriesTable, WorkspacesTable } from './schema.js';
import type {
  AuditEntry,
  ConfirmationRow,
  ConfirmationStatus,
  DeliveryKind,
  DeliveryRow,
  DeliveryStatus,
  Platform,
  WorkspaceRow,
} from './types.js';

/** Conversions between table rows (epoch ms, JSON text) and the Store's types (Dates, objects). */

export const toMs = (date: Date): number => date.getTime();
const toDate = (ms: number | string): Date => new Date(Number(ms));
const toDateOrNull = (ms: number | string | null): Date | null => (ms === null ? null : toDate(ms));

export class CorruptRowError extends Error {
  override name = 'CorruptRowError';
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CorruptRowError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

function parseObject(text: string, what: string): Record<string, unknown> {
  const value = parseJson(text, what);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CorruptRowError(`${what} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Settings are read on every request; validating the same JSON text again and again is wasted
 * work. Parsed settings are kept by their exact text, deep-frozen so no caller can change a shared
 * object (edits clone first), which also lets per-settings caches (calendars) hit across requests.
 */
const settingsByText = new Map<string, WorkspaceRow['settings']>();
const MAX_CACHED_SETTINGS = 10_000;

function parseSettings(row: Selectable<WorkspacesTable>): WorkspaceRow['settings'] {
  const cached = settingsByText.get(row.settings);
  if (cached) return cached;
  const raw = parseJson(row.settings, `settings of workspace "${row.id}"`);
  const parsed = WorkspaceSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    // Fail loudly and name the workspace: silently falling back to defaults would send reminders
    // to the wrong people.
    throw new CorruptRowError(
      `settings of workspace "${row.id}" in the database are invalid:\n${z.prettifyError(parsed.error)}`,
    );
  }
  if (settingsByText.size >= MAX_CACHED_SETTINGS) settingsByText.clear();
  settingsByText.set(row.settings, deepFreeze(parsed.data));
  return parsed.data;
}

export function toWorkspaceRow(row: Selectable<WorkspacesTable>): WorkspaceRow {
  return {
    id: row.id,
    platform: row.platform as Platform,
    settings: parseSettings(row),
    homeChannel: row.home_channel,
    nextWakeAt: toDateOrNull(row.next_wake_at),
    createdAt: toDate(row.created_at),
    status: row.status === 'inactive' ? 'inactive' : 'active',
    remindersSince: toDateOrNull(row.reminders_since),
    name: row.name ?? null,
    ledgerHead: { seq: Number(row.head_seq), hash: row.head_hash },
    inactiveSince: toDateOrNull(row.inactive_since),
  };
}

export function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntry {
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

export function toConfirmationRow(row: Selectable<ConfirmationsTable>): ConfirmationRow {
  return {
    workspaceId: row.workspace_id,
    dutyId: row.duty_id,
    occurrence: row.occurrence,
    status: row.status as ConfirmationStatus,
    by: row.confirmed_by,
    at: toDate(row.at),
    note: row.note,
    evidenceUrl: row.evidence_url,
    reason: row.reason,
    snoozedUntil: toDateOrNull(row.snoozed_until),
    seq: Number(row.seq),
    hash: row.hash,
    ...(Number(row.backfill ?? 0) === 1 ? { backfill: true } : {}),
  };
}

export function toDeliveryRow(row: Selectable<DeliveriesTable>): DeliveryRow {
  return {
    key: row.key,
    workspaceId: row.workspace_id,
    kind: row.kind as DeliveryKind,
    dutyId: row.duty_id,
    occurrence: row.occurrence,
    channel: row.channel,
    payload: parseObject(row.payload, `payload of delivery "${row.key}"`),
    createdAt: toDate(row.created_at),
    notBefore: toDate(row.not_before),
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    messageChannel: row.message_channel,
    messageId: row.message_id,
    sentAt: toDateOrNull(row.sent_at),
    lease:
      row.lease_owner !== null && row.lease_token !== null
        ? { key: row.key, owner: row.lease_owner, token: row.lease_token }
        : null,
    firstErrorAt: toDateOrNull(row.first_error_at),
  };
}
