import { z } from 'zod';
import { ServiceIdSchema, TopicSchema } from './schema.js';

/**
 * A knowledge pack's vocabulary (`<pack>/lexicon.yaml`): how people ask, in English and
 * Italian. It is deliberately separate from the knowledge file, which holds only what the source
 * says; this file holds words for questions (synonyms, intent words, cues, out-of-scope names).
 *
 * Phrases are written in their plain form; the engine normalizes and stems them exactly like
 * questions, so "verifica" also covers "verifiche" and "verificare".
 */

const phrase = z.string().trim().min(1);
const phrases = z.array(phrase).default([]);
/** One word, as a service's part is ("root", "cartella"): a phrase would hold words the page says. */
const part = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}]+$/u, 'a part is one word of letters and digits');

/** Phrases by language. Language matters for language detection; matching uses both lists. */
export const BilingualSchema = z.strictObject({ en: phrases, it: phrases });
export type Bilingual = z.infer<typeof BilingualSchema>;

export const ConceptSchema = z.strictObject({
  /**
   * Strong concepts put a question inside the bot's domain by themselves (backup, password,
   * controller…). Weak ones (check, configure, problem) are common outside it too, so a question
   * made only of weak words and unknown names is out of scope.
   */
  strong: z.boolean().default(true),
  /** Multiplies the concept's IDF weight: < 1 for vague words. */
  weight: z.number().positive().max(3).default(1),
  /**
   * A word whose meaning depends on what follows ("kept" in "kept separate", "kept up to date"):
   * inside another concept's longer phrase it says that phrase's concept, not its own.
   */
  yields_to_longer: z.boolean().default(false),
  /**
   * A subject the page touches in one place only (what the mail export costs): its words are also
   * out-of-scope cues ("cost", "free"), answered only when the best answer says this concept.
   */
  only_when_said: z.boolean().default(false),
  /** Duty topics (schema enum) that imply this concept, so the knowledge's own tagging counts. */
  topics: z.array(TopicSchema).default([]),
  en: phrases,
  it: phrases,
});
export type Concept = z.infer<typeof ConceptSchema>;

export const CadenceFilterSchema = z.enum(['daily', 'weekly', 'monthly', 'bimonthly', 'periodic']);
export type CadenceFilter = z.infer<typeof CadenceFilterSchema>;

export const IntentSchema = z.enum([
  'who',
  'how_often',
  'how_long',
  'list',
  'definition',
  'where',
  'count',
  'how_to',
  'procedure',
]);
export type Intent = z.infer<typeof IntentSchema>;

// Strict objects: a stray key is usually a YAML slip (an unquoted comma in a flow mapping).

const conceptId = z.string().regex(/^[a-z][a-z_]*$/, 'concept ids are snake_case');
const impliedWeight = z.number().positive().max(3);

/**
 * Which of the pack's concepts play a part in the engine's general rules. The rules themselves
 * (a "how long" question wants a retention period, "where" wants a place…) are written once, in
 * code, for every pack; the pack says which of its own concepts each rule is about, so the engine
 * names no concept of any one document. Every id here must be a concept of the same lexicon.
 */
export const ConceptRulesSchema = z.strictObject({
  /** How long something is kept: duties with `retention_days` carry it; "how long…?" implies it. */
  retention: conceptId.optional(),
  /**
   * How soon something is done ("promptly"): a "how long…?" question that asks this concept too
   * ("in quanto tempo dobbiamo intervenire?") asks how soon, not for a retention.
   */
  promptness: conceptId.optional(),
  /**
   * The customer setting something up ("configure the backup JOBS"): where the page states no
   * period, "how long are the backups kept?" is answered by the customer's duty to set them up,
   * since the customer decides.
   */
  setting: z.array(conceptId).default([]),
  /**
   * What a party takes on ("Acme's COMMITMENTS for Orbit"): with a service named, these ask
   * for that service's duties, never a general section that does not name the service.
   */
  undertaking: z.array(conceptId).default([]),
  /** Implied, with this weight, by "what is…?" questions: the sections that define terms. */
  definition: z.strictObject({ concept: conceptId, weight: impliedWeight }).optional(),
  /** Checking is itself a duty: "how do we make sure the backups worked?" asks what to check, not for steps. */
  checking: z.array(conceptId).default([]),
  /** Keeping something somewhere ("where should the key be STORED?"): a duty of keeping answers "where". */
  keeping: z.array(conceptId).default([]),
  /** Looking at results ("where do we CHECK…"): asks what to check, not for a place. */
  looking: z.array(conceptId).default([]),
  /** Concepts that state where something is: only these answer "where…?". */
  places: z.array(conceptId).default([]),
  /** Implied, with these weights, by "where…?" asked about no service: where the data lives. */
  where_implies: z.record(conceptId, impliedWeight).default({}),
  /**
   * Implied by both parties named as one subject ("what do the provider and we each do?"): how work
   * is shared. Asked within a service or a schedule ("who does what on Orbit?"), these concepts ask
   * for the list of both parties' duties there.
   */
  both_parties_imply: z.record(conceptId, impliedWeight).default({}),
  /**
   * The provider reporting something to the customer: with the provider named as who reported
   * ("the provider REPORTED a problem, what now?") the provider is not who acts.
   */
  provider_reports: z.array(conceptId).default([]),
  /**
   * What the page says to keep from anyone ("access data", "passwords"): given to someone ("share
   * the logins WITH THE AGENCY"), whoever receives it, the duty to guard it answers. Anything else
   * passed on ("send the backups TO OUR LAWYERS") is asked about with its receiver.
   */
  confidential: z.array(conceptId).default([]),
  /**
   * Further implications: when every concept of `when` is asked (and the party is not
   * `unless_party`; with `parties_weighed`, only when the question weighs the two parties against
   * each other: "are WE the controller OR is ACME?"), `imply` is too.
   */
  implications: z
    .array(
      z.strictObject({
        when: z.array(conceptId).min(1),
        unless_party: z.enum(['provider', 'customer']).optional(),
        parties_weighed: z.boolean().optional(),
        imply: conceptId,
        weight: impliedWeight,
      }),
    )
    .default([]),
});
export type ConceptRules = z.infer<typeof ConceptRulesSchema>;

