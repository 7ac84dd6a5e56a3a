import { expect } from 'vitest';
import type { Answer } from '../../src/answer/answer.js';

/** The reply matched nothing and says so: the engine abstained. */
export function expectAbstention(reply: Answer): void {
  expect(reply.matches).toEqual([]);
  expect(reply.view.abstained).toBe(true);
}
