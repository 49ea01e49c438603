"""Records what the asyncio event loop did while a program ran, for the timeline drawn under every run.

Standard library only; runs in Pyodide (CPython 3.14) and on CPython 3.11+. The user's code is never
rewritten: while `record()` is active, three things are wrapped, and put back afterwards:

- `BaseEventLoop.create_task`, which every way of making a task goes through (create_task, ensure_future,
  gather, TaskGroup, wait_for), so each task is known with its parent, the task that was running.
- `BaseEventLoop._run_once`, one turn of the loop: asyncio still does its timers and polling, and the
  callbacks it would then run are run by the recorder, in the same order, reading the loop's clock between
  them. A callback is either a task's step (bound to the task) or a plain `call_soon`/`call_later` callback
  of the program's. After a step the task is done or suspended, and its await chain says on what.
- `time.sleep`, so a step that held the loop can name the line that slept.

Nothing the program prints changes. Tasks are held by weak references (a task nobody keeps is still
destroyed, with asyncio's own message), and a task's exception is read without marking it retrieved.

The trace is packed for the trip to the page (utils/trace/packed.ts reads it): times in whole microseconds
from the start, events as flat lists of numbers, and each distinct wait as one entry in a table.
"""

import asyncio
import collections
import os
import sys
import time
import types
import weakref
from asyncio import base_events, tasks

EVENT_CAP = 20_000
BLOCKED_US = 50_000
_ASYNCIO_DIR = os.path.dirname(asyncio.__file__) + os.sep
_TASK_TYPES = (tasks.Task, tasks._PyTask)
_GATHERING = getattr(tasks, "_GatheringFuture", None)
_clock = time.monotonic  # the loop's clock (BaseEventLoop.time)
_Coroutine = types.CoroutineType

_original_run_once = base_events.BaseEventLoop._run_once
_original_create_task = base_events.BaseEventLoop.create_task

# Tasks asyncio.run makes for its own shutdown; they are not the program's.
_HIDDEN_CODES = {
    base_events.BaseEventLoop.shutdown_asyncgens.__code__,
    base_events.BaseEventLoop.shutdown_default_executor.__code__,
}


def _named(method):
    def detail(frame):
        owner = frame.f_locals.get("self")
        return f"{type(owner).__name__}.{method}" if owner is not None else method

    return detail


def _sleep_detail(frame):
    delay = frame.f_locals.get("delay")
    if type(delay) is float:
        delay = round(delay, 3)  # sleep(due - loop.time()) would show all its digits
    return f"sleep({delay!r})" if type(delay) in (int, float) else "sleep"


def _wait_detail(frame):
    fs = frame.f_locals.get("fs")
    return f"wait ({len(fs)})" if isinstance(fs, (set, list, tuple)) else "wait"


def _task_group_detail(frame):
    pending = getattr(frame.f_locals.get("self"), "_tasks", None)
    return f"TaskGroup ({len(pending)} left)" if isinstance(pending, set) else "TaskGroup"


def _fixed(text):
    return lambda frame: text


# An asyncio function in the await chain (by qualified name) says what the task waits on. The outermost
# one wins: Condition.wait re-acquires its lock inside, and that is still waiting on the condition.
_SLEEP = ("sleep", _sleep_detail)
_KINDS = {
    "sleep": _SLEEP,
    "Queue.get": ("queue", _named("get")),
    "Queue.put": ("queue", _named("put")),
    "Queue.join": ("queue", _named("join")),
    "Event.wait": ("event", _fixed("Event.wait")),
    "Lock.acquire": ("lock", _fixed("Lock.acquire")),
    "Semaphore.acquire": ("semaphore", _named("acquire")),
    "Condition.wait": ("condition", _fixed("Condition.wait")),
    "Condition.wait_for": ("condition", _fixed("Condition.wait_for")),
    "Barrier.wait": ("other", _fixed("Barrier.wait")),
    "TaskGroup.__aexit__": ("task", _task_group_detail),
    "TaskGroup._aexit": ("task", _task_group_detail),
    "wait": ("task", _wait_detail),
    "to_thread": ("other", _fixed("to_thread")),
    "open_connection": ("io", _fixed("open_connection")),
    "start_server": ("io", _fixed("start_server")),
}
# Said only when nothing further in says more: wait_for awaits the coroutine it was given (3.12+), and
# what that coroutine waits on (a gather, a queue) is the better answer.
_WAIT_FOR = ("task", _fixed("wait_for"))
_IO_PREFIXES = ("StreamReader.", "StreamWriter.", "BaseEventLoop.sock_", "BaseSelectorEventLoop.sock_")
_USER = "user"
_PLAIN = "plain"  # Recording.current during a plain callback


