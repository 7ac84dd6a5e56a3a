/**
 * Every node of a JSON tree (an Adaptive Card, a Block Kit payload) that matches `predicate`,
 * depth first. Tests use it to find actions, inputs or text blocks wherever a renderer put them.
 */
// biome-ignore lint/suspicious/noExplicitAny: walks arbitrary card JSON.
export function findAll(node: any, predicate: (n: any) => boolean, into: any[] = []): any[] {
  if (Array.isArray(node)) for (const item of node) findAll(item, predicate, into);
  else if (node && typeof node === 'object') {
    if (predicate(node)) into.push(node);
    for (const value of Object.values(node)) findAll(value, predicate, into);
  }
  return into;
}
