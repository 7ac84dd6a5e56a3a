import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintKnowledge } from '../src/knowledge/lint.js';
import {
  clearKnowledgeCache,
  defaultKnowledgePath,
  formatYamlPath,
  KnowledgeError,
  loadKnowledge,
  parsedCachePath,
  parseKnowledge,
} from '../src/knowledge/load.js';
import { findPackageRoot, packageRoot } from '../src/knowledge/package-root.js';
import { parseSourceDocument } from '../src/knowledge/source-document.js';

const root = packageRoot();
const knowledgePath = join(root, 'knowledge', 'coretech-gdpr.yaml');
const sourcePath = join(root, 'knowledge', 'sources', 'coretech-gdpr-2020-04-16.txt');
const sourceText = readFileSync(sourcePath, 'utf8');
const source = parseSourceDocument(sourceText, { provider: 'CoreTech', customer: 'Customer' });
const knowledge = loadKnowledge(knowledgePath);
const fixture = (name: string) => join('test', 'fixtures', 'knowledge', name);

/** The CoreTech pack's services, in page order (the engine itself knows none of them). */
const CANONICAL_NAMES: Record<string, string> = {
  stellar: 'Stellar - Server Cloud',
  rocketweb: 'RocketWeb - Web Hosting',
  email: 'Email Service',
  '1backup': '1Backup - Cloud Backup',
  mailarchive: 'MailArchive - Mail Archiving',
  rocketbox: 'RocketBox - File Sharing',
  rocketnews: 'RocketNews - EMail Marketing',
  sygma: 'Sygma - Platform',
  'sygma-connect': 'Sygma Connect - Remote Control',
};

describe('source document parser', () => {
  it('finds the 9 service sections, in page order, from the page structure alone', () => {
    expect(source.services.map((section) => section.name)).toEqual(Object.values(CANONICAL_NAMES));
  });

  it('collects every service bullet of the page (cross-checked by a raw line count)', () => {
    // Independent count: every "  • " line after the first service heading and before "Documents".
    const lines = sourceText.split('\n');
    const start = lines.indexOf('Stellar - Server Cloud');
    const end = lines.indexOf('Documents');
    const raw = lines.slice(start, end).filter((line) => line.startsWith('  • ')).length;
    const parsed = source.services.reduce((n, section) => n + section.provider.length + section.customer.length, 0);
    expect(raw).toBe(106);
    expect(parsed).toBe(raw);
  });

  it('keeps bullets outside the service sections apart (definitions, tools, infrastructure measures)', () => {
    expect(source.generalBullets).toHaveLength(14);
    expect(source.generalBullets[0]!.text.startsWith('Responsible for data processing:')).toBe(true);
  });
});

describe('knowledge file completeness against the source', () => {
  it('has one service per source section, with the section heading as its name', () => {
    expect(knowledge.services.map((service) => service.name)).toEqual(source.services.map((section) => section.name));
  });

  for (const party of ['provider', 'customer'] as const) {
    it(`has every ${party} bullet as a duty of the right service, verbatim and in source order, and nothing else`, () => {
      for (const section of source.services) {
        const service = knowledge.services.find((candidate) => candidate.name === section.name)!;
        const duties = service.duties.filter((duty) => duty.party === party).map((duty) => duty.text);
        expect({ service: service.id, duties }).toEqual({
          service: service.id,
          duties: section[party].map((bullet) => bullet.text),
        });
      }
    });
  }

  it('keeps the source typos and copy errors as they are', () => {
    const texts = knowledge.duties.map((duty) => duty.text);
    expect(texts).toContain(
      'Proceed to periodically update the elements relating to the security of your website (for example updating the version of WordPress',
    );
    expect(texts).toContain('Carefully guard the access data to the RocketNewsletter service and limit its disclosure');
    expect(texts).toContain('Daily check of the status of MailArchive servers and storage');
  });

  it('has fact lines that are verbatim source text, under real source headings', () => {
    for (const fact of knowledge.facts) {
      expect(source.lines, `fact ${fact.id} section`).toContain(fact.section);
      for (const line of fact.text) expect(sourceText.includes(line), `fact ${fact.id}: "${line}"`).toBe(true);
    }
  });

  it('quotes errata verbatim from the source', () => {
    for (const erratum of knowledge.errata) {
      if (erratum.source_text !== '') expect(sourceText.includes(erratum.source_text), erratum.id).toBe(true);
    }
  });

  it('covers the general sections of the page as facts', () => {
    const sections = new Set(knowledge.facts.map((fact) => fact.section));
    for (const heading of [
      'GDPR',
      'CoreTech and the GDPR',
      'Data Centre in Italy',
      'CoreTech is a CISPE member',
      'Definition of the GDPR',
      'CoreTech as a sub responsible for data processing',
      "CoreTech's commitment as a sub responsible for data processing",
      'CoreTech as the data controller',
      'Security measures',
      'Customer-hosted data security',
      'Infrastructure security',
      'Shared responsibility',
      'Document information',
    ]) {
      expect(sections, heading).toContain(heading);
    }
    // Every bullet outside the service sections (definitions, tools, measures) is part of a fact.
    const factLines = knowledge.facts.flatMap((fact) => fact.text);
    for (const bullet of source.generalBullets) expect(factLines, bullet.text).toContain(bullet.text);
  });
});

