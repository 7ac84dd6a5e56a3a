import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useCli } from './support/cli.js';

/** `--knowledge <folder>` (any command) and DUTYBOT_KNOWLEDGE choose the pack the built CLI uses. */
const QUOKKA = join(import.meta.dirname, 'fixtures', 'packs', 'quokka');
const cli = useCli('packs.sqlite');
const firstId = (stdout: string) => (JSON.parse(stdout) as { matches: { id: string }[] }).matches[0]?.id;

describe('choosing the knowledge pack', () => {
  it('answers from the pack named by --knowledge, in either spelling, and by DUTYBOT_KNOWLEDGE', () => {
    const question = 'who checks the quarantine on QMail?';
    const flag = cli.run(['ask', '--json', '--knowledge', QUOKKA, question]);
    expect(flag.code, flag.stderr).toBe(0);
    expect(firstId(flag.stdout)).toBe('qmail.customer.quarantine-check');
    const inline = cli.run(['ask', `--knowledge=${QUOKKA}`, '--json', question]);
    expect(firstId(inline.stdout)).toBe('qmail.customer.quarantine-check');
    const env = cli.run(['ask', '--json', question], { env: { DUTYBOT_KNOWLEDGE: QUOKKA } });
    expect(firstId(env.stdout)).toBe('qmail.customer.quarantine-check');
    // The default pack knows no QMail.
    const shipped = cli.run(['ask', '--json', question]);
    expect(JSON.parse(shipped.stdout)).toMatchObject({ abstained: true, matches: [] });
  });

  it("lists the pack's services and duties, its provider named by its own name", () => {
    const services = cli.run(['services', '--json', '--knowledge', QUOKKA]);
    expect((JSON.parse(services.stdout) as { id: string }[]).map((s) => s.id)).toEqual(['qdrive', 'qmail', 'qdesk']);
    const duties = cli.run(['duties', '--knowledge', QUOKKA, '--party', 'quokka']);
    expect(duties.code, duties.stderr).toBe(0);
    expect(duties.stdout).toContain('qmail.provider.malware-scan\tQuokka\tongoing\t');
    expect(duties.stdout).not.toContain('\tcustomer\t');
    const wrong = cli.run(['duties', '--knowledge', QUOKKA, '--party', 'coretech']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--party must be provider (Quokka) or customer');
  });

  it('lints any pack and points at the line and column of a problem', () => {
    const good = cli.run(['knowledge', 'lint', '--knowledge', QUOKKA]);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/Lexicon: .*quokka\/lexicon\.yaml: valid/);
    const broken = join(cli.dir(), 'broken-pack');
    cpSync(QUOKKA, broken, { recursive: true });
    const document = join(broken, 'quokka-responsibilities.yaml');
    writeFileSync(document, readFileSync(document, 'utf8').replace('cadence: weekly', 'cadence: fortnightly'));
    const bad = cli.run(['knowledge', 'lint', '--knowledge', broken]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /quokka-responsibilities\.yaml: services\[1\]\.duties\[2\]\.cadence: Invalid option: .* \(line \d+, column \d+\)/,
    );
  });

  it('warns when the two renderings of a duty say different concepts, naming the duty and the words', () => {
    const drifted = join(cli.dir(), 'drifted-pack');
    cpSync(QUOKKA, drifted, { recursive: true });
    const document = join(drifted, 'quokka-responsibilities.yaml');
    // The translation adds a sense the source lacks: a question about phishing would now find the
    // malware scan, in either language.
    writeFileSync(
      document,
      readFileSync(document, 'utf8').replace(
        'text_it: Analizzare i messaggi in entrata e in uscita alla ricerca di malware',
        'text_it: Analizzare i messaggi in entrata e in uscita alla ricerca di malware e truffe',
      ),
    );
    const before = cli.run(['knowledge', 'lint', '--knowledge', QUOKKA]);
    expect(before.stdout).not.toContain('qmail.provider.malware-scan');
    const after = cli.run(['knowledge', 'lint', '--knowledge', drifted]);
    // A warning, not an error: the pack is still usable.
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain(
      'warning: qmail.provider.malware-scan: the two renderings say different concepts: phishing ("truffe") only in text_it',
    );
    expect(after.stdout).toMatch(/OK: complete and verbatim against the source, \d+ warning\(s\)/);
  });
});
