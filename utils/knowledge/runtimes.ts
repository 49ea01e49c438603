import type { BrowserGap } from '../knowledge-types';

/** Shown next to a snippet's verified output in place of a Run button. */
export const browserGapText: Readonly<Record<BrowserGap, string>> = {
  threads: 'Uses threads, which the in-browser Python does not have. The output shown was verified on CPython.',
  processes: 'Starts worker processes, which the in-browser Python cannot. The output shown was verified on CPython.',
  subprocess: 'Runs a subprocess, which the in-browser Python cannot. The output shown was verified on CPython.',
  sockets: 'Opens network sockets; the extension never touches the network. The output shown was verified on CPython.',
  signals: 'Uses operating-system signals, which the browser does not have. The output shown was verified on CPython.',
  packages: 'Needs a third-party package that is not bundled; run it in your own environment.',
  'event-loop':
    "Depends on details of CPython's own event loop that the in-browser runtime replaces. The output shown was verified on CPython.",
};
