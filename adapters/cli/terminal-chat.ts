import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createDutybot } from '../../src/bot/dutybot.js';
import type { Dutybot } from '../../src/bot/types.js';
import { inertPlain, replyText } from '../../src/views/text.js';
import type { Lang, Reply } from '../../src/views/types.js';
import { answerModelFromEnv } from '../llm/from-env.js';
import { LOCAL, localActor } from './local.js';
import { TerminalMessenger } from './terminal-messenger.js';

/**
 * The terminal chat (`npm start` without platform credentials), in the spirit of Hubot's shell
 * adapter: the same grammar as Slack's `/duty`, with the scheduler running so reminders and
 * digests appear in the conversation as they come due. With non-TTY stdin it answers one line at
 * a time and does not run the scheduler, so piped output is exactly one reply per line.
 */

/** Reminders are due at minute resolution; checking twice a minute keeps them punctual. */
const TICK_INTERVAL_MS = 30_000;

export async function runTerminalChat(env: NodeJS.ProcessEnv): Promise<number> {
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const bot = await createDutybot({
    databaseUrl: env.DATABASE_URL || undefined,
    commandPrefix: '',
    dispatchAfterConfirm: interactive,
    answerModel: await answerModelFromEnv(env),
    // A server sharing this store may serve the dashboard: `dashboard` then gives a link to it.
    publicUrl: env.DUTYBOT_PUBLIC_URL || undefined,
  });
  const actor = localActor(undefined);
  const rl = createInterface({
    input: process.stdin,
    output: interactive ? process.stdout : undefined,
    terminal: interactive,
  });
  const say = (text: string) => {
    if (interactive) {
      // Print above the prompt without losing what the user is typing.
      process.stdout.write(`\r\x1b[K${text}\n`);
      rl.prompt(true);
    } else process.stdout.write(`${text}\n\n`); // a blank line keeps piped replies apart
  };

  const welcome = await bot.ensureWorkspace(LOCAL, actor.userId, localeLanguage(env));
  if (interactive) {
    if (welcome) say(welcome.lines.join('\n'));
    say(chatHint(localeLanguage(env)));
  }

  let timer: NodeJS.Timeout | undefined;
  if (interactive) {
    bot.useMessenger('local', new TerminalMessenger(say, () => zoneOf(bot)));
    const tick = () => bot.tick(new Date()).catch((error: Error) => say(`(scheduler: ${error.message})`));
    await tick();
    timer = setInterval(tick, TICK_INTERVAL_MS);
    rl.setPrompt('you> ');
    rl.prompt();
  }

  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (!line) {
        if (interactive) rl.prompt();
        continue;
      }
      if (/^(exit|quit|esci|bye)$/i.test(line)) break;
      try {
        const reply = await bot.handle({ text: line, actor, conversation: LOCAL });
        say(render(reply, await zoneOf(bot)));
      } catch (error) {
        // One failed line must not end the conversation (or lose the scheduler): say what broke.
        say(failureText(error, env));
      }
    }
  } finally {
    if (timer) clearInterval(timer);
    rl.close();
    await bot.close();
  }
  return 0;
}

/** A new terminal workspace speaks the language of the user's locale (`LANG=it_IT.UTF-8` → Italian). */
export function localeLanguage(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^it([_.-]|$)/i.test(locale) ? 'it' : 'en';
}

export function chatHint(lang: Lang): string {
  return lang === 'it'
    ? 'Scrivi una domanda o un comando (`aiuto`); `esci` o Ctrl-D per uscire.'
    : 'Type a question or a command (`help`); `exit` or Ctrl-D quits.';
}

export function failureText(error: unknown, env: NodeJS.ProcessEnv): string {
  const message = error instanceof Error ? error.message : String(error);
  const lead = localeLanguage(env) === 'it' ? 'La richiesta non è riuscita' : 'That request failed';
  const debug = env.DUTYBOT_DEBUG && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  // A message may quote what was typed (a file name, a value): inert like every printed line.
  return `${lead}: ${inertPlain(message)}${debug}`;
}

/** Times are shown in the workspace's time zone, which `settings set timezone` may change. */
async function zoneOf(bot: Dutybot): Promise<string> {
  return (await bot.findWorkspace(LOCAL.workspaceId))?.timezone ?? 'UTC';
}

/** `ledger.csv`, else `ledger-2.csv`, `ledger-3.csv`…: an earlier export is never overwritten. */
function freeName(file: string): string {
  const dot = file.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [file.slice(0, dot), file.slice(dot)] : [file, ''];
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? file : `${stem}-${n}${ext}`;
    if (!existsSync(candidate)) return candidate;
  }
}

function render(reply: Reply, zone: string): string {
  if (reply.kind !== 'export') return replyText(reply, { zone });
  // An export is a file for an auditor, not chat text.
  mkdirSync('data', { recursive: true });
  const file = freeName(join('data', reply.filename));
  writeFileSync(file, reply.content, { flag: 'wx' });
  return `${replyText(reply, { zone })} → ${file}`;
}