class _Task:
    __slots__ = ("id", "ref", "name", "coro", "code", "parent", "created", "ended", "outcome", "error",
                 "on", "line", "yield_at", "frame")

    def __init__(self, number, task, coro_name, code, parent, created, line):
        self.id = number
        self.ref = weakref.ref(task)
        self.code = code
        self.coro = coro_name
        self.name = None  # read at the first step: asyncio.create_task names a task after making it (3.11)
        self.parent = parent
        self.created = created
        self.ended = None
        self.outcome = "pending"
        self.error = None
        self.on = 0  # while suspended: on what (an index into Recording.ons)
        self.line = line  # where its next step starts, in the program's file
        self.yield_at = -1  # where it last yielded with no future (sleep(0)), to skip the same walk
        self.frame = None  # its coroutine's frame while it yields with no future (see after_step)


class _Hidden:
    """A task that is not drawn (asyncio's own shutdown work, a test harness), though its children are."""

    __slots__ = ("ref",)

    def __init__(self, task):
        self.ref = weakref.ref(task)


class Recording:
    def __init__(self, user_file, hidden_files):
        self.user_file = user_file
        self.hidden_files = frozenset(hidden_files)
        self.t0 = _clock()
        self.stopped = None
        self.tasks = []
        # hash(task) -> _Task or _Hidden, checked against its weak reference. A task's hash is its address,
        # as id() would give, and cheaper to get in Pyodide, where id() makes a new integer each time.
        self.by_hash = {}
        # One flat list (a tuple per event gave the garbage collector more to walk than the recording
        # cost): each step as (task, line it began at, start, end, what the task then waited on), task -1
        # for a plain callback, `on` an index into `ons` or -1 when the task was done. A wait is the time
        # between two steps of a task, so result() finds the waits there. Lines are None when not in the
        # program's file.
        self.steps = []
        self.cut = None  # when the cap was reached
        self.ons = [("other", "yield")]  # the distinct (kind, detail) pairs; waits refer to them by index
        self.on_index = {self.ons[0]: 0}
        self.blocked = []
        self.sleeps = []  # (start, end, line) of time.sleep calls in the current step
        self.room = EVENT_CAP  # events (tasks, steps, waits) left before the trace is cut short
        self.truncated = False
        self.current = None  # the _Task whose step is running, or _PLAIN
        self.codes = {}  # code object -> _USER, (kind, detail function) or None (look further in)
        self.plain_codes = {}  # callback code object -> whether it is the program's
        self.task_codes = {}  # coroutine code object -> (hidden, coroutine name, first line in the program)
        self.bare_yields = {}  # (code, f_lasti) of a coroutine yielding with no future -> describe_wait's answer

    def take(self):
        if self.room <= 0:
            self.cut_short()
            return False
        self.room -= 1
        return True

    def now(self):
        """Whole microseconds since the start: every time in the recording is one of these."""
        return int((_clock() - self.t0) * 1e6)

    def cut_short(self):
        if not self.truncated:
            self.truncated = True
            self.cut = self.now()

    def add_task(self, task, coro, created):
        if coro.__class__ is _Coroutine:
            code = coro.cr_code
        else:
            code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
        # What a coroutine's code says of its task, worked out once per code: a program makes many of a kind.
        known = self.task_codes.get(code)
        if known is None:
            hidden = code is not None and (code in _HIDDEN_CODES or code.co_filename in self.hidden_files)
            first = code.co_firstlineno if code is not None and code.co_filename == self.user_file else None
            known = (hidden, getattr(coro, "__qualname__", None) or type(coro).__name__, first)
            if code is not None:
                self.task_codes[code] = known
        hidden, coro_name, first = known
        if hidden:
            record = _Hidden(task)
        elif not self.take():
            return None
        else:
            current = self.current
            parent = current.id if current.__class__ is _Task else None
            record = _Task(len(self.tasks), task, coro_name, code, parent, created, first)
            self.tasks.append(record)
        self.by_hash[hash(task)] = record
        return record

    def after_step(self, record, task, start, end):
        """Book-keeping after one step of a task; returns what it now waits on (an index into `ons`), or
        -1 when it is done. _dispatch files the step itself."""
        if record.name is None:
            record.name = _task_name(task, record.coro)
        first_line = record.line
        if task.done():
            record.frame = None
            record.ended = end
            if task.cancelled():
                record.outcome = "cancelled"
            else:
                # `_exception`, not exception(): that would mark it retrieved and silence asyncio's log.
                exc = task._exception
                if exc is None:
                    record.outcome = "done"
                else:
                    record.outcome = "error"
                    record.error = (type(exc).__name__, str(exc)[:300])
            if end - start > BLOCKED_US:
                code = record.code
                last = _last_line(code) if code is not None and code.co_filename == self.user_file else None
                self.add_blocked(start, end, record.id, first_line, last)
            return -1
        waiter = task._fut_waiter
        coro = task.get_coro()
        # Kept only while it waits on nothing (a sleep(0) loop's fast path): a frame held across a wait on a
        # future would keep a task the program dropped alive past its collection, and asyncio would step it again.
        if waiter is not None:
            frame = None
        elif coro.__class__ is _Coroutine:
            frame = coro.cr_frame
        else:
            frame = getattr(coro, "cr_frame", None)
        record.frame = frame
        if frame is None:
            record.on, line = self.describe_wait(coro, waiter)
            record.yield_at = -1
        elif (lasti := frame.f_lasti) != record.yield_at:
            # (Else it yielded again where it did last time, as a sleep(0) loop does: same wait, same line.)
            # A yield with no future at a place another task yielded at already is described the same way:
            # a thousand copies of one coroutine walk their await chain once.
            place = (frame.f_code, lasti)
            known = self.bare_yields.get(place)
            if known is None:
                known = self.bare_yields[place] = self.describe_wait(coro, None)
            record.on, line = known
            record.yield_at = lasti
        else:
            line = None
        if line is not None:
            record.line = line
        if end - start > BLOCKED_US:
            self.add_blocked(start, end, record.id, first_line, record.line)
        return record.on

    def plain_step(self, callback, start, end):
        code = _code_of(callback)
        first = code.co_firstlineno if code is not None and code.co_filename == self.user_file else None
        if self.take():
            self.steps += (-1, first or 0, start, end, -1)
        if end - start > BLOCKED_US:
            self.add_blocked(start, end, None, first, _last_line(code) if first is not None else None)

    def classify_callback(self, callback):
        """(record, task) for a callback that is not the step of a task already known: a task's step (its
        _Task, or _Hidden, added now if the task was made without create_task), _PLAIN for a callback of the
        program's, or None for asyncio's own."""
        owner = getattr(callback, "__self__", None)  # a task's step or wake-up is a method of the task
        if owner is not None and isinstance(owner, _TASK_TYPES):
            _STEP_TYPES.add(callback.__class__)
            record = self.by_hash.get(hash(owner))
            if record is None or record.ref() is not owner:
                # Made without create_task (asyncio.Task(...) directly): known from its first step on.
                record = self.add_task(owner, owner.get_coro(), self.now())
            return record, owner
        code = getattr(callback, "__code__", None)
        mine = self.plain_codes.get(code) if code is not None else None
        if mine is None:
            mine = _is_program_callback(callback)
            if code is not None:
                self.plain_codes[code] = mine
        return (_PLAIN if mine else None), None

    def add_blocked(self, start, end, task_id, first_line, last_line):
        # Not counted against the cap: there are few (each takes 50 ms) and each one is the lesson.
        line = call = None
        inside = [s for s in self.sleeps if s[0] >= start and s[1] <= end]
        if inside and sum(s[1] - s[0] for s in inside) * 2 >= end - start:
            line, call = max(inside, key=lambda s: s[1] - s[0])[2], "time.sleep"
        lines = None
        if first_line is not None or last_line is not None:
            lines = [first_line or last_line, last_line or first_line]
        self.blocked.append((start, end, task_id, line, lines, call))

    def classify(self, code):
        if code.co_filename == self.user_file:
            found = _USER
        elif code.co_filename.startswith(_ASYNCIO_DIR):
            qualname = getattr(code, "co_qualname", code.co_name)
            found = _WAIT_FOR if qualname == "wait_for" else _KINDS.get(qualname)
            if found is None and qualname.startswith(_IO_PREFIXES):
                found = ("io", _fixed(qualname))
        else:
            found = None
        self.codes[code] = found
        return found

    def on(self, kind, detail):
        key = (kind, detail)
        index = self.on_index.get(key)
        if index is None:
            index = self.on_index[key] = len(self.ons)
            self.ons.append(key)
        return index

    def describe_wait(self, coro, waiter):
        """(index into ons, innermost line in the program's file) for a suspended task's await chain."""
        line = fallback = None
        codes = self.codes
        depth = 0
        while coro is not None and depth < 64:
            depth += 1
            try:
                frame, inner = coro.cr_frame, coro.cr_await
            except AttributeError:  # a generator-based awaitable (types.coroutine)
                frame, inner = getattr(coro, "gi_frame", None), getattr(coro, "gi_yieldfrom", None)
            if frame is None:
                break
            code = frame.f_code
            found = codes.get(code, False)
            if found is False:
                found = self.classify(code)
            if found is _USER:
                line = frame.f_lineno
            elif found is _WAIT_FOR:
                fallback = fallback or found
            elif found is not None:
                if found is _SLEEP and waiter is None:
                    return self.on("sleep", "sleep(0)"), line  # no timer: a bare yield
                return self.on(found[0], found[1](frame)), line
            coro = inner
        if waiter is None:
            return (self.on(fallback[0], fallback[1](None)) if fallback else 0), line
        if isinstance(waiter, _TASK_TYPES):
            record = self.by_hash.get(hash(waiter))
            name = record.name if record.__class__ is _Task and record.ref() is waiter else None
            return self.on("task", f"task {name}" if name else "task"), line
        if _GATHERING is not None and isinstance(waiter, _GATHERING):
            children = getattr(waiter, "_children", None)
            return self.on("gather", f"gather ({len(children)})" if children is not None else "gather"), line
        if fallback:
            return self.on(fallback[0], fallback[1](None)), line
        return self.on("future", type(waiter).__name__), line

    def slept(self, start, end):
        if self.current is None:
            return  # outside any step, a sleep holds up no loop
        frame = sys._getframe(2)
        depth = 0
        while frame is not None and frame.f_code.co_filename != self.user_file and depth < 32:
            frame = frame.f_back
            depth += 1
        if len(self.sleeps) > 64:
            del self.sleeps[:32]  # only the current step's are read
        self.sleeps.append((start, end, frame.f_lineno if frame is not None and depth < 32 else None))

    def result(self):
        """The packed trace, ready for json.dumps (utils/trace/packed.ts reads it): times in whole
        microseconds from the start; steps as one flat list per field (the waits are the gaps between a
        task's steps, worked out on the page, where that is cheaper); tasks and blocked stretches as rows;
        each distinct thing waited on once, in `ons`."""
        stop = self.stopped if self.stopped is not None else self.now()
        tasks_out = []
        for r in self.tasks:
            if r.name is None:
                task = r.ref()
                r.name = _task_name(task, r.coro) if task is not None else r.coro
            error = r.error or (None, None)
            # A task still pending at the end is suspended at r.line.
            tasks_out.append([r.id, r.name, r.coro, r.parent, r.created, r.ended, r.outcome, error[0], error[1],
                              r.line if r.ended is None else None])
        steps = self.steps
        return {
            "tasks": tasks_out,
            "steps": steps[0::5],
            "stepLines": steps[1::5],
            "stepStarts": steps[2::5],
            "stepEnds": steps[3::5],
            "stepOns": steps[4::5],
            "ons": [list(pair) for pair in self.ons],
            "blocked": [[a, b, t, line, lines[0] if lines else None, lines[1] if lines else None, call]
                        for a, b, t, line, lines, call in self.blocked],
            "end": self.cut if self.cut is not None else stop,
            "truncated": self.truncated,
        }


