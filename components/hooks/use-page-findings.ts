import { useEffect, useState } from 'preact/hooks';
import { pageFindingsItem, type PageFindings } from '@/utils/page-findings';

/**
 * What the overlay's linter found in the code on a tab, live, for the problem at `url` only (a tab that moved
 * on keeps no findings of the last problem). Null until the overlay has linted (its badge was opened, or
 * the user typed in the editor).
 */
export function usePageFindings(tabId: number | undefined, url: string | undefined): PageFindings | null {
  const [findings, setFindings] = useState<PageFindings | null>(null);
  useEffect(() => {
    setFindings(null);
    if (tabId === undefined || !url) return;
    let alive = true;
    const item = pageFindingsItem(tabId);
    const take = (next: PageFindings | null) => alive && setFindings(next?.url === url ? next : null);
    void item.getValue().then(take);
    const stop = item.watch(take);
    return () => {
      alive = false;
      stop();
    };
  }, [tabId, url]);
  return findings;
}
