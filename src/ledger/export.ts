import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { AuditEntry, LedgerSource } from './entry.js';
import { formatHead } from './head.js';

/**
 * Ledger export for auditors: every audit entry in a time range, as CSV (one row per entry) or
 * JSON (entries plus the chain head and the verification result of the whole chain). Each row
 * carries prev_hash and hash, so the export can be checked against the chain later.
 */

export type ExportFormat = 'csv' | 'json';

export interface ExportOptions {
  format: ExportFormat;
  /** Inclusive lower bound on the entry's instant. */
  from?: Date;
  /** Exclusive upper bound on the entry's instant. */
  to?: Date;
  /** When the export is made (defaults to now); appears in the JSON and the file name. */
  now?: Date;
  /** IANA zone the days of the file name are counted in (the workspace's; default UTC). */
  zone?: string;
}

export interface LedgerExport {
  filename: string;
  content: string;
  /** Number of entries exported. */
  entries: number;
}

/** Entries fetched per query: bounded memory per page, few round trips for 100,000 entries. */
const PAGE_SIZE = 5_000;

const COLUMNS = [
  'seq',
  'at',
  'kind',
  'actor',
  'duty',
  'occurrence',
  'status',
  'note',
  'evidence_url',
  'reason',
  'snoozed_until',
  'backfill',
  'details',
  'prev_hash',
  'hash',
  'chain_head',
] as const;

type ExportRow = Record<(typeof COLUMNS)[number], string | number | null>;

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** Payload fields that have a column of their own. */
const COLUMN_FIELDS = new Set(['dutyId', 'occurrence', 'status', 'note', 'evidenceUrl', 'reason', 'snoozedUntil']);

/**
 * What the columns do not show, as JSON. For a confirmation: the payload fields beyond the
 * columns (null when there are none; its `by` is the actor). For any other entry (settings
 * change, assignment…): the whole payload. So an auditor can rebuild every payload — and
 * recompute every hash — from the CSV alone.
 */
function details(entry: AuditEntry): string | null {
  if (entry.kind !== 'confirmation') return JSON.stringify(entry.payload);
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry.payload)) {
    // An empty string would read back as an empty cell, i.e. null: it stays in `details`.
    if (COLUMN_FIELDS.has(key) && (value === null || (typeof value === 'string' && value !== ''))) continue;
    if (key === 'by' && value === entry.actor) continue;
    rest[key] = value;
  }
  return Object.keys(rest).length > 0 ? JSON.stringify(rest) : null;
}

function toExportRow(entry: AuditEntry, chainHead: string): ExportRow {
  const payload = entry.payload;
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    kind: entry.kind,
    actor: entry.actor,
    duty: text(payload.dutyId),
    occurrence: text(payload.occurrence),
    status: text(payload.status),
    note: text(payload.note),
    evidence_url: text(payload.evidenceUrl),
    reason: text(payload.reason),
    snoozed_until: text(payload.snoozedUntil),
    // A period recorded by an admin after the fact (issue 10); also kept in `details`, which
    // rebuilds the hashed payload.
    backfill: payload.backfill === true ? 'true' : null,
    details: details(entry),
    prev_hash: entry.prevHash,
    hash: entry.hash,
    // The chain head when the export was made (`seq:hash`), on every row so a CSV cut from the
    // file still carries it: `audit verify --against <it>` checks later that history still extends it.
    chain_head: chainHead,
  };
}

/**
 * CSV injection: a spreadsheet evaluates a cell starting with = + - @ (or a tab / carriage return
 * that some of them strip first) as a formula, and notes and evidence URLs are user input. Such
 * cells get a leading apostrophe, which spreadsheets display as text and do not evaluate. A cell
 * that already starts with apostrophes before such a character gets one more, so the rule can be
 * undone exactly (remove one apostrophe where apostrophes precede = + - @ TAB CR): the auditor
 * pack's README recomputes every hash from the CSV that way.
 */
