import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chatHint, failureText, localeLanguage } from '../adapters/cli/terminal-chat.js';
import { useCli } from './support/cli.js';

/** The terminal chat (`dutybot chat`) through the built binary, like a user at a terminal. */

const { run: cli, dir } = useCli('chat.sqlite');

describe('the terminal chat keeps going after a failed line', () => {
  it('says what failed and answers the next line', () => {
    // `data` is a file, so the export cannot be written into data/.
    writeFileSync(join(dir(), 'data'), 'not a directory');
    const { code, stdout } = cli(['chat'], { input: 'export json\nhistory website backup\n' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^That request failed: .*data/m);
    expect(stdout).toContain('Monthly website backup — RocketWeb - Web Hosting (rocketweb.customer.website-backup)');
    rmSync(join(dir(), 'data'));
  });

  it('speaks Italian to an Italian locale', () => {
    expect(localeLanguage({ LANG: 'it_IT.UTF-8' })).toBe('it');
    expect(localeLanguage({ LANG: 'en_GB.UTF-8', LC_ALL: 'it_CH.UTF-8' })).toBe('it');
    expect(localeLanguage({ LANG: 'C.UTF-8' })).toBe('en');
    expect(localeLanguage({})).toBe('en');
    expect(chatHint('it')).toBe('Scrivi una domanda o un comando (`aiuto`); `esci` o Ctrl-D per uscire.');
    expect(failureText(new Error('disk full'), { LANG: 'it_IT.UTF-8' })).toBe('La richiesta non è riuscita: disk full');
  });
});
