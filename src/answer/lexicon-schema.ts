import { z } from 'zod';
import { ServiceIdSchema, TopicSchema } from '../knowledge/schema.js';

/**
 * The answer engine's own vocabulary (`knowledge/lexicon.yaml`): how people ask, in English and
 * Italian. It is deliberately separate from the knowledge file, which holds only what the source
 * says; this file holds words for questions (synonyms, intent words, cues, out-of-scope names).
 *
 * Phrases are written in their plain form; the engine normalizes and stems them exactly like
 * questions, so "verifica" also covers "verifiche" and "verificare".
 */

const phrase = z.string().trim().min(1);
const phrases = z.array(phrase).default([]);

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
      /** "expect", "require", "chiede": CoreTech asking something of the customer. */
      demand: BilingualSchema,
      /** Words after which "CoreTech" is the object, not the one who acts ("to CoreTech", "informare CoreTech"). */
      object_markers: z.array(phrase).default([]),
      /** Adverbs that may stand between a marker and "CoreTech" ("informare subito CoreTech"). */
      object_marker_adverbs: z.array(phrase).default([]),
      /** Object markers that ask CoreTech to act ("ask CoreTech to export", "chiedere a CoreTech di…"): CoreTech does it. */
      request_markers: z.array(phrase).default([]),
      /** Words that offer an alternative ("us or CoreTech?"): both parties are asked about. */
      alternatives: z.array(phrase).default([]),
      /** Words joining both parties as one subject ("CoreTech AND the customer", "noi E CoreTech"): who does what. */
      conjunctions: z.array(phrase).default([]),
      /** Past-tense report words ("CoreTech REPORTED a problem"): CoreTech has spoken, the customer acts. */
      reported_markers: z.array(phrase).default([]),
    }),
    cadences: z.record(CadenceFilterSchema, BilingualSchema),
    /** Words that ask for duties in general without saying which ("duty", "handle", "fare", "compiti"). */
    duty_words: BilingualSchema,
    /** Extra aliases people type, added to the knowledge file's own (never replacing them). */
    service_aliases: z.partialRecord(ServiceIdSchema, BilingualSchema).default({}),
    /**
     * Nouns that go with a service's name and add nothing to it ("the newsletter SERVICE", "il
     * SERVIZIO di posta"): claimed with the name, so they are neither a subject nor a ranking word.
     */
    service_nouns: z.array(phrase).default([]),
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
  })
  .superRefine((lexicon, ctx) => {
    lexicon.companions.forEach((companion, i) => {
      const ids = [
        ...companion.when.map((id, k) => [id, ['companions', i, 'when', k]] as const),
        [companion.add, ['companions', i, 'add']] as const,
      ];
      for (const [id, path] of ids)
        if (!(id in lexicon.concepts))
          ctx.addIssue({ code: 'custom', path: [...path], message: `unknown concept ${id}` });
    });
  });
export type Lexicon = z.infer<typeof LexiconSchema>;
