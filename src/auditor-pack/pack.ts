import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { DateTime } from 'luxon';
import type { Knowledge } from '../knowledge/model.js';
import { exportLedger } from '../ledger/export.js';
import { formatHead } from '../ledger/head.js';
import type { Store } from '../store/types.js';
import { FILE_NOTES, README } from './readme.js';

/**
 * The auditor pack (issue 14): one zip an auditor can check offline — the whole ledger as CSV and
 * JSON, dutybot's chain verification report, the knowledge pack and the source document it was
 * taken from, the workspace settings in force, a README with the exact recipe to recompute the
 * chain from the CSV alone, and SHA256SUMS over every file. Everything is read from one head of
 * the chain, so the files agree with each other even while confirmations keep arriving.
 */

export interface AuditorPack {
  filename: string;
  content: Uint8Array;
  /** Ledger entries in the pack. */
  entries: number;
}

const encoder = new TextEncoder();

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'workspace';
}

/** Tries at reading the ledger while no entry lands in between. */
const SNAPSHOT_ATTEMPTS = 3;

/**
 * The CSV, the JSON and the verification each read the chain up to the head they find: a
 * confirmation landing in between would make the files disagree by an entry. They are read again
 * until the head did not move while they were read (a busy ledger keeps the last attempt).
 */
async function consistentExports(store: Store, workspaceId: string, now: Date, zone: string) {
  for (let attempt = 1; ; attempt++) {
    const before = await store.ledgerHead(workspaceId);
    const csv = await exportLedger(store, workspaceId, { format: 'csv', now, zone });
    const json = await exportLedger(store, workspaceId, { format: 'json', now, zone });
    const verification = await store.verifyLedger(workspaceId);
    const head = await store.ledgerHead(workspaceId);
    if (attempt >= SNAPSHOT_ATTEMPTS || (before?.seq === head?.seq && before?.hash === head?.hash))
      return { csv, json, head, verification };
  }
}

export async function buildAuditorPack(
  deps: { store: Store; knowledge: Knowledge },
  workspaceId: string,
  now: Date,
): Promise<AuditorPack | null> {
  const { store, knowledge } = deps;
  const workspace = await store.getWorkspace(workspaceId);
  if (!workspace) return null;
  const { settings } = workspace;
  const lang = settings.language;
  const zone = settings.timezone;
  const { csv, json, head, verification } = await consistentExports(store, workspaceId, now, zone);
  const chainHead = head ? formatHead(head) : '';

  const document = knowledge.document;
  const packBytes = readFileSync(knowledge.file);
  const sourcePath = resolve(dirname(knowledge.file), document.source_file);
  const sourceBytes = readFileSync(sourcePath);
  const knowledgeVersion = `${document.provider} ${document.title} ${document.version} (${document.date}), ${basename(knowledge.file)} sha256 ${sha256(packBytes)}`;

  const notes = FILE_NOTES[lang];
  const files: Record<string, Uint8Array> = {
    'ledger.csv': encoder.encode(csv.content),
    'ledger.json': encoder.encode(json.content),
    'verification.json': encoder.encode(
      `${JSON.stringify(
        {
          workspace: workspaceId,
          generated_at: now.toISOString(),
          chain_head: head,
          chain_head_ref: chainHead,
          entries: csv.entries,
          verification,
        },
        null,
        2,
      )}\n`,
    ),
    'settings.json': encoder.encode(`${JSON.stringify(settings, null, 2)}\n`),
    [`knowledge/${basename(knowledge.file)}`]: packBytes,
    [`knowledge/${basename(sourcePath)}`]: sourceBytes,
  };
  const about: Record<string, string> = {
    'ledger.csv': notes.csv,
    'ledger.json': notes.json,
    'verification.json': notes.verification,
    'settings.json': notes.settings,
    [`knowledge/${basename(knowledge.file)}`]: notes.pack,
    [`knowledge/${basename(sourcePath)}`]: notes.source,
  };
  const facts = {
    workspaceId,
    generatedAt: now.toISOString(),
    entries: csv.entries,
    chainHead,
    verified: verification.ok,
    problems: verification.problems,
    knowledgeVersion,
    files: Object.keys(files).map((name) => ({ name, about: about[name] ?? '' })),
  };
  files['README.txt'] = encoder.encode(README[lang](facts));
  // The recipe is also given in English when the workspace reads another language.
  if (lang !== 'en') files['README.en.txt'] = encoder.encode(README.en(facts));
  files.SHA256SUMS = encoder.encode(
    Object.entries(files)
      .map(([name, bytes]) => `${sha256(bytes)}  ${name}\n`)
      .join(''),
  );

  const day = DateTime.fromJSDate(now, { zone }).toISODate() ?? '';
  const stem = `dutybot-auditor-pack-${safeName(workspaceId)}-${day}`;
  const mtime = now;
  const zipped = zipSync(
    Object.fromEntries(Object.entries(files).map(([name, bytes]) => [`${stem}/${name}`, [bytes, { mtime }]])),
    { level: 6 },
  );
  return { filename: `${stem}.zip`, content: zipped, entries: csv.entries };
}
