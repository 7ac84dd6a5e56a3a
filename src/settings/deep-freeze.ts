/**
 * Freezes an object and everything it holds. Settings objects are shared between callers (the
 * store's parsed-settings cache, the fresh workspace's defaults): frozen, no caller can change what
 * another one reads; edits clone first.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
