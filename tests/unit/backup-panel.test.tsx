/** The Options backup section: progress while importing, buttons off until it is done, the summary after. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { BackupPanel, progressText, summaryText } from '@/entrypoints/options/BackupPanel';
import { bigBackupText } from './big-backup';
import { throwawayDbs } from './srs-throwaway-db';

const freshDb = throwawayDbs(afterAll);
afterEach(cleanup);

describe('progress and summary text', () => {
  it('counts reviews with separators, checking first, then importing', () => {
    expect(progressText({ phase: 'checking', done: 0, total: 100_000 })).toBe('Checking… 0 of 100,000 reviews');
    expect(progressText({ phase: 'writing', done: 40_000, total: 100_000 })).toBe(
      'Importing… 40,000 of 100,000 reviews',
    );
    expect(progressText({ phase: 'writing', done: 1, total: 1 })).toBe('Importing… 1 of 1 review');
    expect(progressText(undefined)).toBe('Working…');
  });

  it('says which settings were restored and which were skipped', () => {
    const base = {
      cardsAdded: 2,
      cardsUpdated: 0,
      logsAdded: 5,
      savedAdded: 0,
      cardsSetAside: [],
      logsSetAside: 0,
      setAsideKept: true,
    };
    expect(summaryText({ ...base, settingsRestored: [], settingsSkipped: [], settingsKept: [] })).toBe(
      'Imported: 2 cards added, 0 updated, 5 reviews, 0 saved problems.',
    );
    expect(
      summaryText({ ...base, settingsRestored: ['hiddenBadges'], settingsSkipped: [], settingsKept: ['theme', 'srs'] }),
    ).toBe(
      'Imported: 2 cards added, 0 updated, 5 reviews, 0 saved problems. Settings restored: hidden badges.' +
        " Your settings were kept (the file's theme, flashcard settings were not restored).",
    );
    expect(
      summaryText({
        ...base,
        settingsRestored: ['sites', 'hiddenBadges'],
        settingsSkipped: ['settings.theme: expected one of system, light, dark'],
        settingsKept: [],
      }),
    ).toBe(
      'Imported: 2 cards added, 0 updated, 5 reviews, 0 saved problems. Settings restored: sites, hidden badges.' +
        ' Settings not restored (yours were kept): settings.theme: expected one of system, light, dark.',
    );
  });
});

describe('importing a large file', () => {
  it('shows progress in the status line and keeps the buttons disabled until the summary', async () => {
    const ids = ['gather-basics', 'shield'];
    const text = bigBackupText({ cardIds: ids, reviews: 20_000, now: Date.now() - 1000 });
    render(<BackupPanel db={freshDb()} />);
    const input = screen.getByLabelText<HTMLInputElement>('Import a backup file');
    const exportButton = screen.getByRole('button', { name: 'Export progress' });
    const file = new File([text], 'big.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);

    const status = screen.getAllByRole('status').at(-1)!;
    await waitFor(() => expect(status.textContent).toMatch(/^(Checking|Importing)… [\d,]+ of 20,000 reviews$/), {
      timeout: 20_000,
    });
    expect(exportButton).toHaveProperty('disabled', true);
    expect(input.disabled).toBe(true);
    expect(screen.getByLabelText<HTMLSelectElement>('When importing').disabled).toBe(true);
    await waitFor(() => expect(status.textContent).toMatch(/^Imported: 2 cards added, 0 updated, 20000 reviews/), {
      timeout: 60_000,
    });
    expect(exportButton).toHaveProperty('disabled', false);
    expect(input.disabled).toBe(false);
  });
});
