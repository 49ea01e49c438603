import type { ComponentChildren } from 'preact';

/** The brand bar at the top of the popup, side panel and options page; `children` go on the right. */
export function PageHeader({ title = 'Awaitwise', children }: { title?: string; children?: ComponentChildren }) {
  return (
    <header class="aw-page-head">
      <h1>
        <img class="aw-logo" src="/icon/32.png" alt="" />
        {title}
      </h1>
      {children}
    </header>
  );
}
