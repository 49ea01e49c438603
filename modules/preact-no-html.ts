/**
 * Takes the one HTML-string setter out of the Preact we bundle. Preact's diff assigns `dom.innerHTML` for the
 * `dangerouslySetInnerHTML` prop, so every page and the overlay carried an innerHTML setter that store linters
 * flag, although our code never uses that prop (ESLint forbids it). Preact has no build flag for it, so this
 * rewrites that assignment in preact's dist file into a thrown error, and fails the build when the pattern is not
 * there exactly once, so a Preact upgrade cannot silently bring the setter back (`npm run check:store` checks
 * the built bundles too).
 */
import type { Plugin } from 'vite';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;
/** `t.innerHTML=h.__html` in the minified diff (names differ between releases). */
const SETTER = /([\w$]+)\.innerHTML=([\w$]+)\.__html/g;
const REFUSAL = '(()=>{throw new Error("Awaitwise renders no HTML strings: dangerouslySetInnerHTML is disabled")})()';

/** The dist source with the setter replaced; throws when it is not found exactly once. */
export function withoutHtmlSetter(code: string): string {
  const found = code.match(SETTER)?.length ?? 0;
  if (found !== 1)
    throw new Error(
      `preact-no-html: expected one innerHTML assignment in preact.mjs, found ${found}; update the pattern`,
    );
  return code.replace(SETTER, REFUSAL);
}

function preactNoHtml(): Plugin {
  return {
    name: 'awaitwise:preact-no-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_DIST.test(id.split('?')[0] ?? id)) return null;
      return { code: withoutHtmlSetter(code), map: null };
    },
  };
}

export default defineWxtModule({
  name: 'awaitwise:preact-no-html',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [preactNoHtml()] }));
  },
});
