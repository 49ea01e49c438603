"""Runs user code inside Pyodide the way `python main.py` would on CPython.

Imported by utils/python/engine.ts before the interpreter is snapshotted; each interpreter then runs one
program and is thrown away, so nothing a run changes can reach the next one. Pyodide differs from CPython
in ways a lesson about asyncio must not inherit, so this module puts CPython's behaviour back before any
user code runs:

- time.sleep blocks: with WebAssembly stack switching Pyodide's sleep suspends and lets other asyncio
  tasks run, which is exactly what a "time.sleep blocks the loop" lesson says cannot happen.
- input() raises EOFError with a sentence, as CPython does with no terminal attached.
- SystemExit becomes an exit status; any other exception becomes a traceback cut to the user's frames.
- Warnings show once per place (as under -X dev), so a never-awaited coroutine is reported.
- asyncio.run() gets CPython's own event loop (BaseSelectorEventLoop) over a selector that can only wait
  for timers, instead of Pyodide's WebLoop: the same scheduling code, so the same order of callbacks,
  the same errors (asyncio.run inside a running loop, get_running_loop outside one) and no per-callback
  round trip through the JavaScript event loop. There are no sockets to wait for in the browser.
- Sockets are refused when they are made, with a sentence, instead of pretending to connect (Emscripten's
  sockets would need a WebSocket proxy that is not there).
- A source nested deeper than the tokenizer allows (30,000 parentheses) gets CPython's SyntaxError from the
  tokenizer, before the parser's recursion could exhaust the browser's much smaller native stack.
"""

import asyncio  # noqa: F401 - imported once here so every run starts warm
import builtins
import gc
import io
import json
import linecache
import os
import random
import selectors
import sys
import time
import traceback
import warnings

import _tokenize  # the C tokenizer behind compile() and the tokenize module

import awaitwise_tracer  # the event-loop timeline (utils/python/tracer.py), imported with this module

FILENAME = "main.py"
_STDLIB = os.path.dirname(os.__file__)

_perf_counter = time.perf_counter


_park = None  # (Atomics.wait, its cell) where the host has shared memory; see use_atomics_wait


def use_atomics_wait():
    """Lets time.sleep block the thread instead of spinning a core, where SharedArrayBuffer exists (Node, and
    Chromium's extension pages; not Firefox's). Called by the engine when it starts, after any snapshot is
    made or restored: a JavaScript object cannot be part of a snapshot."""
    global _park
    try:
        from js import Atomics, Int32Array, SharedArrayBuffer
    except ImportError:
        return
    _park = (Atomics.wait, Int32Array.new(SharedArrayBuffer.new(4)))


def _blocking_sleep(seconds):
    seconds = float(seconds)
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    # Done when now minus start reaches `seconds`, as the program measures a sleep (`monotonic() - t0`, the
    # same clock): a deadline `start + seconds` can round, and Firefox's coarse clock can land on it exactly,
    # so that the program saw 0.11999999999999922 s of a sleep(0.12).
    start = _perf_counter()
    if _park is not None:
        wait, cell = _park
        # In slices, so the interpreter still looks at its interrupt flags between them.
        while (left := seconds - (_perf_counter() - start)) > 0:
            wait(cell, 0, 0, min(left, 0.05) * 1000)
        return
    while _perf_counter() - start < seconds:
        pass


def _no_input(prompt=""):
    if prompt:
        sys.stdout.write(str(prompt))
    raise EOFError(
        "input() has no keyboard here: this code runs without a terminal. "
        "Put the value in the code instead."
    )


class _TimerOnlySelector(selectors.BaseSelector):
    """A selector with no file descriptors: waiting for I/O can only mean waiting for the next timer."""

    def __init__(self):
        self._map = {}

    def register(self, fileobj, events, data=None):
        raise OSError("sockets and pipes are not available to Python in the browser")

    def unregister(self, fileobj):
        raise KeyError(fileobj)

    def select(self, timeout=None):
        if timeout is None:
            # Nothing scheduled and nothing to wait for: CPython would wait here forever too.
            while True:
                _blocking_sleep(1)
        _blocking_sleep(max(0.0, timeout))
        return []

    def get_map(self):
        return self._map

    def close(self):
        pass


