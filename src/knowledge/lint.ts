import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { Lexicon } from '../knowledge/lexicon-schema.js';
import { validateLexiconText } from './lexicon-load.js';
import { defaultKnowledgePath, KnowledgeError, parseKnowledge } from './load.js';
import type { Knowledge } from './model.js';
import { packDocumentFile } from './pack.js';
import { DutySchema, ErratumSchema, FactSchema, ServiceSchema } from './schema.js';
import { isSourceLine, isVerbatimInSource, parseSourceDocument, type SourceDocument } from './source-document.js';

export interface LintResult {
  /** False when the file is invalid or incomplete; warnings alone keep it true. */
  ok: boolean;
  /** A human report, one line each, ready to print. */
  lines: string[];
}

const MAX_TITLE_LENGTH = 60;

/**
 * A check of a valid document against its valid lexicon that needs a higher layer (how the answer
 * engine reads the lexicon): it returns warnings, one line each.
 */
export type PackCheck = (knowledge: Knowledge, lexicon: Lexicon) => string[];

/**
 * `dutybot knowledge lint`: validates a pack (its folder or its document file) — the document file
 * proved against its source text, and the lexicon beside it checked against the document.
 * Reads the files fresh (no cache), so it reflects edits made since start-up.
 */
export function lintKnowledge(path: string = defaultKnowledgePath(), checks: readonly PackCheck[] = []): LintResult {
  let file: string;
  try {
    file = packDocumentFile(path);
  } catch (error) {
    return { ok: false, lines: [`Knowledge pack: ${shown(resolve(path))}`, (error as Error).message] };
  }
  const lines = [`Knowledge file: ${shown(file)}`];
  let text: string;
  let knowledge: Knowledge;
  try {
    text = readFileSync(file, 'utf8');
    knowledge = parseKnowledge(text, file);
  } catch (error) {
    if (error instanceof KnowledgeError) return { ok: false, lines: [...lines, 'Schema: INVALID', ...error.problems] };
    return { ok: false, lines: [...lines, `Cannot read ${shown(file)}: ${(error as Error).message}`] };
  }
  lines.push('Schema: valid');

  const { document: doc } = knowledge;
  lines.push(`Document: ${doc.provider} ${doc.title} ${doc.version} (${doc.date})`);
  lines.push(...countLines(knowledge));
  lines.push(`Errata: ${knowledge.errata.length}`);
  for (const erratum of knowledge.errata) lines.push(`  ${erratum.id} (${erratum.where}): ${erratum.note.en}`);

  const problems: string[] = [];
  const warnings: string[] = [];
  const sourcePath = resolve(dirname(file), doc.source_file);
  let source: SourceDocument | undefined;
  try {
    source = parseSourceDocument(readFileSync(sourcePath, 'utf8'), {
      provider: doc.provider,
      customer: doc.customer_heading,
    });
    lines.push(`Source: ${shown(sourcePath)}`);
  } catch (error) {
    problems.push(`cannot read the source file ${shown(sourcePath)}: ${(error as Error).message}`);
  }
  if (source) {
    problems.push(...compareWithSource(knowledge, source));
  }
  problems.push(...checkCrossReferences(knowledge));
  const lexiconFile = knowledge.lexiconFile;
  // A document file checked on its own (`--file`, a draft) may have no lexicon beside it yet; a
  // pack folder must have one.
  const documentAlone = resolve(path) === file && !existsSync(lexiconFile);
  let lexicon: Lexicon | undefined;
  if (documentAlone) lines.push(`Lexicon: none beside ${shown(file)} (the document file was checked alone)`);
  else
    try {
      lexicon = validateLexiconText(readFileSync(lexiconFile, 'utf8'), lexiconFile);
      lines.push(`Lexicon: ${shown(lexiconFile)}: valid, ${Object.keys(lexicon.concepts).length} concepts`);
    } catch (error) {
      if (error instanceof KnowledgeError) problems.push(...error.problems);
      else problems.push(`cannot read the lexicon ${shown(lexiconFile)}: ${(error as Error).message}`);
    }
  if (lexicon) {
    const checked = checkLexicon(knowledge, lexicon, shown(lexiconFile));
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
    for (const check of checks) warnings.push(...check(knowledge, lexicon));
  }
  warnings.push(...unknownKeys(parse(text)), ...checkWording(knowledge), ...sharedAliases(knowledge));

  for (const warning of warnings) lines.push(`warning: ${warning}`);
  for (const problem of problems) lines.push(`error: ${problem}`);
  const complete = source ? 'complete and verbatim against the source' : 'not checked against the source';
  lines.push(
    problems.length === 0
      ? `OK: ${complete}${warnings.length ? `, ${warnings.length} warning(s)` : ''}`
      : `FAILED: ${problems.length} problem(s), ${warnings.length} warning(s)`,
  );
  return { ok: problems.length === 0, lines };
}

