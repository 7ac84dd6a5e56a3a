import { setPersonalMessages } from '../store/personal-messages.js';
import type { WorkspaceRow } from '../store/types.js';
import { catalogue } from '../views/catalogue/index.js';
import type { Lang, Reply } from '../views/types.js';
import type { ExecuteDeps, ParsedCommandInput } from './deps.js';

/**
 * `stop reminders to me` / `start reminders to me`: anyone may switch their own personal messages
 * (DMs, Teams personal chats) off or on in this workspace; nobody can do it for someone else.
 * Reminders in channels keep coming: they are the team's.
 */
export async function personalMessages(
  deps: Pick<ExecuteDeps, 'store'>,
  input: ParsedCommandInput,
  workspace: WorkspaceRow,
  lang: Lang,
  on: boolean,
): Promise<Reply> {
  await setPersonalMessages(deps.store, workspace.id, input.actor.userId, on, input.now);
  const sentences = catalogue(lang).storeRules;
  return { kind: 'updated', lang, message: on ? sentences.personalOn : sentences.personalOff };
}