export function neutralizeFormula(cell: string): string {
  return /^'*[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function toCsvRecord(row: ExportRow): (string | number)[] {
  return COLUMNS.map((column) => {
    const value = row[column];
    if (value === null) return '';
    return typeof value === 'string' ? neutralizeFormula(value) : value;
  });
}

function fileStem(workspaceId: string, options: ExportOptions, now: Date): string {
  const safeWorkspace = workspaceId.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'workspace';
  // Named by the days people typed: `from 2026-11-01` starts at local midnight (still 31 October in
  // UTC), and `to` is exclusive (the instant after the last day).
  const day = (date: Date) => DateTime.fromJSDate(date, { zone: options.zone ?? 'UTC' }).toISODate() ?? '';
  const lastDay = (to: Date) => day(new Date(to.getTime() - 1));
  const range =
    options.from || options.to
      ? `${options.from ? day(options.from) : 'start'}_to_${options.to ? lastDay(options.to) : day(now)}`
      : `until_${day(now)}`;
  return `dutybot-ledger-${safeWorkspace}-${range}`;
}

/** The ledger as recorded by its head, in windows of seq values (rows past the head are not ledger). */
async function* pagesOf(store: LedgerSource, workspaceId: string, lastSeq: number, range: { from?: Date; to?: Date }) {
  for (let first = 1; first <= lastSeq; first += PAGE_SIZE) {
    const page = await store.ledgerWindow(workspaceId, first, Math.min(first + PAGE_SIZE - 1, lastSeq), range);
    if (page.length > 0) yield page;
  }
}

export async function exportLedger(
  store: LedgerSource,
  workspaceId: string,
  options: ExportOptions,
): Promise<LedgerExport> {
  const { format, from, to } = options;
  if (format !== 'csv' && format !== 'json')
    throw new Error(`unknown export format "${String(format)}" (use csv or json)`);
  if (from && to && from.getTime() >= to.getTime()) {
    throw new Error(
      `the export range is empty: "from" (${from.toISOString()}) must be before "to" (${to.toISOString()})`,
    );
  }
  const head = await store.ledgerHead(workspaceId);
  if (head === null) throw new Error(`workspace "${workspaceId}" does not exist, so it has no ledger to export`);
  const now = options.now ?? new Date();
  const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const stem = fileStem(workspaceId, options, now);
  const chainHead = formatHead(head);

  const parts: string[] = [];
  let count = 0;
  if (format === 'csv') {
    parts.push(stringify([[...COLUMNS]]));
    for await (const page of pagesOf(store, workspaceId, head.seq, range)) {
      parts.push(stringify(page.map((entry) => toCsvRecord(toExportRow(entry, chainHead)))));
      count += page.length;
    }
    return { filename: `${stem}.csv`, content: parts.join(''), entries: count };
  }

  // JSON: the envelope first, then one entry per line (readable, and cheap to build for 100k).
  const verification = await store.verifyLedger(workspaceId);
  const rows: string[] = [];
  for await (const page of pagesOf(store, workspaceId, head.seq, range)) {
    for (const entry of page) {
      const { details: _details, chain_head: _head, ...row } = toExportRow(entry, chainHead);
      // JSON carries the whole payload instead of the CSV's leftover `details`.
      rows.push(JSON.stringify({ ...row, payload: entry.payload }));
    }
    count += page.length;
  }
  const envelope = {
    workspace: workspaceId,
    generated_at: now.toISOString(),
    range: { from: from?.toISOString() ?? null, to: to?.toISOString() ?? null },
    chain_head: head,
    /** The head as `audit verify --against` takes it. */
    chain_head_ref: chainHead,
    verification,
    entry_count: count,
  };
  const envelopeJson = JSON.stringify(envelope, null, 2).replace(/\n}$/, '');
  const content = `${envelopeJson},\n  "entries": [\n${rows.map((row) => `    ${row}`).join(',\n')}${rows.length ? '\n' : ''}  ]\n}\n`;
  return { filename: `${stem}.json`, content, entries: count };
}
