import type { Lang, WelcomeView } from '../views/types.js';

/**
 * The bot's first message in a new workspace: it is already usable (every service in use,
 * reminders here, nobody assigned yet), and this says how to narrow it down.
 */
export function welcomeView(
  workspaceId: string,
  lang: Lang,
  commandPrefix: string,
  options: { inChannel?: boolean } = {},
): WelcomeView {
  const p = commandPrefix ? `${commandPrefix} ` : '';
  const inChannel = options.inChannel ?? true;
  const lines =
    lang === 'it'
      ? [
          'Ciao! Sono dutybot: trasformo il documento GDPR di CoreTech (V.1 del 16/04/2020) in promemoria e in un registro di audit per il vostro team.',
          inChannel
            ? 'Da ora ricorderò qui i doveri del cliente per tutti i servizi CoreTech, alle 09:00 (Europe/Rome) nei giorni lavorativi, con un riepilogo il lunedì.'
            : 'Scegliete il canale dei promemoria, o aggiungetemi a un canale: da lì ricorderò i doveri del cliente per tutti i servizi CoreTech, alle 09:00 (Europe/Rome) nei giorni lavorativi, con un riepilogo il lunedì.',
          `Indicate i servizi che usate: \`${p}impostazioni imposta services rocketweb,email,1backup\``,
          `Assegnate i responsabili: \`${p}assegna rocketweb @persona\` (finché nessuno è assegnato, i promemoria si rivolgono al canale).`,
          `I doveri già aperti oggi non li ricordo uno per uno: li trovate con \`${p}pendenti tutti\` e nel riepilogo.`,
          `Fatemi domande ("chi fa il backup su RocketWeb?") o scrivete \`${p}aiuto\`.`,
        ]
      : [
          "Hi! I'm dutybot: I turn CoreTech's GDPR shared-responsibility document (V.1 of 16/04/2020) into reminders and an audit ledger for your team.",
          inChannel
            ? "From now on I'll remind you here of the customer duties of every CoreTech service, at 09:00 (Europe/Rome) on working days, with a digest on Mondays."
            : "Pick the channel for the reminders, or add me to a channel: from then on I'll remind it of the customer duties of every CoreTech service, at 09:00 (Europe/Rome) on working days, with a digest on Mondays.",
          `Narrow it to the services you use: \`${p}settings set services rocketweb,email,1backup\``,
          `Assign owners: \`${p}assign rocketweb @someone\` (until someone is assigned, reminders address the channel).`,
          `Duties already open today are not reminded one by one: see them with \`${p}pending all\` and in the digest.`,
          `Ask me questions ("who handles backups on RocketWeb?") or type \`${p}help\`.`,
        ];
  return inChannel ? { lang, workspaceId, lines } : { lang, workspaceId, lines, askForChannel: true };
}