function countLines(knowledge: Knowledge): string[] {
  const byParty = (party: string) => knowledge.duties.filter((duty) => duty.party === party).length;
  const out = [
    `Services: ${knowledge.services.length}`,
    `Duties: ${knowledge.duties.length} (provider ${byParty('provider')}, customer ${byParty('customer')})`,
  ];
  for (const service of knowledge.services) {
    const count = (party: string) => service.duties.filter((duty) => duty.party === party).length;
    out.push(
      `  ${service.id.padEnd(14)}${service.name.padEnd(32)}provider ${count('provider')}, customer ${count('customer')}`,
    );
  }
  out.push(`Facts: ${knowledge.facts.length}`);
  return out;
}

/**
 * Every bullet of every service section must be a duty of that service and party, verbatim and
 * in source order, and no duty may exist that the source does not have. Fact lines must be verbatim.
 */
export function compareWithSource(knowledge: Knowledge, source: SourceDocument): string[] {
  const problems: string[] = [];
  const byName = new Map(knowledge.services.map((service) => [service.name, service]));
  const sourceNames = new Set(source.services.map((section) => section.name));
  for (const section of source.services) {
    const service = byName.get(section.name);
    if (!service) {
      problems.push(`source section "${section.name}" (line ${section.line}) has no service with that name`);
      continue;
    }
    for (const party of ['provider', 'customer'] as const) {
      const expected = section[party];
      const actual = service.duties.filter((duty) => duty.party === party);
      const length = Math.max(expected.length, actual.length);
      for (let i = 0; i < length; i++) {
        const bullet = expected[i];
        const duty = actual[i];
        const where = `${service.id} ${party} #${i + 1}`;
        if (!duty) problems.push(`${where}: missing duty for source line ${bullet!.line}: "${bullet!.text}"`);
        else if (!bullet) problems.push(`${where}: duty ${duty.id} is not in the source: "${duty.text}"`);
        else if (duty.text !== bullet.text)
          problems.push(
            `${where}: duty ${duty.id} differs from source line ${bullet.line}: "${duty.text}" ≠ "${bullet.text}"`,
          );
      }
    }
  }
  for (const service of knowledge.services) {
    if (!sourceNames.has(service.name))
      problems.push(`service ${service.id}: "${service.name}" is not a service section of the source`);
  }
  for (const fact of knowledge.facts) {
    if (!isSourceLine(source, fact.section))
      problems.push(`fact ${fact.id}: section "${fact.section}" is not a heading of the source`);
    for (const line of fact.text) {
      if (!isVerbatimInSource(source, line))
        problems.push(`fact ${fact.id}: text is not verbatim in the source: "${line}"`);
    }
  }
  for (const erratum of knowledge.errata) {
    if (erratum.source_text !== '' && !isVerbatimInSource(source, erratum.source_text))
      problems.push(`erratum ${erratum.id}: source_text is not verbatim in the source: "${erratum.source_text}"`);
  }
  return problems;
}

/** Errata must point at something that exists, and each must be referenced by a duty or fact. */
function checkCrossReferences(knowledge: Knowledge): string[] {
  const problems: string[] = [];
  const errataIds = new Set(knowledge.errata.map((erratum) => erratum.id));
  const targets = new Set<string>([...knowledge.services.map((s) => s.id), ...knowledge.facts.map((f) => f.id)]);
  const referenced = new Set<string>();
  for (const duty of knowledge.duties) for (const id of duty.errata) referenced.add(id);
  for (const fact of knowledge.facts) {
    for (const id of fact.errata) {
      referenced.add(id);
      if (!errataIds.has(id)) problems.push(`fact ${fact.id}: unknown erratum ${id}`);
    }
  }
  const seen = new Set<string>();
  for (const erratum of knowledge.errata) {
    if (seen.has(erratum.id)) problems.push(`erratum ${erratum.id}: duplicate id`);
    seen.add(erratum.id);
    if (!targets.has(erratum.where))
      problems.push(`erratum ${erratum.id}: where "${erratum.where}" is neither a service nor a fact id`);
    if (!referenced.has(erratum.id)) problems.push(`erratum ${erratum.id}: no duty or fact refers to it`);
  }
  const factIds = new Set<string>();
  for (const fact of knowledge.facts) {
    if (factIds.has(fact.id)) problems.push(`fact ${fact.id}: duplicate id`);
    factIds.add(fact.id);
  }
  return problems;
}

