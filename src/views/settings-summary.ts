import type { WorkspaceSettings } from '../settings/schema.js';
import { catalogue } from './catalogue/index.js';
import { weekdayName } from './labels.js';
import { mention } from './mentions.js';
import type { Lang } from './types.js';

/**
 * The workspace settings as people read them, in the reply language: `settings show` and the
 * admin's App Home summary both show these lines. Each starts with the key people type in
 * `settings set`; weekday numbers become names, empty values say what happens instead.
 */
export function settingsLines(s: WorkspaceSettings, lang: Lang, homeChannel: string | null): string[] {
  const c = catalogue(lang).settings;
  const none = '—';
  const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : none);
  const days = (xs: readonly number[]) => xs.map((d) => weekdayName(d, lang)).join(', ');
  const channel = (ch: string | null, fallback: string) => ch ?? fallback;
  const owners = [
    ...Object.entries(s.owners.by_service).map(([k, v]) => `${k}: ${(v ?? []).map(mention).join(' ')}`),
    ...Object.entries(s.owners.by_duty).map(([k, v]) => `${k}: ${v.map(mention).join(' ')}`),
  ];
  const overrides = Object.entries(s.cadence.overrides).map(([id, o]) => `${id} → ${JSON.stringify(o)}`);
  const digest = s.digest.enabled ? c.digestOn(weekdayName(s.digest.weekday, lang), s.digest.time) : c.digestOff;
  return [
    `language: ${s.language}`,
    `services: ${s.services === 'all' ? 'all' : list(s.services)}`,
    `timezone: ${s.timezone}`,
    `working_days: ${days(s.working_days)}   holidays: ${list(s.holidays)}`,
    `reminder_time: ${s.reminder_time}`,
    // Say where that actually is: after an OAuth install there is no such channel until one is set.
    `default_channel: ${channel(s.default_channel, c.where(homeChannel))}`,
    `channels: ${list(Object.entries(s.channels).map(([k, v]) => `${k} → ${v}`))}`,
    `owners: ${list(owners)}   fallback: ${list(s.owners.fallback.map(mention))}`,
    `admins: ${s.admins.length ? s.admins.map(mention).join(', ') : c.platformAdmins}`,
    `digest: ${digest} → ${channel(s.digest.channel, c.defaultChannel)}`,
    `escalation: ${c.escalation(
      s.escalation.follow_up_after_working_days,
      s.escalation.escalate_after_working_days,
      channel(s.escalation.channel, c.defaultChannel),
    )}`,
    `cadence: ${c.cadence(s.cadence.at_least_monthly, s.cadence.periodic, s.cadence.ongoing_review, s.cadence.as_configured)}`,
    ...(overrides.length ? [`cadence.overrides: ${overrides.join(', ')}`] : []),
  ];
}
