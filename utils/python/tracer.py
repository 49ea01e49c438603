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

Nothing the program prints changes. The recorder keeps no task alive: each task carries its own record (an
attribute), and the record holds the task's frame only while the task is in the ready queue anyway. A
task's exception is read without marking it retrieved.

Recording is paid on every step of every task, next to about 3 µs of asyncio's own work per step in
Pyodide, so the usual case takes the shortest way there is: a step that yields with no future where the
task (or, for its first step, another task of its kind) yielded before, as a `sleep(0)` loop does, costs a
clock reading, four comparisons and one list extension.

The trace is packed for the trip to the page (utils/trace/packed.ts reads it): numbers as binary columns, times
as the loop's clock read them, and each distinct wait and kind of task as one entry in a table.
"""

import asyncio
import base64
import collections
import math
import os
import struct
import sys
import time
import types
from asyncio import base_events, base_futures, events, format_helpers, tasks

EVENT_CAP = 20_000
BLOCKED = 0.05  # seconds: a step longer than this held up the loop
_ASYNCIO_DIR = os.path.dirname(asyncio.__file__) + os.sep
_TASK_TYPES = (tasks.Task, tasks._PyTask)
_GATHERING = getattr(tasks, "_GatheringFuture", None)
_clock = time.monotonic  # the loop's clock (BaseEventLoop.time)
_Coroutine = types.CoroutineType
_Function = types.FunctionType
_current_task = tasks.current_task
_PENDING, _CANCELLED, _FINISHED = base_futures._PENDING, base_futures._CANCELLED, base_futures._FINISHED  # _state
# Handle._run, which _dispatch does in line for these (a call fewer on every callback); Python 3.13 added the
# loop's debug flag to how a failing callback is named.
_HANDLE_TYPES = frozenset({events.Handle, events.TimerHandle})
_original_handle_run = events.Handle._run
_FORMAT_TAKES_DEBUG = sys.version_info >= (3, 13)
# Before 3.12 asyncio.create_task names a task after making it, so a name is read when the task ends; since,
# the name comes to create_task (and a task's first wait, which is rarer than its end, reads a set_name).
_NAMED_LATE = sys.version_info < (3, 12)

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
_PLAIN = "plain"  # what a plain callback of the program's is filed under


class _PlainOwner:
    __slots__ = ()
    _fut_waiter = True  # so that _dispatch's short way, for tasks, is not taken


_PLAIN_OWNER = _PlainOwner()

# A task's record is a list (a class instance costs five times as much to make, and a program may make
# thousands of tasks): its kind's template (see Recording.task_kind) followed by what is its own.
(
    _OWNER,  # the Recording it belongs to: a task can outlive one (a loop kept across runs in one interpreter)
    _NAME,  # the name given to create_task or set_name, else None
    _KIND,  # an index into Recording.kinds: its coroutine's qualified name and first line
    _CODE,  # the coroutine's code, or None
    _ENDED,  # NaN while it has not ended
    _OUTCOME,  # an index into _OUTCOMES
    _ERROR,  # (type name, message) when it raised
    _YIELD_AT,  # where _FRAME stopped when it last yielded with no future (else -1); before its first step, a guess
    _GUESS,  # in a kind's template: the wait (see _KEY) after a first step that yields at _YIELD_AT
    _ID,  # creation order; -1 once its recording has stopped
    _PARENT,  # the id of the task that was running when it was made, or -1
    _CREATED,
    # While the task is in the ready queue (new, or after a yield with no future), its coroutine's frame, or
    # after a yield inside a coroutine of the program's that it awaits, the innermost such frame; else
    # _NO_FRAME. Held no longer: a frame held across a wait on a future would keep a task the program dropped
    # alive past its collection, and asyncio would step it again.
    _FRAME,
    # How its steps are filed while it waits on what it waits on now: an index into Recording.keys. Before
    # the first step that is its kind's guess, the place where a task of the kind first yielded with no
    # future: when the guess is right (the frame stops at _YIELD_AT), the first step takes _dispatch's short
    # way too.
    _KEY,
) = range(14)
# How a task ended, as the page reads the numbers.
_OUTCOMES = ("done", "cancelled", "error", "pending")
_RETURNED, _WAS_CANCELLED, _RAISED, _STILL_PENDING = range(len(_OUTCOMES))
_DONE = (-1, 0)  # the wait of a task that is done: none, at no line
_NESTED = (-1, -1)  # in Recording.bare_yields: a place inside which a coroutine of the program's yielded
_TURN = -1  # in Recording.steps, the key of a turn's start
_NO_KEY = -2  # the key of a task not yet stepped whose kind has no guess (its _YIELD_AT is -1: never filed)


class _NoFrame:
    __slots__ = ()
    f_lasti = -2  # matches no _YIELD_AT


_NO_FRAME = _NoFrame()
# The record of no task, read as a parent's: a task made outside any step (or in a step of a task that is not
# drawn, or of one from an earlier recording) has no parent.
_ORPHAN = [None] * (_KEY + 1)
_ORPHAN[_ID] = -1

# The attribute under which a task carries its record: asyncio's tasks accept attributes, and reading one is
# the cheapest way from a task to its record on every step. (Read and written by name below, `getattr` being
# a call.) A task that is not drawn (asyncio's own shutdown work, a test harness) carries none.
_RECORD = "_awaitwise_record"


def _record_of(task, recording):
    record = getattr(task, _RECORD, None)
    return record if record is not None and record[_OWNER] is recording else None


class Recording:
    __slots__ = ("user_file", "hidden_files", "t0", "stopped", "tasks", "kinds", "steps", "keys", "cut", "ons",
                 "on_index", "blocked", "sleeps", "step_events", "task_limit", "truncated", "codes", "plain_codes",
                 "own_globals", "task_kinds", "last_kind", "last_template", "bare_yields", "last_yield")

    def __init__(self, user_file, hidden_files):
        self.user_file = user_file
        self.hidden_files = frozenset(hidden_files)
        self.t0 = _clock()
        self.stopped = None
        self.tasks = []
        self.kinds = []  # (qualified name, first line in the program or None) per kind of task
        # One flat list of numbers (a tuple per event gave the garbage collector more to walk than the
        # recording cost), two per entry: (key, when), times on the loop's clock as read. An entry is a step
        # that ended then, its key the index of a key in `keys`; or the start of a turn of the loop, key
        # _TURN. A step began when the entry before it ended. `keys` is flat too, three numbers a key: the
        # task, what it then waited on (an index into `ons`, -1 when it was done) and at which line of the
        # program (0 when not in it); for a plain callback -1, -1 and the line it begins at. A task's steps
        # share a key while it waits on the same thing. A wait is the time between two steps of a task, and
        # a step begins where the one before it left the task, so the page works those out.
        self.steps = []
        self.keys = []
        self.cut = None  # when the cap was reached
        self.ons = [("other", "yield")]  # the distinct (kind, detail) pairs; waits refer to them by index
        self.on_index = {self.ons[0]: 0}
        self.blocked = []  # [start, end, task id or None, line that blocked, first line, last line, call]
        self.sleeps = []  # (start, end, line) of time.sleep calls in the current step
        # The cap counts tasks, steps and waits. Steps and waits are counted here; a new task is let in while
        # there are fewer than task_limit, which is what the cap leaves of the steps, waits and any room
        # _dispatch has set aside for the turn it runs.
        self.step_events = 0
        self.task_limit = EVENT_CAP
        self.truncated = False
        # What is worked out once per code object. Hashing a code object reads all of it (it takes as long as
        # a step of asyncio's own), so the one last looked up is also kept: a program makes its tasks, and
        # asyncio schedules its callbacks, many of a kind in a row.
        self.codes = {}  # code object -> _USER, (kind, detail function) or None (look further in)
        self.plain_codes = {}  # callback code object -> whether it is the program's
        # The module (its globals) of the last plain function found to be asyncio's own: such a function is
        # asyncio's own by where it is defined. (Not its __code__: reading that is audited, and the worker's
        # audit hook is Python, a call on every read.)
        self.own_globals = None
        self.task_kinds = {}  # coroutine code object -> its tasks' template, or None when they are not drawn
        # The kind of the last task made, told without the audited cr_code: its coroutine's qualified name
        # (the function's own string), module and first line, as (name, globals, line).
        self.last_kind = (None, None, None)
        self.last_template = None
        self.bare_yields = {}  # (code, f_lasti) of a coroutine yielding with no future -> (on, line)
        self.last_yield = (None, -1, None)  # the last of those looked up: code, f_lasti, answer

    def cut_short(self):
        if not self.truncated:
            self.truncated = True
            self.cut = _clock()

    def task_kind(self, coro, frame):
        """The template of a new task's record, one per code of coroutine; None for a task not drawn.
        `frame` is the coroutine's, or None."""
        if frame is not None:
            code = frame.f_code
        else:
            code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
        template = self.task_kinds.get(code, False)
        if template is False:
            if code is not None and (code in _HIDDEN_CODES or code.co_filename in self.hidden_files):
                template = None
            else:
                first = code.co_firstlineno if code is not None and code.co_filename == self.user_file else None
                name = getattr(coro, "__qualname__", None) or type(coro).__name__
                template = [self, None, len(self.kinds), code, math.nan, _STILL_PENDING, None, -1, (0, 0)]
                self.kinds.append((name, first))
            if code is not None:
                self.task_kinds[code] = template
        if template is not None and coro.__class__ is _Coroutine and frame is not None:
            # (For _traced_create_task's short way.)
            self.last_kind = (coro.__qualname__, frame.f_globals, frame.f_lineno)
            self.last_template = template
        return template

    def add_task(self, task, coro, created, parent=None, name=None):
        """The record of a new task, also set on it; None when it is not drawn, the cap is reached or the
        task takes no attributes. `parent` is the task that was running. (_traced_create_task does the same
        in short for the usual case.)"""
        frame = coro.cr_frame if coro.__class__ is _Coroutine else None
        template = self.task_kind(coro, frame)
        if template is None:
            return None
        number = len(self.tasks)
        if number >= self.task_limit:
            self.cut_short()
            return None
        parent = getattr(parent, _RECORD, _ORPHAN)[_ID]
        guess = template[_YIELD_AT] != -1
        record = template + [number, parent, created, _NO_FRAME if frame is None else frame,
                             self.key(number, template[_GUESS]) if guess else _NO_KEY]
        if name is not None:
            record[_NAME] = str(name)
        try:
            task._awaitwise_record = record
        except AttributeError:  # a task type that takes no attributes: not drawn
            return None
        self.tasks.append(record)
        return record

    def add_step(self, record, task, start, end):
        """What a step of a task left, when _dispatch's short way does not cover it (a new wait, the end of
        the task, a long step): kept in the record, and its key returned for the caller to file (None when the
        task is not drawn)."""
        if record[_OWNER] is not self:
            # A task of an earlier recording, stepped in this one: made anew.
            record = self.add_task(task, task.get_coro(), start)
            if record is None:
                return None
        state = task._state
        if state != _PENDING:
            if _NAMED_LATE:
                record[_NAME] = _task_name(task)
            record[_FRAME] = _NO_FRAME
            record[_ENDED] = end
            if state == _CANCELLED:
                record[_OUTCOME] = _WAS_CANCELLED
            else:
                # `_exception`, not exception(): that would mark it retrieved and silence asyncio's log.
                exc = task._exception
                if exc is None:
                    record[_OUTCOME] = _RETURNED
                else:
                    record[_OUTCOME] = _RAISED
                    record[_ERROR] = (type(exc).__name__, str(exc)[:300])
            key = record[_KEY] = self.key(record[_ID], _DONE)
            if end - start > BLOCKED:
                code = record[_CODE]
                last = _last_line(code) if code is not None and code.co_filename == self.user_file else None
                self.blocked.append(self.blocked_stretch(start, end, record[_ID], last))
            return key
        if record[_NAME] is None:
            record[_NAME] = _task_name(task)
        wait = self.suspended(record, task)
        key = record[_KEY] = self.key(record[_ID], wait)
        if end - start > BLOCKED:
            self.blocked.append(self.blocked_stretch(start, end, record[_ID], wait[1] or None))
        return key

    def key(self, task_id, wait):
        """A new key (see steps): the task, and what it waits on at which line, as (on, line)."""
        keys = self.keys
        keys += (task_id, *wait)
        return len(keys) // 3 - 1

    def suspended(self, record, task):
        """What a task suspended after its step waits on, as (on, line); its frame and where it yielded are
        kept in its record."""
        waiter = task._fut_waiter
        coro = task.get_coro()
        if waiter is not None:
            frame = None
        elif coro.__class__ is _Coroutine:
            frame = coro.cr_frame
        else:
            frame = getattr(coro, "cr_frame", None)
        if frame is None:
            record[_FRAME] = _NO_FRAME
            record[_YIELD_AT] = -1
            on, line, _ = self.describe_wait(coro, waiter)
            return (on, line or 0)
        # A yield with no future at a place another task yielded at already is described the same way:
        # a thousand copies of one coroutine walk their await chain once. The place is where the coroutine's
        # own frame stopped, when that is the innermost frame of the program's in its await chain; when the
        # coroutine awaits one of the program's that yielded, the place is in there, and the chain is walked
        # each time. (An await that is given a different awaitable on another pass, asyncio.sleep(0) once and
        # a coroutine of the program's the next, is described as the first time.)
        code = frame.f_code
        lasti = frame.f_lasti
        last_code, last_lasti, wait = self.last_yield
        if code is not last_code or lasti != last_lasti:
            place = (code, lasti)
            wait = self.bare_yields.get(place)
            if wait is None:
                on, line, inner = self.describe_wait(coro, None)
                if inner is None or inner is frame:
                    wait = (on, line or 0)
                    self.learn_yield(code, lasti, wait)
                else:
                    wait = _NESTED
                self.bare_yields[place] = wait
            self.last_yield = (code, lasti, wait)
        if wait is _NESTED:
            on, line, inner = self.describe_wait(coro, None)
            wait = (on, line or 0)
            if inner is not None:
                frame, lasti = inner, inner.f_lasti
        record[_FRAME] = frame
        record[_YIELD_AT] = lasti
        return wait

    def learn_yield(self, code, lasti, wait):
        """The first place a coroutine's code yields with no future becomes its kind's guess for a first step
        (see _KEY): in the kind's template, and in the records of its tasks not yet started (their frame is
        held, and they have not yielded)."""
        template = self.task_kinds.get(code)
        if not template or template[_YIELD_AT] != -1:
            return
        template[_YIELD_AT], template[_GUESS] = lasti, wait
        keys = self.keys
        on, line = wait
        for other in self.tasks:
            if other[_CODE] is code and other[_YIELD_AT] == -1 and other[_FRAME] is not _NO_FRAME:
                keys += (other[_ID], on, line)
                other[_YIELD_AT], other[_KEY] = lasti, len(keys) // 3 - 1

    def plain_step(self, callback, start, end):
        """The key of a plain callback's step (see steps), noting a long one."""
        code = _code_of(callback)
        first = code.co_firstlineno if code is not None and code.co_filename == self.user_file else None
        if end - start > BLOCKED:
            last = _last_line(code) if first is not None else None
            self.blocked.append(self.blocked_stretch(start, end, None, last, first))
        return self.key(-1, (-1, first or 0))

    def file(self, key, end):
        """Files a step outside _dispatch (which counts its own): a step and, unless the task is done, the
        wait after it are an event each against the cap."""
        if key is None:
            return
        events = 1 if self.keys[key * 3 + 1] < 0 else 2
        if self.task_limit - len(self.tasks) >= events:
            self.step_events += events
            self.task_limit -= events
            self.steps += (key, end)
        else:
            self.cut_short()

    def classify_callback(self, callback):
        """(record, task) for a callback that is not the step of a task already known: a task's step (its
        record, added now if the task was made without create_task), _PLAIN for a callback of the program's,
        or None for asyncio's own."""
        owner = getattr(callback, "__self__", None)  # a task's step or wake-up is a method of the task
        if owner is not None and isinstance(owner, _TASK_TYPES):
            if callback.__class__.__name__ == "TaskStepMethWrapper":
                _STEP_WRAPPER[0] = callback.__class__  # C tasks' step: bound to nothing but a task
            _STEP_TYPES.add(callback.__class__)
            _TASK_CLASSES.add(owner.__class__)
            record = _record_of(owner, self)
            if record is None:
                # Made without create_task (asyncio.Task(...) directly): known from its first step on.
                record = self.add_task(owner, owner.get_coro(), _clock())
            return record, owner
        code = getattr(callback, "__code__", None)
        mine = self.plain_codes.get(code) if code is not None else None
        if mine is None:
            mine = _is_program_callback(callback)
            if code is not None:
                self.plain_codes[code] = mine
        if not mine and callback.__class__ is _Function:
            self.own_globals = callback.__globals__
        return (_PLAIN, _PLAIN_OWNER) if mine else (None, None)

    def blocked_stretch(self, start, end, task_id, last_line, first_line=None):
        """A step that held the loop, with the time.sleep inside it that took most of the time, if any. For
        a task's step, the line it began at is worked out in result(), from the step before."""
        # Not counted against the cap: there are few (each takes 50 ms) and each one is the lesson.
        line = call = None
        inside = [s for s in self.sleeps if s[0] >= start and s[1] <= end]
        if inside and sum(s[1] - s[0] for s in inside) * 2 >= end - start:
            line, call = max(inside, key=lambda s: s[1] - s[0])[2], "time.sleep"
        return [start, end, task_id, line, first_line, last_line, call]

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
        """(index into ons, innermost line in the program's file, the frame that line is in) for a suspended
        task's await chain."""
        line = fallback = user_frame = None
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
                user_frame = frame
            elif found is _WAIT_FOR:
                fallback = fallback or found
            elif found is not None:
                if found is _SLEEP and waiter is None:
                    return self.on("sleep", "sleep(0)"), line, user_frame  # no timer: a bare yield
                return self.on(found[0], found[1](frame)), line, user_frame
            coro = inner
        if waiter is None:
            return (self.on(fallback[0], fallback[1](None)) if fallback else 0), line, user_frame
        if isinstance(waiter, _TASK_TYPES):
            record = _record_of(waiter, self)
            name = _task_name(waiter) or (self.kinds[record[_KIND]][0] if record is not None else None)
            return self.on("task", f"task {name}" if name else "task"), line, user_frame
        if _GATHERING is not None and isinstance(waiter, _GATHERING):
            children = getattr(waiter, "_children", None)
            detail = f"gather ({len(children)})" if children is not None else "gather"
            return self.on("gather", detail), line, user_frame
        if fallback:
            return self.on(fallback[0], fallback[1](None)), line, user_frame
        return self.on("future", type(waiter).__name__), line, user_frame

    def slept(self, start, end):
        if events._get_running_loop() is None:
            return  # outside the loop, a sleep holds up no task
        frame = sys._getframe(2)
        depth = 0
        while frame is not None and frame.f_code.co_filename != self.user_file and depth < 32:
            frame = frame.f_back
            depth += 1
        if len(self.sleeps) > 64:
            del self.sleeps[:32]  # only the current step's are read
        self.sleeps.append((start, end, frame.f_lineno if frame is not None and depth < 32 else None))

    def result(self):
        """The packed trace, ready for json.dumps (utils/trace/packed.ts reads it): tasks and steps as one
        column per field, the steps' and tasks' numbers as packed binary (see _binary), every time on the
        loop's clock as read (`t0` is the start, and the page rounds them all alike); blocked stretches as
        rows; each distinct thing waited on once, in `ons`. Built by C-level passes (zip, slices, struct), not a
        loop in Python per step: this runs once per run, on up to 20,000 events."""
        t0 = self.t0
        end = self.cut if self.cut is not None else self.stopped if self.stopped is not None else _clock()
        steps = self.steps
        # One column per field, in one pass in C (as tuples, which json.dumps writes as lists).
        columns = list(zip(*self.tasks)) or [()] * (_KEY + 1)
        for row in self.blocked:
            if row[2] is not None:
                row[4] = self.began_at(row[2], row[0])
        return {
            "t0": t0,
            "kinds": self.kinds,
            "tasks": {
                "names": columns[_NAME],
                "kinds": _binary("i", columns[_KIND]),
                "parents": _binary("i", columns[_PARENT]),  # -1: none
                "created": _binary("d", columns[_CREATED]),
                "ended": _binary("d", columns[_ENDED]),  # NaN while pending
                "outcomes": _binary("i", columns[_OUTCOME]),  # indices into _OUTCOMES
                # (task, type name, message) for each task that raised
                "errors": [(task, *error) for task, error in enumerate(columns[_ERROR]) if error is not None],
            },
            "keys": _binary("i", self.keys),
            "steps": _binary("i", steps[0::2]),
            "times": _binary("d", steps[1::2]),
            "ons": [list(pair) for pair in self.ons],
            "blocked": self.blocked,
            "end": end,
            "truncated": self.truncated,
        }

    def began_at(self, task_id, start):
        """The line a task's step that began at `start` began at: where its step before left it, or its
        coroutine's first line. (For blocked stretches, which are few.)"""
        steps = self.steps
        before = None
        began = None  # when the entry before ended
        for i in range(0, len(steps), 2):
            key, when = steps[i], steps[i + 1]
            if key != _TURN and self.keys[key * 3] == task_id:
                if began is not None and began >= start:
                    break
                before = self.keys[key * 3 + 2]
            began = when
        if before is None:
            return self.kinds[self.tasks[task_id][_KIND]][1]
        return before or None


