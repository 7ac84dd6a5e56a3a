import { answer } from './src/answer/answer.js';
import { loadKnowledge } from './src/knowledge/load.js';
const k = loadKnowledge();
for (const q of process.argv.slice(2)) { const a = answer(q, k); console.log(a.matches.length ? a.matches.slice(0,2).map(m=>m.id).join(',') : 'ABSTAIN', ' <- ', q); }
