/**
 * A realistic Python file of a chosen length for timing the linter: imports, a class with async methods,
 * workers, gather/TaskGroup code, nested plain defs, lambdas, and a few of the mistakes the rules catch.
 * Deterministic, so timings are comparable between runs.
 */

const HEADER = `"""Generated benchmark module: an async job runner."""
import asyncio
import json
import logging
import os
import subprocess
import time
from pathlib import Path

import httpx
import requests as rq

log = logging.getLogger(__name__)
`;

/** Blocks of code; `{n}` is replaced by the block's number so names stay unique. */
const BLOCKS = [
  `
class Service{n}:
    def __init__(self, base: str) -> None:
        self.base = base
        self.client = httpx.AsyncClient()
        self.sync_client = httpx.Client()
        self.ready = asyncio.Event()

    async def get(self, path: str, timeout: float = 5.0) -> dict:
        response = await self.client.get(f"{self.base}/{path}", timeout=timeout)
        response.raise_for_status()
        return response.json()

    async def get_blocking(self, path: str) -> dict:
        return self.sync_client.get(f"{self.base}/{path}").json()

    async def wait_ready(self) -> None:
        while not self.ready.is_set():
            await asyncio.sleep(0.05)
`,
  `
async def worker{n}(name: str, queue: asyncio.Queue, results: list) -> None:
    while True:
        item = await queue.get()
        try:
            results.append(await process_item{n}(item))
        except Exception:
            log.exception("%s failed on %r", name, item)
        finally:
            queue.task_done()


async def process_item{n}(item: int) -> int:
    await asyncio.sleep(0)
    time.sleep(0.001)
    return item * 2
`,
  `
async def run_all{n}(items: list) -> list:
    queue: asyncio.Queue = asyncio.Queue(maxsize=16)
    results: list = []
    workers = [asyncio.create_task(worker{n}(f"w{i}", queue, results)) for i in range(4)]
    for item in items:
        await queue.put(item)
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    asyncio.create_task(process_item{n}(0))
    return results
`,
  `
def load_settings{n}(path: str) -> dict:
    with open(path) as fh:
        return json.load(fh)


async def settings{n}(path: str) -> dict:
    data = await asyncio.to_thread(load_settings{n}, path)
    if Path(path).exists():
        text = Path(path).read_text()
        data["raw"] = text
    return data
`,
  `
async def fan_out{n}(urls: list) -> list:
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch_one{n}(u)) for u in urls]
    outcomes = await asyncio.gather(*(fetch_one{n}(u) for u in urls), return_exceptions=True)
    failures = [o for o in outcomes if isinstance(o, BaseException)]
    log.info("%d failures", len(failures))
    return [t.result() for t in tasks]


async def fetch_one{n}(url: str) -> str:
    def blocking() -> str:
        return rq.get(url, timeout=3).text

    return await asyncio.to_thread(blocking)
`,
  `
async def maintenance{n}() -> None:
    subprocess.run(["true"], check=True)
    proc = await asyncio.create_subprocess_exec("true")
    await proc.wait()
    total = 0
    for i in range(1_000_000):
        total += i
    sort_key = lambda entry: (entry[1], entry[0])
    log.info("done %s %s", total, sorted([(1, 2)], key=sort_key))
    os.getpid()
`,
];

export function generateLintBenchmarkSource(lineCount = 300): string {
  const lines = HEADER.split('\n');
  for (let n = 1; ; n++) {
    const block = BLOCKS[(n - 1) % BLOCKS.length]!.split('{n}').join(String(n)).split('\n');
    if (lines.length + block.length > lineCount) break;
    lines.push(...block);
  }
  while (lines.length < lineCount) lines.push(`# padding line ${lines.length + 1}`);
  return lines.join('\n');
}
