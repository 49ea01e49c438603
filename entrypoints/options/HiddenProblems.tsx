/** Problems where the badge was hidden ("Hide on this page"), each with a way to show it again. */
import { useHiddenProblems } from '@/components/hooks/use-hidden';
import { siteName } from '@/components/ThisTabSummary';
import { parseProblemKey, unhideProblem } from '@/utils/hidden';

export function HiddenProblems() {
  const keys = useHiddenProblems();
  return (
    <section class="aw-section" aria-labelledby="hidden-heading">
      <h2 id="hidden-heading">Hidden badges</h2>
      {keys === null ? (
        <p class="aw-muted">Loading…</p>
      ) : keys.length === 0 ? (
        <p class="aw-muted">
          None. “Hide on this page” in a badge's popover hides it on that problem; it is listed here to bring it back.
        </p>
      ) : (
        <ul class="aw-saved" data-testid="hidden-list">
          {[...keys].reverse().map((key) => {
            const { site, slug } = parseProblemKey(key);
            const name = `${slug.replace(/-/g, ' ')} (${siteName(site)})`;
            return (
              <li key={key}>
                <span>{name}</span>
                <button
                  type="button"
                  class="aw-link-button"
                  aria-label={`Show the badge again on ${name}`}
                  onClick={() => void unhideProblem(key)}
                >
                  Show again
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
