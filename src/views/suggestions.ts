import type { AnswerView } from './types.js';

/**
 * Whether a reply's example questions get a "Try asking" heading. An abstention's summary already
 * leads into them ("…, for example:"), so a heading there would say it twice; every surface asks
 * here.
 */
export function headsSuggestions(view: Pick<AnswerView, 'abstained'>): boolean {
  return !view.abstained;
}
