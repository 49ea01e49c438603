/**
 * The one page-reading algorithm: each site declares selectors (a PageReading) and defineAdapter turns
 * them into its adapter, so every site falls back and caps the same way.
 */

import { visibleEditorText } from '@/utils/editor-bridge';
import type { SiteId } from '@/utils/page-snapshot';
import type { PageReading, SiteAdapter } from './types';
import { siteById } from './registry';
import { buildSnapshot, genericTitle, genericTitleElement, mainText, safeExtract } from './generic';
import { declaredTheme, difficultyFrom, documentTitle, first, readableText, shortText, tagTexts } from './dom';

const DIFFICULTY_TEXT_CAP = 40;

/** Reads `doc` as `site` by its declaration; never throws (safeExtract falls back to the generic reading). */
export function extractWith(site: SiteId, reading: PageReading, doc: Document, url: URL) {
  const slug = siteById(site).slug(url);
  return safeExtract(site, doc, url, slug, () => {
    const statement = reading.statementParts
      ? [...doc.querySelectorAll(reading.statementParts)]
          .map((part) => readableText(part))
          .join(' ')
          .trim()
      : readableText(first(doc, reading.statement));
    // Embedded data (a JSON blob the page ships) is read only when the markup leaves something out: on most
    // pages it does not, and parsing the blob is the costliest part of reading a page.
    let embeddedRead = false;
    let embeddedValue: ReturnType<NonNullable<PageReading['readEmbedded']>>;
    const embedded = () => {
      if (!embeddedRead) embeddedValue = reading.readEmbedded?.(doc, { url, slug, statement });
      embeddedRead = true;
      return embeddedValue;
    };
    const documentName = documentTitle(doc, reading.titleDecoration);
    const title =
      (reading.documentTitleFirst && documentName) ||
      shortText(first(doc, reading.title)) ||
      embedded()?.title ||
      documentName ||
      genericTitle(doc);
    const difficultyText = shortText(
      first(doc, reading.difficulty ?? []),
      reading.difficultyTextCap ?? DIFFICULTY_TEXT_CAP,
    );
    const label = reading.difficultyLabel ?? difficultyFrom;
    const difficulty = reading.readDifficulty?.(doc) ?? label(difficultyText) ?? label(embedded()?.difficulty ?? '');
    const tagSelector = typeof reading.tags === 'function' ? reading.tags(url) : reading.tags;
    const isTopic = reading.isTopic;
    const markupTags = tagSelector ? tagTexts(doc, tagSelector) : [];
    const tags = isTopic ? markupTags.filter((tag) => isTopic(tag, title)) : markupTags;
    const language = reading.language?.(doc, url);
    return buildSnapshot(site, url, slug, {
      title,
      text: statement || embedded()?.statement || mainText(doc),
      tags: tags.length > 0 ? tags : (embedded()?.tags ?? []),
      difficulty,
      code: visibleEditorText(doc, reading.editorScope) || embedded()?.code || '',
      language: language || undefined,
      generic: !statement && !embedded()?.statement,
    });
  });
}

/**
 * A site's adapter from its registry entry and its page reading. `own` replaces the derived badge
 * placement or theme where a site needs more than its title selectors or the declared-theme conventions
 * (kept out of the shared code so each site's loader bundles only what its own site uses).
 */
export function defineAdapter(
  id: SiteId,
  reading: PageReading,
  own: Partial<Pick<SiteAdapter, 'titleElement' | 'themeIsDark'>> = {},
): SiteAdapter {
  return {
    ...siteById(id),
    editorScope: reading.editorScope,
    extract: (doc, url) => extractWith(id, reading, doc, url),
    titleElement: (doc) => first(doc, reading.title) ?? genericTitleElement(doc),
    themeIsDark: declaredTheme,
    ...own,
  };
}
