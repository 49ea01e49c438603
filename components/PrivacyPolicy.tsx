import { PRIVACY_INTRO, PRIVACY_SECTIONS, PRIVACY_TITLE, syncStatusSentence } from './privacy-text';

/**
 * Whether sync is on here, with the way to turn it off, then the whole privacy policy (the text of PRIVACY.md)
 * behind a disclosure. `syncHref` leads to Options' sync switch.
 */
export function PrivacyPolicy(props: { syncEnabled: boolean | null; syncHref: string; open?: boolean }) {
  return (
    <div class="aw-privacy">
      <p class="aw-privacy-status" data-testid="privacy-sync-status">
        {syncStatusSentence(props.syncEnabled)}{' '}
        <a href={props.syncHref}>{props.syncEnabled === false ? 'Turn sync on' : 'Turn sync off'}</a>
      </p>
      <details class="aw-privacy-policy" open={props.open}>
        <summary>{PRIVACY_TITLE}</summary>
        <p>{PRIVACY_INTRO}</p>
        {PRIVACY_SECTIONS.map((section) => (
          <section key={section.heading}>
            <h3>{section.heading}</h3>
            <ul>
              {section.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </section>
        ))}
      </details>
    </div>
  );
}
