import { describe, expect, it } from 'vitest';
import {
  normalizeQuestion,
  packCandidates,
  packVersion,
  questionForModel,
  validateSelection,
} from '../../src/answer/model-selection.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import type { ModelSelection } from '../../src/ports/answer-model.js';

/** What of a model's selection the core believes, whatever provider returned it. */

const knowledge = loadKnowledge();
const duty = knowledge.dutyById.get('1backup.customer.restore-test')!;
const fact = knowledge.facts[0]!;
const usage = { inputTokens: 0, outputTokens: 0, cachedTokens: 0 };
const selection = (over: Partial<ModelSelection>): ModelSelection => ({
  status: 'answered',
  ids: [duty.id],
  quotes: [],
  usage,
  ...over,
});

describe('validateSelection', () => {
  it('accepts pack ids and quotes verbatim in the English text or its Italian rendering, up to spacing', () => {
    const ok = validateSelection(
      selection({
        ids: [duty.id, fact.id, duty.id],
        quotes: [
          { id: duty.id, quote: duty.text.split(' ').slice(0, 4).join('   ') },
          { id: fact.id, quote: fact.text_it[0]!.slice(0, 30) },
        ],
      }),
      knowledge,
    );
    expect(ok).toMatchObject({ ok: true, ids: [duty.id, fact.id] });
  });

  it('rejects unknown ids, empty selections, other statuses and quotes that are not the pack’s words', () => {
    expect(validateSelection(selection({ ids: ['made.up.duty'] }), knowledge)).toEqual({
      ok: false,
      reason: 'unknown id made.up.duty',
    });
    expect(validateSelection(selection({ ids: [] }), knowledge).ok).toBe(false);
    expect(validateSelection(selection({ status: 'not_in_pack' }), knowledge).ok).toBe(false);
    expect(validateSelection(selection({ status: 'ambiguous' }), knowledge).ok).toBe(false);
    expect(
      validateSelection(
        selection({ quotes: [{ id: duty.id, quote: 'Carry out a restore test every day' }] }),
        knowledge,
      ).ok,
    ).toBe(false);
    // A true quote attributed to an item that was not selected is not evidence either.
    expect(validateSelection(selection({ quotes: [{ id: fact.id, quote: fact.text[0]! }] }), knowledge).ok).toBe(false);
  });
});

describe('what the model is shown', () => {
  it('is the whole pack in pack order, with a version that identifies it', () => {
    const candidates = packCandidates(knowledge);
    expect(candidates).toHaveLength(knowledge.duties.length + knowledge.facts.length);
    expect(candidates[0]!.id).toBe(knowledge.duties[0]!.id);
    expect(packCandidates(knowledge)).toBe(candidates);
    expect(packVersion(knowledge)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('never carries mentions, links, handles or e-mail addresses', () => {
    expect(
      questionForModel(
        '<@U123> {{user:U9}} <at>Anna</at> ask @marco or anna.rossi@example.com, see https://x.y/z: who restores?',
      ),
    ).toBe('ask or , see who restores?');
    expect(normalizeQuestion('  Who restores?? ')).toBe(normalizeQuestion('who restores'));
  });
});
