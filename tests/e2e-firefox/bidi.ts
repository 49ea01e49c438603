/**
 * Raw WebDriver BiDi for the Firefox suite. puppeteer-core 24 speaks BiDi to Firefox but keeps the
 * connection internal (`BidiBrowser.connection`, `BidiFrame._id`, lib/esm/puppeteer/bidi/); this is the one
 * typed door to it, checked at run time so a puppeteer upgrade that moves them fails here, by name.
 */
import type { Browser, Page } from 'puppeteer-core';

/** The few BiDi remote values the tests read (https://w3c.github.io/webdriver-bidi/#type-script-RemoteValue). */
export interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

export type LocalValue = { sharedId: string } | { type: 'string'; value: string } | { type: 'null' };

export type EvaluateResult =
  | { type: 'success'; result: RemoteValue; realm: string }
  | { type: 'exception'; exceptionDetails: { text: string }; realm: string };

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  text: string | null;
  source: { realm: string; context?: string };
  type: string;
}

export interface Bidi {
  send(method: string, params: object): Promise<unknown>;
  on(event: 'log.entryAdded', handler: (entry: LogEntry) => void): void;
}

interface RawConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: string, handler: (params: never) => void): unknown;
}

function isRawConnection(value: unknown): value is RawConnection {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'send') === 'function' &&
    typeof Reflect.get(value, 'on') === 'function'
  );
}

export function bidiOf(browser: Browser): Bidi {
  const connection: unknown = Reflect.get(browser, 'connection');
  if (!isRawConnection(connection))
    throw new Error('puppeteer-core no longer exposes its BiDi connection as browser.connection');
  return {
    send: async (method, params) => (await connection.send(method, params)).result,
    on: (event, handler) => void connection.on(event, handler),
  };
}

/** The BiDi browsing context id of a page's top frame. */
export function contextOf(page: Page): string {
  const id: unknown = Reflect.get(page.mainFrame(), '_id');
  if (typeof id !== 'string') throw new Error("puppeteer-core no longer keeps the frame's BiDi context as _id");
  return id;
}

export function isEvaluateResult(value: unknown): value is EvaluateResult {
  if (typeof value !== 'object' || value === null) return false;
  const type: unknown = Reflect.get(value, 'type');
  return type === 'success' || type === 'exception';
}
