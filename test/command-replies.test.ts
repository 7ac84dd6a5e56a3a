import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/bot/types.js';
import { replyText } from '../src/views/text.js';
import { admin, bob, useCommandBot } from './support/command-bot.js';

/**
 * What people read in command replies, pinned by the reply text: wrong
 * duties must never be recorded from loosely matched words, refusals change nothing, and Italian
 * commands get Italian replies all the way through (usage lines, settings, refusals).
 */

// Monday 30 November 2026, 10:00 in Rome.
const now = new Date('2026-11-30T09:00:00Z');
const { here, bot: current, ledgerSize } = useCommandBot('qa', now);

async function say(text: string, actor: Actor = admin) {
  const reply = await current().handle({ text, actor, conversation: here, now });
  return { reply, text: replyText(reply) };
}

describe('duty words are never stretched to record the wrong duty', () => {
  it('refuses words before a separator that do not all name the duty', async () => {
    const before = await ledgerSize();
    // "controllo" alone matches a RocketWeb check; "backup 1backup" say the 1Backup one was meant.
    const { reply, text } = await say('salta controllo risultati backup 1backup -- server spento per manutenzione');
    expect(reply).toMatchObject({ kind: 'error', lang: 'it', code: 'ambiguous_duty' });
    expect(text).toContain('non ho modificato nulla');
    expect(text).toContain('Forse intendevi:');
    expect(text).toContain('1backup.customer.check-backup-results');
    expect(await ledgerSize()).toBe(before);
  });

  it('does not let a one-word match swallow the rest as a reason when another duty fits better', async () => {
    const before = await ledgerSize();
    const { reply } = await say('salta controllo risultati backup 1backup server spento per manutenzione');
    expect(reply).toMatchObject({ kind: 'error', code: 'ambiguous_duty' });
    expect(await ledgerSize()).toBe(before);
  });

  it('refuses a snooze whose duty words are followed by words that name nothing', async () => {
    const before = await ledgerSize();
    const { reply, text } = await say('snooze website backup whatever else 2d');
    expect(reply).toMatchObject({ kind: 'error', code: 'unknown_duty' });
    expect(text).toMatch(/^I don't know a customer duty called "website backup whatever else"\./);
    expect(text).toContain('Did you mean:\n  • rocketweb.customer.website-backup');
    expect(await ledgerSize()).toBe(before);
  });

  it('refuses a history request with trailing words instead of ignoring them', async () => {
    const { reply, text } = await say('storico backup sito mensile qualcosa');
    expect(reply).toMatchObject({ kind: 'error', lang: 'it', code: 'unknown_duty' });
    expect(text).toContain('Non conosco un dovere del cliente chiamato "backup sito mensile qualcosa"');
  });

  it('still takes a trailing note without a separator when the duty words are clear', async () => {
    const { reply } = await say('done restore test mailarchive all mailboxes restored');
    expect(reply).toMatchObject({
      kind: 'confirmed',
      confirmation: { dutyId: 'mailarchive.customer.restore-test', note: 'all mailboxes restored' },
    });
  });
});

describe('refusals label the duty they are about, not as a guess', () => {
  it('names the duty under "Duty:" when it is already closed or not permitted', async () => {
    await say('assign sygma data export @alice');
    const { text } = await say('done sygma data export', bob);
    expect(text).toContain('Only the owners of "Export Sygma data" or an admin can confirm it.');
    expect(text).toContain('Duty:\n  • sygma.customer.data-export');
    expect(text).not.toContain('Did you mean');
    await say('fatto esportare dati sygma -- esportati');
    const { text: closed } = await say('fatto esportare dati sygma');
    expect(closed).toContain('è già fatto per questo periodo');
    expect(closed).toContain('Dovere:\n  • sygma.customer.data-export');
    expect(closed).not.toContain('Forse intendevi');
  });
});

describe('Italian all the way through', () => {
  it('localizes the usage line of an incomplete command', async () => {
    const { text } = await say('rimanda backup sito');
    expect(text).toBe(
      'Per quanto? Aggiungi una durata come 1h, 2d, domani o settimana-prossima.\n' +
        'Uso: rimanda <dovere> <durata>   es. rimanda test di ripristino 2d   (1h, 3h, 2d, 1w, domani, settimana-prossima)',
    );
  });

  it('shows the settings in Italian with weekday names', async () => {
    const { text } = await say('impostazioni');
    expect(text).toContain('Impostazioni del workspace:');
    expect(text).toContain('working_days: lunedì, martedì, mercoledì, giovedì, venerdì');
    expect(text).toContain('digest: ogni lunedì alle 09:00 → (il canale predefinito)');
    expect(text).toContain('escalation: sollecito dopo 1 giorno lavorativo, escalation dopo 3');
    expect(text).toContain('default_channel: terminal (dove è stato aggiunto il bot)');
    const { text: en } = await say('settings show');
    expect(en).toContain('digest: every Monday at 09:00 → (the default channel)');
    expect(en).toContain('escalation: follow-up after 1 working day, escalate after 3');
  });

  it('refuses bad setting values in Italian, saying what is accepted, and keeps the old value', async () => {
    const { text } = await say('impostazioni imposta timezone Marte/Olimpo');
    expect(text).toBe(
      `L'impostazione "timezone" non è stata cambiata: usa un fuso orario IANA come Europe/Rome o UTC.\n` +
        'Uso: impostazioni mostra | impostazioni imposta <chiave> <valore> | impostazioni importa <yaml>',
    );
    const { text: holiday } = await say('impostazioni imposta festivi 2026-02-30');
    expect(holiday).toContain('L\'impostazione "holidays" non è stata cambiata: usa un elenco di date reali');
    const settings = (await current().store.getWorkspace('qa'))?.settings;
    expect(settings?.timezone).toBe('Europe/Rome');
    expect(settings?.holidays).toEqual([]);
  });

  it('accepts Italian setting names and Italian weekday ranges, recording the canonical key', async () => {
    const { text } = await say('impostazioni imposta giorni_lavorativi lunedì-giovedì');
    expect(text).toBe('L\'impostazione "working_days" ora vale 1, 2, 3, 4.');
    const entries = await current().store.ledgerEntries('qa');
    expect(entries.at(-1)).toMatchObject({
      kind: 'settings.changed',
      payload: { key: 'working_days', value: [1, 2, 3, 4] },
    });
    await say('settings set working_days mon-fri');
  });
});

describe('exports', () => {
  it('refuses a range that ends before it starts, in the language of the command, without throwing', async () => {
    const { reply, text } = await say('esporta dal 2026-12-01 al 2026-11-01');
    expect(reply).toMatchObject({ kind: 'error', code: 'bad_value' });
    expect(text).toBe(
      "Niente da esportare tra 2026-12-01 e 2026-11-01: l'inizio deve precedere la fine.\n" +
        'es. esporta csv dal 2026-01-01 al 2026-03-31',
    );
    // A one-day range (from and to the same day) is not empty: `to` includes that day.
    expect((await say('export json from 2026-11-30 to 2026-11-30')).reply.kind).toBe('export');
  });
});
