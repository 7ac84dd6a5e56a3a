import type { Lang } from '../views/types.js';

/**
 * The auditor pack's README: how to check the pack, and the exact recipe to recompute the hash
 * chain offline from ledger.csv alone. It is long reference text, so it lives here as one
 * document per language (a third language is one more entry) rather than as catalogue sentences.
 * The recipe mirrors src/ledger/chain.ts (`computeEntryHash`, `canonicalJson`) and
 * src/ledger/export.ts (columns, `details`, `neutralizeFormula`); the auditor-pack test follows
 * these words, not the code, to re-verify a pack.
 */

export interface ReadmeFacts {
  workspaceId: string;
  generatedAt: string;
  entries: number;
  chainHead: string;
  verified: boolean;
  problems: readonly string[];
  knowledgeVersion: string;
  files: readonly { name: string; about: string }[];
}

const RECIPE_EN = `HOW TO RE-VERIFY THE CHAIN FROM ledger.csv ALONE
=================================================
Every ledger entry is hashed with SHA-256 over a canonical JSON form of its fields, and each
entry stores the hash of the one before it. You need only ledger.csv and any SHA-256 tool.

1. Read ledger.csv as RFC 4180 CSV in UTF-8 (comma separated, fields in double quotes where
   needed, "" inside quotes is one "). The first row is the header. Columns, in order:
   seq, at, kind, actor, duty, occurrence, status, note, evidence_url, reason, snoozed_until,
   backfill, details, prev_hash, hash, chain_head.

2. Undo the spreadsheet protection in every cell: if a cell starts with one or more apostrophes
   (') followed by one of = + - @ TAB or CR, remove exactly ONE leading apostrophe. Leave every
   other cell as it is.

3. Rebuild the entry's payload (a JSON object):
   - if kind is "confirmation": start from
       dutyId = duty, occurrence = occurrence, status = status, note = note,
       evidenceUrl = evidence_url, reason = reason, snoozedUntil = snoozed_until, by = actor
     where an empty cell is JSON null and any other cell is a JSON string; then, if details is
     not empty, parse it as a JSON object and set each of its members on the payload (a member
     of details replaces the value of the same name);
   - for every other kind: payload = details parsed as JSON.
   The columns duty … backfill are for reading; they are derived from the payload.

4. Build this JSON object from the row (seq as a JSON number, every other value a string except
   the payload object):
       { "workspaceId": "<the workspace id below>", "seq": seq, "kind": kind, "actor": actor,
         "at": at, "payload": payload, "prevHash": prev_hash }
   and serialize it canonically:
   - object members sorted by key (plain code-unit order, as JavaScript's Array.prototype.sort
     orders strings), recursively, at every depth;
   - no whitespace at all between tokens;
   - strings written as JSON.stringify writes them (UTF-8, not \\u-escaped beyond what JSON
     requires: " and \\ escaped, control characters as \\b \\f \\n \\r \\t or \\u00XX in lower case);
   - numbers as JSON.stringify writes them; arrays keep their order; null, true, false as is.
   In Python: json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).

5. hash = lower-case hexadecimal SHA-256 of those UTF-8 bytes. It must equal the row's hash.

6. The chain: the first row has seq 1 and prev_hash = 64 zeros; every next row has seq one more
   than the row before and prev_hash equal to the previous row's hash. The last row's seq:hash
   must equal chain_head (the head recorded when the pack was made, on every row).

Any edited, inserted, deleted or reordered row breaks step 5 or step 6 at that row.
A Node.js version of steps 4–5: createHash('sha256').update(canonical, 'utf8').digest('hex').`;

