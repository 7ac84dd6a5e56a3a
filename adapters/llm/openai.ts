import OpenAI, { AzureOpenAI } from 'openai';
import { zodResponseFormat, zodTextFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import type {
  AnswerModel,
  ModelCandidate,
  ModelSelection,
  ModelSelectionRequest,
  ModelUsage,
} from '../../src/ports/answer-model.js';
import type { LlmConfig } from './config.js';
import { promptPrefix, questionMessage } from './prompt.js';

/**
 * The AnswerModel over the official `openai` SDK: the Responses API (`store: false`, so OpenAI
 * keeps nothing) or Chat Completions for other OpenAI-compatible servers, and Azure OpenAI through
 * the SDK's own `AzureOpenAI`. Structured output is a strict JSON schema whose ids are an enum of
 * the pack's ids. One attempt only (`maxRetries: 0`): a user is waiting, and the core answers
 * without the model when this fails.
 */

const FORMAT_NAME = 'pack_selection';

export interface OpenAiModelOptions {
  /** Where DUTYBOT_DEBUG output goes (prompts and outputs); default stderr. */
  debugLog?: (line: string) => void;
}

export function createOpenAiAnswerModel(config: LlmConfig, options: OpenAiModelOptions = {}): AnswerModel {
  const common = { apiKey: config.provider.apiKey, maxRetries: 0, timeout: config.timeoutMs };
  const client =
    config.provider.kind === 'azure'
      ? new AzureOpenAI({
          ...common,
          baseURL: config.provider.baseURL,
          apiVersion: config.provider.apiVersion,
          deployment: config.provider.deployment,
        })
      : new OpenAI({ ...common, baseURL: config.provider.baseURL });
  const debug = config.debug
    ? (options.debugLog ?? ((line: string) => process.stderr.write(`dutybot llm: ${line}\n`)))
    : null;
  // The JSON schema of a pack is built once (121 ids in an enum take milliseconds to convert).
  const formats = new WeakMap<readonly ModelCandidate[], ReturnType<typeof formatsFor>>();
  const formatFor = (candidates: readonly ModelCandidate[]) => {
    let format = formats.get(candidates);
    if (!format) {
      format = formatsFor(candidates.map((c) => c.id));
      formats.set(candidates, format);
    }
    return format;
  };

  return {
    name: `${config.provider.kind}:${config.model}`,
    timeoutMs: config.timeoutMs,
    async select(request: ModelSelectionRequest): Promise<ModelSelection> {
      const format = formatFor(request.candidates);
      const instructions = promptPrefix(request.candidates);
      const question = questionMessage(request);
      const requestOptions = { signal: request.signal, timeout: config.timeoutMs, maxRetries: 0 };
      debug?.(`asking ${config.model}: ${question}`);
      if (config.api === 'responses') {
        const response = await client.responses.parse(
          {
            model: config.model,
            instructions,
            input: question,
            store: false,
            text: { format: format.text },
          },
          requestOptions,
        );
        const parsed = response.output_parsed;
        debug?.(`output: ${JSON.stringify(parsed)}`);
        if (!parsed) throw new Error('the model returned no structured output (refusal or empty)');
        return {
          ...parsed,
          usage: usage(
            response.usage?.input_tokens,
            response.usage?.output_tokens,
            response.usage?.input_tokens_details?.cached_tokens,
          ),
        };
      }
      const completion = await client.chat.completions.parse(
        {
          model: config.model,
          messages: [
            { role: 'system', content: instructions },
            { role: 'user', content: question },
          ],
          response_format: format.chat,
        },
        requestOptions,
      );
      const message = completion.choices[0]?.message;
      debug?.(`output: ${JSON.stringify(message?.parsed ?? message?.refusal ?? null)}`);
      if (!message || message.refusal || !message.parsed)
        throw new Error('the model returned no structured output (refusal or empty)');
      return {
        ...message.parsed,
        usage: usage(
          completion.usage?.prompt_tokens,
          completion.usage?.completion_tokens,
          completion.usage?.prompt_tokens_details?.cached_tokens,
        ),
      };
    },
  };
}

/** What the model must return: a status, ids from the pack (an enum), and optional verbatim quotes. */
function selectionSchema(ids: readonly string[]) {
  const id = z.enum(ids as [string, ...string[]]);
  return z.object({
    status: z.enum(['answered', 'not_in_pack', 'ambiguous']),
    ids: z.array(id),
    quotes: z.array(z.object({ id, quote: z.string() })),
  });
}

/** The same schema as each API wants it (strict JSON schema, parsed back with zod by the SDK). */
function formatsFor(ids: readonly string[]) {
  const schema = selectionSchema(ids);
  return { text: zodTextFormat(schema, FORMAT_NAME), chat: zodResponseFormat(schema, FORMAT_NAME) };
}

function usage(input: number | undefined, output: number | undefined, cached: number | undefined | null): ModelUsage {
  return { inputTokens: input ?? 0, outputTokens: output ?? 0, cachedTokens: cached ?? 0 };
}
