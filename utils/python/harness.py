"""Runs a practice problem's Python test suite against a solution (standard library only).

The same file runs on CPython 3.11+ (CI, `python3 harness.py SOLUTION.py TESTS.py`) and in Pyodide, where
the extension's runtime imports it and calls run_tests(). Contract:

- The solution source is exec'd into a fresh module named "solution" (file name "solution.py"), which
  stays in sys.modules["solution"] while the tests run.
- The tests source is exec'd into its own namespace. Tests are its functions named test_*, in definition
  order; each takes the solution module. An async test runs in a fresh event loop under a per-test
  time limit; a sync test is called directly.
- A suite may define INTERFACE = {"name": "name(signature)"}: when the solution lacks one of those
  names, a test touching it fails with "solution does not define name(signature)".
- The result is {"passed", "tests": [{"name", "passed", "message"}], "error"}; "error" (with no tests
  run) is for a solution that does not compile or raises on import, or a broken test suite.

Nothing is printed except in command-line mode, and the solution's own output is left alone.

The steps are separate functions (prepare, load_solution, run_one, describe) so the extension's engine can
drive them from JavaScript and keep the verdicts there, out of the solution's reach; run_tests() is the
same sequence for the command line. Either way guard.py records what the judge relies on before the
solution loads, refuses changes to it, and compares after every test: a run that changed it does not count.
"""

import asyncio
import contextlib
import gc
import inspect
import json
import linecache
import sys
import types
import warnings

try:
    import awaitwise_guard as guard  # inside the extension's interpreter
except ImportError:
    import guard  # python3 utils/python/harness.py

SOLUTION_FILE = "solution.py"
TESTS_FILE = "tests.py"


def _register_source(filename, source):
    # Lets tracebacks and inspect.getsource() show lines of code that never lived on disk.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)


def _describe_syntax_error(what, exc):
    where = f" on line {exc.lineno}" if exc.lineno else ""
    return f"{what} has a {type(exc).__name__}{where}: {exc.msg}"


def _last_solution_frame(tb):
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == SOLUTION_FILE:
            line = (tb.tb_lineno, tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return line


def _where(exc):
    found = _last_solution_frame(exc.__traceback__)
    if found is None:
        return ""
    lineno, func = found
    inside = "" if func == "<module>" else f", in {func}"
    return f" (solution.py, line {lineno}{inside})"


def _exception_text(exc):
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _missing_name(exc, module, interface):
    """The name the solution lacks, when `exc` is a failed look-up on the solution module."""
    if isinstance(exc, AttributeError) and getattr(exc, "obj", None) is module:
        return exc.name
    if isinstance(exc, ImportError) and exc.name == "solution":
        # "cannot import name 'x' from 'solution'": the name is quoted in the message.
        parts = str(exc).split("'")
        return parts[1] if len(parts) > 2 else None
    return None


def _innermost_file(tb):
    filename = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return filename


def _first_leaf(group):
    while isinstance(group, BaseExceptionGroup) and group.exceptions:
        group = group.exceptions[0]
    return group


def _failure_message(exc, module, interface):
    missing = _missing_name(exc, module, interface)
    if missing is not None:
        return f"solution does not define {interface.get(missing, missing)}"
    if isinstance(exc, _TestTimeout):
        return str(exc)
    if isinstance(exc, AssertionError) and _innermost_file(exc.__traceback__) != SOLUTION_FILE:
        return str(exc) or "an assertion in the tests failed"
    if isinstance(exc, BaseExceptionGroup):
        leaf = _first_leaf(exc)
        return f"raised {_exception_text(leaf)}{_where(leaf)} (inside an {type(exc).__name__})"
    return f"raised {_exception_text(exc)}{_where(exc)}"


class _TestTimeout(Exception):
    pass


def _await_chain(coro):
    """The frames of a suspended coroutine and of everything it is awaiting, outermost first."""
    frames = []
    while coro is not None and len(frames) < 100:
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None) or getattr(coro, "ag_frame", None)
        if frame is None:
            break
        frames.append(frame)
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None) or getattr(coro, "ag_await", None)
    return frames


