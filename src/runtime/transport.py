"""Python's HTTP to the practice API, written byte for byte by CPython's own http.client.

requests -> urllib3 -> http.client write a request on a socket; here the socket's other end is the
mock API, which runs in this same Web Worker and answers synchronously. The answering function is
given to install(): the sandbox passes the worker's JS mock; the CPython oracle (tests/oracle/) passes
a bridge to the same mock served on 127.0.0.1, so both run this very module.
So status lines, reason phrases, header order, redirects, rebuild_auth and header validation are
CPython's own, in every browser, with no service worker, sync XHR or SharedArrayBuffer involved.

Pyodide's urllib3 injects a browser (fetch/XHR) backend into the connection pools; this module puts
urllib3's standard connection classes back, with `connect()` opening a _WireSocket instead of TCP.
"""
import errno
import http.client
import io

import urllib3.connectionpool

REACHABLE_HOSTS = ("api.example.com", "httpbin.org")
# The 401 doctor's "Run it against your response": every host answers with the pasted response
# (the answering function is the doctor's replay, not the practice API, so nothing leaves the page).
_any_host = False


def set_any_host(flag):
    global _any_host
    _any_host = bool(flag)


def reachable(host):
    return _any_host or host in REACHABLE_HOSTS


# exchange(scheme, host, port, request_bytes) -> response_bytes, set by install().
_exchange = None


def unreachable_message(host):
    return (
        f"Cannot reach {host!r}: this sandbox only reaches "
        f"{' and '.join('https://' + h for h in REACHABLE_HOSTS)} "
        "(a practice API in your browser; nothing leaves this page)."
    )


class _WireSocket:
    """A connected socket whose peer is the mock API.

    sendall() collects the request; makefile('rb'), which http.client calls once per response,
    hands the collected bytes to the mock and returns its answer as a file.
    """

    def __init__(self, scheme, host, port):
        self.scheme, self.host, self.port = scheme, host, port
        self._pending = bytearray()
        self._timeout = None
        self.closed = False

    def sendall(self, data):
        if self.closed:
            raise OSError(errno.EBADF, "Bad file descriptor")
        self._pending += data

    def send(self, data):
        self.sendall(data)
        return len(data)

    def makefile(self, mode="rb", buffering=None, **_kwargs):
        if "r" not in mode:
            raise ValueError(f"invalid mode {mode!r} (the mock socket only reads)")
        request = bytes(self._pending)
        self._pending.clear()
        answer = _exchange(self.scheme, self.host, self.port, request)
        return io.BufferedReader(io.BytesIO(answer))

    # The socket API urllib3 and http.client touch; there is no real descriptor behind it.
    def settimeout(self, timeout):
        self._timeout = timeout

    def gettimeout(self):
        return self._timeout

    def setsockopt(self, *_args):
        pass

    def shutdown(self, _how):
        self.closed = True

    def close(self):
        self.closed = True

    def fileno(self):
        return -1


def _open_socket(host, port, scheme):
    name = (host or "").lower().rstrip(".")
    if not reachable(name):
        raise ConnectionRefusedError(errno.ECONNREFUSED, unreachable_message(host))
    return _WireSocket(scheme, name, port)


# urllib3's own classes: the emscripten injection rebinds urllib3.connection's names, not these.
_Urllib3HTTP = urllib3.connectionpool.HTTPConnection
_Urllib3HTTPS = urllib3.connectionpool.HTTPSConnection


def _connect_wire(conn, scheme):
    """http.client's connect(), on the mock's socket. A proxy tunnel is a host the sandbox cannot reach."""
    if conn._tunnel_host:
        raise ConnectionRefusedError(errno.ECONNREFUSED, unreachable_message(conn.host))
    conn.sock = _open_socket(conn.host, conn.port, scheme)


class _OpenUntilClosed:
    @property
    def is_connected(self):
        # urllib3 polls the descriptor; this socket has none, and stays open until closed.
        return self.sock is not None and not self.sock.closed


class WireHTTPConnection(_OpenUntilClosed, _Urllib3HTTP):
    def connect(self):
        _connect_wire(self, "http")
        self._has_connected_to_proxy = bool(self.proxy)


class WireHTTPSConnection(_OpenUntilClosed, _Urllib3HTTPS):
    def connect(self):
        _connect_wire(self, "https")
        # No TLS in the sandbox: a verified connection is one whose caller asked for verification,
        # so verify=False still warns (InsecureRequestWarning) as it does in CPython.
        self.is_verified = self.cert_reqs not in (None, 0, "CERT_NONE", "NONE")
        self._has_connected_to_proxy = bool(self.proxy)


def install(exchange):
    """Routes requests, urllib3, http.client and urllib.request to the mock API, answered by
    `exchange(scheme, host, port, request_bytes) -> response_bytes`."""
    global _exchange
    _exchange = exchange
    urllib3.connectionpool.HTTPConnectionPool.ConnectionCls = WireHTTPConnection
    urllib3.connectionpool.HTTPSConnectionPool.ConnectionCls = WireHTTPSConnection
    urllib3.connection.HTTPConnection = WireHTTPConnection
    urllib3.connection.HTTPSConnection = WireHTTPSConnection
    http.client.HTTPConnection.connect = lambda self: _connect_wire(self, "http")
    http.client.HTTPSConnection.connect = lambda self: _connect_wire(self, "https")
