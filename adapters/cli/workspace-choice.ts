import type { Conversation, Dutybot, WorkspaceSummary } from '../../src/bot/types.js';
import { matchesWorkspaceName } from '../../src/bot/workspace-name.js';
import { CliFailure, CliUsageError } from './errors.js';
import { LOCAL } from './local.js';
import { OPERATOR } from './wording.js';

/**
 * Which workspace a CLI command acts on. `--workspace <id or name>` names it; without it, the store's only
 * workspace. The terminal's `local` workspace is created only by a command that writes, and only
 * in a store that is the terminal's own (no Slack/Teams workspaces): reading never creates one, and
 * the production database never gains a workspace no messenger can deliver for.
 */
export type Access = 'read' | 'write';

export interface ChosenWorkspace {
  conversation: Conversation;
  /** Null when `local` is about to be created by this (writing) command. */
  summary: WorkspaceSummary | null;
}

export async function chooseWorkspace(
  bot: Dutybot,
  requested: string | undefined,
  access: Access,
): Promise<ChosenWorkspace> {
  const all = await bot.workspaces();
  const ids = all.map((w) => w.id);
  const terminalStore = all.every((w) => w.platform === 'local');
  if (requested !== undefined) {
    const found = all.find((w) => w.id === requested) ?? byName(all, requested);
    if (found) return { conversation: conversationOf(found), summary: found };
    if (requested === LOCAL.workspaceId && access === 'write') {
      if (!terminalStore) throw new CliFailure(OPERATOR.noLocalInSharedStore);
      return { conversation: LOCAL, summary: null };
    }
    throw new CliUsageError(OPERATOR.noSuchWorkspace(requested, ids));
  }
  const [only] = all;
  if (all.length === 1 && only) return { conversation: conversationOf(only), summary: only };
  if (all.length === 0) {
    if (access === 'write') return { conversation: LOCAL, summary: null };
    throw new CliFailure(OPERATOR.noWorkspaceYet);
  }
  throw new CliUsageError(OPERATOR.chooseWorkspace(ids));
}

/** The one workspace with this name; several with it must be told apart by id. */
function byName(all: readonly WorkspaceSummary[], requested: string): WorkspaceSummary | undefined {
  const named = all.filter((w) => matchesWorkspaceName(w.name, requested));
  if (named.length > 1)
    throw new CliUsageError(
      OPERATOR.ambiguousWorkspaceName(
        requested,
        named.map((w) => w.id),
      ),
    );
  return named[0];
}

/** Where a CLI command "is said": the workspace's home channel (the terminal for `local`). */
export function conversationOf(workspace: WorkspaceSummary): Conversation {
  if (workspace.id === LOCAL.workspaceId) return LOCAL;
  return { workspaceId: workspace.id, platform: workspace.platform, channelId: workspace.homeChannel };
}