def _binary(typecode, numbers):
    """Numbers as base64 of little-endian 32-bit integers ("i") or doubles ("d"): json.dumps takes longer to
    write one float than the loop takes to run a step, and this is a copy and an encoding in C. (struct, not
    array: in Pyodide it packs 6,000 numbers in a third of the time.)"""
    return base64.b64encode(struct.pack(f"<{len(numbers)}{typecode}", *numbers)).decode("ascii")


def _task_name(task):
    """The name given to create_task or set_name; None for asyncio's own "Task-N"."""
    name = task.get_name()
    return None if name.startswith("Task-") and name[5:].isdigit() else name


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
# What a callback that is a task's step or wake-up (a bound method of the task) looks like, learnt as they are
# seen: C and Python tasks use different classes, and so do Python versions.
_STEP_TYPES = set()
# The class of C tasks' step, whose owner is always a task. (Kept in a list: the module's names stay bound to
# the same objects while a test runs, which the workbench's guard checks.)
_STEP_WRAPPER = [None]
_TASK_CLASSES = set()  # the classes of tasks seen stepping (a program may subclass Task)


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
        if self._debug or events.Handle._run is not _original_handle_run:
            _dispatch_plainly(recording, self, ready, count)
        else:
            _dispatch(recording, ready, count)


