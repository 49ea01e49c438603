"""Runs user code inside Pyodide the way `python main.py` would on CPython.

Loaded once per interpreter by utils/python/engine.ts. Pyodide differs from CPython in ways a lesson
about asyncio must not inherit, so this module puts CPython's behaviour back before any user code runs:

- time.sleep blocks: with WebAssembly stack switching Pyodide's sleep suspends and lets other asyncio
  tasks run, which is exactly what a "time.sleep blocks the loop" lesson says cannot happen.
- input() raises EOFError with a sentence, as CPython does with no terminal attached.
- SystemExit becomes an exit status; any other exception becomes a traceback cut to the user's frames.
- Warnings show once per place (as under -X dev), so a never-awaited coroutine is reported.
- asyncio.run() gets CPython's own event loop (BaseSelectorEventLoop) over a selector that can only wait
  for timers, instead of Pyodide's WebLoop: the same scheduling code, so the same order of callbacks,
  the same errors (asyncio.run inside a running loop, get_running_loop outside one) and no per-callback
  round trip through the JavaScript event loop. There are no sockets to wait for in the browser.
"""

import asyncio  # noqa: F401 - imported once here so every run starts warm
import builtins
import gc
import json
import linecache
import os
import selectors
import sys
import time
import traceback
import warnings

import awaitwise_tracer  # the event-loop timeline (utils/python/tracer.py), installed beside this module

FILENAME = "main.py"
_STDLIB = os.path.dirname(os.__file__)

_perf_counter = time.perf_counter


def _blocking_sleep(seconds):
    seconds = float(seconds)
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    end = _perf_counter() + seconds
    while _perf_counter() < end:
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
time.sleep = _blocking_sleep
builtins.input = _no_input
_clean_builtins = dict(builtins.__dict__)
_baseline_modules = set(sys.modules)


def _reset_interpreter():
    """Undo what the previous run changed globally, so each run starts like a fresh `python main.py`."""
    for name in list(builtins.__dict__):
        if name not in _clean_builtins:
            del builtins.__dict__[name]
    builtins.__dict__.update(_clean_builtins)
    time.sleep = _blocking_sleep
    asyncio.events._set_running_loop(None)
    if not isinstance(asyncio.events._get_event_loop_policy(), _BrowserPolicy):
        asyncio.events._set_event_loop_policy(_BrowserPolicy())
    # Standard-library modules imported by a run stay (asyncio keeps references to them); a module the
    # user wrote to the in-memory file system would not, so it is dropped and read afresh next time.
    for name in set(sys.modules) - _baseline_modules:
        path = getattr(sys.modules.get(name), "__file__", None)
        if path and not path.startswith(_STDLIB):
            sys.modules.pop(name, None)
    warnings.resetwarnings()
    warnings.simplefilter("default")
    sys.argv = [FILENAME]


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


def run(source):
    """Returns JSON of [exit_code, error_text_or_None, trace]. Output goes to sys.stdout / sys.stderr as it
    happens; the trace is what the event loop did (awaitwise_tracer's packed form)."""
    _reset_interpreter()
    linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
    module_globals = {"__name__": "__main__", "__file__": FILENAME, "__builtins__": builtins}
    code = 0
    error = None
    timeline = awaitwise_tracer.record(FILENAME)
    try:
        compiled = compile(source, FILENAME, "exec")
        with timeline:
            exec(compiled, module_globals)
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
        # Collect now, so "coroutine ... was never awaited" appears with this run, not a later one.
        gc.collect()
        sys.stdout.flush()
        sys.stderr.flush()
    return json.dumps([code, error, timeline.recording.result()])
