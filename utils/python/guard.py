"""Keeps a solution under test from changing the code that judges it (standard library only).

The practice judge runs a solution in the interpreter that runs its tests, and nothing inside one Python
interpreter can be made unreachable. Two things make the verdict hold anyway:

- An audit hook, which cannot be removed once added, refuses for the rest of the interpreter's life to
  change the code or defaults of any function that existed before the solution was loaded
  (``_run_one.__code__ = ...``) or the class of such a module or class, to add audit hooks, trace, profile
  or monitoring callbacks (they could rewrite a running judge's locals), to list every object
  (``gc.get_objects``), to build code objects from bytes, and to import ctypes (raw memory).
- A record of every name bound in the modules the tests and the judge rely on (asyncio, builtins, json,
  time, ... and the judge itself) and in the suite's own namespace, with the code, defaults and closure of
  every function and the methods of every class in them (``BaseEventLoop.run_until_complete = ...``,
  which CPython does not audit). It is compared after the solution is loaded
  and after every test: a rebound name (``asyncio.run = ...``, ``json._default_encoder = ...``) means the
  run does not count. Tests may patch and restore (a spy on ``asyncio.sleep``); what is compared is the
  state between tests.

The functions here take every built-in they call as a default argument, never look inside an object that
was not there before the solution loaded, and run with the cyclic garbage collector off, so neither a
changed ``builtins`` nor a finalizer nor a metaclass of the solution's can run code inside them.
"""

import gc
import sys
import types

# The modules (and their submodules) whose names the tests and the judge resolve while a test runs.
WATCHED_MODULES = frozenset(
    {
        "asyncio",
        "builtins",
        "collections",
        "contextvars",
        "functools",
        "gc",
        "heapq",
        "inspect",
        "itertools",
        "json",
        "linecache",
        "operator",
        "random",
        "selectors",
        "threading",
        "time",
        "traceback",
        "types",
        "warnings",
        "weakref",
        # The extension's runner: the event loop class that asyncio.run uses there.
        "awaitwise_runner",
        # The timeline's recorder: while a test is traced, the loop's dispatch runs through its functions.
        "awaitwise_tracer",
    }
)

# Names the standard library rebinds as it runs: warnings.catch_warnings swaps these in and puts the same
# objects back on exit, and counts changes to the filters in a plain int.
_VOLATILE = {"warnings": frozenset({"_filters_version", "filters", "showwarning", "_showwarnmsg_impl"})}

# Audit events refused once the guard is on. Not marshal.loads: the import system reads every cached module with
# it (a solution importing pathlib on 3.12 would fail), and a new code object gains nothing compile() does not;
# a swapped __code__ is caught by the comparison after each test either way.
_REFUSED = frozenset(
    {
        "sys.addaudithook",
        "sys.settrace",
        "sys.setprofile",
        "sys._settraceallthreads",
        "sys._setprofileallthreads",
        "sys.monitoring.register_callback",
        "gc.get_objects",
        "gc.get_referrers",
        "gc.get_referents",
        "code.__new__",
    }
)
_REFUSED_IMPORTS = frozenset({"ctypes", "_ctypes"})
_ATTRIBUTE_EVENTS = frozenset({"object.__setattr__", "object.__delattr__"})
_DESCRIPTORS = (staticmethod, classmethod, property)
_CONTAINERS = (list, dict, set, tuple, frozenset)


class GuardError(RuntimeError):
    """Raised into the solution when it reaches for something the judge relies on."""


def watched_namespaces(extra=(), data=(), modules=sys.modules, names=WATCHED_MODULES, type=type, list=list, vars=vars):
    """(label, namespace, module, contents) for each watched module, each (label, dict) of ``extra`` and of
    ``data``; in ``data`` (the suite's namespace: its expected values) what lists and dicts hold counts too.
    """
    found = []
    for name, module in list(modules.items()):
        if type(name) is str and type(module) is types.ModuleType and name.partition(".")[0] in names:
            found.append((name, vars(module), module, False))
    found.extend((label, namespace, None, False) for label, namespace in extra)
    found.extend((label, namespace, None, True) for label, namespace in data)
    return tuple(found)


def _function_parts(fn, protected, id=id, tuple=tuple, ValueError=ValueError):
    protected.add(id(fn))
    cells = []
    for cell in fn.__closure__ or ():
        try:
            cells.append(id(cell.cell_contents))
        except ValueError:
            cells.append(0)
    return (id(fn.__code__), id(fn.__defaults__), id(fn.__kwdefaults__), tuple(cells))


