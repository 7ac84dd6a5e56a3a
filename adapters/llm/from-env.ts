import type { AnswerModel } from '../../src/ports/answer-model.js';
import { describeLlm, loadLlmConfig } from './config.js';

/**
 * The composition root's one call: the configured AnswerModel, or undefined when no provider is
 * set (the SDK is then not even loaded, and nothing goes on the network).
 */
export async function answerModelFromEnv(
  env: Record<string, string | undefined>,
  log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<AnswerModel | undefined> {
  const config = loadLlmConfig(env);
  if (!config) return undefined;
  const { createOpenAiAnswerModel } = await import('./openai.js');
  log(`dutybot: language model fallback on: ${describeLlm(config)}`);
  return createOpenAiAnswerModel(config);
}
