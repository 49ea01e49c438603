/** Characters of stdout + stderr a run may print before the rest is dropped. */
export const OUTPUT_LIMIT = 50_000;
export const TRUNCATED_NOTICE = `\n[output truncated: more than ${OUTPUT_LIMIT.toLocaleString('en')} characters]\n`;

/** A whole practice suite may take longer than one snippet: each of its tests has its own 5 s limit. */
export const PRACTICE_TIME_LIMIT_MS = 60_000;
