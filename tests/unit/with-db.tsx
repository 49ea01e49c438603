/** Renders views against a throwaway database and a fixed clock, as the pages' providers would. */
import type { ComponentChildren } from 'preact';
import { ClockContext, DbContext } from '@/components/hooks/use-db';
import type { AwaitwiseDb } from '@/utils/db';

export function WithDb({ db, now, children }: { db: AwaitwiseDb; now?: () => number; children: ComponentChildren }) {
  const inner = <DbContext.Provider value={db}>{children}</DbContext.Provider>;
  return now ? <ClockContext.Provider value={now}>{inner}</ClockContext.Provider> : inner;
}