const RECIPE_IT = `COME RIVERIFICARE LA CATENA DAL SOLO ledger.csv
===============================================
Ogni voce del registro ha un hash SHA-256 calcolato su una forma JSON canonica dei suoi campi, e
ogni voce conserva l'hash della precedente. Bastano ledger.csv e uno strumento SHA-256.

1. Leggere ledger.csv come CSV RFC 4180 in UTF-8 (separatore virgola, campi tra virgolette
   doppie quando serve, "" tra virgolette vale "). La prima riga è l'intestazione. Colonne:
   seq, at, kind, actor, duty, occurrence, status, note, evidence_url, reason, snoozed_until,
   backfill, details, prev_hash, hash, chain_head.

2. Annullare la protezione per fogli di calcolo in ogni cella: se una cella inizia con uno o più
   apostrofi (') seguiti da = + - @ TAB o CR, togliere UN SOLO apostrofo iniziale. Le altre celle
   restano come sono.

3. Ricostruire il payload della voce (un oggetto JSON):
   - se kind è "confirmation": partire da
       dutyId = duty, occurrence = occurrence, status = status, note = note,
       evidenceUrl = evidence_url, reason = reason, snoozedUntil = snoozed_until, by = actor
     dove una cella vuota è null JSON e ogni altra cella una stringa JSON; poi, se details non è
     vuota, leggerla come oggetto JSON e impostarne ogni membro sul payload (un membro di details
     sostituisce il valore con lo stesso nome);
   - per ogni altro kind: payload = details letto come JSON.

4. Costruire questo oggetto JSON dalla riga (seq come numero JSON, ogni altro valore stringa
   tranne l'oggetto payload):
       { "workspaceId": "<l'id del workspace qui sotto>", "seq": seq, "kind": kind,
         "actor": actor, "at": at, "payload": payload, "prevHash": prev_hash }
   e serializzarlo in forma canonica: membri ordinati per chiave (ordine per unità di codice,
   come Array.prototype.sort di JavaScript) a ogni livello; nessuno spazio tra i token; stringhe
   e numeri come li scrive JSON.stringify; gli array mantengono l'ordine.
   In Python: json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).

5. hash = SHA-256 esadecimale minuscolo di quei byte UTF-8. Deve essere uguale a hash della riga.

6. La catena: la prima riga ha seq 1 e prev_hash = 64 zeri; ogni riga seguente ha seq più uno e
   prev_hash uguale all'hash della riga precedente. seq:hash dell'ultima riga deve essere uguale
   a chain_head (la testa registrata quando il pacchetto è stato creato, su ogni riga).

Una riga modificata, inserita, cancellata o spostata rompe il punto 5 o 6 in quella riga.`;

export const README: Readonly<Record<Lang, (facts: ReadmeFacts) => string>> = {
  en: (f) =>
    [
      'DUTYBOT AUDITOR PACK',
      '====================',
      `Workspace: ${f.workspaceId}`,
      `Generated: ${f.generatedAt}`,
      `Ledger entries: ${f.entries}`,
      `Chain head (seq:hash): ${f.chainHead}`,
      `Chain verification when the pack was made: ${f.verified ? 'intact' : 'BROKEN'}`,
      ...f.problems.map((p) => `  - ${p}`),
      `Knowledge pack: ${f.knowledgeVersion}`,
      '',
      'FILES',
      '=====',
      ...f.files.map((file) => `${file.name}\n    ${file.about}`),
      'SHA256SUMS\n    SHA-256 of every file above (check with: sha256sum -c SHA256SUMS).',
      '',
      RECIPE_EN,
      '',
    ].join('\n'),
  it: (f) =>
    [
      'DUTYBOT — PACCHETTO PER IL REVISORE',
      '===================================',
      `Workspace: ${f.workspaceId}`,
      `Generato: ${f.generatedAt}`,
      `Voci del registro: ${f.entries}`,
      `Testa della catena (seq:hash): ${f.chainHead}`,
      `Verifica della catena alla creazione del pacchetto: ${f.verified ? 'integra' : 'ROTTA'}`,
      ...f.problems.map((p) => `  - ${p}`),
      `Base di conoscenza: ${f.knowledgeVersion}`,
      '',
      'FILE',
      '====',
      ...f.files.map((file) => `${file.name}\n    ${file.about}`),
      'SHA256SUMS\n    SHA-256 di ogni file qui sopra (verifica: sha256sum -c SHA256SUMS).',
      '',
      RECIPE_IT,
      '',
      '(English version of the recipe: README.en.txt)',
      '',
    ].join('\n'),
};

/** What each file of the pack holds, per language. */
export const FILE_NOTES: Readonly<
  Record<Lang, Record<'csv' | 'json' | 'verification' | 'settings' | 'pack' | 'source', string>>
> = {
  en: {
    csv: 'Every ledger entry, one row each, with prev_hash and hash (the recipe below uses only this file).',
    json: 'The same entries with their whole payloads, the chain head and the verification result.',
    verification: "The chain verification report: dutybot's own check of every hash and link, and the head.",
    settings: 'The workspace settings in force when the pack was made (services, owners, schedule).',
    pack: 'The knowledge pack: every duty as data, with the document version it was taken from.',
    source: 'The source document the knowledge pack was taken from, verbatim.',
  },
  it: {
    csv: 'Ogni voce del registro, una riga ciascuna, con prev_hash e hash (la procedura qui sotto usa solo questo file).',
    json: 'Le stesse voci con il payload completo, la testa della catena e il risultato della verifica.',
    verification:
      'Il rapporto di verifica della catena: il controllo di dutybot di ogni hash e collegamento, e la testa.',
    settings:
      'Le impostazioni del workspace in vigore alla creazione del pacchetto (servizi, responsabili, pianificazione).',
    pack: 'La base di conoscenza: ogni adempimento come dato, con la versione del documento da cui è tratto.',
    source: 'Il documento di origine della base di conoscenza, alla lettera.',
  },
};
