/**
 * Reading the code editor. Monaco, Ace and CodeMirror only render the lines in view, so the full text
 * lives in the page's own objects, which only a main-world script can reach. The content script asks
 * with window.postMessage on a random per-page channel; the main-world reader answers with the text.
 * The page can see and forge these messages (it shares the window), so replies are treated as
 * untrusted input: shape-checked, capped, and never more than { code, language }.
 */

import { isRecord } from '@/utils/is-record';
import { EDITOR_CODE_CAP, cleanLanguage, readEditorModel, type EditorModel } from './readers';

export { EDITOR_CODE_CAP, readEditorModel, visibleEditorText, type EditorModel } from './readers';

export const EDITOR_REQUEST_TYPE = 'awaitwise:editor-request';
export const EDITOR_REPLY_TYPE = 'awaitwise:editor-reply';
const CHANNEL_PATTERN = /^[A-Za-z0-9-]{16,64}$/;
const SCOPE_CAP = 200;

export interface EditorRequest {
  type: typeof EDITOR_REQUEST_TYPE;
  channel: string;
  id: number;
  /** CSS selector of the element holding the solution editor, when the page has several editors. */
  scope?: string;
}

export interface EditorReply extends EditorModel {
  type: typeof EDITOR_REPLY_TYPE;
  channel: string;
  id: number;
}

/** A fresh channel id; the content script picks one per page. */
export function newEditorChannel(): string {
  return crypto.randomUUID();
}

function isMessageId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export function parseEditorRequest(data: unknown): EditorRequest | null {
  if (!isRecord(data) || data.type !== EDITOR_REQUEST_TYPE) return null;
  const { channel, id, scope } = data;
  if (typeof channel !== 'string' || !CHANNEL_PATTERN.test(channel) || !isMessageId(id)) return null;
  const request: EditorRequest = { type: EDITOR_REQUEST_TYPE, channel, id };
  if (typeof scope === 'string' && scope.length <= SCOPE_CAP) request.scope = scope;
  return request;
}

/** Validates a reply on `channel`; anything else on the window is ignored. */
export function parseEditorReply(data: unknown, channel: string): (EditorModel & { id: number }) | null {
  if (!isRecord(data) || data.type !== EDITOR_REPLY_TYPE || data.channel !== channel) return null;
  const { id, code, language } = data;
  if (!isMessageId(id) || typeof code !== 'string') return null;
  const reply: EditorModel & { id: number } = { id, code: code.slice(0, EDITOR_CODE_CAP) };
  const lang = cleanLanguage(language);
  if (lang) reply.language = lang;
  return reply;
}

function fromSameWindow(win: Window, event: MessageEvent): boolean {
  return event.source === win && event.origin === win.location.origin;
}

/**
 * Main-world side: answers every valid request with the editor's text. Returns the unsubscribe.
 * `read` is injectable so tests can fake an editor.
 */
export function answerEditorRequests(
  win: Window,
  read: (win: Window, scope?: string) => EditorModel | null = readEditorModel,
): () => void {
  const onMessage = (event: MessageEvent) => {
    if (!fromSameWindow(win, event)) return;
    const request = parseEditorRequest(event.data);
    if (!request) return;
    const model = read(win, request.scope) ?? { code: '' };
    const reply: EditorReply = {
      type: EDITOR_REPLY_TYPE,
      channel: request.channel,
      id: request.id,
      code: model.code.slice(0, EDITOR_CODE_CAP),
    };
    const lang = cleanLanguage(model.language);
    if (lang) reply.language = lang;
    win.postMessage(reply, win.location.origin);
  };
  win.addEventListener('message', onMessage);
  return () => win.removeEventListener('message', onMessage);
}

let nextRequestId = 0;

/**
 * Content-script side: asks the main-world reader for the editor text. Resolves null when nobody
 * answers in time (reader not injected, e.g. Firefox before main-world support) so the caller can fall
 * back to visibleEditorText().
 */
export function requestEditorModel(
  win: Window,
  channel: string,
  timeoutMs = 500,
  scope?: string,
): Promise<EditorModel | null> {
  const id = nextRequestId++;
  return new Promise((resolve) => {
    const finish = (model: EditorModel | null) => {
      win.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(model);
    };
    const onMessage = (event: MessageEvent) => {
      if (!fromSameWindow(win, event)) return;
      const reply = parseEditorReply(event.data, channel);
      if (!reply || reply.id !== id) return;
      finish(reply.language ? { code: reply.code, language: reply.language } : { code: reply.code });
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    win.addEventListener('message', onMessage);
    const request: EditorRequest = { type: EDITOR_REQUEST_TYPE, channel, id };
    if (scope) request.scope = scope;
    win.postMessage(request, win.location.origin);
  });
}