def _parts(
    value,
    protected,
    contents,
    function=types.FunctionType,
    descriptors=_DESCRIPTORS,
    containers=_CONTAINERS,
    function_parts=_function_parts,
    id=id,
    type=type,
    isinstance=isinstance,
    tuple=tuple,
    list=list,
    dict=dict,
    callable=callable,
    prop=property,
):
    """What an object that existed before the solution consists of, as ids; adds what to protect."""
    kind = type(value)
    if kind is function:
        return function_parts(value, protected)
    if kind in descriptors:
        protected.add(id(value))
        inner = (value.fget, value.fset, value.fdel) if kind is prop else (value.__func__,)
        return tuple(function_parts(f, protected) if type(f) is function else id(f) for f in inner)
    if contents and kind in containers:
        return tuple(id(item) for item in list(value.values() if kind is dict else value))
    if isinstance(value, type) and value is not type:
        # A class: its own functions and descriptors. Nested classes belong to their own module's record.
        protected.add(id(value))
        members = []
        for key, item in list(value.__dict__.items()):
            inner = type(item)
            if inner is function:
                members.append((key, id(item), function_parts(item, protected)))
            elif inner in descriptors:
                protected.add(id(item))
                fns = (item.fget, item.fset, item.fdel) if inner is prop else (item.__func__,)
                members.append((key, id(item), tuple(id(f) for f in fns)))
            elif callable(item):
                members.append((key, id(item), ()))
            # Plain data on a class (weakref.finalize._dirty, a counter) is the class's own business.
        return tuple(members)
    return ()


def record(
    namespaces,
    parts=_parts,
    disable=gc.disable,
    enable=gc.enable,
    isenabled=gc.isenabled,
    id=id,
    tuple=tuple,
    list=list,
    set=set,
    frozenset=frozenset,
):
    """The state of ``namespaces`` (from watched_namespaces()), and the ids the audit hook must protect."""
    was = isenabled()
    disable()
    try:
        protected = set()
        state = []
        for label, namespace, module, contents in namespaces:
            protected.add(id(namespace))
            if module is not None:
                protected.add(id(module))
            entries = tuple((k, id(v), parts(v, protected, contents)) for k, v in list(namespace.items()))
            state.append((label, namespace, contents, entries))
        return tuple(state), frozenset(protected)
    finally:
        if was:
            enable()


def changes(
    state,
    parts=_parts,
    volatile_names=_VOLATILE,
    modules=sys.modules,
    module_type=types.ModuleType,
    disable=gc.disable,
    enable=gc.enable,
    isenabled=gc.isenabled,
    id=id,
    type=type,
    len=len,
    list=list,
    set=set,
    enumerate=enumerate,
):
    """The first difference from ``state`` (from record()), in words, or None when there is none."""
    was = isenabled()
    disable()
    try:
        for label, namespace, contents, before in state:
            volatile = volatile_names.get(label, ())
            items = list(namespace.items())
            for i, (key, value) in enumerate(items):
                if type(key) is not str:
                    return f"{label}: a name that is not a string was added"
                if i >= len(before):
                    # Importing a.b binds b in package a: the import system at work, not a patch.
                    if type(value) is module_type and modules.get(label + "." + key) is value:
                        continue
                    return f"{label}.{key} was added"
                known, known_id, known_parts = before[i]
                if key != known:
                    return f"{label}.{known} was removed or moved"
                if key in volatile:
                    continue
                if id(value) != known_id:
                    return f"{label}.{key} was replaced"
                # The same object as before the solution loaded: looking inside it runs none of its code.
                if parts(value, set(), contents) != known_parts:
                    return f"{label}.{key} was changed"
            if len(items) < len(before):
                return f"{label}.{before[len(items)][0]} was removed"
        return None
    finally:
        if was:
            enable()


def install(protected, addaudithook=sys.addaudithook):
    """Adds the audit hook that refuses the events above. Nothing can take it away again."""

    def hook(
        event,
        args,
        protected=protected,
        attribute_events=_ATTRIBUTE_EVENTS,
        refused=_REFUSED,
        refused_imports=_REFUSED_IMPORTS,
        error=GuardError,
        id=id,
        type=type,
    ):
        if event in attribute_events:
            # CPython audits setting a function's code or defaults and anything's __class__ (not plain
            # attributes of classes and modules: changes() finds those).
            if args and id(args[0]) in protected:
                raise error(f"{event}: a solution may not change what the tests rely on")
        elif event in refused:
            raise error(f"{event} is not available while the tests run")
        elif event == "import" and args:
            name = args[0]
            if type(name) is not str or name.partition(".")[0] in refused_imports:
                raise error("ctypes is not available while the tests run")

    addaudithook(hook)
