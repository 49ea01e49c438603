/**
 * Reads and drives the overlay inside its closed shadow root in Firefox, the way scripts/lib/overlay-probe.ts
 * does in Chromium through CDP. Page scripts cannot see into a closed root; WebDriver BiDi can: serialising
 * the host with `includeShadowTree: 'all'` hands back its closed root as a node reference (sharedId), which
 * is passed back as an argument to query inside it. Queries run in a BiDi sandbox, so nothing the page
 * defines can answer for the overlay. Clicks are real input (puppeteer's mouse, BiDi input.performActions)
 * at the element's box, so they arrive as trusted events: the overlay drops untrusted ones.
 */
import type { Page } from 'puppeteer-core';
import { OVERLAY_HOST_ATTRIBUTE } from '../../utils/overlay-api';
import { contextOf, isEvaluateResult, type Bidi, type LocalValue, type RemoteValue } from './bidi';
import { until } from './firefox';

const SANDBOX = 'awaitwise-probe';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export class OverlayProbe {
  constructor(
    private readonly bidi: Bidi,
    private readonly page: Page,
  ) {}

  private async run(
    method: 'script.evaluate' | 'script.callFunction',
    params: Record<string, unknown>,
  ): Promise<RemoteValue> {
    const reply = await this.bidi.send(method, {
      ...params,
      target: { context: contextOf(this.page), sandbox: SANDBOX },
      awaitPromise: false,
    });
    if (!isEvaluateResult(reply)) throw new Error(`${method}: unexpected reply ${JSON.stringify(reply)}`);
    if (reply.type === 'exception') throw new Error(`${method}: ${reply.exceptionDetails.text}`);
    return reply.result;
  }

  /** How many overlay hosts the page holds (a plain div in the light DOM). */
  async hosts(): Promise<number> {
    const result = await this.run('script.evaluate', {
      expression: `document.querySelectorAll('[${OVERLAY_HOST_ATTRIBUTE}]').length`,
    });
    return typeof result.value === 'number' ? result.value : 0;
  }

  /** The closed shadow root of the (first) overlay host, as a BiDi node reference; null without an overlay. */
  private async root(): Promise<string | null> {
    const host = await this.run('script.evaluate', {
      expression: `document.querySelector('[${OVERLAY_HOST_ATTRIBUTE}]')`,
      // Depth 1 serialises the host's own shadow root (as a reference), not the tree below it.
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
    });
    if (host.type !== 'node' || typeof host.value !== 'object' || host.value === null) return null;
    const shadow: unknown = Reflect.get(host.value, 'shadowRoot');
    if (typeof shadow !== 'object' || shadow === null) return null;
    const mode: unknown = Reflect.get(Reflect.get(shadow, 'value') ?? {}, 'mode');
    if (mode !== 'closed') throw new Error(`the overlay's shadow root is ${String(mode)}, not closed`);
    const sharedId: unknown = Reflect.get(shadow, 'sharedId');
    return typeof sharedId === 'string' ? sharedId : null;
  }

  /**
   * Runs `fn` (source of a function of one element) on each match of `selector` inside the root whose
   * text matches `text`, and returns its JSON-able values; [] without an overlay.
   */
  async evaluate<T>(selector: string, fn: string, text?: RegExp): Promise<T[]> {
    const root = await this.root();
    if (!root) return [];
    const args: LocalValue[] = [
      { sharedId: root },
      { type: 'string', value: selector },
      text ? { type: 'string', value: text.source } : { type: 'null' },
      { type: 'string', value: text?.flags ?? '' },
    ];
    const result = await this.run('script.callFunction', {
      functionDeclaration: `(root, selector, source, flags) => {
        const pattern = source === null ? null : new RegExp(source, flags);
        const fn = ${fn};
        const found = [...root.querySelectorAll(selector)].filter((el) => !pattern || pattern.test(el.textContent));
        return JSON.stringify(found.map((el) => fn(el)));
      }`,
      arguments: args,
    });
    if (typeof result.value !== 'string') throw new Error(`overlay query ${selector}: ${JSON.stringify(result)}`);
    const values = JSON.parse(result.value) as T[];
    return values;
  }

  async count(selector: string, text?: RegExp): Promise<number> {
    return (await this.evaluate<number>(selector, '() => 1', text)).length;
  }

  async texts(selector: string): Promise<string[]> {
    return this.evaluate<string>(selector, '(el) => el.textContent.replace(/\\s+/g, " ").trim()');
  }

  /** Waits until the badge is there and visible. */
  async badgeVisible(timeout = 20_000): Promise<void> {
    await until(
      async () => (await this.evaluate<boolean>('.aw-badge', '(el) => el.checkVisibility()')).includes(true),
      'the overlay badge, visible',
      timeout,
    );
  }

  /** A real (trusted) click at the centre of the first match. */
  async click(selector: string, text?: RegExp): Promise<void> {
    const [box] = await until(
      () =>
        this.evaluate<Box>(
          selector,
          `(el) => {
            el.scrollIntoView({ block: 'center' });
            const r = el.getBoundingClientRect();
            return { x: r.x, y: r.y, w: r.width, h: r.height };
          }`,
          text,
        ).then((boxes) => (boxes.length ? boxes : null)),
      `overlay ${selector} ${text ?? ''}`,
    );
    if (!box || box.w === 0 || box.h === 0) throw new Error(`overlay ${selector} has no box to click`);
    await this.page.mouse.click(box.x + box.w / 2, box.y + box.h / 2);
  }
}