describe('knowledge file content', () => {
  it('describes the source document', () => {
    expect(knowledge.document).toEqual({
      provider: 'CoreTech',
      title: 'GDPR',
      version: 'V.1',
      date: '2020-04-16',
      source_file: 'sources/coretech-gdpr-2020-04-16.txt',
      customer_heading: 'Customer',
    });
    expect(resolve(dirname(knowledge.file), knowledge.document.source_file)).toBe(sourcePath);
  });

  it('has the 9 services with their canonical ids and names, in page order', () => {
    expect(knowledge.services.map((service) => [service.id, service.name])).toEqual(Object.entries(CANONICAL_NAMES));
    expect([...knowledge.serviceById.keys()]).toEqual(Object.keys(CANONICAL_NAMES));
  });

  it('counts 44 provider and 62 customer duties', () => {
    expect(knowledge.duties.filter((duty) => duty.party === 'provider')).toHaveLength(44);
    expect(knowledge.duties.filter((duty) => duty.party === 'customer')).toHaveLength(62);
  });

  it('uses unique ids everywhere', () => {
    const unique = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);
    unique(knowledge.duties.map((duty) => duty.id));
    unique(knowledge.facts.map((fact) => fact.id));
    unique(knowledge.errata.map((erratum) => erratum.id));
    expect(knowledge.dutyById.size).toBe(knowledge.duties.length);
  });

  it('gives a repeated bullet a distinct id ending in -2', () => {
    for (const service of knowledge.services) {
      const seen = new Map<string, string>();
      for (const duty of service.duties) {
        const key = `${duty.party}:${duty.text}`;
        if (seen.has(key)) expect(duty.id).toBe(`${seen.get(key)}-2`);
        else seen.set(key, duty.id);
      }
    }
    expect(knowledge.dutyById.get('sygma-connect.provider.server-monitoring-2')?.text).toBe(
      'Monitor servers to ensure continuity of service',
    );
  });

  it('attaches service, service name and source position to each duty', () => {
    const duty = knowledge.dutyById.get('rocketweb.customer.website-backup')!;
    expect(duty).toMatchObject({ service: 'rocketweb', serviceName: 'RocketWeb - Web Hosting', party: 'customer' });
    expect(duty.position).toBe(4);
    expect(duty.text).toBe(source.services[1]!.customer[4]!.text);
    for (const service of knowledge.services) {
      for (const party of ['provider', 'customer'] as const) {
        const positions = knowledge.duties
          .filter((d) => d.service === service.id && d.party === party)
          .map((d) => d.position);
        expect(positions).toEqual(positions.map((_, i) => i));
      }
    }
  });

  it('states retention days where the source states them, and only there', () => {
    for (const duty of knowledge.duties) {
      if (duty.text.includes('Backup retention is 35 days (5 weeks)')) expect(duty.retention_days, duty.id).toBe(35);
      else if (duty.text.includes('Sixty (60) days of Backup retention')) expect(duty.retention_days, duty.id).toBe(60);
      else expect(duty.retention_days, duty.id).toBeUndefined();
    }
    expect(knowledge.dutyById.get('email.provider.backup-control')?.retention_days).toBe(60);
    expect(knowledge.dutyById.get('rocketweb.provider.backup-control')?.retention_days).toBe(35);
  });

  it('normalizes cadences from the source wording', () => {
    for (const duty of knowledge.duties) {
      const text = duty.text;
      if (duty.cadence_words) expect(text.toLowerCase(), duty.id).toContain(duty.cadence_words.toLowerCase());
      if (/^Daily\b/.test(text) || /\bdaily\b/i.test(text)) expect(duty.cadence, duty.id).toBe('daily');
      if (/^Check weekly\b/.test(text)) expect(duty.cadence, duty.id).toBe('weekly');
      if (text.includes('at least once a month')) expect(duty.cadence, duty.id).toBe('monthly');
      if (text.includes('at least monthly / bimonthly')) {
        expect(duty.cadence, duty.id).toBe('at_least_monthly_bimonthly');
        expect(duty.cadence_words).toBe('at least monthly / bimonthly');
      }
      if (/^Periodically\b|periodically update/.test(text)) expect(duty.cadence, duty.id).toBe('periodic');
      if (/^Promptly\b/.test(text)) expect(duty.cadence, duty.id).toBe('on_event');
      if (/^At the client's request/.test(text)) expect(duty.cadence, duty.id).toBe('on_request');
      if (/based on the needs or set times|^Evaluate the frequency or event/.test(text))
        expect(duty.cadence, duty.id).toBe('as_configured');
    }
    expect(knowledge.dutyById.get('1backup.customer.configure-backup-jobs')?.cadence).toBe('as_configured');
    expect(knowledge.dutyById.get('rocketweb.customer.website-backup')).toMatchObject({
      cadence: 'monthly',
      cadence_words: 'at least once a month',
      title: 'Monthly website backup',
      title_it: 'Backup mensile del sito',
    });
  });

  it('gives every duty short English and Italian titles and an Italian rendering', () => {
    for (const duty of knowledge.duties) {
      expect(duty.title.length, duty.id).toBeLessThanOrEqual(60);
      expect(duty.title_it.length, duty.id).toBeLessThanOrEqual(60);
      expect(duty.text_it, duty.id).not.toBe(duty.text);
      expect(duty.title_it, duty.id).not.toBe(duty.title);
    }
  });

  it('has aliases people type, in English and Italian, that point to a single service', () => {
    const owner = new Map<string, string>();
    for (const service of knowledge.services) {
      expect(service.aliases.en.length, service.id).toBeGreaterThan(2);
      expect(service.aliases.it.length, service.id).toBeGreaterThan(1);
      for (const alias of new Set([...service.aliases.en, ...service.aliases.it].map((a) => a.toLowerCase()))) {
        expect(owner.get(alias), `alias "${alias}" of ${service.id}`).toBeUndefined();
        owner.set(alias, service.id);
      }
    }
    // Plain topic words must not pick a service.
    for (const topic of ['backup', 'archive', 'password', 'restore']) expect(owner.has(topic), topic).toBe(false);
    const expected: Record<string, string[]> = {
      rocketweb: ['hosting', 'website', 'wordpress', 'plesk', 'ftp', 'sito', 'sito web', 'spazio web'],
      stellar: ['vps', 'virtual machine', 'cloud server', 'macchina virtuale', 'server virtuale'],
      email: ['e-mail', 'mailbox', 'posta', 'posta elettronica', 'caselle di posta'],
      '1backup': ['1backup', 'one backup', 'cloud backup', 'backup in cloud'],
      mailarchive: ['mail archive', 'archiviazione posta'],
      rocketbox: ['rocket box', 'file sharing', 'condivisione file'],
      rocketnews: ['newsletter', 'email marketing', 'rocketnewsletter'],
      sygma: ['sygma platform', 'pannello sygma'],
      'sygma-connect': ['remote control', 'controllo remoto', 'accesso remoto'],
    };
    for (const [service, aliases] of Object.entries(expected)) {
      for (const alias of aliases) expect(owner.get(alias), alias).toBe(service);
    }
  });

  it('records the errata of the page and refers to them where they apply', () => {
    const ids = knowledge.errata.map((erratum) => erratum.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'subprocessor-definition',
        'processor-commitments-empty',
        'sygma-connect-copied-from-mailarchive',
        'rocketweb-rocketbox-line',
        'rocketbox-duplicate-access-line',
        'rocketbox-website-wording',
        'rocketnews-rocketnewsletter',
      ]),
    );
    const referenced = new Set([
      ...knowledge.duties.flatMap((duty) => duty.errata),
      ...knowledge.facts.flatMap((fact) => fact.errata),
    ]);
    for (const id of ids) expect(referenced, id).toContain(id);
    for (const erratum of knowledge.errata) {
      expect(erratum.note.en.length).toBeGreaterThan(20);
      expect(erratum.note.it.length).toBeGreaterThan(20);
    }
    const errataOf = (id: string) => knowledge.dutyById.get(id)?.errata;
    expect(errataOf('sygma-connect.provider.status-check')).toContain('sygma-connect-copied-from-mailarchive');
    expect(errataOf('sygma-connect.customer.configure-archiving-jobs')).toContain(
      'sygma-connect-copied-from-mailarchive',
    );
    expect(errataOf('rocketweb.customer.rocketbox-access-data')).toEqual(['rocketweb-rocketbox-line']);
    expect(errataOf('rocketnews.customer.guard-access-data')).toEqual(['rocketnews-rocketnewsletter']);
    expect(knowledge.facts.find((fact) => fact.id === 'definition-sub-processor')?.errata).toEqual([
      'subprocessor-definition',
    ]);
    expect(knowledge.facts.find((fact) => fact.id === 'processor-commitments')?.errata).toEqual([
      'processor-commitments-empty',
    ]);
    expect(knowledge.errata.find((erratum) => erratum.id === 'processor-commitments-empty')?.source_text).toBe('');
  });
});

