import { PageHeader } from '@/components/PageHeader';
import { PrivacyPolicy } from '@/components/PrivacyPolicy';
import { useState } from 'preact/hooks';
import { BackupPanel } from './BackupPanel';
import { HiddenProblems } from './HiddenProblems';
import { SyncPanel } from './SyncPanel';
import { useDb } from '@/components/hooks/use-db';
import { useSettings } from '@/components/hooks/use-settings';
import { useSyncEnabled } from '@/components/hooks/use-sync-enabled';
import { useTheme } from '@/components/hooks/use-theme';
import { siteName } from '@/components/ThisTabSummary';
import { SITE_IDS } from '@/utils/page-snapshot';
import { DEFAULT_SRS_SETTINGS, type SrsSettings } from '@/utils/srs/settings';
import type { ThemeChoice } from '@/utils/settings';

const NUMBER_FIELDS: {
  name: keyof SrsSettings;
  label: string;
  min: number;
  max: number;
  step: number;
  help: string;
}[] = [
  {
    name: 'desiredRetention',
    label: 'Desired retention',
    min: 0.7,
    max: 0.99,
    step: 0.01,
    help: 'Higher means more frequent reviews (0.70–0.99).',
  },
  {
    name: 'dayStartHour',
    label: 'New day starts at (hour)',
    min: 0,
    max: 23,
    step: 1,
    help: 'Reviews before this hour count for the previous day.',
  },
  {
    name: 'newPerDay',
    label: 'New cards per day',
    min: 0,
    max: 9999,
    step: 1,
    help: 'How many unseen cards to introduce each day.',
  },
  {
    name: 'reviewsPerDay',
    label: 'Reviews per day',
    min: 0,
    max: 99999,
    step: 1,
    help: 'A cap on review cards per day; learning steps are never capped.',
  },
];

export function App() {
  const { settings, loaded, update } = useSettings();
  const theme = useTheme(settings.theme);
  const db = useDb();
  const syncEnabled = useSyncEnabled();
  const [status, setStatus] = useState('');

  const save = async (next: typeof settings) => {
    await update(next);
    setStatus('Saved.');
  };

  return (
    <div class="aw-theme aw-page" data-theme={theme}>
      <PageHeader title="Awaitwise options">
        <span class="aw-status aw-ok" role="status">
          {status}
        </span>
      </PageHeader>
      <main class="aw-page-main aw-options" aria-busy={!loaded}>
        <section class="aw-section" aria-labelledby="sites-heading">
          <h2 id="sites-heading">Hints on sites</h2>
          <p class="aw-muted">Where the hint badge may appear on asyncio problems.</p>
          {SITE_IDS.map((id) => (
            <div class="aw-field-inline" key={id}>
              <input
                id={`site-${id}`}
                type="checkbox"
                checked={settings.sites[id]}
                onChange={(e) =>
                  void save({
                    ...settings,
                    sites: { ...settings.sites, [id]: e.currentTarget.checked },
                  })
                }
              />
              <label for={`site-${id}`}>{siteName(id)}</label>
            </div>
          ))}
        </section>
        <section class="aw-section" aria-labelledby="theme-heading">
          <h2 id="theme-heading">Appearance</h2>
          <div class="aw-field">
            <label for="theme">Theme</label>
            <select
              id="theme"
              value={settings.theme}
              onChange={(e) => void save({ ...settings, theme: e.currentTarget.value as ThemeChoice })}
            >
              <option value="system">Follow the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </div>
        </section>
        <section class="aw-section" aria-labelledby="srs-heading">
          <h2 id="srs-heading">Flashcards</h2>
          {NUMBER_FIELDS.map((field) => (
            <NumberField
              key={field.name}
              {...field}
              value={settings.srs[field.name]}
              onValid={(value) => void save({ ...settings, srs: { ...settings.srs, [field.name]: value } })}
            />
          ))}
          <button
            type="button"
            class="aw-button aw-secondary"
            onClick={() => void save({ ...settings, srs: DEFAULT_SRS_SETTINGS })}
          >
            Restore flashcard defaults
          </button>
        </section>
        <HiddenProblems />
        <SyncPanel />
        <BackupPanel db={db} />
        <section class="aw-section" aria-labelledby="privacy-heading">
          <h2 id="privacy-heading">Privacy</h2>
          <PrivacyPolicy syncEnabled={syncEnabled} syncHref="#sync-heading" />
        </section>
      </main>
    </div>
  );
}

/** Saves only values inside the allowed range; anything else is shown as an error and not saved. */
function NumberField(props: {
  name: string;
  label: string;
  min: number;
  max: number;
  step: number;
  help: string;
  value: number;
  onValid: (value: number) => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const id = `srs-${props.label.replace(/\W+/g, '-').toLowerCase()}`;
  const text = draft ?? String(props.value);
  const number = Number(text);
  const valid =
    text.trim() !== '' &&
    Number.isFinite(number) &&
    number >= props.min &&
    number <= props.max &&
    (props.step < 1 || Number.isInteger(number));
  return (
    <div class="aw-field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        min={props.min}
        max={props.max}
        step={props.step}
        value={text}
        aria-invalid={!valid}
        aria-describedby={`${id}-help`}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={() => {
          if (valid) {
            props.onValid(number);
            setDraft(null);
          }
        }}
      />
      <span id={`${id}-help`} class={valid ? 'aw-muted' : 'aw-error-box'}>
        {valid
          ? props.help
          : `Enter a ${props.step < 1 ? 'number' : 'whole number'} from ${props.min} to ${props.max}; not saved.`}
      </span>
    </div>
  );
}