export const LexiconSchema = z
  .strictObject({
    version: z.literal(1),
    /** Words that carry no meaning for matching. */
    stop_words: BilingualSchema,
    /** Function words that tell the question's language (only unambiguous ones). */
    language_markers: BilingualSchema,
    /**
     * Everyday verbs and fillers that never carry a question's subject ("decide", "send", "help",
     * "manda", "scusate"): the answer need not say them (see grounding.ts). Inflections follow.
     */
    generic_words: BilingualSchema.default({ en: [], it: [] }),
    concepts: z.record(z.string().regex(/^[a-z][a-z_]*$/, 'concept ids are snake_case'), ConceptSchema),
    intents: z.record(IntentSchema, BilingualSchema),
    parties: z.strictObject({
      /** The customer as subject: "we", "I", "dobbiamo", "the customer". */
      customer: BilingualSchema,
      /** Possessives and object pronouns: "our", "my", "nostro". Customer only when nothing else decides. */
      customer_weak: BilingualSchema,
      /** English-only words that are other words in Italian ("I" is an Italian article). */
      customer_en_only: z.array(phrase).default([]),
      provider: BilingualSchema,
      /** "expect", "require", "chiede": Acme asking something of the customer. */
      demand: BilingualSchema,
      /** Words after which "Acme" is the object, not the one who acts ("to Acme", "informare Acme"). */
      object_markers: z.array(phrase).default([]),
      /** Adverbs that may stand between a marker and "Acme" ("informare subito Acme"). */
      object_marker_adverbs: z.array(phrase).default([]),
      /** Object markers that ask Acme to act ("ask Acme to export", "chiedere a Acme di…"): Acme does it. */
      request_markers: z.array(phrase).default([]),
      /** Words that offer an alternative ("us or Acme?"): both parties are asked about. */
      alternatives: z.array(phrase).default([]),
      /** Words joining both parties as one subject ("Acme AND the customer", "noi E Acme"): who does what. */
      conjunctions: z.array(phrase).default([]),
      /** Past-tense report words ("Acme REPORTED a problem"): Acme has spoken, the customer acts. */
      reported_markers: z.array(phrase).default([]),
      /** "To us" right after Acme opening a statement ("Acme told US…", "Acme CI ha scritto…"): Acme has spoken to us. */
      recipient_markers: z.array(phrase).default([]),
    }),
    cadences: z.record(CadenceFilterSchema, BilingualSchema),
    /** Words that ask for duties in general without saying which ("duty", "handle", "fare", "compiti"). */
    duty_words: BilingualSchema,
    /** Extra aliases people type, added to the knowledge file's own (never replacing them). */
    service_aliases: z.partialRecord(ServiceIdSchema, BilingualSchema).default({}),
    /**
     * Things a service is made of or runs, one word each, as its users name them ("the ROOT login",
     * "una CARTELLA"): they make the service likelier, as an ambiguous alias does, but never name
     * it, and the question must still ask something of the page. A word the page or the lexicon
     * already says is no part (the engine leaves it to its meaning).
     */
    service_parts: z
      .partialRecord(ServiceIdSchema, z.strictObject({ en: z.array(part), it: z.array(part) }))
      .default({}),
    /**
     * Nouns that go with a service's name and add nothing to it ("the newsletter SERVICE", "il
     * SERVIZIO di posta"): claimed with the name, so they are neither a subject nor a ranking word.
     */
    service_nouns: z.array(phrase).default([]),
    /**
     * Nouns that may head a service's name as "service" does ("the remote control TOOL", "la
     * PIATTAFORMA di marketing"), claimed with it, but no word for a service by themselves:
     * "which platform?" does not ask for the list of services.
     */
    service_heads: z.array(phrase).default([]),
    /** Aliases that only make a service likelier, because the same words name something elsewhere ("archivio posta"). */
    ambiguous_aliases: z.array(phrase).default([]),
    /** Product names of each service, forgiven for typos ("rocketwb", "sigma conect"). */
    brands: z.partialRecord(ServiceIdSchema, z.array(phrase).min(1)),
    /** Other providers' products and names: a question about them is out of scope. */
    foreign_products: z.array(phrase),
    /** Words of questions the page never answers (prices, weather, recipes): always out of scope. */
    out_of_scope_words: BilingualSchema,
    /** Concepts under which foreign names are legitimately discussed (the CISPE members list). */
    foreign_allowed_with: z.array(z.string()).default([]),
    /** Italian renderings of the source's own cadence words (`cadence_words`), keyed by the English words. */
    cadence_words_it: z.record(z.string(), phrase).default({}),
    /**
     * Duties an answer includes when the question speaks of a subject, though it did not ask for
     * them: "we got hacked, what now?" includes the customer's duty to inform the provider promptly.
     * `when`: any of these concepts in the question; `add`: the duties of `party` saying this concept.
     */
    companions: z
      .array(
        z.strictObject({
          when: z.array(z.string()).min(1),
          add: z.string(),
          party: z.enum(['provider', 'customer']),
        }),
      )
      .default([]),
    /** Example questions offered when the bot abstains or the question is vague. */
    suggestions: z.strictObject({ en: z.array(phrase).min(3), it: z.array(phrase).min(3) }),
    /** Which concepts the engine's general rules are about (see ConceptRulesSchema). */
    concept_rules: ConceptRulesSchema.default(ConceptRulesSchema.parse({})),
  })
  .superRefine((lexicon, ctx) => {
    // A rule naming a concept the lexicon does not define would silently never fire.
    const known = new Set(Object.keys(lexicon.concepts));
    const check = (id: string, path: PropertyKey[]) => {
      if (!known.has(id)) ctx.addIssue({ code: 'custom', path, message: `unknown concept ${id}` });
    };
    const rules = lexicon.concept_rules;
    if (rules.retention) check(rules.retention, ['concept_rules', 'retention']);
    if (rules.promptness) check(rules.promptness, ['concept_rules', 'promptness']);
    if (rules.definition) check(rules.definition.concept, ['concept_rules', 'definition', 'concept']);
    for (const key of [
      'checking',
      'keeping',
      'looking',
      'places',
      'provider_reports',
      'confidential',
      'setting',
      'undertaking',
    ] as const)
      rules[key].forEach((id, i) => {
        check(id, ['concept_rules', key, i]);
      });
    for (const key of ['where_implies', 'both_parties_imply'] as const)
      for (const id of Object.keys(rules[key])) check(id, ['concept_rules', key, id]);
    rules.implications.forEach((rule, i) => {
      rule.when.forEach((id, k) => {
        check(id, ['concept_rules', 'implications', i, 'when', k]);
      });
      check(rule.imply, ['concept_rules', 'implications', i, 'imply']);
    });
    lexicon.companions.forEach((companion, i) => {
      companion.when.forEach((id, k) => {
        check(id, ['companions', i, 'when', k]);
      });
      check(companion.add, ['companions', i, 'add']);
    });
    lexicon.foreign_allowed_with.forEach((id, i) => {
      check(id, ['foreign_allowed_with', i]);
    });
    checkParts(lexicon, ctx);
  });

