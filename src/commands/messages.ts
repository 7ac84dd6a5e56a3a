import { type Catalogue, catalogue } from '../views/catalogue/index.js';
import type { Lang } from '../views/types.js';

/** The command layer's sentences: the `commands` section of the one catalogue (src/views/catalogue). */
export type Messages = Catalogue['commands'];

export function messages(lang: Lang): Messages {
  return catalogue(lang).commands;
}
