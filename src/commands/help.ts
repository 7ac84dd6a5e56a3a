import type { HelpView, Lang } from '../views/types.js';

/** What the bot understands, for `help` / `aiuto`. The same text serves every surface. */
export function helpView(lang: Lang): HelpView {
  if (lang === 'it') {
    return {
      lang,
      intro:
        'Sono dutybot: conosco il documento GDPR di CoreTech (V.1 del 16/04/2020) e ricordo al team i doveri del cliente. Fammi una domanda o usa un comando.',
      commands: [
        { usage: '<domanda>', description: 'chi fa cosa e ogni quanto, per ogni servizio CoreTech' },
        { usage: 'pendenti [tutti]', description: 'i tuoi doveri in scadenza o in ritardo (tutti: del workspace)' },
        {
          usage: 'fatto <dovere> [nota] [link]',
          description: "registra un dovere come svolto, con nota e link all'evidenza",
        },
        { usage: 'salta <dovere> <motivo>', description: 'registra un dovere saltato (il motivo è obbligatorio)' },
        {
          usage: 'rimanda <dovere> <durata>',
          description: 'rimanda il promemoria (1h, 2d, domani, settimana-prossima)',
        },
        { usage: 'assegna <dovere|servizio> @persona', description: 'sceglie i responsabili interni (solo admin)' },
        { usage: 'storico <dovere>', description: 'le conferme registrate per un dovere' },
        { usage: 'riepilogo', description: 'in ritardo, in scadenza oggi, in arrivo, fatti di recente' },
        {
          usage: 'impostazioni mostra|imposta|importa',
          description: 'servizi, fuso orario, canali, orari (solo admin per cambiare)',
        },
        {
          usage: 'esporta [csv|json] [dal …] [al …]',
          description: 'il registro di audit per un revisore (solo admin)',
        },
        { usage: 'verifica', description: 'controlla che il registro di audit non sia stato manomesso (solo admin)' },
      ],
      examples: [
        'chi fa il backup su RocketWeb?',
        'ogni quanto dobbiamo fare un test di ripristino?',
        'fatto test di ripristino 1backup -- ripristinata la casella info@ https://wiki.example.com/restore-42',
      ],
    };
  }
  return {
    lang,
    intro:
      "I'm dutybot: I know CoreTech's GDPR shared-responsibility document (V.1 of 16/04/2020) and I remind the team of the customer's duties. Ask me a question or use a command.",
    commands: [
      { usage: '<question>', description: 'who does what, and how often, for every CoreTech service' },
      { usage: 'pending [all]', description: 'your duties that are due or overdue (all: the whole workspace)' },
      { usage: 'done <duty> [note] [link]', description: 'record a duty as done, with a note and an evidence link' },
      { usage: 'skip <duty> <reason>', description: 'record a skipped duty (a reason is required)' },
      { usage: 'snooze <duty> <duration>', description: 'remind later (1h, 2d, tomorrow, next-week)' },
      { usage: 'assign <duty|service> @person', description: 'choose the internal owners (admins)' },
      { usage: 'history <duty>', description: 'the confirmations recorded for a duty' },
      { usage: 'digest', description: 'overdue, due today, upcoming, recently done' },
      { usage: 'settings show|set|import', description: 'services, time zone, channels, times (admins to change)' },
      { usage: 'export [csv|json] [from …] [to …]', description: 'the audit ledger for an auditor (admins)' },
      { usage: 'audit', description: 'check the audit ledger has not been tampered with (admins)' },
    ],
    examples: [
      'who handles backups on RocketWeb?',
      'how long are email backups kept?',
      'done restore test 1backup -- restored mailbox info@ https://wiki.example.com/restore-42',
    ],
  };
}
