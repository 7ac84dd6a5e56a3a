import { catalogue } from '../views/catalogue/index.js';
import type { HelpView, Lang } from '../views/types.js';

/** What the bot understands, for `help` / `aiuto`. The same text serves every surface. */
export function helpView(lang: Lang): HelpView {
  const { intro, commands, examples } = catalogue(lang).help;
  return { lang, intro, commands: [...commands], examples: [...examples] };
}
