/** The auditor's evidence pack: ledger (CSV + JSON), verification, knowledge pack and source, settings, README. */
export { type AuditorPack, buildAuditorPack } from './pack.js';
export { README, type ReadmeFacts } from './readme.js';
