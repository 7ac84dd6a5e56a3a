import { z } from 'zod';

/**
 * The structured form of one provider's shared-responsibility page (a knowledge pack's document
 * file). Text fields named `text` are verbatim copies of the source; Italian renderings are the
 * pack author's. Errata are recorded beside the verbatim text and never "fixed" in it.
 * Nothing here names a provider: which services, topics and words exist is the pack's to say.
 */

/** A service's id as the pack spells it: lower case letters, digits and dashes ("web-hosting", "backup1"). */
export const ServiceIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'service ids are lower case letters, digits and dashes');
export type ServiceId = z.infer<typeof ServiceIdSchema>;

export const PartySchema = z.enum(['provider', 'customer']);
export type Party = z.infer<typeof PartySchema>;

/**
 * Normalized cadence. `at_least_monthly_bimonthly` keeps the source's deliberate vagueness;
 * the workspace settings decide how it is scheduled (default monthly).
 */
export const CadenceSchema = z.enum([
  'daily',
  'weekly',
  'monthly',
  'at_least_monthly_bimonthly',
  'periodic',
  'ongoing',
  'on_event',
  'on_request',
  'as_configured',
  'one_off',
]);
export type Cadence = z.infer<typeof CadenceSchema>;

/** A duty's subject tag, chosen by the pack (snake_case); the lexicon's concepts refer to them. */
export const TopicSchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'topics are snake_case');
export type Topic = z.infer<typeof TopicSchema>;

const nonEmpty = z.string().trim().min(1);

export const DutySchema = z.object({
  /** Stable id: `<service>.<party>.<slug>`, e.g. `web-hosting.customer.website-backup`. */
  id: z.string().regex(/^[a-z0-9-]+\.(provider|customer)\.[a-z0-9-]+$/, 'must look like <service>.<party>.<slug>'),
  party: PartySchema,
  /** Exactly as in the source bullet (without the bullet character). */
  text: nonEmpty,
  /** Italian rendering of `text`. */
  text_it: nonEmpty,
  /** A short label for lists and buttons, e.g. "Monthly website backup". */
  title: nonEmpty,
  title_it: nonEmpty,
  topics: z.array(TopicSchema).min(1),
  cadence: CadenceSchema,
  /** The source's own cadence words, e.g. "at least monthly / bimonthly", "daily", "periodically". */
  cadence_words: z.string().optional(),
  retention_days: z.number().int().positive().optional(),
  /** Ids of errata (see `errata`) that concern this bullet. */
  errata: z.array(z.string()).default([]),
});
export type DutyRecord = z.infer<typeof DutySchema>;

export const ServiceSchema = z.object({
  id: ServiceIdSchema,
  /** Section heading as in the source, e.g. "WebSpace - Web Hosting". */
  name: nonEmpty,
  /** Words people type for this service. */
  aliases: z.object({ en: z.array(nonEmpty).min(1), it: z.array(nonEmpty).min(1) }),
  description: z.object({ en: nonEmpty, it: nonEmpty }),
  duties: z.array(DutySchema).min(1),
});
export type ServiceRecord = z.infer<typeof ServiceSchema>;

export const FactSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Section heading in the source, e.g. "Definition of the GDPR". */
  section: nonEmpty,
  title: z.object({ en: nonEmpty, it: nonEmpty }),
  /** Verbatim source sentences/bullets of this fact. */
  text: z.array(nonEmpty).min(1),
  /** Italian rendering of the whole fact, in one or more sentences. */
  text_it: z.array(nonEmpty).min(1),
  topics: z.array(z.string()).default([]),
  errata: z.array(z.string()).default([]),
  /**
   * The fact said plainly, when the source's wording needs an erratum to be read ("Acme acts
   * as Administrator or Sub Responsible…"): it leads an answer to a question about its topics.
   */
  plain: z.object({ en: nonEmpty, it: nonEmpty }).optional(),
});
export type FactRecord = z.infer<typeof FactSchema>;

export const ErratumSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Where in the source: a service id or a fact id. */
  where: nonEmpty,
  /** The verbatim source text the erratum is about (empty string for a missing list). */
  source_text: z.string(),
  /**
   * The service the text was copied from, when the erratum says it is a copy: such a duty never
   * leads an answer when a sound one says the same.
   */
  copied_from: nonEmpty.optional(),
  note: z.object({ en: nonEmpty, it: nonEmpty }),
});
export type ErratumRecord = z.infer<typeof ErratumSchema>;

/**
 * What the welcome and `help` show as examples, in the pack's own terms. Optional: without it the
 * first services and the first customer duty stand in, and no example question is shown.
 */
export const ExamplesSchema = z.object({
  /** Service ids for `settings set services …` (one to three). */
  services: z.array(ServiceIdSchema).min(1).max(3),
  /** Words naming one customer duty, as people type them after `done` ("restore test backup1"). */
  duty: z.object({ en: nonEmpty, it: nonEmpty }),
  /** Questions the pack answers well, per language. */
  questions: z.object({ en: z.array(nonEmpty).max(3), it: z.array(nonEmpty).max(3) }),
});
export type ExamplesRecord = z.infer<typeof ExamplesSchema>;

export const KnowledgeFileSchema = z
  .object({
    document: z.object({
      /** The provider's name as its page spells it. */
      provider: nonEmpty,
      title: nonEmpty,
      version: nonEmpty,
      /** Publication date of the page, YYYY-MM-DD. */
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
      /** Verbatim plain-text copy of the page, relative to the pack folder. */
      source_file: nonEmpty,
      /**
       * The source's sub-heading over each service's customer list (the provider's list is headed
       * by the provider's name): how `knowledge lint` finds the lists in the source.
       */
      customer_heading: nonEmpty.default('Customer'),
    }),
    services: z.array(ServiceSchema).min(1),
    facts: z.array(FactSchema).min(1),
    errata: z.array(ErratumSchema),
    examples: ExamplesSchema.optional(),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    const errata = new Set(file.errata.map((e) => e.id));
    const serviceIds = new Set<string>();
    file.examples?.services.forEach((id, i) => {
      if (!file.services.some((service) => service.id === id))
        ctx.addIssue({ code: 'custom', path: ['examples', 'services', i], message: `unknown service ${id}` });
    });
    file.services.forEach((service, s) => {
      if (serviceIds.has(service.id))
        ctx.addIssue({ code: 'custom', path: ['services', s, 'id'], message: `duplicate service id ${service.id}` });
      serviceIds.add(service.id);
      service.duties.forEach((duty, d) => {
        const path = ['services', s, 'duties', d];
        if (seen.has(duty.id))
          ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate duty id ${duty.id}` });
        seen.add(duty.id);
        const [svc, party] = duty.id.split('.');
        if (svc !== service.id)
          ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `id must start with "${service.id}."` });
        if (party !== duty.party)
          ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `id party segment must be "${duty.party}"` });
        duty.errata.forEach((id, e) => {
          if (!errata.has(id))
            ctx.addIssue({ code: 'custom', path: [...path, 'errata', e], message: `unknown erratum ${id}` });
        });
      });
    });
  });
export type KnowledgeFile = z.infer<typeof KnowledgeFileSchema>;
