import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { CredentialStore } from '../../src/ports/credentials.js';
import type { KeyValueStore } from '../../src/ports/key-value.js';
import { slackWorkspaceId } from './workspace.js';

/**
 * OAuth installations (bot token, and with token rotation its refresh token and expiry) kept in
 * the project's own store, so every replica sees the same installations and a restart loses none.
 * They are credentials: sealed at rest by the core (AES-256-GCM under DUTYBOT_ENCRYPTION_KEY) and
 * deleted with the workspace's other credentials when it is uninstalled. Never memory or files.
 */
const CREDENTIAL_PREFIX = 'slack-installation:';

/** Where installations were kept in clear before they were credentials; read once, moved, deleted. */
export const LEGACY_INSTALLATIONS_NAMESPACE = 'slack-installations';

/** Org-wide installs are keyed by enterprise; workspace installs by enterprise (if any) and team. */
export function installationKey(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  if (!query.teamId) throw new Error('a workspace installation needs a team id');
  return `team:${query.enterpriseId ?? '-'}:${query.teamId}`;
}

/** The credential an installation is saved as. */
export function installationCredentialName(query: Parameters<typeof installationKey>[0]): string {
  return `${CREDENTIAL_PREFIX}${installationKey(query)}`;
}

/** The dutybot workspace an installation belongs to (an org-wide install: the org's own id). */
function ownerWorkspace(installation: Installation): string {
  return installation.isEnterpriseInstall
    ? slackWorkspaceId({ enterpriseId: installation.enterprise?.id })
    : slackWorkspaceId({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id });
}

export class StoreInstallationStore implements InstallationStore {
  constructor(
    private readonly credentials: CredentialStore,
    private readonly legacy: KeyValueStore,
  ) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const query = {
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    };
    await this.credentials.save(installationCredentialName(query), ownerWorkspace(installation), installation);
    await this.legacy.kvDelete(LEGACY_INSTALLATIONS_NAMESPACE, installationKey(query));
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const exact = await this.find(query);
    if (exact) return exact;
    // A workspace of a Grid org where the app was installed org-wide.
    if (query.enterpriseId) {
      const org = await this.find({ enterpriseId: query.enterpriseId, isEnterpriseInstall: true });
      if (org) return org;
    }
    throw new Error(`dutybot is not installed in Slack ${query.enterpriseId ?? ''}${query.teamId ?? ''}`.trim());
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.credentials.remove(installationCredentialName(query));
    await this.legacy.kvDelete(LEGACY_INSTALLATIONS_NAMESPACE, installationKey(query));
  }

  /** The sealed installation, or one saved in clear by an earlier version: sealed now, its clear row deleted. */
  private async find(query: Parameters<typeof installationKey>[0]): Promise<Installation | undefined> {
    const sealed = await this.credentials.load<Installation>(installationCredentialName(query));
    if (sealed) return sealed;
    const clear = await this.legacy.kvGet<Installation>(LEGACY_INSTALLATIONS_NAMESPACE, installationKey(query));
    if (clear) await this.storeInstallation(clear);
    return clear;
  }
}
