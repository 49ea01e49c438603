/** Display of study-day keys (`YYYY-MM-DD`) in the user's locale. */

/** Local noon of the day, so no time-zone or daylight-saving shift can move it to a neighbouring date. */
export function dayKeyDate(key: string): Date {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12);
}

const longDay = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const monthName = new Intl.DateTimeFormat(undefined, { month: 'short' });
const weekdayName = new Intl.DateTimeFormat(undefined, { weekday: 'short' });

/** "Tue, 4 Mar 2025" (locale order). */
export const formatLongDay = (key: string): string => longDay.format(dayKeyDate(key));
/** "4 Mar" (locale order). */
export const formatShortDay = (key: string): string => shortDay.format(dayKeyDate(key));
export const formatMonth = (date: Date): string => monthName.format(date);
/** Short weekday name, 0 = Sunday. 2023-01-01 was a Sunday. */
export const formatWeekday = (day: number): string => weekdayName.format(new Date(2023, 0, 1 + day, 12));

/** Weekday of a day key, 0 = Sunday, by calendar arithmetic (no time zone involved). */
export function weekdayOf(key: string): number {
  const [y, m, d] = key.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
}

export const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
