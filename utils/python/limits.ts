/** Characters of stdout + stderr a run may print before the rest is dropped. */
export const OUTPUT_LIMIT = 50_000;
export const TRUNCATED_NOTICE = `\n[output truncated: more than ${OUTPUT_LIMIT.toLocaleString('en')} characters]\n`;
