/**
 * Everything that reads and then writes one tab's state runs in order, one at a time. Without this a
 * navigation event that read the old state could drop the state a newer page report had just written
 * (issue 16, item 1: the overlay showed hints while the side panel and the toolbar badge said nothing).
 */
const tails = new Map<number, Promise<unknown>>();

export function inTabOrder<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const previous = tails.get(tabId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const tail = next.catch(() => undefined);
  tails.set(tabId, tail);
  void tail.then(() => {
    if (tails.get(tabId) === tail) tails.delete(tabId);
  });
  return next;
}