describe('loadKnowledge', () => {
  it('finds the shipped file from the package root by default, whatever the working directory', () => {
    expect(defaultKnowledgePath()).toBe(knowledgePath);
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name).toBe('dutybot');
    // The compiled layout (dist/src/knowledge) walks up to the same root.
    expect(findPackageRoot(join(root, 'dist', 'src', 'knowledge'))).toBe(root);
    expect(() => findPackageRoot(tmpdir())).toThrow(/Cannot find the dutybot package root/);
  });

  it('caches per path and returns an immutable model', () => {
    expect(loadKnowledge()).toBe(loadKnowledge(knowledgePath));
    expect(Object.isFrozen(knowledge.duties)).toBe(true);
    expect(Object.isFrozen(knowledge.duties[0])).toBe(true);
    clearKnowledgeCache();
    const reloaded = loadKnowledge(knowledgePath);
    expect(reloaded).not.toBe(knowledge);
    expect(reloaded.duties).toEqual(knowledge.duties);
  });

  it('keeps a parsed copy keyed by the file content, and survives a damaged one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dutybot-knowledge-'));
    try {
      // A unique comment gives this text its own cache entry, untouched by other runs.
      const text = `${readFileSync(fixture('minimal.yaml'), 'utf8')}# ${dir}\n`;
      const file = join(dir, 'k.yaml');
      writeFileSync(file, text);
      const first = loadKnowledge(file);
      const cachePath = parsedCachePath(text)!;
      expect(JSON.parse(readFileSync(cachePath, 'utf8'))).toEqual(parse(text));

      clearKnowledgeCache();
      expect(loadKnowledge(file)).toEqual(first);

      clearKnowledgeCache();
      writeFileSync(cachePath, '{"document": "not what the schema wants"}');
      expect(loadKnowledge(file)).toEqual(first);
      writeFileSync(cachePath, 'not json at all');
      clearKnowledgeCache();
      expect(loadKnowledge(file)).toEqual(first);
      // The YAML rewrote the damaged entry.
      expect(JSON.parse(readFileSync(cachePath, 'utf8'))).toEqual(parse(text));
      rmSync(cachePath);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      clearKnowledgeCache();
    }
  });

  it('loads a small valid file', () => {
    const small = loadKnowledge(fixture('minimal.yaml'));
    expect(small.services).toHaveLength(9);
    expect(small.duties).toHaveLength(18);
    expect(small.file).toBe(resolve(fixture('minimal.yaml')));
  });

  const failure = (path: string): KnowledgeError => {
    try {
      loadKnowledge(path);
    } catch (error) {
      expect(error).toBeInstanceOf(KnowledgeError);
      const message = (error as Error).message;
      expect(message).not.toMatch(/\n\s+at /); // no stack trace in what users see
      return error as KnowledgeError;
    }
    throw new Error(`${path} loaded without error`);
  };

  it('names the file, the field path and the line for a bad cadence', () => {
    const error = failure(fixture('bad-cadence.yaml'));
    expect(error.message).toBe(
      `${fixture('bad-cadence.yaml')}: services[1].duties[1].cadence: Invalid option: expected one of ` +
        '"daily"|"weekly"|"monthly"|"at_least_monthly_bimonthly"|"periodic"|"ongoing"|"on_event"|"on_request"|"as_configured"|"one_off"' +
        ' (line 60, column 18)',
    );
    expect(readFileSync(fixture('bad-cadence.yaml'), 'utf8').split('\n')[59]).toContain('cadence: fortnightly');
  });

  it('names the missing field and the entry that lacks it', () => {
    const error = failure(fixture('missing-field.yaml'));
    expect(error.message).toMatch(
      /^test\/fixtures\/knowledge\/missing-field\.yaml: services\[2\]\.duties\[0\]\.title: required field is missing \(expected string\) \(in the entry at line \d+, column \d+\)$/,
    );
  });

  it('reports a YAML syntax error with line and column', () => {
    const error = failure(fixture('syntax-error.yaml.txt'));
    expect(error.message).toMatch(
      /^test\/fixtures\/knowledge\/syntax-error\.yaml\.txt: YAML syntax error at line 26, column 9: Flow sequence/,
    );
    expect(error.problems).toHaveLength(1);
  });

  it('explains a missing file and an empty file', () => {
    expect(failure(fixture('does-not-exist.yaml')).message).toBe(
      `${fixture('does-not-exist.yaml')}: cannot read the knowledge file: file not found`,
    );
    expect(() => parseKnowledge('', fixture('empty.yaml'))).toThrow(
      `${fixture('empty.yaml')}: the knowledge file is empty`,
    );
  });

  it('lists every problem, one per line, when there are several', () => {
    const text = readFileSync(fixture('minimal.yaml'), 'utf8')
      .replace('date: "2020-04-16"', 'date: "16/04/2020"')
      .replace(/party: customer/, 'party: client');
    let message = '';
    try {
      parseKnowledge(text, fixture('several.yaml'));
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines[0]).toBe(`${fixture('several.yaml')}: 2 problems`);
    expect(lines[1]).toMatch(/several\.yaml: document\.date: must be a date YYYY-MM-DD \(line 7, column 9\)$/);
    expect(lines[2]).toMatch(/several\.yaml: services\[0\]\.duties\[1\]\.party: Invalid option: expected one of/);
  });

  it('formats paths the way they read in YAML', () => {
    expect(formatYamlPath(['services', 1, 'duties', 3, 'cadence'])).toBe('services[1].duties[3].cadence');
    expect(formatYamlPath([])).toBe('(root)');
    expect(formatYamlPath(['aliases', 'en', 0])).toBe('aliases.en[0]');
    expect(formatYamlPath(['odd key'])).toBe('["odd key"]');
  });
});

