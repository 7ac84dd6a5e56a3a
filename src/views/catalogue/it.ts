import type { Catalogue } from './en.js';

/** Every sentence and label the core shows people, in Italian (same keys as `en.ts`, enforced by the type). */

const plurale = (n: number, uno: string, molti: string) => (n === 1 ? uno : molti);

export const it: Catalogue = {
  locale: 'it-IT',

  ui: {
    overdue: 'In ritardo',
    dueToday: 'In scadenza oggi',
    upcoming: 'In arrivo',
    doneSinceLast: "Confermati dall'ultimo riepilogo",
    services: 'Servizi',
    owners: 'Responsabili',
    noOwner: 'nessuno assegnato',
    by: 'da',
    until: 'fino a',
    note: 'Nota',
    evidence: 'Evidenza',
    reason: 'Motivo',
    due: 'Scadenza',
    deadline: 'Termine',
    period: 'Periodo',
    source: 'Fonte',
    who: 'Chi',
    howOften: 'Frequenza',
    translation: 'In italiano',
    tryAsking: 'Prova a chiedere',
    errata: 'Nota sulla fonte',
    didYouMean: 'Forse intendevi',
    concerning: 'Dovere',
    commands: 'Comandi',
    examples: 'Esempi',
    noHistory: 'Nessuna conferma registrata finora.',
    nothingPending: 'Niente in sospeso. 🎉',
    auditOk: 'Catena di audit integra',
    auditBroken: 'Catena di audit compromessa',
    exported: (n, format) => `Esportate ${n} voci del registro in formato ${format}.`,
    closed: (status, by, at) => `✔ ${status} da ${by}, ${at}`,
    missedShort: (n) =>
      `(${n} ${plurale(n, 'occorrenza precedente non confermata', 'occorrenze precedenti non confermate')})`,
  },

  states: {
    upcoming: 'in arrivo',
    due: 'da fare',
    overdue: 'in ritardo',
    done: 'fatto',
    skipped: 'saltato',
    snoozed: 'rimandato',
  },

  periodCadence: {
    daily: 'ogni giorno lavorativo',
    weekly: 'ogni settimana',
    monthly: 'ogni mese',
    bimonthly: 'ogni due mesi',
    quarterly: 'ogni trimestre',
  },
  review: {
    daily: 'verifica giornaliera',
    weekly: 'verifica settimanale',
    monthly: 'verifica mensile',
    bimonthly: 'verifica bimestrale',
    quarterly: 'verifica trimestrale',
  },
  sourceCadence: {
    daily: 'ogni giorno',
    weekly: 'ogni settimana',
    monthly: 'ogni mese',
    at_least_monthly_bimonthly: 'almeno ogni mese / ogni due mesi',
    periodic: 'periodicamente',
    ongoing: 'in modo continuativo',
    on_event: 'quando si presenta il caso',
    on_request: 'su richiesta del cliente',
    as_configured: 'secondo le esigenze o gli orari impostati',
    one_off: 'una tantum, in fase di attivazione',
  },
  schedule: {
    onWeekday: (day) => `, di ${day}`,
    onDayOfMonth: (day) => `, il giorno ${day}`,
    source: (cadence) => ` (fonte: ${cadence})`,
  },
  period: {
    week: (week, year) => `settimana ${week}, ${year}`,
    quarter: (quarter, year, from, to) => `${quarter}º trimestre ${year} (${from}–${to})`,
  },
  snooze: { '1h': 'Tra 1 ora', tomorrow: 'Domani', 'next-week': 'La prossima settimana' },
  missedNote: (n) =>
    n === 1 ? '1 scadenza precedente non è stata confermata.' : `${n} scadenze precedenti non sono state confermate.`,

  reminder: {
    everyone: 'A tutto il canale',
    review: (who, title, period, deadline) =>
      `${who}: verifica periodica — confermate che «${title}» è ancora applicato (${period}, entro ${deadline}).`,
    overdue: (who, title, period, deadline) => `${who}: «${title}» per ${period} è in ritardo (scadenza ${deadline}).`,
    due: (who, title, period, deadline) => `${who}: «${title}» è da fare per ${period} (entro ${deadline}).`,
    backFromSnooze: (text) => `Di nuovo: ${text}`,
    followup: (who, title, period, since) =>
      `${who}, promemoria: «${title}» per ${period} è ancora aperto (da fare dal ${since}).`,
    escalation: (title, period, days, owners) =>
      `Escalation: «${title}» per ${period} è ancora aperto dopo ${days} giorni lavorativi. ${owners}`,
    escalationOwners: (owners) => `Responsabili: ${owners}.`,
    escalationNobody: 'Nessun responsabile assegnato: usate `assign` per assegnarlo.',
    skipped: (title, period, by, when) => `«${title}» per ${period}: saltato da ${by} il ${when}.`,
    skipReason: (reason) => ` Motivo: ${reason}`,
    done: (title, period, by, when) => `«${title}» per ${period}: fatto da ${by} il ${when}.`,
  },

  pending: {
    mine: 'I tuoi adempimenti',
    all: 'Adempimenti del workspace',
    nothing: (scope) => `${scope}: niente in sospeso.`,
    open: (scope, open, snoozed) => `${scope}: ${open} da fare${snoozed > 0 ? `, ${snoozed} rimandati` : ''}.`,
  },

  settings: {
    where: (homeChannel) =>
      homeChannel
        ? `${homeChannel} (dove è stato aggiunto il bot)`
        : '(nessuno: aggiungete il bot a un canale — fino ad allora non parte nessun promemoria)',
    defaultChannel: '(il canale predefinito)',
    platformAdmins: '(solo gli amministratori della piattaforma)',
    digestOn: (weekday, time) => `ogni ${weekday} alle ${time}`,
    digestOff: 'disattivato',
    escalation: (follow, escalate, channel) =>
      `sollecito dopo ${follow} ${plurale(follow, 'giorno lavorativo', 'giorni lavorativi')}, escalation dopo ${escalate} → ${channel}`,
    cadence: (monthly, periodic, ongoing, configured) =>
      `almeno mensile → ${monthly}, periodico → ${periodic}, revisione continua → ${ongoing}, secondo configurazione → ${configured}`,
  },

  welcome: (f) => [
    `Ciao! Sono dutybot: trasformo il documento ${f.title} di ${f.provider} (${f.version} del ${f.date}) in promemoria e in un registro di audit per il vostro team.`,
    `${f.inChannel ? 'Da ora ricorderò qui' : 'Scegliete il canale dei promemoria, o aggiungetemi a un canale: da lì ricorderò'} i doveri del cliente per tutti i servizi ${f.provider}, alle ${f.time} (${f.zone}) nei giorni lavorativi${f.digestDay ? `, con un riepilogo ${f.digestDay === 'domenica' ? 'la' : 'il'} ${f.digestDay}` : ''}.`,
    `Indicate i servizi che usate: \`${f.prefix}impostazioni imposta services rocketweb,email,1backup\``,
    `Assegnate i responsabili: \`${f.prefix}assegna rocketweb @persona\` (finché nessuno è assegnato, i promemoria si rivolgono al canale).`,
    `I doveri già aperti oggi non li ricordo uno per uno: li trovate con \`${f.prefix}pendenti tutti\` e nel riepilogo.`,
    `Fatemi domande ("chi fa il backup su RocketWeb?") o scrivete \`${f.prefix}aiuto\`.`,
  ],

  answer: {
    yourTeam: 'il vostro team',
    retentionSentence: (days) => `I backup sono conservati per ${days} giorni.`,
    retentionShort: (days) => `backup conservati ${days} giorni`,
    onService: (service) => `Su ${service}`,
    providerJob: (provider) => `è compito di ${provider}`,
    teamJob: (owners) => `è compito del vostro team${owners}`,
    bothParties: 'se ne occupano entrambe le parti',
    listWho: {
      customer: (owners) => `Il vostro team${owners}`,
      both: (provider) => `${provider} e il vostro team`,
    },
    listHeadline: (who, both, count, cadence, scope) =>
      `${who} ${both ? 'hanno' : 'ha'} ${count} ${plurale(count, 'compito', 'compiti')}${cadence ? ` da svolgere ${cadence}` : ''}${scope ? ` su ${scope}` : ' su tutti i servizi'}:`,
    noDutiesWho: {
      provider: (provider) => `a ${provider}`,
      customer: () => 'al vostro team',
      both: (provider) => `né a ${provider} né al vostro team`,
    },
    noDuties: (source, who, cadence, scope) =>
      `La pagina ${source} non assegna ${who} nessun compito${cadence ? ` da svolgere ${cadence}` : ''}${scope ? ` su ${scope}` : ''}.`,
    factLead: (title, provider) => `${title} — ecco cosa dice la pagina GDPR di ${provider}:`,
    abstainForeign: (source, foreign) =>
      `Non lo so: rispondo solo in base alla pagina ${source} sulla responsabilità condivisa, che non parla di ${foreign}.`,
    abstainUnknown: (source) =>
      `Non lo so: la pagina ${source} sulla responsabilità condivisa, l'unica fonte da cui rispondo, non ne parla.`,
    abstainOffer: (provider) =>
      `Posso dirti chi fa cosa sui servizi ${provider}, ogni quanto e per quanto tempo sono conservati i backup, per esempio:`,
    emptyQuestion: (provider) =>
      `Fammi una domanda sulle responsabilità GDPR tra ${provider} e il vostro team, per esempio:`,
    more: (n) => (n === 1 ? ' Sotto anche un punto correlato.' : ` Sotto anche ${n} punti correlati.`),
  },

  /** What the bot understands, for `help` / `aiuto`: the same text on every surface. */
  help: {
    intro: (d) =>
      `Sono dutybot: conosco il documento ${d.title} di ${d.provider} (${d.version} del ${d.date}) e ricordo al team i doveri del cliente. Fammi una domanda o usa un comando.`,
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
  },
  binding: {
    notAPerson: (names) =>
      `${names}: i responsabili devono essere persone, menzionate una per una — non @channel, @here, @everyone o un gruppo di utenti. Non ho modificato nulla.`,
    notAPersonHint: 'Menziona ogni responsabile, es. `assegna rocketweb @marta @luca`.',
    otherMessage: 'Quel pulsante non corrisponde al messaggio su cui è stato premuto: non ho registrato nulla.',
    otherMessageHint: 'Usa i pulsanti del promemoria stesso, oppure scrivi `fatto <dovere>`.',
    unknownChannel: (channel) =>
      `${channel} non è un canale di questo workspace (o non riesco a vederlo): l'impostazione non è stata cambiata.`,
    channelCheckFailed: (channel) =>
      `Non sono riuscito a verificare ${channel} con la piattaforma: l'impostazione non è stata cambiata. Riprova tra un minuto.`,
    unknownChannelHint: 'Scegli un canale di questo workspace e aggiungimi, poi riprova.',
    noLongerSupported: (prefix) =>
      `Questo pulsante o modulo non è più supportato: non ho fatto nulla. Scrivi \`${prefix}pendenti\` per vedere i tuoi doveri.`,
  },
  digest: {
    title: (week) => `Riepilogo adempimenti GDPR — ${week}`,
    noDuties: 'nessun adempimento programmato.',
    overdue: (n) => `${n} in ritardo`,
    due: (n) => `${n} da fare`,
    allInOrder: (closed, total) => `tutto in regola (${closed}/${total} confermati)`,
    missed: (n) => `${n} scadenze precedenti mancate`,
  },

  source: {
    document: (provider, title, version, date) => `${provider} ${title} ${version} del ${date}`,
    customerSection: 'Cliente',
  },
};
