import { describe, expect, it } from 'vitest';
import { answer } from '../src/answer/answer.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { applySetting } from '../src/settings/edit.js';
import { defaultSettings, freshWorkspaceSettings } from '../src/settings/schema.js';

/**
 * Answers given without a workspace (the CLI, tests, the model-assisted path) share one fresh
 * workspace's settings object: it must be the defaults, and no caller may change it for the next.
 */
describe("a fresh workspace's shared settings", () => {
  it('are the defaults, validated once', () => {
    expect(freshWorkspaceSettings()).toEqual(defaultSettings());
    expect(freshWorkspaceSettings()).toBe(freshWorkspaceSettings());
  });

  it('cannot be changed by anyone, at any depth', () => {
    const shared = freshWorkspaceSettings();
    expect(() => {
      (shared as { reminder_time: string }).reminder_time = '03:00';
    }).toThrow(TypeError);
    expect(() => {
      (shared.working_days as number[]).push(6);
    }).toThrow(TypeError);
    expect(() => {
      (shared.cadence.overrides as Record<string, unknown>).x = { enabled: false };
    }).toThrow(TypeError);
    expect(freshWorkspaceSettings()).toEqual(defaultSettings());
  });

  it('are edited into a copy, leaving the shared object as it was', () => {
    const known = { dutyIds: new Set<string>(), serviceIds: [...loadKnowledge().serviceById.keys()] };
    const edited = applySetting(freshWorkspaceSettings(), 'reminder_time', '10:30', known);
    expect(edited).toMatchObject({ ok: true });
    expect(freshWorkspaceSettings().reminder_time).toBe('09:00');
  });

  it('answer a question asked without a workspace the same way as explicit defaults', () => {
    const knowledge = loadKnowledge();
    const question = 'what do we have to do every month?';
    const implicit = answer(question, knowledge);
    const explicit = answer(question, knowledge, { settings: defaultSettings() });
    expect(implicit.text).toBe(explicit.text);
    expect(implicit.matches.length).toBeGreaterThan(0);
  });
});
