import { useState } from 'preact/hooks';
import type { AwaitwiseDb } from '@/utils/db';
import { questionById } from '@/utils/knowledge';
import { exportBackup, importBackupText, serialiseBackup, type ImportMode } from '@/utils/srs/backup';

const knownIds: ReadonlySet<string> = new Set(questionById.keys());

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'ok'; text: string } | { kind: 'error'; text: string };

/** "expected an object at cards[0]" → "Expected an object at cards[0]." */
function asSentence(message: string): string {
  const text = message.trim().replace(/^JSON\.parse: /, 'The file is not valid JSON: ');
  if (!text) return '';
  const sentence = text[0]!.toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** Export to a versioned JSON file; import validates the whole file before it touches the database. */
export function BackupPanel({ db }: { db: AwaitwiseDb }) {
  const [mode, setMode] = useState<ImportMode>('merge');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** The file chosen for "replace", waiting for the user to confirm. */
  const [pending, setPending] = useState<File | null>(null);
  const [fileName, setFileName] = useState('');

  const download = async () => {
    setStatus({ kind: 'busy' });
    try {
      const backup = await exportBackup(db, Date.now());
      const blob = new Blob([serialiseBackup(backup)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `awaitwise-backup-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ kind: 'ok', text: `Exported ${backup.cards.length} cards and ${backup.reviewLogs.length} reviews.` });
    } catch (error) {
      setStatus({ kind: 'error', text: `Export failed: ${(error as Error).message}` });
    }
  };

  const choose = (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    if (mode === 'replace') setPending(file);
    else void upload(file);
  };

  const upload = async (file: File) => {
    setPending(null);
    setStatus({ kind: 'busy' });
    try {
      const result = await importBackupText(db, await file.text(), knownIds, mode);
      if (!result.ok) {
        setStatus({ kind: 'error', text: `Nothing was imported from ${file.name}. ${asSentence(result.error)}` });
        return;
      }
      const s = result.summary;
      setStatus({
        kind: 'ok',
        text:
          `Imported: ${s.cardsAdded} cards added, ${s.cardsUpdated} updated, ${s.logsAdded} reviews, ${s.savedAdded} saved problems.` +
          (s.cardsSetAside.length > 0
            ? ` Skipped ${s.cardsSetAside.length} card${s.cardsSetAside.length === 1 ? '' : 's'} this version does not know (${s.cardsSetAside.join(', ')})` +
              (s.setAsideKept
                ? `; their ${s.logsSetAside} reviews are kept aside.`
                : '; their history was too large to keep.')
            : ''),
      });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: `Importing ${file.name} failed and nothing was changed. ${asSentence((error as Error).message)}`,
      });
    }
  };

  return (
    <section class="aw-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p class="aw-muted">Your progress lives only in this browser. Export it to a file to keep it safe or move it.</p>
      <div class="aw-row">
        <button type="button" class="aw-button" onClick={() => void download()} disabled={status.kind === 'busy'}>
          Export progress
        </button>
      </div>
      <div class="aw-field" style={{ marginTop: '12px' }}>
        <label for="import-mode">When importing</label>
        <select
          id="import-mode"
          value={mode}
          onChange={(e) => setMode((e.currentTarget as HTMLSelectElement).value as ImportMode)}
        >
          <option value="merge">Merge with my progress (newer reviews win)</option>
          <option value="replace">Replace my progress with the file</option>
        </select>
      </div>
      <div class="aw-field">
        <label for="import-file">Import a backup file</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          disabled={status.kind === 'busy'}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            choose(input.files?.[0]);
            input.value = '';
          }}
        />
        {fileName && (
          <span class="aw-muted" data-testid="chosen-file">
            Chosen file: {fileName}
          </span>
        )}
      </div>
      {pending && (
        <div class="aw-confirm" role="group" aria-label="Confirm replacing your progress">
          <p>
            Replace all your cards, reviews and saved problems with the contents of <strong>{pending.name}</strong>?
            This cannot be undone; export first to keep a copy.
          </p>
          <div class="aw-row">
            <button type="button" class="aw-button" onClick={() => void upload(pending)}>
              Replace my progress
            </button>
            <button type="button" class="aw-button aw-secondary" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <p
        role="status"
        aria-live="polite"
        class={status.kind === 'error' ? 'aw-error-box' : status.kind === 'ok' ? 'aw-ok' : 'aw-muted'}
      >
        {status.kind === 'busy' ? 'Working…' : status.kind === 'ok' || status.kind === 'error' ? status.text : ''}
      </p>
    </section>
  );
}
