/**
 * Reading the page's code editor: the full model through the background (utils/background/services.ts runs
 * `readEditorInPage` in the page's world and returns its value to the content script that asked), the
 * rendered lines as the fallback. Either way the text is the page's and is treated as untrusted input.
 */
export {
  EDITOR_CODE_CAP,
  cleanLanguage,
  parseEditorModel,
  readEditorInPage,
  visibleEditorText,
  type CodeSource,
  type EditorModel,
  type EditorRead,
} from './readers';