def _stuck_points():
    """Where the still-pending tasks are waiting, as far as the solution's own code goes."""
    points = []
    for task in asyncio.all_tasks():
        if task is asyncio.current_task():
            continue
        for frame in reversed(_await_chain(task.get_coro())):
            if frame.f_code.co_filename == SOLUTION_FILE:
                point = f"line {frame.f_lineno} in {frame.f_code.co_name}"
                if point not in points:
                    points.append(point)
                break
    return points


async def _run_async_test(test, module, seconds):
    # Equivalent to asyncio.wait_for(test(module), seconds), but it says where the solution was stuck.
    task = asyncio.ensure_future(test(module))
    done, _ = await asyncio.wait({task}, timeout=seconds)
    if task in done:
        return task.result()
    stuck = _stuck_points()
    task.cancel()
    await asyncio.wait({task}, timeout=1.0)
    if stuck:
        detail = "still waiting in solution.py at " + "; ".join(stuck[:3])
    else:
        detail = "is it waiting for something that never happens, or ignoring a cancellation?"
    raise _TestTimeout(f"did not finish within {seconds:g} s: {detail}")


async def _stop_leftovers():
    """Cancels tasks a test left behind, so the next test starts clean and asyncio.run can return."""
    current = asyncio.current_task()
    left = [t for t in asyncio.all_tasks() if t is not current]
    for t in left:
        t.cancel()
    if left:
        await asyncio.wait(left, timeout=1.0)


def _run_one(test, module, seconds, asyncio_run=asyncio.run):
    # asyncio.run as it was before any solution ran: rebinding it in the solution does not reach the judge.
    if inspect.iscoroutinefunction(test):

        async def main():
            # Failed tasks nobody awaited are the tests' business, not log noise on stderr.
            asyncio.get_running_loop().set_exception_handler(lambda loop, context: None)
            try:
                return await _run_async_test(test, module, seconds)
            finally:
                await _stop_leftovers()

        asyncio_run(main())
    else:
        test(module)


def _test_name(fn):
    doc = inspect.getdoc(fn)
    if doc:
        return doc.splitlines()[0].strip()
    return fn.__name__.replace("_", " ")


def _never_awaited(caught):
    for w in caught:
        if issubclass(w.category, RuntimeWarning) and "was never awaited" in str(w.message):
            return str(w.message)
    return None


def prepare(tests_source):
    """Loads the suite: (error, names, tests, interface pairs, guard state); error is None when it loaded.

    Runs before the solution: the test functions, their names and the guard's record are taken while only
    trusted code has run.
    """
    try:
        tests_code = compile(tests_source, TESTS_FILE, "exec")
    except SyntaxError as exc:
        return (_describe_syntax_error("the test suite", exc), (), (), (), None)
    namespace = {"__name__": "practice_tests", "__file__": TESTS_FILE}
    _register_source(TESTS_FILE, tests_source)
    try:
        exec(tests_code, namespace)
    except Exception as exc:
        return (f"the test suite raised {_exception_text(exc)} while loading", (), (), (), None)
    tests = tuple(fn for name, fn in namespace.items() if name.startswith("test_") and inspect.isfunction(fn))
    if not tests:
        return ("the test suite defines no test_* functions", (), (), (), None)
    interface = tuple((str(k), str(v)) for k, v in (namespace.get("INTERFACE") or {}).items())
    # CPython creates the event loop policy on first use; create it now so that is not read as a patch.
    (getattr(asyncio.events, "_get_event_loop_policy", None) or asyncio.get_event_loop_policy)()
    judged = guard.watched_namespaces(
        extra=(("the judge", globals()), ("the judge's guard", vars(guard))), data=(("the tests", namespace),)
    )
    state = guard.record(judged)
    # What exists now lives as long as the run: the collection after each test looks at new objects only.
    gc.freeze()
    return (None, tuple(_test_name(t) for t in tests), tests, interface, state)


def guard_on(state, install=guard.install):
    """From here on, what the judge relies on cannot be changed (for the rest of this interpreter)."""
    install(state[1])


def tampered(state, changes=guard.changes):
    """What the solution changed of what the judge relies on, in words, or None."""
    change = changes(state[0])
    return f"{change}: a solution may not patch the tests, the judge or the standard library" if change else None