def _task_name(task, coro_name):
    """The name given to create_task, else the coroutine's qualified name (not asyncio's "Task-N")."""
    name = task.get_name()
    return coro_name if name.startswith("Task-") and name[5:].isdigit() else name


def _code_of(callback):
    for _ in range(8):
        inner = getattr(callback, "func", None)  # functools.partial
        if inner is None:
            break
        callback = inner
    return getattr(getattr(callback, "__func__", callback), "__code__", None)


def _last_line(code):
    lines = [line for _, _, line in code.co_lines() if line is not None] if code is not None else None
    return max(lines) if lines else None


def _is_program_callback(callback):
    """A plain callback of the program's, not one asyncio schedules for itself (timers, futures, gather)."""
    code = _code_of(callback)
    if code is None:
        # A builtin (print) or a future's method (fut.set_result): asyncio's own callbacks are functions.
        return True
    if not code.co_filename.startswith(_ASYNCIO_DIR):
        return True
    # asyncio's public methods scheduled by the program (call_later(1, event.set)) are the program's; its
    # private helpers and closures are not.
    return hasattr(callback, "__self__") and not code.co_name.startswith("_")


_active = None


class _ReadyQueue(collections.deque):
    """A loop's ready queue while a recording runs. `_run_once` counts the callbacks to run with len(), and
    gets 0, so it runs none; `_traced_run_once` runs them right after, as it would have, in the same order.
    Its emptiness test (whether to poll without waiting) still sees them."""

    __slots__ = ()

    def __len__(self):
        return 0 if _active is not None else _deque_len(self)

    def __bool__(self):
        return _deque_len(self) > 0


