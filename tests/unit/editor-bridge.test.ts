import { Window as HappyWindow } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  EDITOR_CODE_CAP,
  EDITOR_REPLY_TYPE,
  EDITOR_REQUEST_TYPE,
  answerEditorRequests,
  newEditorChannel,
  parseEditorReply,
  parseEditorRequest,
  readEditorModel,
  requestEditorModel,
  visibleEditorText,
} from '@/utils/editor-bridge';

function page(html: string): Document {
  return new DOMParser().parseFromString(`<html><body>${html}</body></html>`, 'text/html');
}

/** A stand-in for the page's main-world window: the reader only touches document and editor globals. */
function mainWorld(doc: Document, globals: Record<string, unknown> = {}): Window {
  return { document: doc, ...globals } as unknown as Window;
}

const monacoEditor = (code: string, language: string, focused = false) => ({
  getModel: () => ({ getValue: () => code, getLanguageId: () => language }),
  hasTextFocus: () => focused,
});

describe('protocol messages', () => {
  const channel = newEditorChannel();

  it('accepts well-formed requests only', () => {
    expect(parseEditorRequest({ type: EDITOR_REQUEST_TYPE, channel, id: 3 })).toEqual({
      type: EDITOR_REQUEST_TYPE,
      channel,
      id: 3,
    });
    expect(parseEditorRequest({ type: EDITOR_REQUEST_TYPE, channel, id: 3, scope: '#code' })?.scope).toBe('#code');
    expect(
      parseEditorRequest({ type: EDITOR_REQUEST_TYPE, channel, id: 3, scope: 'x'.repeat(500) })?.scope,
    ).toBeUndefined();
    for (const bad of [
      null,
      'x',
      { type: 'other', channel, id: 1 },
      { type: EDITOR_REQUEST_TYPE, channel: 'short', id: 1 },
      { type: EDITOR_REQUEST_TYPE, channel, id: -1 },
      { type: EDITOR_REQUEST_TYPE, channel, id: 1.5 },
    ]) {
      expect(parseEditorRequest(bad)).toBeNull();
    }
  });

  it('accepts replies on its own channel only, capped and with a clean language', () => {
    expect(
      parseEditorReply({ type: EDITOR_REPLY_TYPE, channel, id: 1, code: 'x = 1', language: 'Python' }, channel),
    ).toEqual({ id: 1, code: 'x = 1', language: 'python' });
    expect(
      parseEditorReply({ type: EDITOR_REPLY_TYPE, channel: newEditorChannel(), id: 1, code: 'x' }, channel),
    ).toBeNull();
    expect(parseEditorReply({ type: EDITOR_REPLY_TYPE, channel, id: 1, code: 42 }, channel)).toBeNull();
    expect(
      parseEditorReply({ type: EDITOR_REPLY_TYPE, channel, id: 1, code: 'x', language: '<img onerror=x>' }, channel),
    ).toEqual({ id: 1, code: 'x' });
    expect(
      parseEditorReply({ type: EDITOR_REPLY_TYPE, channel, id: 1, code: 'y'.repeat(EDITOR_CODE_CAP + 5) }, channel)
        ?.code,
    ).toHaveLength(EDITOR_CODE_CAP);
  });
});

