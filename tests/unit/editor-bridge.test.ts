import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { EDITOR_CODE_CAP, parseEditorModel, readEditorInPage, visibleEditorText } from '@/utils/editor-bridge';

function page(html: string): Document {
  return new DOMParser().parseFromString(`<html><body>${html}</body></html>`, 'text/html');
}

/**
 * Runs the reader as the background injects it: its source alone, in a fresh global with the page's
 * document and globals (scripting.executeScript serialises the function, so it may use nothing else).
 */
function readEditorModel(
  doc: Document,
  globals: Record<string, unknown> = {},
  scope: string | null = null,
): ReturnType<typeof readEditorInPage> {
  const sandbox = { document: doc, Element: doc.defaultView?.Element ?? globalThis.Element, scope, ...globals };
  const raw: unknown = runInNewContext(`(${readEditorInPage.toString()})(scope)`, sandbox);
  // The values come from another realm: read them back as plain data.
  return raw === null ? null : (JSON.parse(JSON.stringify(raw)) as ReturnType<typeof readEditorInPage>);
}
const mainWorld = (doc: Document, globals: Record<string, unknown> = {}) => ({ doc, globals });
const read = (world: { doc: Document; globals: Record<string, unknown> }, scope?: string) =>
  readEditorModel(world.doc, world.globals, scope ?? null);

const monacoEditor = (code: string, language: string, focused = false) => ({
  getModel: () => ({ getValue: () => code, getLanguageId: () => language }),
  hasTextFocus: () => focused,
});

describe('parseEditorModel (what the background accepts back)', () => {
  it('keeps code and a clean language, capped; anything else is nothing', () => {
    expect(parseEditorModel({ code: 'x = 1', language: 'Python' })).toEqual({ code: 'x = 1', language: 'python' });
    expect(parseEditorModel({ code: 'x', language: '<img onerror=x>' })).toEqual({ code: 'x' });
    expect(parseEditorModel({ code: 'y'.repeat(EDITOR_CODE_CAP + 5) })?.code).toHaveLength(EDITOR_CODE_CAP);
    for (const bad of [null, undefined, 'x', 42, { code: 42 }, { language: 'python' }]) {
      expect(parseEditorModel(bad)).toBeNull();
    }
  });
});

describe('readEditorInPage (the page\'s world, injected as a function)', () => {
  it('prefers the focused Monaco editor, else the longest', () => {
    const doc = page('');
    const editors = [monacoEditor('print(1)', 'python'), monacoEditor('x = 1', 'python', true)];
    expect(read(mainWorld(doc, { monaco: { editor: { getEditors: () => editors } } }))).toEqual({
      code: 'x = 1',
      language: 'python',
    });
    const unfocused = [monacoEditor('1', 'plaintext'), monacoEditor('class Solution:\n    pass', 'python')];
    expect(read(mainWorld(doc, { monaco: { editor: { getEditors: () => unfocused } } }))?.code).toBe(
      'class Solution:\n    pass',
    );
  });

  it('falls back to Monaco models when the build has no getEditors', () => {
    const models = [{ getValue: () => 'var sleep = async function(ms) {}', getLanguageId: () => 'javascript' }];
    expect(read(mainWorld(page(''), { monaco: { editor: { getModels: () => models } } }))).toEqual({
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
    expect(read(mainWorld(page(''), { monaco: hostile }))).toBeNull();
    expect(read(mainWorld(page(''), { monaco: 'not an object' }))).toBeNull();
    const trap = new Proxy(
      {},
      {
        get() {
          throw new Error('trap');
        },
      },
    );
    expect(read(mainWorld(page(''), { monaco: trap }))).toBeNull();
  });

  it('reads Ace from the element’s editor, with the mode as language', () => {
    const doc = page('<div class="ace_editor"></div>');
    Object.assign(doc.querySelector('.ace_editor')!, {
      env: {
        editor: { getValue: () => 'def f():\n    pass', session: { getMode: () => ({ $id: 'ace/mode/python' }) } },
      },
    });
    expect(read(mainWorld(doc))).toEqual({ code: 'def f():\n    pass', language: 'python' });
  });

  it('asks window.ace for an Ace element without an attached editor', () => {
    const doc = page('<div class="ace_editor"></div>');
    const ace = { edit: () => ({ getValue: () => 'via ace.edit' }) };
    expect(read(mainWorld(doc, { ace }))?.code).toBe('via ace.edit');
  });

  it('reads CodeMirror 5 and 6', () => {
    const doc5 = page('<div class="CodeMirror"></div>');
    Object.assign(doc5.querySelector('.CodeMirror')!, {
      CodeMirror: { getValue: () => 'def multiply(a, b):\n  return a * b', getOption: () => ({ name: 'python' }) },
    });
    expect(read(mainWorld(doc5))).toEqual({
      code: 'def multiply(a, b):\n  return a * b',
      language: 'python',
    });

    const doc6 = page('<div class="cm-editor"><div class="cm-content" data-language="javascript"></div></div>');
    Object.assign(doc6.querySelector('.cm-content')!, {
      cmView: { rootView: { view: { state: { doc: { toString: () => 'export const x = 1;' } } } } },
    });
    expect(read(mainWorld(doc6))).toEqual({ code: 'export const x = 1;', language: 'javascript' });
  });

  it('keeps to the scope when the page has a solution editor and a test editor', () => {
    const doc = page(
      '<div id="code"><div class="CodeMirror"></div></div><div id="fixture"><div class="CodeMirror"></div></div>',
    );
    const [code, fixture] = [...doc.querySelectorAll('.CodeMirror')];
    Object.assign(code!, { CodeMirror: { getValue: () => 'def f(): pass' } });
    Object.assign(fixture!, { CodeMirror: { getValue: () => 'import codewars_test as test\n# many sample tests' } });
    expect(read(mainWorld(doc), '#code')?.code).toBe('def f(): pass');
    expect(read(mainWorld(doc))?.code).toContain('codewars_test');
    expect(read(mainWorld(doc), '#missing')?.code).toContain('codewars_test');
    expect(read(mainWorld(doc), '[[not a selector')?.code).toContain('codewars_test');
  });

  it('returns null without any editor', () => {
    expect(read(mainWorld(page('<p>no editor</p>')))).toBeNull();
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
