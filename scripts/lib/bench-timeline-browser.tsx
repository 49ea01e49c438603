/**
 * Drawing a timeline in the browser, for `npm run bench`: bundled by Vite (bench-timeline.ts) into one
 * script and run in a plain page. Each sample renders the Timeline of the given trace into a 320 px wide
 * box and waits for the next frame to be painted, then removes it.
 */
import { render } from 'preact';
import { Timeline } from '@/components/timeline/Timeline';
import type { PackedTrace } from '@/utils/trace/packed';

const nextPaint = () => new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));

export async function drawTimes(trace: PackedTrace, samples: number): Promise<{ ms: number[]; lanes: number }> {
  const box = document.createElement('div');
  box.className = 'aw-theme';
  box.style.width = '320px';
  document.body.append(box);
  const ms: number[] = [];
  let lanes = 0;
  for (let i = 0; i < samples + 1; i++) {
    await nextPaint();
    const start = performance.now();
    render(<Timeline trace={trace} />, box);
    lanes = box.querySelectorAll('.aw-tl-lanes [role="list"]').length;
    await nextPaint();
    // The first sample pays for compiling the bundle's code: not counted.
    if (i > 0) ms.push(performance.now() - start);
    render(null, box);
  }
  box.remove();
  return { ms, lanes };
}
