/**
 * Reads and drives the overlay inside its closed shadow root, for the end-to-end tests and `npm start`'s
 * screenshots. Page scripts (and so Playwright's locators) cannot see into a closed root; DevTools can.
 */
import type { CDPSession, Page } from '@playwright/test';

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface DomNode {
  nodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/**
 * Reads and drives the overlay inside its closed shadow root the way a user would: page scripts (and so
 * Playwright's locators) cannot see into it, but DevTools can. Queries go through CDP's DOM domain with
 * `pierce`; clicks are real mouse clicks at the element's box, so they arrive as trusted events.
 */
export class OverlayProbe {
  private cdp: Promise<CDPSession>;

  constructor(private readonly page: Page) {
    this.cdp = page.context().newCDPSession(page);
  }

  /** Node ids of `selector` inside the (first) overlay's shadow root; [] when there is no overlay. */
  private async nodes(selector: string): Promise<{ cdp: CDPSession; ids: number[] }> {
    const cdp = await this.cdp;
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const shadow = findShadow(root);
    if (!shadow) {
      await this.release(cdp);
      return { cdp, ids: [] };
    }
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: shadow.nodeId, selector });
    return { cdp, ids: nodeIds };
  }

  private async call<T>(selector: string, fn: string, text?: string | RegExp): Promise<T[]> {
    const { cdp, ids } = await this.nodes(selector);
    const out: T[] = [];
    for (const nodeId of ids) {
      // The overlay re-renders (the loader's badge is replaced when the popover's code loads): a node seen a
      // moment ago may be gone, which reads as "not there".
      const resolved = await cdp
        .send('DOM.resolveNode', { nodeId, objectGroup: 'overlay-probe' })
        .catch(() => null);
      if (!resolved) continue;
      const { object } = resolved;
      const run = (functionDeclaration: string) =>
        cdp
          .send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration, returnByValue: true })
          .then(({ result }) => ({ value: result.value as unknown }))
          .catch(() => null);
      const content = await run('function () { return this.textContent; }');
      if (!content) continue;
      const label = typeof content.value === 'string' ? content.value : '';
      if (text !== undefined && !(typeof text === 'string' ? label.includes(text) : text.test(label))) continue;
      const result = await run(fn);
      if (result) out.push(result.value as T);
    }
    await this.release(cdp);
    return out;
  }

  /** DevTools keeps every node it was sent alive until the DOM domain is disabled: let them go. */
  private async release(cdp: CDPSession): Promise<void> {
    await cdp.send('DOM.disable').catch(() => undefined);
    await cdp.send('Runtime.releaseObjectGroup', { objectGroup: 'overlay-probe' }).catch(() => undefined);
  }

  /** How many elements match (optionally only those whose text matches). */
  async count(selector: string, text?: string | RegExp): Promise<number> {
    return (await this.call<number>(selector, 'function () { return 1; }', text)).length;
  }

  async texts(selector: string): Promise<string[]> {
    return this.call<string>(selector, 'function () { return this.textContent.replace(/\\s+/g, " ").trim(); }');
  }

  /** Runs `fn` (a function declaration using `this`) on each match and returns its values. */
  evaluate<T>(selector: string, fn: string, text?: string | RegExp): Promise<T[]> {
    return this.call<T>(selector, fn, text);
  }

  /** A real (trusted) click on the first visible match. */
  async click(selector: string, text?: string | RegExp): Promise<void> {
    await until(async () => (await this.count(selector, text)) > 0, `overlay ${selector} ${text ?? ''}`);
    const [box] = await this.call<{ x: number; y: number; w: number; h: number }>(
      selector,
      'function () { this.scrollIntoView({ block: "center" }); const r = this.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; }',
      text,
    );
    await this.page.mouse.click(box!.x + box!.w / 2, box!.y + box!.h / 2);
  }

  /** Class and text of the element focused inside the overlay, or null when focus is elsewhere. */
  async focused(): Promise<string | null> {
    const cdp = await this.cdp;
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const shadow = findShadow(root);
    if (!shadow) {
      await this.release(cdp);
      return null;
    }
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId, objectGroup: 'overlay-probe' });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration:
        'function () { const a = this.activeElement; return a ? (a.className + " " + a.textContent).trim() : null; }',
      returnByValue: true,
    });
    await this.release(cdp);
    return (result.value as string | null) ?? null;
  }

  /** Waits until the badge is shown. */
  async badgeVisible(timeoutMs = 10_000): Promise<void> {
    await until(
      async () =>
        (await this.evaluate<boolean>('.aw-badge', 'function () { return this.checkVisibility(); }')).includes(true),
      'overlay badge visible',
      timeoutMs,
    );
  }
}

function findShadow(node: DomNode): DomNode | undefined {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === 'data-awaitwise-overlay') return node.shadowRoots?.[0];
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findShadow(child);
    if (found) return found;
  }
  return undefined;
}
