/** Spaced-repetition settings. The lead stores them in browser.storage; this module only defines and validates them. */
import * as v from 'valibot';

export const SrsSettingsSchema = v.object({
  /** Probability of recall FSRS aims for at the moment a card comes due; higher means shorter intervals. */
  desiredRetention: v.pipe(v.number(), v.minValue(0.7), v.maxValue(0.99)),
  /** Local hour at which a new study day begins, so a late-night session still counts for the evening's day. */
  dayStartHour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)),
  /** New cards introduced per study day. */
  newPerDay: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999)),
  /** Reviews of review-state cards per study day (learning steps are never limited). */
  reviewsPerDay: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(99999)),
  /** Learning cards due within this many minutes are shown now instead of leaving an empty queue. */
  learnAheadMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1440)),
});

export type SrsSettings = v.InferOutput<typeof SrsSettingsSchema>;

export const DEFAULT_SRS_SETTINGS: SrsSettings = {
  desiredRetention: 0.9,
  dayStartHour: 4,
  newPerDay: 10,
  reviewsPerDay: 200,
  learnAheadMinutes: 20,
};
