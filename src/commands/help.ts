import type { Knowledge } from '../knowledge/model.js';
import { catalogue } from '../views/catalogue/index.js';
import { documentFacts } from '../views/citation.js';
import { exampleFacts } from '../views/examples.js';
import type { HelpView, Lang } from '../views/types.js';

/** What the bot understands, for `help` / `aiuto`. The same text serves every surface. */
export function helpView(lang: Lang, knowledge: Pick<Knowledge, 'document' | 'examples'>): HelpView {
  const { help, storeRules } = catalogue(lang);
  const { intro, commands, examples } = help;
  return {
    lang,
    intro: intro(documentFacts(knowledge)),
    commands: [...commands, storeRules.helpCommand],
    examples: examples(exampleFacts(knowledge, lang)),
  };
}