describe('lintKnowledge', () => {
  const temp = mkdtempSync(join(tmpdir(), 'dutybot-lint-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('passes the shipped file and reports counts and errata', () => {
    const result = lintKnowledge(knowledgePath);
    expect(result.ok).toBe(true);
    expect(result.lines).toContain('Schema: valid');
    expect(result.lines).toContain('Services: 9');
    expect(result.lines).toContain('Duties: 106 (provider 44, customer 62)');
    expect(result.lines).toContain(`Facts: ${knowledge.facts.length}`);
    for (const erratum of knowledge.errata) {
      expect(result.lines).toContain(`  ${erratum.id} (${erratum.where}): ${erratum.note.en}`);
    }
    expect(result.lines.at(-1)).toBe('OK: complete and verbatim against the source');
  });

  it('fails on a schema error with the same message as the loader', () => {
    const result = lintKnowledge(fixture('bad-cadence.yaml'));
    expect(result.ok).toBe(false);
    expect(result.lines).toContain('Schema: INVALID');
    expect(result.lines.join('\n')).toContain('services[1].duties[1].cadence: Invalid option');
  });

  it('finds a missing, an altered and an invented duty against the source', () => {
    mkdirSync(join(temp, 'sources'), { recursive: true });
    writeFileSync(join(temp, 'sources', 'mini-source.txt'), readFileSync(fixture('sources/mini-source.txt')));
    const original = readFileSync(fixture('minimal.yaml'), 'utf8');
    const minimal = loadKnowledge(fixture('minimal.yaml'));
    const email = minimal.services.find((service) => service.id === 'email')!;
    const altered = original
      // the email customer duty loses a word: not verbatim any more
      .replace(
        `text: ${email.duties[1]!.text}`,
        `text: ${email.duties[1]!.text.replace('Set passwords', 'Set the passwords')}`,
      )
      // an unknown key is a warning, not an error
      .replace('cadence: ongoing', 'cadence: ongoing\n        cadence_word: sometimes');
    const file = join(temp, 'altered.yaml');
    writeFileSync(file, altered);
    const result = lintKnowledge(file);
    expect(result.ok).toBe(false);
    const report = result.lines.join('\n');
    expect(report).toContain('error: email customer #1: duty email.customer.mail-passwords differs from source line');
    expect(report).toMatch(/warning: services\[0\]\.duties\[0\]: unknown key "cadence_word" is ignored/);
    expect(result.lines.at(-1)).toBe('FAILED: 1 problem(s), 1 warning(s)');

    // Remove the stellar customer duty from the YAML but keep it in the source: reported as missing.
    const stellarCustomer = minimal.services[0]!.duties[1]!;
    const source = readFileSync(fixture('sources/mini-source.txt'), 'utf8');
    writeFileSync(
      join(temp, 'sources', 'mini-source.txt'),
      source.replace(`  • ${stellarCustomer.text}\n`, `  • ${stellarCustomer.text}\n  • A bullet nobody copied\n`),
    );
    writeFileSync(file, original);
    const missing = lintKnowledge(file);
    expect(missing.ok).toBe(false);
    expect(missing.lines.join('\n')).toContain('error: stellar customer #2: missing duty for source line');
    expect(missing.lines.join('\n')).toContain('"A bullet nobody copied"');

    // Drop the stellar provider bullet from the source: its duty is now invented.
    const stellarProvider = minimal.services[0]!.duties[0]!;
    writeFileSync(join(temp, 'sources', 'mini-source.txt'), source.replace(`  • ${stellarProvider.text}\n`, ''));
    const invented = lintKnowledge(file);
    expect(invented.ok).toBe(false);
    expect(invented.lines.join('\n')).toContain(
      `error: stellar provider #1: duty ${stellarProvider.id} is not in the source: "${stellarProvider.text}"`,
    );
  });

  it('reports a knowledge file whose source file is absent', () => {
    const file = join(temp, 'nosource', 'k.yaml');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, readFileSync(fixture('minimal.yaml')));
    const result = lintKnowledge(file);
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toMatch(/error: cannot read the source file .*mini-source\.txt/);
  });
});