_deque_len = collections.deque.__len__
# The classes of a callback that is a task's step or wake-up (a bound method of the task), learnt as they
# are seen: C and Python tasks use different ones, and so do Python versions.
_STEP_TYPES = set()


def _traced_run_once(self):
    recording = _active
    ready = self._ready
    if recording is None:
        return _original_run_once(self)
    if ready.__class__ is not _ReadyQueue:
        ready = self._ready = _ReadyQueue(ready)
    # Timers, polling and due timers, as asyncio does them; the callbacks it would then run are run here.
    _original_run_once(self)
    count = _deque_len(ready)
    if count:
        _dispatch(recording, self, ready, count)


def _dispatch(recording, loop, ready, count):
    # Every operation in this loop is paid on every turn of every task (about 3 µs of asyncio's own work in
    # Pyodide), so the common case, a task's step, is written out here rather than in methods.
    #
    # Every way out clears the locals that lead to a task, as asyncio's own Handle._run and _run_once do: when
    # a task raises, its traceback's frames link back through this one, and a task kept alive by that cycle
    # would log "Task exception was never retrieved" late, or not at all.
    t0 = recording.t0
    by_hash = recording.by_hash
    steps = recording.steps
    popleft = ready.popleft
    start = int((_clock() - t0) * 1e6)  # each recorded callback's end is the next one's start
    handle = callback = owner = record = frame = None
    try:
        for _ in range(count):
            handle = popleft()
            if handle._cancelled:
                continue
            record = None
            if _active is recording:
                try:
                    callback = handle._callback
                    if callback.__class__ in _STEP_TYPES:
                        owner = callback.__self__
                        record = by_hash.get(hash(owner))
                        if record is not None and record.ref() is not owner:
                            record = None
                    if record is None:
                        record, owner = recording.classify_callback(callback)
                    if record.__class__ is _Task:
                        line = record.line or 0  # where it was suspended, so where this step begins
                        recording.current = record
                    elif record is _PLAIN:
                        recording.current = _PLAIN
                    else:
                        record = None  # asyncio's own callback, or a task that is not drawn
                except Exception:  # noqa: BLE001 - a fault of the recorder must never reach the program
                    _stop(recording)
                    record = None
            if loop._debug:
                _run_debug(loop, handle)
            else:
                handle._run()
            if record is None:
                continue
            end = int((_clock() - t0) * 1e6)
            recording.current = None
            try:
                if record is _PLAIN:
                    recording.plain_step(callback, start, end)
                else:
                    # The usual case, kept short: yielding with no future (sleep(0)) where it did last time.
                    frame = record.frame
                    if (
                        frame is not None
                        and owner._fut_waiter is None
                        and frame.f_lasti == record.yield_at
                        and end - start <= BLOCKED_US
                    ):
                        on = record.on
                    else:
                        on = recording.after_step(record, owner, start, end)
                    # A step and the wait that follows it are two events.
                    if recording.room > 1:
                        recording.room -= 1 if on < 0 else 2
                        steps += (record.id, line, start, end, on)
                    else:
                        recording.cut_short()
            except Exception:  # noqa: BLE001
                _stop(recording)
            start = end
    finally:
        recording.current = None  # (a KeyboardInterrupt can leave a step half-way)
        handle = callback = owner = record = frame = None


