/**
 * Configuration of the optional language model, from the environment. Nothing set means no model
 * and no network call; a provider set half-way is an error at start-up, never a silent "off".
 *
 * - OpenAI or any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio): OPENAI_API_KEY
 *   and/or OPENAI_BASE_URL (the SDK's own variables).
 * - Azure OpenAI: AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_API_KEY, OPENAI_API_VERSION, DUTYBOT_LLM_DEPLOYMENT.
 * - DUTYBOT_LLM_MODEL (required with any provider), DUTYBOT_LLM_API=responses|chat,
 *   DUTYBOT_LLM_TIMEOUT_MS (default 2500), DUTYBOT_LLM=fallback|off.
 */

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_LLM_TIMEOUT_MS = 2_500;
/**
 * Teams drops a turn after about 15 s and Slack's response URL is meant for prompt replies: a
 * model slower than this is not worth waiting for in a chat, so every answer stays in the turn.
 */
export const MAX_LLM_TIMEOUT_MS = 10_000;
const MIN_LLM_TIMEOUT_MS = 100;

export type LlmApi = 'responses' | 'chat';

export type LlmProvider =
  | { kind: 'openai'; baseURL: string; apiKey: string }
  | { kind: 'azure'; baseURL: string; apiKey: string; apiVersion: string; deployment: string };

export interface LlmConfig {
  provider: LlmProvider;
  model: string;
  api: LlmApi;
  timeoutMs: number;
  /** DUTYBOT_DEBUG: prompts and outputs are logged (never otherwise). */
  debug: boolean;
}

export class LlmConfigError extends Error {
  constructor(message: string) {
    super(`language model configuration: ${message}`);
    this.name = 'LlmConfigError';
  }
}

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string): string | undefined => {
  const v = env[name]?.trim();
  return v ? v : undefined;
};

/** Whether any provider variable is set (DUTYBOT_LLM=off still wins). */
export function isLlmConfigured(env: Env): boolean {
  return ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'AZURE_OPENAI_ENDPOINT'].some((name) => value(env, name) !== undefined);
}

export function loadLlmConfig(env: Env): LlmConfig | null {
  const mode = value(env, 'DUTYBOT_LLM')?.toLowerCase() ?? 'fallback';
  if (mode !== 'fallback' && mode !== 'off')
    throw new LlmConfigError(`DUTYBOT_LLM must be fallback or off, not "${mode}"`);
  if (mode === 'off' || !isLlmConfigured(env)) return null;

  const provider = providerOf(env);
  const model = value(env, 'DUTYBOT_LLM_MODEL');
  if (!model) throw new LlmConfigError('DUTYBOT_LLM_MODEL is required when a provider is set');
  const api = apiOf(env, provider);
  return { provider, model, api, timeoutMs: timeoutOf(env), debug: Boolean(value(env, 'DUTYBOT_DEBUG')) };
}

function providerOf(env: Env): LlmProvider {
  const endpoint = value(env, 'AZURE_OPENAI_ENDPOINT');
  if (endpoint) {
    const missing = ['AZURE_OPENAI_API_KEY', 'OPENAI_API_VERSION', 'DUTYBOT_LLM_DEPLOYMENT'].filter(
      (name) => value(env, name) === undefined,
    );
    if (missing.length > 0) throw new LlmConfigError(`AZURE_OPENAI_ENDPOINT needs ${missing.join(', ')}`);
    return {
      kind: 'azure',
      baseURL: `${endpoint.replace(/\/+$/, '')}/openai`,
      apiKey: value(env, 'AZURE_OPENAI_API_KEY')!,
      apiVersion: value(env, 'OPENAI_API_VERSION')!,
      deployment: value(env, 'DUTYBOT_LLM_DEPLOYMENT')!,
    };
  }
  const baseURL = value(env, 'OPENAI_BASE_URL');
  const apiKey = value(env, 'OPENAI_API_KEY');
  if (!apiKey && !baseURL) throw new LlmConfigError('set OPENAI_API_KEY or OPENAI_BASE_URL');
  if (!baseURL) return { kind: 'openai', baseURL: OPENAI_DEFAULT_BASE_URL, apiKey: apiKey! };
  try {
    new URL(baseURL);
  } catch {
    throw new LlmConfigError(`OPENAI_BASE_URL "${baseURL}" is not a URL`);
  }
  // Local servers ignore the key, but the SDK refuses to start without one.
  return { kind: 'openai', baseURL, apiKey: apiKey ?? 'not-needed' };
}

/** Responses for OpenAI itself; Chat Completions elsewhere, whose structured output local servers support more consistently. */
function apiOf(env: Env, provider: LlmProvider): LlmApi {
  const api = value(env, 'DUTYBOT_LLM_API')?.toLowerCase();
  if (api === 'responses' || api === 'chat') return api;
  if (api !== undefined) throw new LlmConfigError(`DUTYBOT_LLM_API must be responses or chat, not "${api}"`);
  return provider.kind === 'openai' && provider.baseURL === OPENAI_DEFAULT_BASE_URL ? 'responses' : 'chat';
}

function timeoutOf(env: Env): number {
  const raw = value(env, 'DUTYBOT_LLM_TIMEOUT_MS');
  if (raw === undefined) return DEFAULT_LLM_TIMEOUT_MS;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms < MIN_LLM_TIMEOUT_MS || ms > MAX_LLM_TIMEOUT_MS)
    throw new LlmConfigError(
      `DUTYBOT_LLM_TIMEOUT_MS must be a whole number of milliseconds from ${MIN_LLM_TIMEOUT_MS} to ${MAX_LLM_TIMEOUT_MS}, not "${raw}"`,
    );
  return ms;
}

/** For logs: which provider and model, never a key. */
export function describeLlm(config: LlmConfig): string {
  const where = config.provider.kind === 'azure' ? `azure:${config.provider.deployment}` : config.provider.baseURL;
  return `${config.model} via ${where} (${config.api}, ${config.timeoutMs} ms)`;
}