/**
 * The lexicon against the document: words for a service the pack does not have are an error (they
 * would name nothing); a duty topic no concept stands for, or a provider name no party word says,
 * only weakens answers.
 */
function checkLexicon(
  knowledge: Knowledge,
  lexicon: Lexicon,
  file: string,
): { problems: string[]; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  for (const section of ['service_aliases', 'service_parts', 'brands'] as const) {
    for (const id of Object.keys(lexicon[section]))
      if (!knowledge.serviceById.has(id)) problems.push(`${file}: ${section}.${id}: not a service of the pack`);
  }
  const topics = new Set(Object.values(lexicon.concepts).flatMap((concept) => concept.topics));
  const untagged = [...new Set(knowledge.duties.flatMap((duty) => duty.topics))].filter((topic) => !topics.has(topic));
  if (untagged.length > 0)
    warnings.push(`${file}: no concept lists the duty topic(s) ${untagged.join(', ')} (concepts.<id>.topics)`);
  const providerWords = [...lexicon.parties.provider.en, ...lexicon.parties.provider.it].map((p) => p.toLowerCase());
  if (!providerWords.includes(knowledge.document.provider.toLowerCase()))
    warnings.push(`${file}: parties.provider does not list "${knowledge.document.provider}" (the document's provider)`);
  return { problems, warnings };
}

/** Editorial checks that do not make the file unusable. */
function checkWording(knowledge: Knowledge): string[] {
  const warnings: string[] = [];
  for (const duty of knowledge.duties) {
    if (duty.cadence_words && !duty.text.toLowerCase().includes(duty.cadence_words.toLowerCase()))
      warnings.push(`${duty.id}: cadence_words "${duty.cadence_words}" are not the source's own words`);
    for (const [field, title] of [
      ['title', duty.title],
      ['title_it', duty.title_it],
    ] as const) {
      if (title.length > MAX_TITLE_LENGTH)
        warnings.push(`${duty.id}: ${field} is longer than ${MAX_TITLE_LENGTH} characters`);
    }
    const stated = /(\d+)\)? days/i.exec(duty.text);
    if (stated && /retention/i.test(duty.text) && duty.retention_days !== Number(stated[1]))
      warnings.push(
        `${duty.id}: the text states ${stated[1]} days of retention but retention_days is ${duty.retention_days ?? 'not set'}`,
      );
  }
  return warnings;
}

/** The same alias on two services makes "which service?" ambiguous for people typing it. */
function sharedAliases(knowledge: Knowledge): string[] {
  const owners = new Map<string, Set<string>>();
  for (const service of knowledge.services) {
    for (const alias of [...service.aliases.en, ...service.aliases.it]) {
      const key = alias.trim().toLowerCase();
      owners.set(key, (owners.get(key) ?? new Set()).add(service.id));
    }
  }
  return [...owners]
    .filter(([, services]) => services.size > 1)
    .map(([alias, services]) => `alias "${alias}" belongs to several services: ${[...services].join(', ')}`);
}

/**
 * Keys the schema does not know are silently dropped by zod: a misspelt optional field
 * (`cadence_word`, `erratas`) would vanish without a word, so name them.
 */
function unknownKeys(raw: unknown): string[] {
  const warnings: string[] = [];
  const check = (value: unknown, known: readonly string[], where: string) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    for (const key of Object.keys(value))
      if (!known.includes(key)) warnings.push(`${where}: unknown key "${key}" is ignored`);
  };
  const file = raw as { services?: unknown; facts?: unknown; errata?: unknown };
  const list = (value: unknown) => (Array.isArray(value) ? (value as Record<string, unknown>[]) : []);
  list(file.services).forEach((service, s) => {
    check(service, Object.keys(ServiceSchema.shape), `services[${s}]`);
    list(service?.duties).forEach((duty, d) => {
      check(duty, Object.keys(DutySchema.shape), `services[${s}].duties[${d}]`);
    });
  });
  list(file.facts).forEach((fact, f) => {
    check(fact, Object.keys(FactSchema.shape), `facts[${f}]`);
  });
  list(file.errata).forEach((erratum, e) => {
    check(erratum, Object.keys(ErratumSchema.shape), `errata[${e}]`);
  });
  return warnings;
}

function shown(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}
