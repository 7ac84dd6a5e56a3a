import type { Party } from '../knowledge/schema.js';
import type { PartyCue } from './lexicon.js';

/**
 * Who the question is about. "we/dobbiamo/the customer" → customer; "Acme/il fornitore" →
 * provider. When both are named, an alternative ("us or Acme?") asks about both; otherwise the
 * one named first is the subject ("what must we do if Acme reports…", "will Acme tell
 * us…"), except that Acme asking something of us is about us ("what does Acme expect from
 * us"). A possessive alone does not decide: "our server sends spam" is about what Acme does,
 * "who checks our backups?" about both; "our duties" is a customer phrase of its own.
 */
export function resolveParty(
  cues: ReadonlySet<PartyCue>,
  order: readonly PartyCue[],
  alternative: boolean,
): Party | null {
  const isCustomer = (cue: PartyCue) => cue === 'customer' || cue === 'customer_en_only';
  const customer = order.some(isCustomer);
  const provider = cues.has('provider');
  const weak = cues.has('customer_weak');
  if (provider && cues.has('demand') && (customer || weak)) return 'customer';
  // "compito nostro o di Acme?": an alternative between a possessive and Acme asks about both.
  if (provider && weak && alternative) return null;
  if (provider && customer) {
    if (alternative) return null;
    return order.find((cue) => cue === 'provider' || isCustomer(cue)) === 'provider' ? 'provider' : 'customer';
  }
  if (provider) return 'provider';
  if (customer) return 'customer';
  return null;
}
