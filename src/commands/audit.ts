import { checkNotedHead, type HeadCheck, parseNotedHead } from '../ledger/head.js';
import type { WorkspaceRow } from '../store/types.js';
import { catalogue } from '../views/catalogue/index.js';
import type { Lang, Reply } from '../views/types.js';
import type { ExecuteDeps } from './deps.js';
import type { Command } from './grammar.js';
import { messages } from './messages.js';
import { refusal } from './refusal.js';

/**
 * `audit` (verify the chain and every row the bot shows), `audit head` (the head to note outside
 * dutybot) and `audit verify --against <hash | seq:hash>` (a head noted earlier is still a prefix
 * of today's chain). Admins only (checked by the dispatch).
 */
export async function audit(
  deps: ExecuteDeps,
  workspace: WorkspaceRow,
  lang: Lang,
  command: Extract<Command, { name: 'audit' }>,
): Promise<Reply> {
  const m = messages(lang);
  const l = catalogue(lang).ledger;
  const head = (await deps.store.ledgerHead(workspace.id)) ?? { seq: 0, hash: '' };
  const headLine = l.head(head.seq, head.hash);
  if (command.action === 'head') return { kind: 'audit', lang, ok: true, message: headLine, problems: [] };

  const noted = command.against === undefined ? null : parseNotedHead(command.against);
  if (command.against !== undefined && !noted) return refusal(lang, 'bad_value', l.badHead(command.against), null);
  const result = await deps.store.verifyLedger(workspace.id);
  if (!noted) {
    return {
      kind: 'audit',
      lang,
      ok: result.ok,
      message: result.ok ? `${m.auditOk(result.checked)} ${headLine}` : m.auditBroken(result.problems.length),
      problems: result.problems,
    };
  }
  const check = await checkNotedHead(deps.store, workspace.id, noted);
  if (!check.ok) {
    return {
      kind: 'audit',
      lang,
      ok: false,
      message: l.againstBroken(whyNot(check, lang)),
      problems: result.problems,
    };
  }
  return {
    kind: 'audit',
    lang,
    ok: result.ok,
    message: result.ok
      ? `${l.againstOk(check.seq)} ${m.auditOk(result.checked)} ${headLine}`
      : m.auditBroken(result.problems.length),
    problems: result.problems,
  };
}

function whyNot(check: Exclude<HeadCheck, { ok: true }>, lang: Lang): string {
  const l = catalogue(lang).ledger;
  switch (check.problem) {
    case 'missing':
      return l.againstMissing(check.seq, check.entries);
    case 'differs':
      return l.againstDiffers(check.seq);
    case 'unknown_hash':
      return l.againstUnknownHash(check.entries);
  }
}
