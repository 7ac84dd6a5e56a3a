import type { ServiceId } from '../knowledge/schema.js';
import type { QuestionAnalysis } from './understand.js';

/**
 * The services a question is about: the ones it named, else the ones it only hinted at ("the mail
 * archiving", "the ROOT password"). Lists, companions, reminders and abstention examples all stay
 * within them.
 */
export function servicesInView(analysis: QuestionAnalysis): readonly ServiceId[] {
  return analysis.services.length > 0 ? analysis.services : analysis.hintedServices;
}
