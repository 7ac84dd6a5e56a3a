import { indexFor } from './src/answer/knowledge-index.js';
import { loadLexicon } from './src/answer/lexicon.js';
import { analyzeQuestion } from './src/answer/understand.js';
import { tokenize } from './src/answer/text.js';
import { loadKnowledge } from './src/knowledge/load.js';
const k = loadKnowledge(); const lex = loadLexicon(); const idx = indexFor(k, lex);
for (const q of process.argv.slice(2)) {
  const a = analyzeQuestion(q, idx, lex);
  console.log(q, '\n  tokens', tokenize(q).map(t=>`${t.word}/${t.segment}${t.mention?'@':''}`).join(' '), '\n  unknown', a.unknown, 'names', a.unknownNames, 'subjects', a.subjects.map(s=>s.word), 'concepts', [...a.concepts.keys()], 'services', a.services, 'residual', a.residual);
}
