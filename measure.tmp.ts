import { answer } from './src/answer/answer.js';
import { loadHeldOutQuestionSet, loadQuestionSet, percent, scoreQuestionSet } from './src/answer/question-set.js';
import { loadKnowledge } from './src/knowledge/load.js';
const k = loadKnowledge();
for (const [name, set] of [['dev', loadQuestionSet()], ['heldout', loadHeldOutQuestionSet()]] as const) {
  const s = scoreQuestionSet(set, (q) => answer(q, k));
  console.log(`${name}: en ${percent(s.en)}% (${s.en.correct}/${s.en.total}) it ${percent(s.it)}% (${s.it.correct}/${s.it.total}) oos ${percent(s.abstain)}% (${s.abstain.correct}/${s.abstain.total})`);
  if (process.argv[2] === name) for (const f of s.failures) console.log(`  ✗ [${f.question.lang}] ${f.question.q} — ${f.problem}`);
}