class BrowserEventLoop(asyncio.selector_events.BaseSelectorEventLoop):
    """CPython's selector event loop, minus the self-pipe (a socket pair) that only threads would use."""

    def __init__(self):
        super().__init__(_TimerOnlySelector())

    def _make_self_pipe(self):
        pass

    def _close_self_pipe(self):
        pass

    def _write_to_self(self):
        pass


class _BrowserPolicy(asyncio.events._BaseDefaultEventLoopPolicy):
    _loop_factory = BrowserEventLoop


asyncio.events._set_event_loop_policy(_BrowserPolicy())
# Pyodide's own asyncio.run hands a coroutine to its browser loop, which it marks as always running.
asyncio.run = asyncio.runners.run
asyncio.events._set_running_loop(None)
time.sleep = _blocking_sleep
builtins.input = _no_input
warnings.simplefilter("default")
sys.argv = [FILENAME]

def _refuse_sockets(event, args, error=OSError):
    # An audit hook, so no program can remove it. It says what is true anyway: the worker has no WebSocket
    # for Emscripten's sockets to go through, so nothing would ever connect.
    if event == "socket.__new__":
        raise error("sockets are not available to Python here: it runs in the browser, with no network")


sys.addaudithook(_refuse_sockets)

# CPython's tokenizer refuses more than 200 open brackets; its parser would need a deep native stack first.
_MAX_BRACKETS = 200


def _tokenizer_error(source):
    """The tokenizer's own SyntaxError for a source with very deep brackets, or None."""
    if sum(source.count(c) for c in "([{") <= _MAX_BRACKETS:
        return None
    try:
        for _ in _tokenize.TokenizerIter(io.StringIO(source).readline, extra_tokens=False):
            pass
    except SyntaxError as exc:
        exc.filename = FILENAME
        return exc
    return None


def _user_traceback(exc):
    """The traceback CPython would print, keeping only frames from the user's file."""
    te = traceback.TracebackException.from_exception(exc)

    def trim(t):
        frames = [f for f in t.stack if f.filename == FILENAME]
        t.stack = traceback.StackSummary.from_list(frames)
        if t.__cause__ is not None:
            trim(t.__cause__)
        if t.__context__ is not None:
            trim(t.__context__)
        for inner in getattr(t, "exceptions", None) or []:
            trim(inner)

    trim(te)
    return "".join(te.format())


def _start(compiled, module_globals):
    """The one place user code starts: as `python main.py` would run it."""
    exec(compiled, module_globals)


def run(source):
    """Runs `source` as main.py: (exit status, traceback text or None, trace). Output is written as it
    happens; the trace is what the event loop did (awaitwise_tracer's packed form as JSON, for the timeline)."""
    # The snapshot fixed the seed this interpreter started with; each run gets its own, as CPython's would.
    random.seed()
    asyncio.events._set_running_loop(None)
    # Everything that exists now is the runtime's and lives as long as the interpreter: out of the collector's
    # way, the collection at the end of the run looks at the program's objects only (200 ms less a run).
    gc.freeze()
    linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
    module_globals = {"__name__": "__main__", "__file__": FILENAME, "__builtins__": builtins}
    code = 0
    error = None
    timeline = awaitwise_tracer.record(FILENAME)
    try:
        too_deep = _tokenizer_error(source)
        if too_deep is not None:
            raise too_deep
        compiled = compile(source, FILENAME, "exec")
        with timeline:
            _start(compiled, module_globals)
    except SystemExit as exc:
        # As CPython: None is 0, an int is the status, anything else is printed and means 1.
        if exc.code is None:
            code = 0
        elif isinstance(exc.code, int):
            code = exc.code
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    except BaseException as exc:  # noqa: BLE001 - the user's code may raise anything, KeyboardInterrupt too
        error = _user_traceback(exc)
        code = 1
    finally:
        module_globals.clear()
        # Collect now, so "coroutine ... was never awaited" appears with this run.
        gc.collect()
        _flush_streams()
    return (code, error, _trace(timeline))


def _trace(timeline, dumps=json.dumps):
    """The packed trace as JSON (None stays null on the way to JavaScript), or None. The program ran in this
    interpreter and may have broken what packing uses: the run's own outcome matters more than its picture."""
    try:
        return dumps(timeline.recording.result())
    except Exception:  # noqa: BLE001
        return None


def _flush_streams():
    # As at interpreter exit: whatever sys.stdout is now (the program may have replaced it), then the real ones.
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.flush()
        except Exception:  # noqa: BLE001 - None, a closed file or the program's own object
            pass
