import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useTick } from '@/components/hooks/use-tick';
import {
  loadPrefs,
  loadStatus,
  PREFS_KEY,
  requestSync,
  setSyncEnabled,
  watchStatus,
  type SyncPrefs,
  type SyncStatus,
} from '@/utils/sync/prefs';
import { syncStatusText, type Tone } from '@/utils/sync/status-text';
import './SyncPanel.css';

const TONE_CLASS: Record<Tone, string> = { ok: 'aw-ok', warn: 'aw-warn', off: 'aw-muted', error: 'aw-error' };

/** Sync's switch, state and "Sync now"; the background does the syncing and reports here through storage.local. */
export function SyncPanel() {
  const [prefs, setPrefs] = useState<SyncPrefs | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [asked, setAsked] = useState<number | null>(null);
  useTick(30_000);

  useEffect(() => {
    void loadPrefs().then(setPrefs);
    void loadStatus().then(setStatus);
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && PREFS_KEY in changes) void loadPrefs().then(setPrefs);
    };
    browser.storage.onChanged.addListener(listener);
    const stopStatus = watchStatus(setStatus);
    return () => {
      browser.storage.onChanged.removeListener(listener);
      stopStatus();
    };
  }, []);

  // "Syncing…" lasts until the background reports this request done or failed (or 15 s, if it never answers).
  useEffect(() => {
    if (asked === null) return;
    const done =
      (status?.lastSyncedAt ?? 0) >= asked ||
      ['rate-limited', 'error', 'unavailable', 'idle'].includes(status?.phase ?? '');
    if (done) setAsked(null);
    const timer = setTimeout(() => setAsked(null), 15_000);
    return () => clearTimeout(timer);
  }, [asked, status]);
  const syncing = asked !== null && !!prefs?.enabled;
  return (
    <SyncPanelView
      prefs={prefs}
      status={status}
      now={Date.now()}
      syncing={syncing}
      onToggle={(enabled) => {
        // Shown at once: the switch is controlled, and a status report re-rendering it before the stored
        // preference changed would flip it back under the user's click.
        setPrefs((current) => (current ? { ...current, enabled } : current));
        void setSyncEnabled(enabled);
      }}
      onSyncNow={() => {
        setAsked(Date.now());
        void requestSync();
      }}
    />
  );
}

export function SyncPanelView(props: {
  prefs: Pick<SyncPrefs, 'enabled'> | null;
  status: SyncStatus | null;
  now: number;
  syncing: boolean;
  onToggle: (enabled: boolean) => void;
  onSyncNow: () => void;
}) {
  const full = syncStatusText(props.prefs, props.status, props.now);
  const text = props.syncing ? { ...full, headline: 'Syncing…', tone: 'ok' as Tone, detail: undefined } : full;
  const enabled = props.prefs?.enabled ?? false;
  return (
    <section class="aw-section aw-sync" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <div class="aw-field-inline">
        <input
          id="sync-enabled"
          type="checkbox"
          role="switch"
          checked={enabled}
          disabled={!props.prefs}
          aria-describedby="sync-state"
          onChange={(e) => props.onToggle(e.currentTarget.checked)}
        />
        <label for="sync-enabled">Sync my progress with my other devices</label>
      </div>
      <div id="sync-state" class="aw-sync-state" role="status" aria-live="polite">
        <p class={`aw-sync-headline ${TONE_CLASS[text.tone]}`}>{text.headline}</p>
        {text.detail && <p class="aw-muted aw-sync-detail">{text.detail}</p>}
        {text.notices.map((notice) => (
          <p key={notice.slice(0, 12)} class="aw-sync-notice">
            {notice}
          </p>
        ))}
      </div>
      <div class="aw-row">
        <button
          type="button"
          class="aw-button aw-secondary"
          disabled={!enabled || props.syncing}
          onClick={() => props.onSyncNow()}
        >
          Sync now
        </button>
      </div>
      <p class="aw-muted aw-sync-about">
        Through the browser's own sync, with no account or server of ours: it reaches your other devices when you are
        signed in to the browser there and here (the browser does not tell extensions whether you are).
      </p>
      <p class="aw-muted aw-sync-about">
        Travels: card schedules, settings, saved and hidden problems, solved problems, reviews per day. Your full review
        history stays in this browser; it is in the backup file.
      </p>
    </section>
  );
}