def _dispatch(recording, ready, count):
    # Every operation in this loop is paid on every turn of every task, so the usual cases are written out
    # here rather than in methods: a task's step that yields with no future where expected (a sleep(0) loop,
    # or the first step of another task of a kind), and asyncio's own callbacks, which are not drawn. It runs
    # the callbacks as _run_once would.
    #
    # Room against the cap is set aside for the whole turn (a step and its wait for each callback, or what
    # is left), so a step checks only the length of the list; what a turn did not use is given back after it.
    #
    # Every way out clears the locals that lead to a task, as asyncio's own Handle._run and _run_once do: when
    # a task raises, its traceback's frames link back through this one, and a task kept alive by that cycle
    # would log "Task exception was never retrieved" late, or not at all.
    steps = recording.steps
    keys = recording.keys
    start = _clock()  # each recorded callback's end is the next one's start
    steps += (_TURN, start)
    reserved = min(recording.task_limit - len(recording.tasks), 2 * count)
    recording.task_limit -= reserved
    filed = len(steps)
    limit = filed + 2 * (reserved // 2)
    singles = 0  # steps filed as one event: a task's last, a plain callback
    popleft = ready.popleft
    step_wrapper = _STEP_WRAPPER[0]
    step_types = _STEP_TYPES
    task_types = _TASK_CLASSES
    handle_types = _HANDLE_TYPES
    handle = callback = owner = record = key = None
    try:
        for done in range(1, count + 1):
            handle = popleft()
            if handle._cancelled:
                continue
            callback = handle._callback
            callback_type = callback.__class__
            if callback_type is step_wrapper or (
                callback_type in step_types and callback.__self__.__class__ in task_types
            ):
                owner = callback.__self__
                try:
                    record = owner._awaitwise_record  # (one of an earlier recording is made anew in add_step)
                except AttributeError:
                    try:
                        record, owner = recording.classify_callback(callback)
                    except Exception:  # noqa: BLE001 - a fault of the recorder must never reach the program
                        _stop(recording)
                        ready.appendleft(handle)
                        _run_rest(ready, count - done + 1)
                        return
                # A C task's step, run as Handle._run would, a call fewer. (It lets nothing out but SystemExit
                # and KeyboardInterrupt, which pass through here as there: a task keeps what its coroutine
                # raised. Any other callback goes through Handle._run, whose frame the loop's report of what it
                # raised shows.)
                if callback_type is step_wrapper and handle.__class__ in handle_types:
                    try:
                        handle._context.run(callback)
                    except (SystemExit, KeyboardInterrupt):
                        raise
                    except BaseException as exc:  # noqa: BLE001 - as Handle._run: the loop's handler reports it
                        _report(handle, exc)
                        exc = None
                else:
                    handle._run()
            else:
                if callback_type is _Function and callback.__globals__ is recording.own_globals:
                    record = None  # asyncio's own, as the last one was: gather's bookkeeping, a timer's wake-up
                else:
                    try:
                        record, owner = recording.classify_callback(callback)
                    except Exception:  # noqa: BLE001
                        _stop(recording)
                        ready.appendleft(handle)
                        _run_rest(ready, count - done + 1)
                        return
                handle._run()
            if record is None:
                continue
            end = _clock()
            if end - start <= BLOCKED and len(steps) < limit and owner._fut_waiter is None:
                # (A plain callback's owner is _PLAIN_OWNER, which waits.)
                if record[_FRAME].f_lasti == record[_YIELD_AT]:
                    # It yielded with no future where it was expected to: the same wait, at the same line.
                    steps += (record[_KEY], end)
                    start = end
                    continue
                if (
                    owner._state == _FINISHED
                    and owner._exception is None
                    and record[_OWNER] is recording
                    and not _NAMED_LATE
                ):
                    # It returned, as most tasks end: Recording.add_step, in short.
                    record[_FRAME] = _NO_FRAME
                    record[_ENDED] = end
                    record[_OUTCOME] = _RETURNED
                    keys += (record[_ID], -1, 0)  # its key: done (_DONE, written out)
                    steps += (len(keys) // 3 - 1, end)
                    singles += 1
                    start = end
                    continue
            try:
                key = (
                    recording.plain_step(callback, start, end)
                    if record is _PLAIN
                    else recording.add_step(record, owner, start, end)
                )
            except Exception:  # noqa: BLE001
                _stop(recording)
                _run_rest(ready, count - done)
                return
            if key is None:
                pass
            elif len(steps) < limit:
                steps += (key, end)
                if keys[key * 3 + 1] < 0:
                    singles += 1
            else:
                recording.cut_short()
            start = end
    finally:
        used = 2 * ((len(steps) - filed) // 2) - singles
        recording.step_events += used
        recording.task_limit += reserved - used
        handle = callback = owner = record = key = None


def _run_rest(ready, count):
    """The rest of a turn's callbacks, once the recorder stopped: as asyncio's _run_once runs them."""
    for _ in range(count):
        handle = ready.popleft()
        if not handle._cancelled:
            handle._run()
    handle = None


def _dispatch_plainly(recording, loop, ready, count):
    """A turn in asyncio's debug mode, or with Handle._run replaced: each callback run the way the loop
    would, and recorded without _dispatch's short ways."""
    start = _clock()
    recording.steps += (_TURN, start)
    handle = callback = owner = record = None
    try:
        for _ in range(count):
            handle = ready.popleft()
            if handle._cancelled:
                continue
            callback = handle._callback
            record = owner = None
            if _active is recording:
                try:
                    record, owner = recording.classify_callback(callback)
                except Exception:  # noqa: BLE001
                    _stop(recording)
            if loop._debug:
                _run_debug(loop, handle)
            else:
                handle._run()
            if record is None or _active is not recording:
                continue
            end = _clock()
            try:
                if record is _PLAIN:
                    recording.file(recording.plain_step(callback, start, end), end)
                else:
                    recording.file(recording.add_step(record, owner, start, end), end)
            except Exception:  # noqa: BLE001
                _stop(recording)
            start = end
    finally:
        handle = callback = owner = record = None


def _report(handle, exc):
    """What Handle._run does with an exception its callback raised: the loop's exception handler reports it."""
    if _FORMAT_TAKES_DEBUG:
        source = format_helpers._format_callback_source(handle._callback, handle._args, debug=handle._loop.get_debug())
    else:
        source = format_helpers._format_callback_source(handle._callback, handle._args)
    context = {"message": f"Exception in callback {source}", "exception": exc, "handle": handle}
    if handle._source_traceback:
        context["source_traceback"] = handle._source_traceback
    handle._loop.call_exception_handler(context)


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


def _traced_create_task(self, coro, **kwargs):
    # (BaseEventLoop.create_task takes the coroutine and keywords only.)
    recording = _active
    if recording is None:
        return _original_create_task(self, coro, **kwargs)
    created = _clock()
    if self._task_factory is None and not self._debug and not self._closed:
        # BaseEventLoop.create_task's own way in this case, a call fewer; any other goes through it.
        try:
            task = tasks.Task(coro, loop=self, **kwargs)
        except TypeError:
            return _original_create_task(self, coro, **kwargs)  # (which says what was wrong in its own words)
    else:
        task = _original_create_task(self, coro, **kwargs)
    try:
        number = len(recording.tasks)
        frame = coro.cr_frame if coro.__class__ is _Coroutine else None  # (audited: the one read a task costs)
        qualname, module, line = recording.last_kind
        if (
            frame is not None
            and coro.__qualname__ is qualname
            and frame.f_globals is module
            and frame.f_lineno == line
            and number < recording.task_limit
        ):
            # Another task of the kind made last: Recording.add_task, in short.
            template = recording.last_template
            if template[_YIELD_AT] == -1:
                key = _NO_KEY  # no guess for its first step yet (see learn_yield)
            else:
                keys = recording.keys
                keys += (number, *template[_GUESS])
                key = len(keys) // 3 - 1
            record = template + [number, getattr(_current_task(self), _RECORD, _ORPHAN)[_ID], created, frame, key]
            task._awaitwise_record = record
            recording.tasks.append(record)
            if kwargs and kwargs.get("name") is not None:
                record[_NAME] = str(kwargs["name"])
        else:
            record = recording.add_task(task, coro, created, _current_task(self), kwargs.get("name"))
        if (
            (kwargs or self._task_factory is not None)
            and record is not None
            and (task.done() or getattr(coro, "cr_suspended", False))
        ):
            # An eager task (3.12+: a task factory, or eager_start=True in 3.14) has run its first step here,
            # inside the step of the task that made it: what it left is kept, and the step is not filed apart.
            recording.add_step(record, task, created, _clock())
    except Exception:  # noqa: BLE001
        _stop(recording)
    try:
        return task
    finally:
        # As BaseEventLoop.create_task: an eager task's exception has a traceback whose frames lead back here.
        del task


def _traced_sleep(sleep):
    def traced_sleep(seconds):
        start = _clock()
        try:
            return sleep(seconds)
        finally:
            recording = _active
            if recording is not None:
                recording.slept(start, _clock())

    for attr in ("__name__", "__qualname__", "__doc__", "__module__"):
        setattr(traced_sleep, attr, getattr(sleep, attr, None))
    traced_sleep.__wrapped__ = sleep
    return traced_sleep


def _stop(recording):
    global _active
    if _active is recording:
        _active = None
    if recording.stopped is None:
        recording.stopped = _clock()
        # Its tasks keep their records: were one stepped again under a later recording, _dispatch's short
        # way must not take it (its frame matches no place) and its id must name no task (there, it is
        # made anew; as a parent, it is none).
        for record in recording.tasks:
            record[_FRAME] = _NO_FRAME
            record[_ID] = -1


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
            self.recording.stopped = self.recording.t0
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
