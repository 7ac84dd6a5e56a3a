import type { Catalogue } from './en.js';

/** Every sentence and label the core shows people, in Italian (same keys as `en.ts`, enforced by the type). */

import { mention } from '../mentions.js';

const plurale = (n: number, uno: string, molti: string) => (n === 1 ? uno : molti);

export const it: Catalogue = {
  locale: 'it-IT',

  ui: {
    overdue: 'In ritardo',
    dueToday: 'Da fare ora',
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
    openBeforeInstall: 'aperto da prima che dutybot fosse installato',
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
    reopened: 'riaperto',
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
    moreForOthers: (n, command) => `altri ${n} assegnati ad altri — \`${command}\``,
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
    f.examples.question
      ? `Fatemi domande ("${f.examples.question}") o scrivete \`${f.prefix}aiuto\`.`
      : `Fatemi domande o scrivete \`${f.prefix}aiuto\`.`,
  ],

  setup: {
    addedBy: (installer) =>
      `${installer} mi ha aggiunto qui. Ora un amministratore di questo spazio di lavoro sceglie i servizi che usate, i loro responsabili e il canale dei promemoria:`,
    lead: 'Prima del primo promemoria, scegliete i servizi che usate, i loro responsabili e il canale dei promemoria:',
    services: (f) =>
      f.servicesChosen === null
        ? `⬜ Servizi: tutti i ${f.allServices} servizi ${f.provider} finché non indicate i vostri: \`${f.prefix}impostazioni imposta services ${f.examples.services}\``
        : `✅ Servizi: ${f.servicesChosen} su ${f.allServices} scelti (per cambiarli: \`${f.prefix}impostazioni imposta services …\`)`,
    owners: (f) =>
      f.ownersAssigned
        ? `✅ Responsabili: assegnati (altri: \`${f.prefix}assegna ${f.examples.service} @persona\`)`
        : `⬜ Responsabili: ancora nessuno, quindi i promemoria si rivolgono a tutto il canale: \`${f.prefix}assegna ${f.examples.service} @persona\``,
    channel: (f) =>
      f.channel === 'missing'
        ? '⬜ Canale dei promemoria: non ancora scelto, e nessun promemoria parte finché non lo è. Sceglietelo qui sotto, o aggiungetemi a un canale.'
        : `✅ Canale dei promemoria: questo (un altro: \`${f.prefix}impostazioni imposta default_channel <canale>\`)`,
    timing: (f) =>
      `I promemoria partono alle ${f.time} (${f.zone}) nei giorni lavorativi${f.digestDay ? `, con un riepilogo ${f.digestDay === 'domenica' ? 'la' : 'il'} ${f.digestDay}` : ''}. I doveri già aperti quando i promemoria iniziano non li ricordo uno per uno: li trovate con \`${f.prefix}pendenti tutti\` e nel riepilogo.`,
    personal: (workspace) =>
      workspace
        ? `Questa è la vostra chat personale con me. Qui agisco su ${workspace}: fatemi domande, vedete i \`pendenti\`, segnate i doveri \`fatto\`. I promemoria vanno nel canale del team; i suoi amministratori scelgono servizi, responsabili e canali.`
        : 'Questa è la vostra chat personale con me: fatemi domande sui doveri, o aggiungetemi al vostro team perché possa ricordarglieli (lì un amministratore sceglie servizi, responsabili e canali).',
  },

  answer: {
    yourTeam: 'il vostro team',
    retentionSentence: (days) => `Conservazione: ${days} giorni.`,
    retentionShort: (days) => `conservazione ${days} giorni`,
    noRetentionStated: (services) => `Il documento non indica un periodo di conservazione per ${services}.`,
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
    alsoMentioned: (names) => `Cita ${names} solo di passaggio.`,
    abstainMentioned: (source, names) =>
      `Non lo so: la pagina ${source} sulla responsabilità condivisa, l'unica fonte da cui rispondo, cita ${names} solo di passaggio e non dice nulla di ciò che chiedi.`,
    abstainUnmentioned: (source, things) =>
      `Non lo so: la pagina ${source} sulla responsabilità condivisa, l'unica fonte da cui rispondo, non tratta ${things}.`,
    quoted: (word) => `“${word}”`,
    abstainUnknown: (source) =>
      `Non lo so: la pagina ${source} sulla responsabilità condivisa, l'unica fonte da cui rispondo, non ne parla.`,
    abstainOffer: (provider) =>
      `Posso dirti chi fa cosa sui servizi ${provider}, ogni quanto e per quanto tempo si conservano i dati, per esempio:`,
    abstainOfferServices: (services) => `Su ${services} posso dirti chi fa cosa e ogni quanto, per esempio:`,
    serviceExamples: (provider, service) => [
      `Cosa dobbiamo fare per ${service}?`,
      `Cosa fa ${provider} per ${service}?`,
    ],
    emptyQuestion: (provider) =>
      `Fammi una domanda sulle responsabilità GDPR tra ${provider} e il vostro team, per esempio:`,
    more: (n) => (n === 1 ? ' Sotto anche un punto correlato.' : ` Sotto anche ${n} punti correlati.`),
  },

  /** What the bot understands, for `help` / `aiuto`: the same text on every surface. */
  help: {
    intro: (d) =>
      `Sono dutybot: conosco il documento ${d.title} di ${d.provider} (${d.version} del ${d.date}) e ricordo al team i doveri del cliente. Fammi una domanda o usa un comando.`,
    commands: [
      { usage: '<domanda>', description: 'chi fa cosa e ogni quanto, per ogni servizio del documento' },
      { usage: 'pendenti [tutti]', description: 'i tuoi doveri in scadenza o in ritardo (tutti: del workspace)' },
      {
        usage: 'fatto <dovere> [nota] [link]',
        description: "registra un dovere come svolto, con nota e link all'evidenza",
      },
      { usage: 'salta <dovere> <motivo>', description: 'registra un dovere saltato (il motivo è obbligatorio)' },
      {
        usage: 'riapri <dovere> per <periodo> -- <motivo>',
        description:
          'annulla un fatto o un salto, a registro, per confermare di nuovo il periodo (responsabili, admin)',
      },
      {
        usage: 'rimanda <dovere> <durata>',
        description: 'rimanda il promemoria (1h, 2d, domani, settimana-prossima)',
      },
      { usage: 'assegna <dovere|servizio> @persona', description: 'sceglie i responsabili interni (solo admin)' },
      { usage: 'storico <dovere>', description: 'le conferme registrate per un dovere' },
      { usage: 'riepilogo', description: 'in ritardo, da fare ora, in arrivo, fatti di recente' },
      {
        usage: 'impostazioni mostra|imposta|importa',
        description: 'servizi, fuso orario, canali, orari (solo admin per cambiare)',
      },
      {
        usage: 'esporta [csv|json] [dal …] [al …]',
        description: 'il registro di audit per un revisore (solo admin)',
      },
      {
        usage: 'verifica [testa | contro <testa>]',
        description:
          'controlla che il registro di audit non sia stato manomesso; ne indica la testa da annotare altrove (solo admin)',
      },
      { usage: 'cruscotto', description: 'un link di accesso privato, valido una volta, al cruscotto web' },
    ],
    examples: (e) => [...e.questions, `fatto ${e.duty} -- tutto verificato https://wiki.example.com/evidence-42`],
  },
  binding: {
    notAPerson: (names) =>
      `${names}: i responsabili devono essere persone, menzionate una per una — non @channel, @here, @everyone o un gruppo di utenti. Non ho modificato nulla.`,
    notAPersonHint: 'Menziona ogni responsabile, es. `assegna <servizio> @marta @luca`.',
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

  ledger: {
    occurrenceOf: (title, period) => `"${title}" (${period})`,
    alreadyClosed: (occurrence, status, by, at) =>
      `${occurrence} è già stato ${status === 'done' ? 'fatto' : 'saltato'} da ${mention(by)} il ${at}; non ho scritto nulla.`,
    alreadyClosedHint: (period) =>
      `Per cambiarlo, un responsabile o un amministratore lo riapre prima: \`riapri <dovere> per ${period} -- <motivo>\`.`,
    reopened: (occurrence) =>
      `Ho riaperto ${occurrence}; ora si può confermare di nuovo. La riapertura è nel registro di audit.`,
    notClosed: (occurrence) => `${occurrence} non è chiuso, quindi non c'è nulla da riaprire.`,
    reopenNeedsPeriod:
      'Quale periodo? Una riapertura lo indica, es. `riapri backup sito per 2026-11 -- registrato per errore`.',
    forbiddenReopen: (title) => `Solo i responsabili di "${title}" o un amministratore possono riaprirlo.`,
    badPeriod: (typed, title, format, example) =>
      `"${typed}" non è un periodo di "${title}": si conferma per periodi scritti ${format}, es. ${example}. Non ho scritto nulla.`,
    badPeriodHint:
      'I periodi si scrivono 2026-11-30 (giorno), 2026-W49 (settimana), 2026-11 (mese), 2026-B6 (bimestre), 2026-Q4 (trimestre).',
    periodFormat: {
      daily: 'AAAA-MM-GG',
      weekly: 'AAAA-Wss',
      monthly: 'AAAA-MM',
      bimonthly: 'AAAA-Bn (n = 1–6)',
      quarterly: 'AAAA-Qn (n = 1–4)',
    },
    beforeInstall: (period, title, since) =>
      `${period} di "${title}" era già finito quando dutybot è stato configurato qui (${since}); non ho scritto nulla.`,
    beforeInstallHint: (period) =>
      `Un amministratore può registrarlo come recupero: \`fatto <dovere> per ${period} --backfill -- <motivo>\`.`,
    backfillNotNeeded: (period) =>
      `${period} era ancora aperto quando dutybot è stato configurato qui: confermalo senza --backfill.`,
    backfillForbidden: 'Solo un amministratore del workspace può registrare un recupero.',
    backfillNeedsReason:
      'Un recupero richiede un motivo dopo `--`, così il registro spiega perché è registrato in ritardo.',
    backfillNeedsReasonHint: 'es. fatto backup sito per 2026-10 --backfill -- ripreso dal registro cartaceo di ottobre',
    backfillMarker: 'recupero',
    tooLong: (field, length, max) =>
      `${field} è troppo lungo (${length} caratteri; al massimo ${max}). Non ho scritto nulla.`,
    tooLongHint: "Accorcialo, o metti i dettagli nell'evidenza collegata.",
    fields: { note: 'La nota', reason: 'Il motivo', evidenceUrl: "Il link all'evidenza" },
    head: (seq, hash) => `Testa del registro: ${seq} voci, #${seq} ${hash}`,
    againstOk: (seq) => `Il registro prolunga ancora la testa che hai annotato (voce #${seq}).`,
    againstBroken: (why) => `Il registro non prolunga la testa che hai annotato: ${why}.`,
    againstMissing: (seq, count) => `la voce #${seq} non esiste più (il registro ha ${count} voci)`,
    againstDiffers: (seq) => `la voce #${seq} ora ha un hash diverso`,
    againstUnknownHash: (count) => `nessuna voce del registro (${count} voci) ha quell'hash`,
    badHead: (typed) =>
      `"${typed}" non è una testa del registro: usa l'hash di un riepilogo o di \`audit head\`, eventualmente come <seq>:<hash>.`,
  },

  source: {
    document: (provider, title, version, date) => `${provider} ${title} ${version} del ${date}`,
    customerSection: 'Cliente',
  },

  /** Replies of the command layer (`src/commands`): usage, refusals, confirmations. */
  commands: {
    usage: {
      done: 'fatto <dovere> [nota] [link-evidenza]   es. fatto test di ripristino -- ripristinata casella X https://wiki/…',
      skip: 'salta <dovere> <motivo>   es. salta backup sito -- sito congelato per migrazione',
      reopen: 'riapri <dovere> per <periodo> -- <motivo>   es. riapri backup sito per 2026-11 -- registrato per errore',
      snooze:
        'rimanda <dovere> <durata>   es. rimanda test di ripristino 2d   (1h, 3h, 2d, 1w, domani, settimana-prossima)',
      assign: 'assegna <dovere|servizio|fallback> @utente [@utente…] | nessuno',
      history: 'storico <dovere>',
      settings: 'impostazioni mostra | impostazioni imposta <chiave> <valore> | impostazioni importa <yaml>',
      export: 'esporta [csv|json] [dal AAAA-MM-GG] [al AAAA-MM-GG]',
    },
    usageLine: (usage) => `Uso: ${usage}`,
    problems: {
      missing_duty: 'Quale dovere? Indicalo con il suo id o con qualche parola.',
      missing_reason: 'Per saltare serve un motivo, così il registro di audit lo spiega.',
      missing_duration: 'Per quanto? Aggiungi una durata come 1h, 2d, domani o settimana-prossima.',
      missing_target: 'Assegnare cosa? Indica un dovere, un servizio o "fallback".',
      missing_users: 'Assegnare a chi? Menziona una o più persone, oppure scrivi "nessuno" per togliere.',
      bad_settings: 'Il comando impostazioni è incompleto.',
      bad_export: 'Non ho capito la richiesta di esportazione.',
    },
    unknownDuty: (ref) => `Non conosco un dovere del cliente chiamato "${ref}".`,
    unknownDutyHint:
      'Prova `pendenti` per vedere i tuoi doveri con i loro id, o usa qualche parola del dovere e del suo servizio.',
    ambiguous: (ref) => `"${ref}" può indicare più doveri; non ho modificato nulla.`,
    ambiguousHint: "Ripeti il comando con l'id del dovere o con più parole (es. il nome del servizio).",
    notScheduled: (title, why) => `"${title}" non è pianificato in questo workspace (${why}).`,
    whyNotScheduled: {
      provider: 'lo fa il fornitore, non il vostro team',
      service: 'il servizio non è in uso qui — vedi `impostazioni imposta services …`',
      cadence: 'avviene a seguito di un evento o su richiesta, oppure la sua revisione è disattivata',
    },
    notScheduledHint: 'Chiedimi informazioni, oppure cambia le impostazioni di cadenza.',
    notDueYet: (title, due) => `"${title}" non è ancora in scadenza: la prossima occorrenza scade ${due}.`,
    notDueYetHint: 'Confermalo quando è in scadenza; una conferma in ritardo è sempre accettata.',
    alreadyClosed: (title, status, by, at, next) =>
      `"${title}" è già ${status === 'done' ? 'fatto' : 'saltato'} per questo periodo (${mention(by)}, ${at}); la prossima occorrenza scade ${next}.`,
    alreadyClosedHint: 'Per correggere un periodo precedente, indicalo: es. `fatto <dovere> per 2026-11`.',
    unknownOccurrence: (occ, title) => `"${occ}" non è un'occorrenza di "${title}".`,
    forbiddenConfirm: (title) => `Solo i responsabili di "${title}" o un amministratore possono confermarlo.`,
    forbiddenConfirmHint:
      'Chiedi a un responsabile di confermare, o a un amministratore di assegnartelo (`assegna <dovere> @te`).',
    forbiddenAdmin:
      'Solo gli amministratori del workspace possono cambiare impostazioni, assegnare doveri, esportare o verificare il registro.',
    forbiddenAdminHint:
      'Chiedi a un amministratore del workspace, o a uno elencato in `impostazioni mostra` alla voce admins.',
    badUrl: (url) => `"${url}" non è un link di evidenza valido: usa un indirizzo completo http:// o https://.`,
    badUrlHint: "Incolla il link all'evidenza (report di backup, ticket, screenshot) come https://…",
    reasonRequired: 'Per saltare serve un motivo, così il registro di audit lo spiega.',
    reasonRequiredHint: 'es. salta backup sito -- sito congelato per migrazione',
    badDuration: (d) => `"${d}" non è una durata che capisco.`,
    badDurationHint: 'Usa 30m, 1h, 3h, 2d, 1w, domani, settimana-prossima o una data-ora ISO.',
    durationTooLong: 'Si può rimandare al massimo di 90 giorni.',
    durationPast: 'Quel momento è già passato; scegline uno futuro.',
    badDate: (d) => `"${d}" non è una data: usa AAAA-MM-GG o una data-ora ISO.`,
    badDateHint: 'es. esporta csv dal 2026-01-01 al 2026-03-31',
    emptyRange: (from, to) => `Niente da esportare tra ${from} e ${to}: l'inizio deve precedere la fine.`,
    badSetting: (key, why) => `L'impostazione "${key}" non è stata cambiata: ${why}`,
    unknownSetting: (key) => `Non esiste un'impostazione chiamata "${key}".`,
    unknownSettingHint: (keys) => `Impostazioni modificabili: ${keys}.`,
    settingsImportBad: (why) => `Le impostazioni non sono state importate: ${why}`,
    done: (title, period) => `Registrato: "${title}" (${period}) è fatto.`,
    skipped: (title, period) => `Registrato: "${title}" (${period}) è stato saltato.`,
    snoozed: (title, until) => `Ho rimandato "${title}" fino a ${until}. Te lo ricorderò allora.`,
    duplicate: 'Era già registrato; non ho scritto nulla di nuovo.',
    assigned: (target, users) => `${target} ora è assegnato a ${users}.`,
    unassigned: (target) => `${target} non ha più responsabili (i promemoria si rivolgono al canale).`,
    settingUpdated: (key, value) => `L'impostazione "${key}" ora vale ${value}.`,
    settingsImported: 'Impostazioni importate e validate.',
    settingsImportedDiff: (changed, reset) =>
      [
        changed.length + reset.length === 0 ? 'Impostazioni importate: nulla è cambiato.' : 'Impostazioni importate.',
        ...(changed.length ? ['Cambiate:', ...changed.map((line) => `  ${line}`)] : []),
        ...(reset.length ? ['Riportate ai valori predefiniti:', ...reset.map((key) => `  ${key}`)] : []),
      ].join('\n'),
    pendingTitle: 'I tuoi doveri in sospeso',
    pendingAllTitle: 'Doveri in sospeso in questo workspace',
    settingsTitle: 'Impostazioni del workspace',
    auditOk: (n) => `Il registro di audit è integro: ${n} voci verificate, ogni hash è collegato al precedente.`,
    auditBroken: (n) => `Il registro di audit è stato manomesso (${n} problemi trovati):`,
  },
  storeRules: {
    opensInBrowser: 'si apre nel browser',
    typeHelp: (prefix) => `Scrivi \`${prefix}aiuto\` per vedere tutto quello che so fare.`,
    personalOff:
      'Fatto: non ti scriverò più personalmente in questo workspace. I promemoria nei canali continuano. Scrivi `mandami promemoria` per annullare.',
    personalOn: 'Fatto: ti scriverò di nuovo personalmente in questo workspace quando servi tu.',
    helpCommand: {
      usage: 'non mandarmi promemoria | mandami promemoria',
      description: 'spegne o riaccende i miei messaggi personali a te (i promemoria nei canali restano)',
    },
    notInvited: (channel) =>
      `Non sono in ${channel} e scrivo solo dove sono stato invitato, quindi l'impostazione non è cambiata.`,
    notInvitedHint: 'Aggiungimi prima a quel canale (per esempio menzionami lì e invitami), poi imposta di nuovo.',
    support: 'Assistenza',
    privacy: 'Informativa sulla privacy',
    personalFrom: (team) => `Dal team «${team}»`,
  },

  publicPages: {
    languageName: 'Italiano',
    nav: { landing: 'Home', privacy: 'Privacy', terms: 'Condizioni', support: 'Assistenza' },
    languageNav: 'Lingua',
    operatedBy: (operator) => `Questo server dutybot è gestito da ${operator}.`,
    contactLabel: 'Contatto',
    noContact:
      "Il gestore non ha pubblicato un indirizzo di contatto: chiedi all'amministratore che ha installato dutybot nel tuo workspace Slack o nel tuo tenant Teams.",
    landing: {
      title: 'I doveri GDPR, in Slack e Teams',
      lead: 'dutybot trasforma il documento del tuo fornitore di hosting sulle responsabilità condivise GDPR in risposte, promemoria e un registro delle conferme a prova di manomissione, dove il tuo team già lavora: Slack e Microsoft Teams.',
      whatHeading: 'Cosa fa',
      what: [
        'Risponde a "chi fa cosa, e ogni quanto" per ogni servizio coperto dal documento, citandolo.',
        'Ricorda ai responsabili i doveri del cliente quando scadono, sollecita e segnala a chi di dovere quelli non svolti.',
        'Registra ogni dovere fatto, saltato o riaperto, con nota e link alla prova, in un registro a catena di hash che un revisore può verificare ed esportare.',
        'Invia un riepilogo settimanale di cosa è in ritardo, aperto, in arrivo e fatto.',
      ],
      dependsHeading: 'Cosa serve',
      depends: [
        'dutybot è per i team che usano i servizi di un fornitore di hosting: ogni dovere viene dal documento di quel fornitore sulle responsabilità condivise GDPR, caricato su questo server.',
        "Dopo l'installazione, un amministratore del workspace sceglie i servizi usati dal team, il canale dei promemoria e i responsabili dei doveri; fino ad allora i promemoria coprono tutti i servizi e si rivolgono al canale.",
      ],
      languages: 'Completo in italiano e in inglese: ogni workspace sceglie la sua lingua.',
      slackHeading: 'In Slack',
      slack: [
        'Menziona @dutybot in un canale, scrivigli in un messaggio diretto o usa il comando /duty (per esempio /duty pendenti).',
        'I promemoria arrivano nel canale scelto con i pulsanti Fatto, Rimanda e Salta; la App Home mostra i tuoi doveri in sospeso.',
      ],
      teamsHeading: 'In Microsoft Teams',
      teams: [
        'Menziona dutybot in un canale del team o scrivigli in chat personale; scrivi aiuto per i comandi.',
        'I promemoria arrivano come card con Fatto, Rimanda e Salta.',
      ],
      installHeading: 'Installazione',
      installSlack: 'Aggiungi a Slack',
      installSlackNote: 'Slack mostra i permessi che dutybot chiede prima di installare qualsiasi cosa.',
      installTeams:
        "Microsoft Teams: un amministratore di Teams carica il pacchetto dell'app dutybot (un file .zip preparato dal gestore) nell'interfaccia di amministrazione di Teams, in Gestisci app → Carica, oppure in Teams in App → Gestisci le tue app → Carica un'app.",
      installTeamsAsk: "Per ricevere il pacchetto dell'app per Teams, scrivi al contatto qui sotto.",
      noInstall:
        'Questo server non offre un’installazione self-service: è il gestore a installare dutybot per il tuo team.',
    },
    installed: {
      title: 'Tutto pronto',
      lead: 'dutybot è installato. I prossimi passi:',
      steps: [
        'dutybot ha inviato un messaggio di benvenuto a chi lo ha installato: elenca le impostazioni attuali.',
        "Aggiungi dutybot al canale dei promemoria: /invite @dutybot in Slack, oppure aggiungi l'app a un team in Teams.",
        'Scegli i servizi usati dal team: impostazioni imposta services seguito dai loro id (servizi li elenca)',
        'Assegna i responsabili: assegna <servizio> @qualcuno',
        'Fai una domanda, per esempio: chi si occupa dei backup?',
      ],
      commandNote: 'In Slack, scrivi i comandi dopo /duty (per esempio /duty aiuto); in Teams, scrivili a dutybot.',
      openSlack: 'Apri dutybot in Slack',
    },
    privacy: {
      title: 'Informativa sulla privacy',
      controller: (operator) =>
        `Questo server dutybot è gestito da ${operator}, che decide come viene usato e risponde dei dati descritti qui sotto. Il fornitore di hosting il cui documento dutybot spiega non riceve nulla.`,
      controllerUnnamed:
        "L'organizzazione che gestisce questo server dutybot decide come viene usato e risponde dei dati descritti qui sotto. Il fornitore di hosting il cui documento dutybot spiega non riceve nulla.",
      dataLocation: (place) => `I dati sono conservati in: ${place}.`,
      dataLocationUnknown:
        'I dati sono conservati nel database del gestore; il contatto qui sotto può dire dove si trova.',
      storedHeading: 'Cosa viene conservato',
      stored: [
        "Voci del registro: per ogni dovere registrato come fatto, saltato o riaperto, il dovere, il periodo, l'id utente di chi lo ha registrato, l'ora, e la nota, il motivo e il link alla prova scritti con esso. I rinvii sono conservati allo stesso modo.",
        'Note e link alle prove: il testo e i link che le persone aggiungono a una conferma, esattamente come scritti.',
        'Id utente: gli id Slack o Teams delle persone che usano dutybot, a cui sono assegnati doveri o che sono nominate amministratori; mai nomi, indirizzi e-mail o password.',
        'Impostazioni del workspace: servizi, fuso orario, canale e orari dei promemoria, responsabili, amministratori, lingua, e se il modello linguistico può essere usato.',
        'Messaggi in attesa di invio (promemoria, solleciti, riepiloghi) e la traccia di quelli consegnati.',
        "Credenziali d'installazione (token dei bot Slack), cifrate a riposo (vedi Sicurezza).",
        'Log: il server scrive log operativi (errori, consegne, id di workspace, canali e utenti) sul suo flusso di errore. Non contengono mai token né segreti.',
      ],
      receivedHeading: 'Cosa viene ricevuto e non conservato',
      received: [
        'Le domande poste a dutybot ricevono risposta e non vengono conservate.',
        'Slack e Teams inviano a dutybot i messaggi diretti scritti a lui e i messaggi di canale che lo menzionano; li legge per rispondere e conserva solo ciò che un comando registra.',
        'I profili utente vengono letti per sapere chi è amministratore e a quale workspace appartiene una persona; nomi, indirizzi e-mail e foto non vengono conservati. Gli id degli eventi della piattaforma sono conservati per poco tempo, perché un evento consegnato due volte sia gestito una volta sola.',
      ],
      llmHeading: 'Modello linguistico',
      llmOn: (host) =>
        `Quando il motore interno di dutybot non sa rispondere a una domanda, questo server può inviare la domanda e l'elenco dei servizi usati dal team al modello linguistico su ${host}. Il modello sceglie soltanto passi del documento del fornitore; la risposta è sempre il testo di dutybot. Non vengono inviati voci del registro, note, id utente né token.`,
      llmOff:
        'Questo server non usa alcun modello linguistico: ogni risposta viene dal motore interno di dutybot e nessuna domanda lascia il server.',
      llmOptOut:
        'Un amministratore del workspace disattiva il modello linguistico per il workspace con il comando impostazioni imposta llm off; il gestore lo disattiva per tutti i workspace con DUTYBOT_LLM=off.',
      retentionHeading: 'Per quanto tempo',
      retentionInstalled:
        'Finché dutybot è installato, il registro e le impostazioni vengono conservati: il registro è la traccia dei doveri GDPR del tuo team.',
      retentionUninstall: (days) =>
        `Quando un workspace disinstalla dutybot, le sue credenziali vengono cancellate subito. Registro e impostazioni vengono conservati per ${days} giorni, così che una reinstallazione ripristini tutto e un amministratore possa ancora esportarli; poi vengono cancellati, insieme a tutto il resto conservato per quel workspace.`,
      retentionTombstone:
        "Il registro viene cancellato per intero, mai voce per voce. Resta una lapide con l'id del workspace, il numero di voci, l'hash finale della catena e la data, così che anche la cancellazione sia verificabile.",
      retentionLogs: 'I log sono conservati quanto li conserva il sistema di raccolta log del gestore.',
      rightsHeading: 'Accesso, esportazione e cancellazione',
      rights: [
        "Un amministratore del workspace può esportare l'intero registro in qualsiasi momento con il comando esporta csv o esporta json.",
        'Per chiedere accesso ai dati che ti riguardano, una copia, una correzione o la cancellazione di un workspace, scrivi al contatto qui sotto; non serve un account. Una cancellazione su richiesta elimina subito il workspace, con la stessa lapide.',
        'Le voci del registro non vengono mai modificate: una conferma sbagliata viene riaperta, e anche la riapertura viene registrata.',
      ],
      securityHeading: 'Sicurezza',
      security: [
        "I token d'installazione sono cifrati a riposo con AES-256-GCM, con una chiave che il gestore tiene fuori dal database (DUTYBOT_ENCRYPTION_KEY). I token non compaiono mai in log, esportazioni o pagine web.",
        'Le richieste da Slack sono verificate con la firma di Slack; quelle da Teams con i token firmati da Microsoft.',
        'Il testo scritto dalle persone è mostrato come testo su ogni superficie, mai come markup o come menzione.',
      ],
    },
    terms: {
      title: 'Condizioni di utilizzo',
      provider: (operator) =>
        `dutybot è fornito da ${operator} per aiutare il tuo team a svolgere i doveri che il documento del tuo fornitore di hosting sulle responsabilità condivise GDPR assegna ai suoi clienti.`,
      providerUnnamed:
        "dutybot è fornito dall'organizzazione che gestisce questo server per aiutare il tuo team a svolgere i doveri che il documento del tuo fornitore di hosting sulle responsabilità condivise GDPR assegna ai suoi clienti.",
      items: [
        'dutybot spiega un documento e te lo ricorda; non è una consulenza legale. Il documento stesso e i tuoi accordi con il fornitore stabiliscono cosa devi fare.',
        'Ciò che il tuo team registra (conferme, salti, note e link alle prove) sono vostre dichiarazioni; dutybot le conserva invariate nel suo registro.',
        'Usa dutybot solo per il suo scopo: non tentare di accedere ai dati di altri workspace né di disturbare il servizio.',
        'Il servizio è fornito così com’è, senza garanzia di disponibilità; i promemoria dipendono anche dalla consegna da parte di Slack e Microsoft Teams.',
        "I tuoi dati sono trattati come dice l'informativa sulla privacy. Queste condizioni possono cambiare; la versione in questa pagina è quella in vigore.",
      ],
    },
    support: {
      title: 'Assistenza',
      lead: 'Non serve un account: scrivi al contatto qui sotto, oppure chiedi a dutybot stesso.',
      inChat: 'In una chat con dutybot, scrivi aiuto (help in inglese) per i comandi, con esempi.',
      include:
        'Indica di quale workspace Slack o team Teams si tratta e cosa hai scritto; non inviare mai password o token.',
      faqHeading: 'Domande frequenti',
      faq: [
        {
          question: 'I promemoria non arrivano.',
          answer:
            'dutybot deve essere nel canale dei promemoria: invitalo lì, e chiedi a un amministratore di controllare impostazioni mostra.',
        },
        {
          question: 'Un dovere è stato confermato per errore.',
          answer:
            'Il suo responsabile o un amministratore lo riapre: riapri <dovere> per <periodo> -- <motivo>. La riapertura viene registrata.',
        },
        {
          question: 'Come otteniamo i nostri dati, o li facciamo cancellare?',
          answer:
            'Un amministratore esporta il registro con esporta csv; per una cancellazione, scrivi al contatto qui sotto.',
        },
      ],
    },
  },

  dashboard: {
    linkReady: (minutes) =>
      `Il tuo link di accesso al cruscotto: funziona una sola volta, per ${minutes} minuti. Non condividerlo: chi lo apre entra come te.`,
    linkSentPrivately: 'Ti ho mandato il link di accesso al cruscotto in una chat personale: solo tu puoi vederlo.',
    askInPersonalChat:
      'Il link di accesso è personale: chiedimi `dashboard` in una chat personale con me e te lo mando lì.',
    notConfigured:
      "Il cruscotto non è configurato su questo server: l'operatore lo attiva impostando DUTYBOT_PUBLIC_URL.",
    outsiders: 'Il cruscotto è riservato ai membri di questo workspace.',
    open: 'Apri il cruscotto',
    product: 'Cruscotto di conformità',
    nav: {
      period: 'Questo periodo',
      ledger: 'Registro',
      settings: 'Impostazioni',
      export: 'Esporta',
      calendar: 'Calendario',
      signOut: 'Esci',
    },
    signedInAs: (user, role) => `Accesso come ${user} (${role})`,
    roleAdmin: 'amministratore: vede e modifica tutto',
    roleMember: 'membro: legge tutto, conferma i propri doveri',
    signIn: {
      title: 'Accedi al cruscotto',
      how: 'Chiedi al bot un link di accesso: /duty dashboard in Slack, dashboard in Teams o nella chat da terminale. Un link funziona una sola volta, per 10 minuti.',
      refused: 'Questo link di accesso è già stato usato o è scaduto. Chiedine uno nuovo al bot.',
      signedOut: 'Sei uscito.',
    },
    notFound: 'Pagina non trovata',
    notFoundText: 'In questo workspace non esiste questa pagina.',
    csrfRefused:
      'Questo modulo non è più valido (il suo token di sicurezza manca o è errato). Ricarica la pagina e riprova.',
    period: {
      title: 'Questo periodo',
      intro: 'Ogni dovere pianificato dei servizi in uso, con la sua scadenza corrente.',
      filters: 'Filtra',
      service: 'Servizio',
      owner: 'Responsabile',
      state: 'Stato',
      any: 'tutti',
      unowned: 'nessun assegnatario',
      apply: 'Applica i filtri',
      nothing: 'Nessun dovere corrisponde a questi filtri.',
    },
    table: {
      duty: 'Dovere',
      period: 'Periodo',
      state: 'Stato',
      owners: 'Responsabili',
      confirmed: 'Confermato da',
      when: 'Quando',
      evidence: 'Evidenza',
      note: 'Nota',
      reason: 'Motivo',
      due: 'Scadenza',
      deadline: 'Termine',
      seq: '#',
      kind: 'Tipo',
      actor: 'Da',
      detail: 'Dettagli',
      hash: 'Hash',
    },
    duty: {
      sourceText: 'Come lo riporta la fonte (inglese)',
      italian: 'In italiano',
      sourceCadence: 'Cadenza nella fonte',
      schedule: 'Come lo pianifica questo workspace',
      notScheduled: (why) => `Non pianificato qui: ${why}.`,
      current: 'Scadenza corrente',
      history: 'Storico delle scadenze',
      noHistory: 'Nessuna conferma registrata finora.',
      confirm: 'Conferma questa scadenza',
      readOnly: 'Puoi leggere questo dovere; lo confermano solo i suoi responsabili e gli amministratori.',
    },
    confirm: {
      done: 'Segna come fatto',
      note: 'Nota (facoltativa)',
      evidence: 'Link di evidenza (facoltativo, https://…)',
      skip: 'Salta',
      reason: 'Motivo (obbligatorio)',
      snooze: 'Rimanda',
      until: 'Per quanto',
    },
    ledger: {
      title: 'Registro',
      intro: 'Ogni voce del registro concatenato da hash, dalla più recente.',
      from: 'Dal (AAAA-MM-GG)',
      to: 'Al (AAAA-MM-GG)',
      person: 'Persona (id utente)',
      kind: 'Tipo',
      chainOk: 'Catena verificata',
      chainChecking: "Verifica dell'intera catena in corso (la prima dall'avvio del server): ricarica tra poco.",
      chainBroken: (seq) => (seq === null ? 'Catena interrotta' : `Catena interrotta alla voce #${seq}`),
      head: (seq, hash) => `Testa: voce #${seq}, hash ${hash}`,
      checkedAt: (at) =>
        `Intera catena verificata l'ultima volta ${at}; le voci più recenti sono controllate una per una.`,
      older: 'Voci precedenti',
      newest: 'Voci più recenti',
      none: 'Nessuna voce corrisponde a questi filtri.',
      badDate: (value) => `"${value}" non è una data: usa AAAA-MM-GG.`,
    },
    settings: {
      title: 'Impostazioni',
      readOnly: 'Solo gli amministratori cambiano le impostazioni; tu puoi leggerle.',
      change: 'Cambia un’impostazione',
      key: 'Impostazione',
      value: 'Nuovo valore',
      save: 'Salva',
      assign: 'Assegna i responsabili',
      target: 'Dovere o servizio',
      users: 'Id utente (separati da virgole), oppure nessuno',
      assignSave: 'Assegna',
      yaml: 'In YAML (ciò che accetta settings import)',
    },
    export: {
      title: 'Esporta',
      intro: 'Tutto il registro, come lo scrive il comando export.',
      csv: 'Scarica CSV',
      json: 'Scarica JSON',
      adminsOnly: 'Solo gli amministratori esportano il registro.',
    },
  },

  composedAnswer: {
    serviceList: (...names) =>
      names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} e ${names[names.length - 1]}`,
    or: ' o ',
    reminded: (who, count, cadence) =>
      `${who} ha ${count} ${plurale(count, 'compito', 'compiti')} da svolgere ${cadence}: quelli che i promemoria di questo workspace chiederanno ${cadence} (servizi in uso, impostazioni di frequenza applicate).`,
    remindedNone: (cadence) =>
      `Questo workspace non invia promemoria ${cadence}: nessun compito dei servizi in uso è pianificato ${cadence} (impostazioni di frequenza applicate).`,
    services: (provider, count, list) => `La pagina di ${provider} tratta ${count} servizi: ${list}.`,
  },

  calendar: {
    workspaceFeed: (workspace) => `Adempimenti GDPR — ${workspace}`,
    personFeed: (workspace, user) => `Adempimenti GDPR di ${user} — ${workspace}`,
    service: 'Servizio',
    period: 'Periodo',
    owners: 'Responsabili',
    noOwners: 'nessuno ancora assegnato',
    state: 'Stato',
    deadline: 'Scadenza',
    dutyPage: 'Pagina dell’adempimento',
    page: {
      title: 'Calendari',
      intro:
        "Iscriviti a un calendario dalla tua app (Google Calendar, Outlook, Calendario di Apple): ogni scadenza dei prossimi 12 mesi, e quelle ancora aperte, all'ora del promemoria. L'indirizzo è segreto: chi lo ha vede il calendario, finché non viene revocato.",
      createMine: 'Crea un calendario dei miei adempimenti',
      createWorkspace: 'Crea un calendario di tutti gli adempimenti (amministratori)',
      created: "L'indirizzo del nuovo calendario (mostrato solo ora; copialo nella tua app di calendario):",
      feedAddress: 'Indirizzo del calendario',
      none: 'Ancora nessun calendario.',
      id: 'Calendario',
      person: 'Adempimenti di',
      everyone: 'tutti',
      createdAt: 'Creato',
      createdBy: 'Da',
      state: 'Stato',
      live: 'attivo',
      revokedAt: (when) => `revocato ${when}`,
      revoke: 'Revoca',
      revokeLabel: (id) => `Revoca il calendario ${id}`,
      revoked: (id) => `Calendario ${id} revocato: il suo indirizzo non funziona più.`,
      notRevoked: (id) => `Non c'è un calendario attivo ${id} che tu possa revocare.`,
      adminsOnly: 'Solo gli amministratori creano un calendario di tutti gli adempimenti.',
    },
  },
  auditorPack: {
    link: 'Scarica il pacchetto per il revisore (zip)',
    about:
      'Tutto il registro (CSV e JSON), il rapporto di verifica della catena, la base di conoscenza e il documento di origine, le impostazioni in vigore e un README che spiega al revisore come riverificare la catena offline dal solo CSV.',
    adminsOnly: 'Solo gli amministratori scaricano il pacchetto per il revisore.',
  },
};