def _run_debug(loop, handle):
    """One callback as _run_once runs it in asyncio's debug mode, which warns about a slow one."""
    try:
        loop._current_handle = handle
        began = loop.time()
        handle._run()
        took = loop.time() - began
        if took >= loop.slow_callback_duration:
            base_events.logger.warning("Executing %s took %.3f seconds", base_events._format_handle(handle), took)
    finally:
        loop._current_handle = handle = None


def _traced_create_task(self, coro, *args, **kwargs):
    recording = _active
    if recording is None:
        return _original_create_task(self, coro, *args, **kwargs)
    created = int((_clock() - recording.t0) * 1e6)  # (inlined: a program may make thousands of tasks)
    task = _original_create_task(self, coro, *args, **kwargs)
    try:
        record = recording.add_task(task, coro, created)
        # An eager task (3.12+: a task factory, or eager_start=True in 3.14) has run its first step inside
        # create_task already.
        if (
            (kwargs or self._task_factory is not None)
            and record.__class__ is _Task
            and (task.done() or getattr(coro, "cr_suspended", False))
        ):
            recording.after_step(record, task, created, recording.now())
    except Exception:  # noqa: BLE001
        _stop(recording)
    try:
        return task
    finally:
        task = coro = record = None  # see _dispatch


def _traced_sleep(sleep):
    def traced_sleep(seconds):
        start = _clock()
        try:
            return sleep(seconds)
        finally:
            recording = _active
            if recording is not None:
                recording.slept(int((start - recording.t0) * 1e6), recording.now())

    for attr in ("__name__", "__qualname__", "__doc__", "__module__"):
        setattr(traced_sleep, attr, getattr(sleep, attr, None))
    traced_sleep.__wrapped__ = sleep
    return traced_sleep