def load_solution(source):
    """Runs the solution as the module "solution": (module, None), or (None, why it could not load)."""
    try:
        solution_code = compile(source, SOLUTION_FILE, "exec")
    except SyntaxError as exc:
        return (None, _describe_syntax_error("solution.py", exc))
    module = types.ModuleType("solution")
    module.__file__ = SOLUTION_FILE
    _register_source(SOLUTION_FILE, source)
    sys.modules["solution"] = module
    try:
        exec(solution_code, module.__dict__)
    except BaseException as exc:  # SystemExit and CancelledError too; only Ctrl-C stops the run
        if isinstance(exc, KeyboardInterrupt):
            raise
        return (None, f"solution.py raised {_exception_text(exc)} on import{_where(exc)}")
    return (module, None)


def run_one(test, module, seconds, record=None):
    """Runs one test: (passed, failure, trace, concurrency). `failure` is None or what went wrong, the
    exception itself or a sentence; with `record` (the extension's awaitwise_tracer.record) an async test
    also gets its event loop's trace, and `concurrency` says it failed on what its tasks did (a wrong
    answer or a hang), which its timeline shows.

    The verdict is fixed before any of the solution's code can run again (describe() may call its __str__).
    """
    traced = record is not None and inspect.iscoroutinefunction(test)
    timeline = record(SOLUTION_FILE, (__file__,)) if traced else contextlib.nullcontext()
    failure = None
    with warnings.catch_warnings(record=True) as caught, timeline as recording:
        warnings.simplefilter("always")
        try:
            _run_one(test, module, seconds)
            gc.collect()  # a coroutine that was never awaited warns when it is collected
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            failure = exc
    trace = _trace(recording)
    if failure is not None:
        concurrency = recording is not None and isinstance(failure, (AssertionError, _TestTimeout))
        return (False, failure, trace, concurrency)
    unawaited = _never_awaited(caught)
    if unawaited:
        return (False, f"{unawaited}: a call to an async function is missing its await", trace, False)
    return (True, None, trace, False)


def _trace(recording, dumps=json.dumps):
    """The packed trace as JSON (None stays null on the way to JavaScript), or None. The solution ran beside
    the recorder and may have broken what packing uses; the verdict stands anyway."""
    if recording is None:
        return None
    try:
        return dumps(recording.result())
    except Exception:  # noqa: BLE001
        return None


def describe(failure, module, interface):
    """The message for a failed test (run_one's second value)."""
    if isinstance(failure, str):
        return failure
    return _failure_message(failure, module, dict(interface))


def run_tests(
    solution_source,
    tests_source,
    per_test_timeout=5.0,
    steps=(prepare, guard_on, load_solution, run_one, describe, tampered),
):
    """The whole sequence in Python, for the command line and CI (the steps taken before any solution ran)."""
    prepare, guard_on, load_solution, run_one, describe, tampered = steps
    result = {"passed": False, "tests": [], "error": None}
    error, names, tests, interface, state = prepare(tests_source)
    if error:
        result["error"] = error
        return result
    guard_on(state)
    previous = sys.modules.get("solution")
    try:
        module, error = load_solution(solution_source)
        result["error"] = error or tampered(state)
        if result["error"]:
            return result
        for name, test in zip(names, tests):
            passed, failure, *_ = run_one(test, module, per_test_timeout)
            message = "" if passed else describe(failure, module, interface)
            result["tests"].append({"name": name, "passed": passed, "message": message})
            result["error"] = tampered(state)
            if result["error"]:
                return result
    finally:
        if previous is None:
            sys.modules.pop("solution", None)
        else:
            sys.modules["solution"] = previous

    result["passed"] = all(t["passed"] for t in result["tests"])
    return result


def main(argv):
    if len(argv) != 3:
        print("usage: harness.py SOLUTION.py TESTS.py", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        solution = f.read()
    with open(argv[2], encoding="utf-8") as f:
        tests = f.read()
    outcome = run_tests(solution, tests)
    print(json.dumps(outcome))
    return 0 if outcome["passed"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
