/**
 * The one rule for a workspace name a platform reports: its admins typed it, so it is kept as
 * text (rendered inert by each surface), trimmed, on one line, and bounded, so a hostile or
 * accidental megabyte of text cannot fill the operator's table. Blank means "no name".
 */
export const WORKSPACE_NAME_MAX = 120;

export function workspaceName(raw: string | null | undefined): string | null {
  if (typeof raw !== 'string') return null;
  const oneLine = raw.replace(/\s+/g, ' ').trim();
  if (oneLine === '') return null;
  const chars = [...oneLine];
  return chars.length <= WORKSPACE_NAME_MAX ? oneLine : `${chars.slice(0, WORKSPACE_NAME_MAX - 1).join('')}…`;
}

/**
 * How an operator may name a workspace on the command line: its id, or its name when exactly one
 * workspace has it (letter case and surrounding spaces ignored).
 */
export function matchesWorkspaceName(name: string | null, requested: string): boolean {
  return name !== null && name.toLowerCase() === requested.replace(/\s+/g, ' ').trim().toLowerCase();
}
