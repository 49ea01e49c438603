/** A plain object read from JSON, storage or a page: something whose fields can be looked at one by one. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Array.isArray typed `unknown[]`: what a list read from JSON, storage or a page holds is checked, not assumed. */
export function isList(value: unknown): value is unknown[] {
  return Array.isArray(value);
}
