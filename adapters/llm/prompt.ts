import type { ModelCandidate, ModelSelectionRequest } from '../../src/ports/answer-model.js';

/**
 * The words sent to a model. The instructions and the whole pack come first and never change for
 * a given pack (providers cache a repeated prompt prefix, so most input tokens are cheap); only the
 * last message varies with the question.
 */

const prefixes = new WeakMap<readonly ModelCandidate[], string>();

export function promptPrefix(candidates: readonly ModelCandidate[]): string {
  let prefix = prefixes.get(candidates);
  if (!prefix) {
    const items = candidates.map((c) =>
      [c.id, c.kind, c.section, c.party ?? '-', c.text.replace(/\s+/g, ' ')].join(' | '),
    );
    prefix = [
      "You match questions to the items of a hosting provider's shared-responsibility document.",
      'You never answer in your own words: you only select the ids of the items below that answer the question.',
      'Rules:',
      '- Select only ids listed below, the best first, at most 5.',
      '- status "answered" when some items answer the question; "not_in_pack" when none does (another provider,',
      '  another subject, something the document does not say); "ambiguous" when the question is too unclear to choose.',
      "- For a selected id you may add a short quote copied exactly, character for character, from that item's text.",
      '  Never paraphrase inside a quote; leave quotes empty when unsure.',
      '- Questions may be in English or Italian; the items are in English. "provider" is the company the document',
      '  is from (the items name it), "customer" is the team asking.',
      '',
      'Items (id | kind | section | party | text):',
      ...items,
    ].join('\n');
    prefixes.set(candidates, prefix);
  }
  return prefix;
}

export function questionMessage(request: Pick<ModelSelectionRequest, 'question' | 'lang' | 'services'>): string {
  const services = request.services.length > 0 ? request.services.join(', ') : 'not specified';
  return [`Services this team uses: ${services}`, `Question (${request.lang}): ${request.question}`].join('\n');
}
