/**
 * The user's study day: it runs from `dayStartHour` (local time) to the same hour on the next calendar day.
 * Boundaries are built with the local Date constructor so a daylight-saving change gives a 23- or 25-hour day
 * instead of a shifted boundary.
 */

/** Local calendar date (as y/m/d) of the study day containing `ms`. */
function studyDate(ms: number, dayStartHour: number): Date {
  const d = new Date(ms);
  if (d.getHours() < dayStartHour) d.setDate(d.getDate() - 1);
  return d;
}

/** Start (ms) of the study day `offset` days after the one containing `ms` (negative goes back). */
export function startOfDayOffset(ms: number, dayStartHour: number, offset: number): number {
  const d = studyDate(ms, dayStartHour);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + offset, dayStartHour).getTime();
}

/** Start (ms) of the study day containing `ms`. */
export const startOfDay = (ms: number, dayStartHour: number): number => startOfDayOffset(ms, dayStartHour, 0);

/** Start (ms) of the next study day: the exclusive end of "today". */
export const startOfNextDay = (ms: number, dayStartHour: number): number => startOfDayOffset(ms, dayStartHour, 1);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of the study day containing `ms`. */
export function dayKey(ms: number, dayStartHour: number): string {
  const d = studyDate(ms, dayStartHour);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `key` is `YYYY-MM-DD` naming a real calendar date (so 2024-02-30 is false). */
export function isDayKey(key: string): boolean {
  const m = DAY_KEY.exec(key);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The day key `days` after `key` (negative goes back). Calendar arithmetic in UTC, so no time zone is involved. */
export function addDays(key: string, days: number): string {
  const m = DAY_KEY.exec(key);
  if (!m) throw new Error(`not a day key: ${key}`);
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
