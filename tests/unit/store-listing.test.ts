/** The store listing text (npm run store): within the stores' limits, and saying what the policy says. */
import { describe, expect, it } from 'vitest';
import { privacyMarkdown } from '@/components/privacy-text';
import { documentedPermissions, PERMISSIONS, SUMMARY } from '../../store/listing';
import { knowledgeCounts, listingText, SUMMARY_LIMIT } from '../../scripts/lib/store-text';

describe('store listing', () => {
  it('keeps the summary within Chrome’s 132 characters', () => {
    expect(SUMMARY.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
  });

  it.each(['chrome', 'firefox'] as const)(
    '%s: justifies every permission it asks for and carries the privacy policy',
    (browser) => {
      const text = listingText(browser, knowledgeCounts(), ['screenshot-overlay-dark.png']);
      for (const name of documentedPermissions(browser)) expect(text).toContain(`${name}: ${PERMISSIONS[name]!.why}`);
      expect(text).toContain(privacyMarkdown());
      expect(text).toContain(`${knowledgeCounts().questions} interview questions`);
    },
  );

  it('names the side panel permission for Chrome only (Firefox has a sidebar)', () => {
    expect(documentedPermissions('chrome')).toContain('sidePanel');
    expect(documentedPermissions('firefox')).not.toContain('sidePanel');
  });
});