describe('request and answer over window.postMessage', () => {
  // A window of its own: vitest's global `window` is a copy whose identity differs from event.source.
  let happy: HappyWindow;
  let window: Window;
  let stop: (() => void) | undefined;
  beforeEach(() => {
    happy = new HappyWindow({ url: 'https://leetcode.com/problems/print-in-order/' });
    window = happy as unknown as Window;
  });
  afterEach(async () => {
    stop?.();
    stop = undefined;
    await happy.happyDOM.close();
  });

  it('gets the main world’s answer, scoped as asked', async () => {
    const asked: (string | undefined)[] = [];
    stop = answerEditorRequests(window, (_win, scope) => {
      asked.push(scope);
      return { code: 'async def main():\n    pass', language: 'python' };
    });
    const model = await requestEditorModel(window, newEditorChannel(), 2_000, '#code');
    expect(model).toEqual({ code: 'async def main():\n    pass', language: 'python' });
    expect(asked).toEqual(['#code']);
  });

  it('answers an empty editor with empty code, and nobody answering with null', async () => {
    stop = answerEditorRequests(window, () => null);
    expect(await requestEditorModel(window, newEditorChannel(), 2_000)).toEqual({ code: '' });
    stop();
    stop = undefined;
    expect(await requestEditorModel(window, newEditorChannel(), 50)).toBeNull();
  });

  it('ignores forged replies from another source or channel', async () => {
    const channel = newEditorChannel();
    window.addEventListener('message', (event: MessageEvent) => {
      const request = parseEditorRequest(event.data);
      if (!request) return;
      const forged = { type: EDITOR_REPLY_TYPE, channel, id: request.id, code: 'forged' };
      // right channel and id, but not from this window (an iframe or another frame's script)
      happy.dispatchEvent(
        new happy.MessageEvent('message', { data: forged, origin: happy.location.origin, source: null }),
      );
      happy.dispatchEvent(
        new happy.MessageEvent('message', { data: forged, origin: 'https://evil.example', source: happy }),
      );
      // from this window, but on another channel
      window.postMessage({ ...forged, channel: newEditorChannel() }, window.location.origin);
    });
    expect(await requestEditorModel(window, channel, 300)).toBeNull();
  });
});

describe('readEditorModel (main world)', () => {
  it('prefers the focused Monaco editor, else the longest', () => {
    const doc = page('');
    const editors = [monacoEditor('print(1)', 'python'), monacoEditor('x = 1', 'python', true)];
    expect(readEditorModel(mainWorld(doc, { monaco: { editor: { getEditors: () => editors } } }))).toEqual({
      code: 'x = 1',
      language: 'python',
    });
    const unfocused = [monacoEditor('1', 'plaintext'), monacoEditor('class Solution:\n    pass', 'python')];
    expect(readEditorModel(mainWorld(doc, { monaco: { editor: { getEditors: () => unfocused } } }))?.code).toBe(
      'class Solution:\n    pass',
    );
  });

  it('falls back to Monaco models when the build has no getEditors', () => {
    const models = [{ getValue: () => 'var sleep = async function(ms) {}', getLanguageId: () => 'javascript' }];
    expect(readEditorModel(mainWorld(page(''), { monaco: { editor: { getModels: () => models } } }))).toEqual({
      code: 'var sleep = async function(ms) {}',
      language: 'javascript',
    });
  });

  it('survives a page whose editor objects throw or lie', () => {
    const hostile = {
      editor: {
        getEditors: () => [
          {
            getModel: () => {
              throw new Error('no');
            },
          },
          { getModel: () => ({ getValue: () => 42 }) },
        ],
        getModels: () => {
          throw new Error('no');
        },
      },
    };
    expect(readEditorModel(mainWorld(page(''), { monaco: hostile }))).toBeNull();
    expect(readEditorModel(mainWorld(page(''), { monaco: 'not an object' }))).toBeNull();
  });

  it('reads Ace from the element’s editor, with the mode as language', () => {
    const doc = page('<div class="ace_editor"></div>');
    Object.assign(doc.querySelector('.ace_editor')!, {
      env: {
        editor: { getValue: () => 'def f():\n    pass', session: { getMode: () => ({ $id: 'ace/mode/python' }) } },
      },
    });
    expect(readEditorModel(mainWorld(doc))).toEqual({ code: 'def f():\n    pass', language: 'python' });
  });

  it('asks window.ace for an Ace element without an attached editor', () => {
    const doc = page('<div class="ace_editor"></div>');
    const ace = { edit: () => ({ getValue: () => 'via ace.edit' }) };
    expect(readEditorModel(mainWorld(doc, { ace }))?.code).toBe('via ace.edit');
  });

  it('reads CodeMirror 5 and 6', () => {
    const doc5 = page('<div class="CodeMirror"></div>');
    Object.assign(doc5.querySelector('.CodeMirror')!, {
      CodeMirror: { getValue: () => 'def multiply(a, b):\n  return a * b', getOption: () => ({ name: 'python' }) },
    });
    expect(readEditorModel(mainWorld(doc5))).toEqual({
      code: 'def multiply(a, b):\n  return a * b',
      language: 'python',
    });

    const doc6 = page('<div class="cm-editor"><div class="cm-content" data-language="javascript"></div></div>');
    Object.assign(doc6.querySelector('.cm-content')!, {
      cmView: { rootView: { view: { state: { doc: { toString: () => 'export const x = 1;' } } } } },
    });
    expect(readEditorModel(mainWorld(doc6))).toEqual({ code: 'export const x = 1;', language: 'javascript' });
  });

  it('keeps to the scope when the page has a solution editor and a test editor', () => {
    const doc = page(
      '<div id="code"><div class="CodeMirror"></div></div><div id="fixture"><div class="CodeMirror"></div></div>',
    );
    const [code, fixture] = [...doc.querySelectorAll('.CodeMirror')];
    Object.assign(code!, { CodeMirror: { getValue: () => 'def f(): pass' } });
    Object.assign(fixture!, { CodeMirror: { getValue: () => 'import codewars_test as test\n# many sample tests' } });
    expect(readEditorModel(mainWorld(doc), '#code')?.code).toBe('def f(): pass');
    expect(readEditorModel(mainWorld(doc))?.code).toContain('codewars_test');
    expect(readEditorModel(mainWorld(doc), '#missing')?.code).toContain('codewars_test');
  });

  it('returns null without any editor', () => {
    expect(readEditorModel(mainWorld(page('<p>no editor</p>')))).toBeNull();
  });
});

