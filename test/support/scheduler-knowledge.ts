import type { Duty, Knowledge } from '../../src/knowledge/model.js';
import type { Cadence, DutyRecord, ServiceId, ServiceRecord } from '../../src/knowledge/schema.js';

/**
 * A small knowledge base for scheduler tests: one duty per cadence kind, on two services, plus a
 * provider duty. Independent of the real YAML (being written elsewhere), so the schedule rules are
 * tested on known inputs.
 */

function duty(service: ServiceId, slug: string, cadence: Cadence, title: string, titleIt: string): DutyRecord {
  return {
    id: `${service}.customer.${slug}`,
    party: 'customer',
    text: `${title} (source text)`,
    text_it: `${titleIt} (testo)`,
    title,
    title_it: titleIt,
    topics: ['backup'],
    cadence,
    errata: [],
  };
}

const services: ServiceRecord[] = [
  {
    id: 'rocketweb',
    name: 'RocketWeb - Web Hosting',
    aliases: { en: ['rocketweb'], it: ['rocketweb'] },
    description: { en: 'Web hosting', it: 'Hosting web' },
    duties: [
      duty('rocketweb', 'website-backup', 'at_least_monthly_bimonthly', 'Website backup', 'Backup del sito'),
      duty('rocketweb', 'passwords', 'ongoing', 'Strong passwords', 'Password robuste'),
      duty('rocketweb', 'report-incident', 'on_event', 'Report incidents', 'Segnalare incidenti'),
      {
        id: 'rocketweb.provider.backup-control',
        party: 'provider',
        text: 'CoreTech checks backups daily',
        text_it: 'CoreTech controlla i backup ogni giorno',
        title: 'Backup control',
        title_it: 'Controllo backup',
        topics: ['backup'],
        cadence: 'daily',
        errata: [],
      },
    ],
  },
  {
    id: '1backup',
    name: '1Backup',
    aliases: { en: ['1backup'], it: ['1backup'] },
    description: { en: 'Backup service', it: 'Servizio di backup' },
    duties: [
      duty('1backup', 'check-results', 'daily', 'Check backup results', 'Controllare esiti backup'),
      duty('1backup', 'restore-test', 'periodic', 'Restore test', 'Test di ripristino'),
      duty('1backup', 'weekly-review', 'weekly', 'Weekly backup review', 'Revisione settimanale backup'),
      duty('1backup', 'configure-policy', 'as_configured', 'Backup policy', 'Politica di backup'),
    ],
  },
];

export function testKnowledge(): Knowledge {
  const duties: Duty[] = [];
  for (const service of services) {
    service.duties.forEach((record, position) => {
      duties.push({ ...record, service: service.id, serviceName: service.name, position });
    });
  }
  return {
    document: {
      provider: 'CoreTech',
      title: 'GDPR',
      version: 'V.1',
      date: '2020-04-16',
      source_file: 'knowledge/sources/coretech-gdpr-2020-04-16.txt',
      customer_heading: 'Customer',
    },
    services,
    duties,
    facts: [],
    errata: [],
    dutyById: new Map(duties.map((d) => [d.id, d])),
    serviceById: new Map(services.map((s) => [s.id, s])),
    file: '/test/scheduler-knowledge.yaml',
    lexiconFile: '/test/lexicon.yaml',
    examples: {
      services: ['rocketweb'],
      duty: { en: 'website backup', it: 'backup del sito' },
      questions: { en: [], it: [] },
    },
  };
}

export const DUTY = {
  websiteBackup: 'rocketweb.customer.website-backup',
  passwords: 'rocketweb.customer.passwords',
  reportIncident: 'rocketweb.customer.report-incident',
  providerControl: 'rocketweb.provider.backup-control',
  checkResults: '1backup.customer.check-results',
  restoreTest: '1backup.customer.restore-test',
  weeklyReview: '1backup.customer.weekly-review',
  configurePolicy: '1backup.customer.configure-policy',
} as const;

export function dutyOf(knowledge: Knowledge, id: string): Duty {
  const found = knowledge.dutyById.get(id);
  if (!found) throw new Error(`test knowledge has no duty ${id}`);
  return found;
}
