import { LIMITS } from '../../adapters/slack/blocks/kit.js';

/**
 * Walks a Block Kit surface and lists every violation of Slack's documented limits (block count,
 * text object length, button label and value length, option value length, elements per block).
 */
export function blockKitViolations(blocks: unknown[], maxBlocks: number): string[] {
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  const visit = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        visit(child, `${path}[${i}]`);
      });
      return;
    }
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if ((obj.type === 'mrkdwn' || obj.type === 'plain_text') && typeof obj.text === 'string') {
      if (obj.text.length > LIMITS.text) problems.push(`${path}: text ${obj.text.length} > ${LIMITS.text}`);
      if (obj.text.length === 0) problems.push(`${path}: empty text`);
    }
    if (obj.type === 'header' && ((obj.text as { text: string }).text.length ?? 0) > LIMITS.headerText) {
      problems.push(`${path}: header too long`);
    }
    if (obj.type === 'button') {
      const label = (obj.text as { text: string }).text;
      if (label.length > LIMITS.buttonText) problems.push(`${path}: button label ${label.length}`);
      if (typeof obj.value === 'string' && obj.value.length > LIMITS.buttonValue)
        problems.push(`${path}: button value`);
    }
    if (obj.type === 'actions' && (obj.elements as unknown[]).length > LIMITS.actionsElements) {
      problems.push(`${path}: too many elements`);
    }
    if (obj.type === 'context' && (obj.elements as unknown[]).length > LIMITS.contextElements) {
      problems.push(`${path}: too many context elements`);
    }
    if (Array.isArray(obj.fields) && obj.fields.length > LIMITS.fields) problems.push(`${path}: too many fields`);
    if (Array.isArray(obj.options)) {
      for (const option of obj.options as { value: string; text: { text: string } }[]) {
        if (option.value.length > LIMITS.optionValue) problems.push(`${path}: option value ${option.value.length}`);
        if (option.text.text.length > LIMITS.optionText) problems.push(`${path}: option text`);
      }
    }
    for (const [key, value] of Object.entries(obj)) visit(value, `${path}.${key}`);
  };
  visit(blocks, 'blocks');
  return problems;
}