/**
 * A part hints at the one service it belongs to: listed for two services ("folder" for the file
 * share and the mail) it would hint at neither, and a service's alias or brand is read as the name.
 */
function checkParts(
  lexicon: {
    service_aliases: Partial<Record<string, Bilingual>>;
    service_parts: Partial<Record<string, Bilingual>>;
    brands: Partial<Record<string, string[]>>;
  },
  ctx: z.RefinementCtx,
): void {
  const key = (phrase: string) => phrase.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const owners = new Map<string, string>();
  for (const [service, names] of Object.entries(lexicon.service_aliases))
    for (const name of [...(names?.en ?? []), ...(names?.it ?? [])]) owners.set(key(name), `an alias of ${service}`);
  for (const [service, names] of Object.entries(lexicon.brands))
    for (const name of names ?? []) owners.set(key(name), `a brand of ${service}`);
  for (const [service, parts] of Object.entries(lexicon.service_parts)) {
    for (const lang of ['en', 'it'] as const) {
      (parts?.[lang] ?? []).forEach((phrase, i) => {
        const owner = owners.get(key(phrase));
        if (owner !== undefined && owner !== `a part of ${service}`)
          ctx.addIssue({
            code: 'custom',
            path: ['service_parts', service, lang, i],
            message: `"${phrase}" is already ${owner}`,
          });
        owners.set(key(phrase), `a part of ${service}`);
      });
    }
  }
}
export type Lexicon = z.infer<typeof LexiconSchema>;
