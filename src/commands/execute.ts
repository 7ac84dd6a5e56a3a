/**
 * The command layer's entry points, kept at this path for the facade: dispatch lives in
 * `dispatch.ts`, the confirmation workflow in `confirm.ts`, assignment in `assign.ts`, settings
 * changes in `settings-change.ts`, and every sentence they render in `src/views/`.
 */
export { confirm } from './confirm.js';
export type { ConfirmationRequest, ExecuteDeps, ExecuteInput, ParsedCommandInput } from './deps.js';
export { executeCommand, executeParsedCommand } from './dispatch.js';
