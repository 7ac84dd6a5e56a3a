import { readFileSync } from 'node:fs';
import { type CliCommand, CliUsageError } from './command.js';
import { type Asked, EvalFileError, evaluate, formatReport, parseEvalFile } from './eval-report.js';

/**
 * `dutybot eval <questions.jsonl> [--llm] [--json]`: scores a question file (format in
 * docs/eval.md) with the deterministic engine, or with the configured language model as fallback,
 * and reports accuracy per language, abstentions, latency and tokens — so a team with an endpoint
 * can measure the model it uses before turning it on.
 */

export const evalCommand: CliCommand = {
  summary: 'score a question file (JSON lines, see docs/eval.md); --llm uses the configured language model',
  usage: 'dutybot eval <questions.jsonl> [--llm] [--json]',
  options: { llm: { type: 'boolean' }, json: { type: 'boolean' } },
  run: async (values, positionals) => {
    const file = positionals[0];
    if (!file) throw new CliUsageError('usage: dutybot eval <questions.jsonl> [--llm] [--json]');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliUsageError(
        `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    let items: ReturnType<typeof parseEvalFile>;
    try {
      items = parseEvalFile(text, file);
    } catch (error) {
      if (error instanceof EvalFileError) throw new CliUsageError(error.message);
      throw error;
    }
    const [{ loadKnowledge }, { answer }] = await Promise.all([
      import('../../src/knowledge/load.js'),
      import('../../src/answer/answer.js'),
    ]);
    const knowledge = loadKnowledge();
    // The first answer builds the indexes: not a question's latency.
    answer(items[0]!.question, knowledge);
    let ask: (question: string) => Promise<Asked> = async (question) => ({ answer: answer(question, knowledge) });
    let mode = 'deterministic engine';
    if (values.llm) {
      const [{ answerModelFromEnv }, { createModelAssistedAnswerer }] = await Promise.all([
        import('../llm/from-env.js'),
        import('../../src/answer/model-assisted.js'),
      ]);
      const model = await answerModelFromEnv(process.env, () => undefined);
      if (!model)
        throw new CliUsageError('--llm needs a provider (OPENAI_API_KEY, OPENAI_BASE_URL or AZURE_OPENAI_ENDPOINT)');
      // No cache: every question is measured with its own call.
      const assisted = createModelAssistedAnswerer({ knowledge, model });
      ask = (question) => assisted.answer(question);
      mode = `engine + ${model.name} as fallback`;
    }
    const report = await evaluate(items, ask, mode);
    process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : `${formatReport(report).join('\n')}\n`);
    return 0;
  },
};
