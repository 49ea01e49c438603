import { useState } from 'preact/hooks';
import type { AwaitwiseDb } from '@/utils/db';
import { AnkiExport } from './AnkiExport';
import { downloadText, today } from './download';
import { questionEntryById } from '@/utils/knowledge';
import {
  exportBackup,
  importBackupText,
  serialiseBackup,
  type ImportMode,
  type ImportProgress,
  type ImportSummary,
} from '@/utils/srs/backup';

const knownIds: ReadonlySet<string> = new Set(questionEntryById.keys());

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; progress?: ImportProgress }
  | { kind: 'ok'; text: string }
  | { kind: 'error'; text: string };

const PROGRESS_EVERY_MS = 250;
const count = (n: number) => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

/** "Importing… 40,000 of 100,000 reviews": checking comes first, then writing. */
export function progressText(progress: ImportProgress | undefined): string {
  if (!progress) return 'Working…';
  const verb = progress.phase === 'checking' ? 'Checking' : 'Importing';
  return `${verb}… ${count(progress.done)} of ${plural(progress.total, 'review')}`;
}

const PART_NAMES = { sites: 'sites', theme: 'theme', srs: 'flashcard settings', hiddenBadges: 'hidden badges' };
const MODE_VALUES: readonly string[] = ['merge', 'replace'] satisfies ImportMode[];
const isMode = (value: string): value is ImportMode => MODE_VALUES.includes(value);

/** The sentence after an import: what was written, what was skipped and why. */
export function summaryText(s: ImportSummary): string {
  let text = `Imported: ${s.cardsAdded} cards added, ${s.cardsUpdated} updated, ${s.logsAdded} reviews, ${s.savedAdded} saved problems.`;
  if (s.cardsSetAside.length > 0) {
    text +=
      ` Skipped ${s.cardsSetAside.length} card${s.cardsSetAside.length === 1 ? '' : 's'} this version does not know (${s.cardsSetAside.join(', ')})` +
      (s.setAsideKept ? `; their ${s.logsSetAside} reviews are kept aside.` : '; their history was too large to keep.');
  }
  if (s.settingsRestored.length > 0) {
    text += ` Settings restored: ${s.settingsRestored.map((p) => PART_NAMES[p]).join(', ')}.`;
  }
  if (s.settingsKept.length > 0) {
    text += ` Your settings were kept (the file's ${s.settingsKept.map((p) => PART_NAMES[p]).join(', ')} were not restored).`;
  }
  if (s.settingsSkipped.length > 0) {
    text += ` Settings not restored (yours were kept): ${s.settingsSkipped.join('; ')}.`;
  }
  return text;
}

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
  const [restoreSettings, setRestoreSettings] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  /** The file chosen for "replace", waiting for the user to confirm. */
  const [pending, setPending] = useState<File | null>(null);
  const [fileName, setFileName] = useState('');
  const busy = status.kind === 'busy';

  const download = async () => {
    setStatus({ kind: 'busy' });
    try {
      const backup = await exportBackup(db, Date.now());
      downloadText(`awaitwise-backup-${today()}.json`, serialiseBackup(backup), 'application/json');
      setStatus({
        kind: 'ok',
        text: `Exported ${backup.cards.length} cards, ${backup.reviewLogs.length} reviews and your settings.`,
      });
    } catch (error) {
      setStatus({ kind: 'error', text: `Export failed: ${error instanceof Error ? error.message : String(error)}` });
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
      let shownAt = -Infinity;
      const result = await importBackupText(db, await file.text(), knownIds, mode, {
        restoreSettings,
        // A few updates a second: each one is announced (role="status"), and rendering them all is wasted work.
        onProgress: (progress) => {
          const now = performance.now();
          if (now - shownAt < PROGRESS_EVERY_MS && progress.done < progress.total) return;
          shownAt = now;
          setStatus({ kind: 'busy', progress });
        },
      });
      if (!result.ok) {
        setStatus({ kind: 'error', text: `Nothing was imported from ${file.name}. ${asSentence(result.error)}` });
        return;
      }
      setStatus({ kind: 'ok', text: summaryText(result.summary) });
    } catch (error) {
      setStatus({
        kind: 'error',
        text: `Importing ${file.name} failed and nothing was changed. ${asSentence(error instanceof Error ? error.message : String(error))}`,
      });
    }
  };

  return (
    <section class="aw-section" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p class="aw-muted">
        This browser keeps all your progress; sync, when on, copies only part of it (see Sync). Export a file to keep it
        safe or move it: the file holds your cards, reviews and saved problems, and your settings (sites, theme,
        flashcard settings, hidden badges).
      </p>
      <div class="aw-row">
        <button type="button" class="aw-button" onClick={() => void download()} disabled={busy}>
          Export progress
        </button>
      </div>
      <AnkiExport db={db} disabled={busy} onDone={({ ok, text }) => setStatus({ kind: ok ? 'ok' : 'error', text })} />
      <div class="aw-field" style={{ marginTop: '12px' }}>
        <label for="import-mode">When importing</label>
        <select
          id="import-mode"
          value={mode}
          disabled={busy}
          onChange={(e) => {
            const value = e.currentTarget.value;
            if (isMode(value)) setMode(value);
          }}
        >
          <option value="merge">Merge with my progress (newer reviews win)</option>
          <option value="replace">Replace my progress with the file</option>
        </select>
      </div>
      {mode === 'merge' && (
        <div class="aw-field-inline">
          <input
            id="import-settings"
            type="checkbox"
            checked={restoreSettings}
            disabled={busy}
            onChange={(e) => setRestoreSettings(e.currentTarget.checked)}
          />
          <label for="import-settings">Also restore the file's settings (sites, theme, flashcard settings)</label>
        </div>
      )}
      <div class="aw-field">
        <label for="import-file">Import a backup file</label>
        <input
          id="import-file"
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
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
            Replace all your cards, reviews and saved problems with the contents of <strong>{pending.name}</strong>, and
            your settings with those it holds? This cannot be undone; export first to keep a copy.
          </p>
          <div class="aw-row">
            <button type="button" class="aw-button" onClick={() => void upload(pending)} disabled={busy}>
              Replace my progress
            </button>
            <button type="button" class="aw-button aw-secondary" onClick={() => setPending(null)} disabled={busy}>
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
        {status.kind === 'busy'
          ? progressText(status.progress)
          : status.kind === 'ok' || status.kind === 'error'
            ? status.text
            : ''}
      </p>
    </section>
  );
}
