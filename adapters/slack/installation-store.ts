import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { KeyValueStore } from '../../src/ports/key-value.js';

/**
 * OAuth installations (bot tokens) kept in the project's own store, so every replica sees the same
 * installations and a restart loses none. Never memory or files.
 */
export const INSTALLATIONS_NAMESPACE = 'slack-installations';

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

export class StoreInstallationStore implements InstallationStore {
  constructor(private readonly store: KeyValueStore) {}

  async storeInstallation(installation: Installation): Promise<void> {
    const key = installationKey({
      teamId: installation.team?.id,
      enterpriseId: installation.enterprise?.id,
      isEnterpriseInstall: installation.isEnterpriseInstall,
    });
    await this.store.kvSet(INSTALLATIONS_NAMESPACE, key, installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const exact = await this.store.kvGet<Installation>(INSTALLATIONS_NAMESPACE, installationKey(query));
    if (exact) return exact;
    // A workspace of a Grid org where the app was installed org-wide.
    if (query.enterpriseId) {
      const org = await this.store.kvGet<Installation>(
        INSTALLATIONS_NAMESPACE,
        installationKey({ enterpriseId: query.enterpriseId, isEnterpriseInstall: true }),
      );
      if (org) return org;
    }
    throw new Error(`dutybot is not installed in Slack ${query.enterpriseId ?? ''}${query.teamId ?? ''}`.trim());
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.store.kvDelete(INSTALLATIONS_NAMESPACE, installationKey(query));
  }
}