def _stop(recording):
    global _active
    if _active is recording:
        _active = None
    if recording.stopped is None:
        recording.stopped = recording.now()


class record:
    """`with record("main.py") as r:` records the loop's work while the block runs; then `r.result()`.

    `user_file` names the program's file (lines are reported in it); tasks whose coroutine is defined in
    one of `hidden_files` (a test harness) are left out, though the tasks they start are not. One
    recording at a time: an inner one records nothing.
    """

    def __init__(self, user_file="main.py", hidden_files=()):
        self.recording = Recording(user_file, hidden_files)
        self._sleep = None

    def __enter__(self):
        global _active
        if _active is not None:
            self.recording.stopped = 0
            return self.recording
        _active = self.recording
        base_events.BaseEventLoop._run_once = _traced_run_once
        base_events.BaseEventLoop.create_task = _traced_create_task
        self._sleep = time.sleep
        time.sleep = _traced_sleep(self._sleep)
        self.recording.t0 = _clock()
        return self.recording

    def __exit__(self, *exc):
        if self._sleep is None:
            return False
        _stop(self.recording)
        base_events.BaseEventLoop._run_once = _original_run_once
        base_events.BaseEventLoop.create_task = _original_create_task
        if getattr(time.sleep, "__wrapped__", None) is self._sleep:
            time.sleep = self._sleep
        return False