describe('visibleEditorText (isolated world fallback)', () => {
  it('orders Monaco lines by position and turns nbsp back into spaces', () => {
    const doc = page(
      '<div class="monaco-editor"><div class="view-lines">' +
        '<div class="view-line" style="top:20px"><span>&nbsp;&nbsp;&nbsp;&nbsp;pass</span></div>' +
        '<div class="view-line" style="top:0px"><span>def&nbsp;f():</span></div>' +
        '</div><textarea class="inputarea">ignored</textarea></div>',
    );
    expect(visibleEditorText(doc)).toBe('def f():\n    pass');
  });

  it('reads Ace, CodeMirror 6 and CodeMirror 5 lines', () => {
    expect(
      visibleEditorText(
        page(
          '<div class="ace_editor"><div class="ace_text-layer"><div class="ace_line_group" style="top:19px"><div class="ace_line">b</div></div><div class="ace_line_group" style="top:0px"><div class="ace_line">a</div></div></div></div>',
        ),
      ),
    ).toBe('a\nb');
    expect(
      visibleEditorText(
        page(
          '<div class="cm-editor"><div class="cm-content"><div class="cm-line">x = 1</div><div class="cm-line"><br></div><div class="cm-line">y = 2</div></div></div>',
        ),
      ),
    ).toBe('x = 1\n\ny = 2');
    expect(
      visibleEditorText(
        page(
          '<div class="CodeMirror"><div class="CodeMirror-code"><pre class="CodeMirror-line">one</pre><pre class="CodeMirror-line">two</pre></div></div>',
        ),
      ),
    ).toBe('one\ntwo');
  });

  it('uses the scope, and a plain textarea when there is no editor', () => {
    const doc = page(
      '<div id="code"><div class="CodeMirror"><div class="CodeMirror-code"><pre class="CodeMirror-line">short</pre></div></div></div><div class="CodeMirror"><div class="CodeMirror-code"><pre class="CodeMirror-line">a much longer test file</pre></div></div>',
    );
    expect(visibleEditorText(doc, '#code')).toBe('short');
    expect(visibleEditorText(doc)).toBe('a much longer test file');
    const plain = page('<textarea class="ace_text-input">helper</textarea><textarea id="src"></textarea>');
    (plain.querySelector('#src') as HTMLTextAreaElement).value = 'print("hi")';
    expect(visibleEditorText(plain)).toBe('print("hi")');
    expect(visibleEditorText(page('<p>nothing</p>'))).toBe('');
  });
});
