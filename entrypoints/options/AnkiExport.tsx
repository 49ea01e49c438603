/** Options → Backup → "Export for Anki": the cards in the deck, or all of them, as a file Anki imports as it is. */
import { useState } from 'preact/hooks';
import type { AwaitwiseDb } from '@/utils/db';
import { questionById, quizById } from '@/utils/knowledge/all';
import { ankiFile, ankiNotes } from '@/utils/srs/anki-export';
import { listCards } from '@/utils/srs/repository';
import { downloadText, today } from './download';

type Which = 'deck' | 'all';
const ALL_IDS = [...questionById.keys(), ...quizById.keys()];

export interface AnkiExportProps {
  db: AwaitwiseDb;
  disabled: boolean;
  /** What happened, for the section's status line. */
  onDone: (result: { ok: boolean; text: string }) => void;
}

export function AnkiExport({ db, disabled, onDone }: AnkiExportProps) {
  const [which, setWhich] = useState<Which>('deck');
  const exportNotes = async () => {
    try {
      const ids = which === 'all' ? ALL_IDS : (await listCards(db)).map((c) => c.id);
      const notes = ankiNotes(ids, questionById, quizById);
      if (notes.length === 0) {
        onDone({ ok: false, text: 'Your deck has no cards to export. Choose "All cards", or add cards first.' });
        return;
      }
      downloadText(`awaitwise-anki-${today()}.txt`, ankiFile(notes), 'text/plain;charset=utf-8');
      onDone({
        ok: true,
        text: `Exported ${notes.length} ${notes.length === 1 ? 'note' : 'notes'} for Anki. In Anki: File → Import, choose the file, then Import.`,
      });
    } catch (error) {
      onDone({ ok: false, text: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  return (
    <fieldset class="aw-anki-export">
      <legend>Export for Anki</legend>
      <p class="aw-muted">
        A text file Anki imports as it is: one Basic note per card (question on the front, answer and code on the back),
        in a deck named Awaitwise, tagged with its topics. Your review history stays here.
      </p>
      <label>
        <input type="radio" name="anki-which" checked={which === 'deck'} onChange={() => setWhich('deck')} /> The cards
        in my deck
      </label>
      <label>
        <input type="radio" name="anki-which" checked={which === 'all'} onChange={() => setWhich('all')} /> All{' '}
        {ALL_IDS.length} cards and quizzes
      </label>
      <div class="aw-row">
        <button type="button" class="aw-button" disabled={disabled} onClick={() => void exportNotes()}>
          Export for Anki
        </button>
      </div>
    </fieldset>
  );
}
