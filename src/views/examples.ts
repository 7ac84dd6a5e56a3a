import type { Knowledge } from '../knowledge/model.js';
import type { ExampleFacts } from './catalogue/index.js';
import type { Lang } from './types.js';

/** The pack's examples in the reply language, as the welcome and `help` sentences take them. */
export function exampleFacts(knowledge: Pick<Knowledge, 'examples'>, lang: Lang): ExampleFacts {
  const { services, duty, questions } = knowledge.examples;
  return {
    services: services.join(','),
    service: services[0]!,
    duty: duty[lang],
    questions: questions[lang],
    question: questions[lang][0] ?? null,
  };
}
