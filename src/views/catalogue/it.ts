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
    where: '(dove è stato installato il bot)',
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
    `Da ora ricorderò qui i doveri del cliente per tutti i servizi ${f.provider}, alle ${f.time} (${f.zone}) nei giorni lavorativi${f.digestDay ? `, con un riepilogo ${f.digestDay === 'domenica' ? 'la' : 'il'} ${f.digestDay}` : ''}.`,
    `Indicate i servizi che usate: \`${f.prefix}impostazioni imposta services rocketweb,email,1backup\``,
    `Assegnate i responsabili: \`${f.prefix}assegna rocketweb @persona\` (finché nessuno è assegnato, i promemoria si rivolgono al canale).`,
    `I doveri già aperti oggi non li ricordo uno per uno: li trovate con \`${f.prefix}pendenti tutti\` e nel riepilogo.`,
    `Fatemi domande ("chi fa il backup su RocketWeb?") o scrivete \`${f.prefix}aiuto\`.`,
  ],

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
