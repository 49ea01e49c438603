/**
 * A Python editor: CodeMirror 6 with @codemirror/lang-python (the same @lezer/python grammar as our
 * asyncio linter), the linter as a live lint source whose findings link to the card that explains them,
 * and Ctrl/Cmd+Enter to run. Props only: the page owns the text and decides what Run does.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { EditorState, Compartment } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  keymap,
  lineNumbers,
  highlightActiveLine,
  highlightActiveLineGutter,
  drawSelection,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, indentOnInput, syntaxHighlighting, HighlightStyle } from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { tags } from '@lezer/highlight';
import type { LintFinding } from '@/utils/lint';

export interface CodeEditorProps {
  value: string;
  onChange: (code: string) => void;
  /** Ctrl/Cmd+Enter. */
  onRun?: () => void;
  /** Findings for the current text; each becomes a squiggle with its rule and a link to its card. */
  lint?: (code: string) => LintFinding[];
  /** Where a finding's card lives, e.g. `#/question/<id>`. */
  cardHref?: (cardId: string) => string;
  /** Defaults to the theme of the nearest `data-theme` ancestor. */
  theme?: 'light' | 'dark';
  label: string;
  /** A line (from 1) to mark, e.g. the one the timeline points at. */
  highlightLine?: number | null;
}

/** Colours come from the page's theme variables, so light and dark follow the rest of the panel. */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword], class: 'hl-keyword' },
  { tag: [tags.string, tags.special(tags.string)], class: 'hl-string' },
  { tag: [tags.number, tags.bool, tags.null], class: 'hl-number' },
  { tag: tags.comment, class: 'hl-comment' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], class: 'hl-title' },
  { tag: [tags.definition(tags.variableName), tags.className], class: 'hl-title' },
  { tag: tags.self, class: 'hl-built_in' },
]);

function positionOf(doc: EditorState['doc'], line: number, col: number): number {
  const clamped = Math.min(Math.max(line, 1), doc.lines);
  const info = doc.line(clamped);
  return Math.min(info.from + Math.max(col - 1, 0), info.to);
}

/** The explicit theme, or else the one of the page around the editor. */
function isDark(theme: CodeEditorProps['theme'], host: HTMLElement | null): boolean {
  return theme ? theme === 'dark' : host?.closest<HTMLElement>('[data-theme]')?.dataset.theme === 'dark';
}

/** The marked line as a decoration; nothing when the line is not in the text. */
function markedLine(state: EditorState, line: number | null | undefined) {
  if (!line || line > state.doc.lines) return [];
  return EditorView.decorations.of(
    Decoration.set([Decoration.line({ class: 'aw-code-line-marked' }).range(state.doc.line(line).from)]),
  );
}

export function CodeEditor({ value, onChange, onRun, lint, cardHref, theme, label, highlightLine }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // Callbacks change on every render; the editor reads the latest through refs. The editor is created once,
  // from the props of the render that mounted it; value and theme changes are applied by the effects below.
  const latest = useRef({ onChange, onRun, lint, cardHref, value, label, theme });
  latest.current = { onChange, onRun, lint, cardHref, value, label, theme };
  const themeSlot = useRef(new Compartment());
  const markSlot = useRef(new Compartment());

  useEffect(() => {
    const diagnostics = (v: EditorView): Diagnostic[] => {
      const findings = latest.current.lint?.(v.state.doc.toString()) ?? [];
      return findings.map((f) => ({
        from: positionOf(v.state.doc, f.line, f.col),
        to: positionOf(v.state.doc, f.endLine, f.endCol),
        severity: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'info',
        source: f.ref ? `${f.rule} (${f.ref})` : f.rule,
        message: f.message,
        renderMessage: () => {
          const box = document.createElement('span');
          // Messages mark code with backticks, as the data does; show those parts as code.
          f.message.split('`').forEach((part, i) => {
            if (i % 2 === 0) box.append(part);
            else box.append(Object.assign(document.createElement('code'), { textContent: part }));
          });
          box.append(' ');
          const href = latest.current.cardHref?.(f.card);
          if (href) {
            const link = document.createElement('a');
            link.href = href;
            link.textContent = 'Why?';
            box.append(link);
          }
          return box;
        },
      }));
    };
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          python(),
          // The side panel can be 320 px wide: wrap rather than scroll sideways.
          EditorView.lineWrapping,
          syntaxHighlighting(highlight),
          linter(diagnostics, { delay: 400 }),
          lintGutter(),
          keymap.of([
            {
              key: 'Mod-Enter',
              preventDefault: true,
              run: () => {
                latest.current.onRun?.();
                return true;
              },
            },
            indentWithTab,
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          // An explicit tab stop on the text: keyboard users reach the scrolling editor (axe: scrollable-region-focusable).
          EditorView.contentAttributes.of({ 'aria-label': latest.current.label, tabindex: '0' }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
          themeSlot.current.of(EditorView.theme({}, { dark: isDark(latest.current.theme, host.current) })),
          markSlot.current.of([]),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, []);

  // A layout effect, run as the new value commits. A plain effect waits for the next paint: two keys typed
  // within one frame then left an effect holding the older text, which replaced the newer one, whose
  // effect put it back, and so on for ever (the editor page hung at 100 % CPU).
  useLayoutEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value)
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: themeSlot.current.reconfigure(EditorView.theme({}, { dark: isDark(theme, host.current) })),
    });
  }, [theme]);

  useEffect(() => {
    const editor = view.current;
    if (editor) editor.dispatch({ effects: markSlot.current.reconfigure(markedLine(editor.state, highlightLine)) });
  }, [highlightLine, value]);

  return <div class="aw-editor" ref={host} />;
}
