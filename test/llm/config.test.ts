import { describe, expect, it } from 'vitest';
import { loadLlmConfig } from '../../adapters/llm/config.js';
import { applySetting } from '../../src/settings/edit.js';
import { defaultSettings } from '../../src/settings/schema.js';

/** The model's configuration from the environment, and the workspace's own switch. */

describe('loadLlmConfig', () => {
  it('is null with no provider, or with DUTYBOT_LLM=off', () => {
    expect(loadLlmConfig({})).toBeNull();
    expect(loadLlmConfig({ DUTYBOT_LLM_MODEL: 'gpt-4.1-mini' })).toBeNull();
    expect(loadLlmConfig({ OPENAI_API_KEY: 'sk-x', DUTYBOT_LLM_MODEL: 'm', DUTYBOT_LLM: 'off' })).toBeNull();
  });

  it('uses the Responses API for OpenAI itself and Chat Completions for other servers and Azure', () => {
    expect(loadLlmConfig({ OPENAI_API_KEY: 'sk-x', DUTYBOT_LLM_MODEL: 'm' })).toMatchObject({
      api: 'responses',
      timeoutMs: 2500,
      provider: { kind: 'openai', baseURL: 'https://api.openai.com/v1' },
    });
    expect(loadLlmConfig({ OPENAI_BASE_URL: 'http://localhost:11434/v1', DUTYBOT_LLM_MODEL: 'llama' })).toMatchObject({
      api: 'chat',
      provider: { kind: 'openai', baseURL: 'http://localhost:11434/v1' },
    });
    expect(
      loadLlmConfig({
        OPENAI_BASE_URL: 'http://localhost:8000/v1',
        DUTYBOT_LLM_MODEL: 'm',
        DUTYBOT_LLM_API: 'responses',
        DUTYBOT_LLM_TIMEOUT_MS: '4000',
      }),
    ).toMatchObject({ api: 'responses', timeoutMs: 4000 });
    expect(
      loadLlmConfig({
        AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com/',
        AZURE_OPENAI_API_KEY: 'k',
        OPENAI_API_VERSION: '2024-10-21',
        DUTYBOT_LLM_DEPLOYMENT: 'dep',
        DUTYBOT_LLM_MODEL: 'gpt-4.1-mini',
      }),
    ).toMatchObject({ api: 'chat', provider: { kind: 'azure', baseURL: 'https://res.openai.azure.com/openai' } });
  });

  it('refuses a half-configured provider instead of silently turning the model off', () => {
    expect(() => loadLlmConfig({ OPENAI_API_KEY: 'sk-x' })).toThrow(/DUTYBOT_LLM_MODEL is required/);
    expect(() =>
      loadLlmConfig({ AZURE_OPENAI_ENDPOINT: 'https://res.openai.azure.com', DUTYBOT_LLM_MODEL: 'm' }),
    ).toThrow(/AZURE_OPENAI_API_KEY, OPENAI_API_VERSION, DUTYBOT_LLM_DEPLOYMENT/);
    expect(() =>
      loadLlmConfig({ OPENAI_API_KEY: 'sk-x', DUTYBOT_LLM_MODEL: 'm', DUTYBOT_LLM_TIMEOUT_MS: '60000' }),
    ).toThrow(/from 100 to 10000/);
    expect(() => loadLlmConfig({ OPENAI_API_KEY: 'sk-x', DUTYBOT_LLM_MODEL: 'm', DUTYBOT_LLM_API: 'grpc' })).toThrow(
      /responses or chat/,
    );
    expect(() => loadLlmConfig({ OPENAI_API_KEY: 'sk-x', DUTYBOT_LLM_MODEL: 'm', DUTYBOT_LLM: 'always' })).toThrow(
      /fallback or off/,
    );
    // The key never appears in a configuration error.
    try {
      loadLlmConfig({ OPENAI_API_KEY: 'sk-secret-123', DUTYBOT_LLM_MODEL: 'm', DUTYBOT_LLM_API: 'x' });
    } catch (error) {
      expect((error as Error).message).not.toContain('sk-secret-123');
    }
  });
});

describe('the llm workspace setting', () => {
  it('defaults to on and accepts on/off in both languages', () => {
    const settings = defaultSettings();
    expect(settings.llm).toBe('on');
    expect(applySetting(settings, 'llm', 'spento', { dutyIds: new Set(), serviceIds: [] })).toMatchObject({
      ok: true,
      value: { settings: { llm: 'off' } },
    });
    expect(applySetting(settings, 'llm', 'maybe', { dutyIds: new Set(), serviceIds: [] })).toMatchObject({
      ok: false,
      problem: { kind: 'bad_value', key: 'llm', help: { en: 'use on or off.' } },
    });
  });
});
