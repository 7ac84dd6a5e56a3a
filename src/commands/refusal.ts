import { dutyRefView } from '../views/occurrence-views.js';
import type { DutyRefView, ErrorCode, Lang, Reply } from '../views/types.js';
import type { DutyRefResult } from './duty-ref.js';
import { messages } from './messages.js';

/**
 * Refusals: every one is a `Reply` of kind 'error' with a hint, and changes nothing.
 */

export function refusal(
  lang: Lang,
  code: ErrorCode,
  message: string,
  hint: string | null,
  candidates: DutyRefView[] = [],
): Reply {
  return { kind: 'error', lang, code, message, hint, candidates };
}

/** A chat reply lists a handful of candidates; more is noise (the hint says how to narrow down). */
const MAX_CANDIDATES = 6;

/** null when the reference named exactly one duty; otherwise the refusal that says why not. */
export function refError(ref: DutyRefResult, typed: string, lang: Lang): Reply | null {
  const m = messages(lang);
  if (ref.kind === 'found') return null;
  if (ref.kind === 'ambiguous')
    return refusal(
      lang,
      'ambiguous_duty',
      m.ambiguous(typed),
      m.ambiguousHint,
      ref.candidates.slice(0, MAX_CANDIDATES).map((d) => dutyRefView(d, lang)),
    );
  return refusal(
    lang,
    'unknown_duty',
    m.unknownDuty(typed),
    m.unknownDutyHint,
    ref.suggestions.slice(0, MAX_CANDIDATES).map((d) => dutyRefView(d, lang)),
  );
}

/** The duty words were followed by words that name nothing: refuse, suggesting what did match. */
export function leftoverError(ref: DutyRefResult, typed: string, lang: Lang): Reply | null {
  if (ref.kind !== 'found' || !ref.rest) return null;
  const m = messages(lang);
  return refusal(lang, 'unknown_duty', m.unknownDuty(typed), m.unknownDutyHint, [dutyRefView(ref.duty, lang)]);
}
