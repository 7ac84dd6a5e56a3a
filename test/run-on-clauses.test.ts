import { describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { expectAbstention } from './support/abstention.js';

/**
 * Typed without a mark, a sentence of the asker's may run on after the question ("…NEED IT BY
 * EOD", "…LMK ASAP", "…DEVO SAPERLO ENTRO OGGI"): it is no subject of the question
 * (src/answer/run-on-clauses.ts). A verb after a subject is the question's own, and what the
 * asker says of their own things ("…for my LAPTOP", "…il PORTATILE") or a request done to what is
 * asked about ("…SEND THEM to splunk") may be what is asked: those still abstain.
 */

const knowledge = loadKnowledge();
const ask = (question: string) => answer(question, knowledge);

describe('a sentence of the asker running on after the question', () => {
  it.each([
    ['who checks the stellar backups need it by EOD', 'stellar.customer.check-backup-results'],
    ['definition of sub-processor lmk asap', 'definition-sub-processor'],
    ['who reports anomalies on 1backup gotta jump on a call', '1backup.customer.report-anomalies'],
    ['who checks the archiving results lmk if you need more context', 'mailarchive.customer.check-archiving-outcome'],
    ['who checks sygma backup integrity need this by noon', 'sygma.customer.backup-integrity-check'],
  ])('is set aside: "%s"', (question, id) => {
    expect(ask(question).matches[0]?.id).toBe(id);
  });

  it('answers the same with the run-on as without it', () => {
    const plain = ask('who checks the archiving results').matches.map((m) => m.id);
    expect(ask('who checks the archiving results lmk if you need more context').matches.map((m) => m.id)).toEqual(
      plain,
    );
  });

  it.each([
    // The verb after a subject is the question's own.
    'rocketnews sends sms',
    'website backups run at 2am',
    'my password was rejected, why?',
    'why did the newsletter bounce rate jump last week',
    'does stellar offer gpu instances',
    'stellar vms come with gpus',
    // Something done to what is asked about, or the asker's own things, may be the question.
    'stellar backups need it for my laptop',
    'rocketbox password give it to the intern',
    'stellar logs send them to splunk',
    'who restores mailarchive I lost my phone',
    // Italian: a verb of "they" says what happens to a thing; a noun the asker names may be asked about.
    'le mail non arrivano',
    'i backup della posta occupano troppo spazio',
    'backup rocketbox ho perso il portatile',
    'conservazione backup sito ne ho bisogno per il mio NAS',
  ])('is no run-on: "%s" abstains', (question) => {
    expectAbstention(ask(question));
  });

  it('reads a conditional in a postscript as when to answer, not more of the question', () => {
    expectAbstention(ask("what's 17 times 23 ps: if this is already documented somewhere just point me there"));
    expect(
      ask('is coretech an italian company? ps: if this is already documented somewhere just point me there').matches[0]
        ?.id,
    ).toBe('data-centre-italy');
  });
});
