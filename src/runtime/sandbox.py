"""Fix401's in-worker Python harness: runs learner code in a fresh namespace, binds time to the
virtual clock, scopes env vars and files to one run, and formats tracebacks without our frames.

Loaded once per worker by python.worker.ts; `run()` is called for every Run.
"""
import builtins
import datetime as _datetime
import linecache
import os
import sys
import time as _time
import traceback

import fix401_host  # the host: python.worker.ts (JS) or the oracle (Python): clock_advanced(ms), the mock API
import fix401_transport  # Python's HTTP to the mock API, written by http.client itself

_real_time = _time.time
_real_time_ns = _time.time_ns
_offset_s = 0.0  # virtual now - real now, in seconds
_baseline_environ = dict(os.environ)


# --- one virtual clock ---------------------------------------------------------------------
# time.time/time_ns/sleep and datetime.now/utcnow/today read the page's virtual clock, so token
# expiry on the mock server and the learner's "now" always agree. monotonic() stays real:
# urllib3 uses it for timeouts.
def _virtual_time():
    return _real_time() + _offset_s


def _virtual_time_ns():
    return _real_time_ns() + int(_offset_s * 1e9)


def _virtual_sleep(seconds):
    global _offset_s
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    _offset_s += seconds
    fix401_host.clock_advanced(seconds * 1000)


class _VirtualDatetime(_datetime.datetime):
    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_virtual_time(), tz)

    @classmethod
    def utcnow(cls):
        # Same warning as CPython 3.12+, so lessons show what learners see at home.
        import warnings

        warnings.warn(
            "datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version. "
            "Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.now(datetime.UTC).",
            DeprecationWarning,
            stacklevel=2,
        )
        return cls.fromtimestamp(_virtual_time(), _datetime.timezone.utc).replace(tzinfo=None)

    @classmethod
    def today(cls):
        return cls.now()


class _VirtualDate(_datetime.date):
    @classmethod
    def today(cls):
        return _VirtualDatetime.now().date()


_time.time = _virtual_time
_time.time_ns = _virtual_time_ns
_time.sleep = _virtual_sleep
_datetime.datetime = _VirtualDatetime
_datetime.date = _VirtualDate


# --- no network beyond the practice hosts --------------------------------------------------
# The transport refuses any other host when it connects; for requests this check runs first so
# the learner reads why in a plain requests ConnectionError, not one wrapped in urllib3's retries.
def _guard_hosts():
    import requests.adapters
    from urllib.parse import urlsplit

    original_send = requests.adapters.HTTPAdapter.send

    def send(self, request, *args, **kwargs):
        host = (urlsplit(request.url).hostname or "").lower()
        if not fix401_transport.reachable(host):
            raise requests.exceptions.ConnectionError(
                fix401_transport.unreachable_message(host or request.url), request=request
            )
        return original_send(self, request, *args, **kwargs)

    requests.adapters.HTTPAdapter.send = send


def _no_input(prompt=""):
    raise RuntimeError(
        "input() is not available in this sandbox: nobody can type into a running exercise. "
        "Put the value in a variable or an environment variable instead."
    )


def _host_exchange():
    """The host's mock API: the oracle's Python bridge (tests/oracle/) takes and returns bytes; the
    worker's JS mock (python.worker.ts) takes a Uint8Array and answers at once, never a Promise."""
    if hasattr(fix401_host, "exchange"):
        return fix401_host.exchange
    from pyodide.ffi import to_js

    wire_exchange = fix401_host.wire_exchange  # one proxy of the JS function, not one per request
    return lambda scheme, host, port, request: wire_exchange(scheme, host, port, to_js(request)).to_bytes()


builtins.input = _no_input
fix401_transport.install(_host_exchange())
_guard_hosts()


# --- one run ---------------------------------------------------------------------------------
def _expand(path):
    return os.path.expanduser(path) if path.startswith("~") else path


def _prepare(env, files, virtual_now_ms):
    global _offset_s
    _offset_s = virtual_now_ms / 1000 - _real_time()
    os.environ.clear()
    os.environ.update(_baseline_environ)
    os.environ.update(env)
    written = []
    for f in files:
        path = _expand(f["path"])
        os.makedirs(os.path.dirname(path) or "/", exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(f["content"])
        if path.endswith(".netrc"):
            os.chmod(path, 0o600)
        written.append(path)
    return written


def _format_failure(exc, filename):
    """The traceback from the learner's first frame on (ours are hidden)."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb))


def run(code, env, files, virtual_now_ms, epilogue=None, filename="main.py"):
    """Runs `code` as __main__ in a fresh namespace. Returns (exception type or None, traceback, epilogue output)."""
    written = _prepare(dict(env), list(files), virtual_now_ms)
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    namespace = {"__name__": "__main__", "__file__": filename, "__builtins__": builtins}
    failure = (None, "")
    try:
        exec(compile(code, filename, "exec"), namespace)
    except SystemExit as exc:
        if exc.code not in (None, 0):
            failure = ("SystemExit", f"SystemExit: {exc.code}\n")
    except BaseException as exc:  # noqa: BLE001 - the learner's error is the product here
        failure = (type(exc).__name__, _format_failure(exc, filename))
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    epilogue_output = ""
    if epilogue:
        epilogue_output = _run_epilogue(epilogue, namespace)
    for path in written:
        try:
            os.remove(path)
        except OSError:
            pass
    return failure[0], failure[1], epilogue_output


def _run_epilogue(source, namespace):
    """Runs an exercise's hidden check code in the learner's namespace, capturing what it prints."""
    import contextlib
    import io

    captured = io.StringIO()
    with contextlib.redirect_stdout(captured), contextlib.redirect_stderr(captured):
        try:
            exec(compile(source, "<check>", "exec"), namespace)
        except BaseException as exc:  # noqa: BLE001
            captured.write(f"CHECK-ERROR {type(exc).__name__}: {exc}\n")
    return captured.getvalue()


def versions():
    import certifi
    import charset_normalizer
    import idna
    import requests
    import urllib3

    return {
        "requests": requests.__version__,
        "urllib3": urllib3.__version__,
        "idna": idna.__version__,
        "certifi": certifi.__version__,
        "charset-normalizer": charset_normalizer.__version__,
    }
