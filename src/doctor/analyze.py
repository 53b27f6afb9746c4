"""The 401 doctor's code reader: finds the causes of a 401 in `requests` code with Python's own
`ast`, never running it. Runs in the Python worker (Pyodide, CPython 3.14) and under native
CPython 3.11+ in the tests. `analyze(source)` returns JSON: {ok, error?, findings, facts}.

Each finding: {id, line, snippet, detail, confidence}; ids are the cause ids of src/doctor/causes.ts.
The reading is deliberately shallow: names are resolved to their last simple assignment, which is
how short scripts that end up in front of a 401 are written.
"""
import ast
import base64
import binascii
import json
import re

METHODS = {"get", "post", "put", "patch", "delete", "head", "options", "request"}
# Positional parameters after the URL, per requests.api (requests.post(url, data=None, json=None)).
POSITIONAL = {"get": ["params"], "post": ["data", "json"], "put": ["data"], "patch": ["data"]}
PLACEHOLDER = re.compile(r"YOUR[_-]?(API[_-]?)?(TOKEN|KEY)|<\s*token\s*>|\bxxx+\b|INSERT[_-]?TOKEN|TOKEN_HERE|changeme", re.I)
MISSPELLINGS = {"authorisation", "auth", "authentication", "authorizaton", "authorzation", "autorization", "authorizathion"}
LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "[::1]")
CREDENTIAL_HEADERS = {"username", "password", "user", "passwd", "login"}
FILE_READERS = {"open", "io.open", "Path", "pathlib.Path", "PurePath", "os.path.expanduser", "expanduser"}


def _distance(a, b):
    """Levenshtein distance, for header names one or two letters off."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _const_str(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _dotted(node):
    """'os.environ.get' for an attribute chain, else ''."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return ""


def _is_base64_pair(text):
    """True when `text` is base64 of `user:password` (what a Basic header must carry)."""
    try:
        return ":" in base64.b64decode(text.strip(), validate=True).decode("latin-1")
    except (ValueError, binascii.Error):
        return False


def _is_utf8_encode(node):
    """`x.encode()` or `x.encode('utf-8')`: bytes requests sends as they are."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "encode"):
        return False
    codec = (_const_str(node.args[0]) or "") if node.args else "utf-8"
    return codec.lower().replace("-", "").replace("_", "") in ("utf8", "utf")


class Analyzer:
    def __init__(self, source):
        self.source = source
        self.lines = source.splitlines()
        self.tree = ast.parse(source)
        self.findings = []
        self.facts = {"authSchemes": [], "usesBasicAuth": False, "usesDigestAuth": False, "sendsAuthorization": False, "envVars": [], "files": [], "passesAuth": False}
        self.assigned = {}  # name -> [value nodes in source order]
        self.requests_names = set()  # names bound to the requests module
        self.method_names = {}  # from requests import post -> {'post': 'post'}
        self.auth_classes = {"basic": {"HTTPBasicAuth"}, "digest": {"HTTPDigestAuth"}}
        self.sessions = set()
        self.trust_env_off = False
        self.parents = {}

    # --- collection ------------------------------------------------------------------------
    def collect(self):
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == "requests":
                        self.requests_names.add(alias.asname or "requests")
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("requests"):
                for alias in node.names:
                    if alias.name in METHODS:
                        self.method_names[alias.asname or alias.name] = alias.name
                    elif alias.name == "Session":
                        self.sessions.add("__Session_class__:" + (alias.asname or alias.name))
            elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        self.assigned.setdefault(target.id, []).append(node.value)
                        if self._is_session_call(node.value):
                            self.sessions.add(target.id)
                    elif isinstance(target, ast.Attribute) and target.attr == "trust_env":
                        self.trust_env_off = True
            elif isinstance(node, ast.withitem) and isinstance(node.optional_vars, ast.Name):
                if self._is_session_call(node.context_expr):
                    self.sessions.add(node.optional_vars.id)

    def _is_session_call(self, node):
        if not isinstance(node, ast.Call):
            return False
        name = _dotted(node.func)
        return name.endswith(".Session") and name.split(".")[0] in self.requests_names or "__Session_class__:" + name in self.sessions

    def resolve(self, node, depth=0):
        """The expression a name stands for (its last simple assignment), else the node itself."""
        while isinstance(node, ast.Name) and node.id in self.assigned and depth < 4:
            node = self.assigned[node.id][-1]
            depth += 1
        return node

    def add(self, cause, node, detail, confidence):
        line = getattr(node, "lineno", 1)
        if any(f["id"] == cause and f["line"] == line for f in self.findings):
            return
        snippet = self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""
        self.findings.append({"id": cause, "line": line, "snippet": snippet, "detail": detail, "confidence": confidence})

    # --- requests calls --------------------------------------------------------------------
    def request_method(self, call):
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr in METHODS:
            owner = func.value
            if isinstance(owner, ast.Name) and (owner.id in self.requests_names or owner.id in self.sessions):
                return func.attr, isinstance(owner, ast.Name) and owner.id in self.sessions
            if self._is_session_call(owner):
                return func.attr, True
        if isinstance(func, ast.Name) and func.id in self.method_names:
            return self.method_names[func.id], False
        return None, False

    def dict_items(self, node):
        """{key_lower: (key, value_node)} of a dict literal (after resolution), plus subscript sets."""
        items = {}
        target = node
        node = self.resolve(node)
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                text = _const_str(key)
                if text is not None:
                    items[text.lower()] = (text, value)
        elif isinstance(node, ast.Call) and _dotted(node.func) == "dict":
            for kw in node.keywords:
                if kw.arg:
                    items[kw.arg.lower()] = (kw.arg, kw.value)
        if isinstance(target, ast.Name):
            for stmt in ast.walk(self.tree):
                if isinstance(stmt, ast.Assign):
                    for t in stmt.targets:
                        if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id == target.id:
                            key = _const_str(t.slice)
                            if key is not None:
                                items[key.lower()] = (key, stmt.value)
        return items

    def check_call(self, call):
        method, on_session = self.request_method(call)
        if not method:
            return
        args = list(call.args)
        url = args.pop(0) if method != "request" else (args[1] if len(args) > 1 else None)
        if method == "request":
            args = args[2:]
        kwargs = {kw.arg: kw.value for kw in call.keywords if kw.arg}
        url = kwargs.get("url", url)
        for index, arg in enumerate(args):
            param = (POSITIONAL.get(method, []) + ["?"] * 3)[index]
            items = self.dict_items(arg)
            named = isinstance(arg, ast.Name) and "header" in arg.id.lower()
            if named or "authorization" in items or "content-type" in items:
                self.add(
                    "headers-positional",
                    arg,
                    f"Argument {index + 2} of requests.{method}() is its `{param}` parameter: this dict is sent as the body, not as headers.",
                    "high",
                )
        headers = kwargs.get("headers")
        items = self.dict_items(headers) if headers is not None else {}
        auth = kwargs.get("auth")
        if "authorization" in items:
            self.facts["sendsAuthorization"] = True
            self.check_auth_value(items["authorization"][1])
            if items["authorization"][1] is not None and isinstance(items["authorization"][1], ast.Constant) and items["authorization"][1].value is None:
                self.add("session-header-merge", headers, "A header set to None in headers= removes the Session's header of that name.", "high")
        else:
            for key_lower, (key, value) in items.items():
                if key_lower in CREDENTIAL_HEADERS:
                    self.add("basic-by-hand", value, f"A header called {key!r} is data to the server; it reads credentials from Authorization.", "high")
                if key_lower in MISSPELLINGS or (key_lower != "authorization" and _distance(key_lower, "authorization") <= 2):
                    self.add("misspelled-header", value, f"The header is called {key!r}; servers read 'Authorization'.", "high")
        if auth is not None and not (isinstance(auth, ast.Constant) and auth.value is None):
            self.facts["sendsAuthorization"] = self.facts["passesAuth"] = True
            self.check_auth_argument(auth, token_call=self.is_token_request(kwargs, url))
            if "authorization" in items:
                self.add("auth-overrides-headers", auth, "This call has both auth= and an Authorization header: auth= is applied last and wins.", "high")
        elif "authorization" in items and not self.trust_env_off and not self.is_local(url):
            confidence = "medium" if "netrc" in self.source.lower() else "low"
            self.add(
                "netrc-precedence",
                call,
                "No auth= here, so requests reads ~/.netrc for this host; an entry there replaces this Authorization header.",
                confidence,
            )
        if on_session and "authorization" in items and self.session_has_auth():
            self.add("session-header-merge", call, "The Session has .auth set; it replaces the Authorization header given to this call.", "medium")
        content_type = items.get("content-type")
        ctype = _const_str(content_type[1]) if content_type else None
        if "json" in kwargs and ctype and "x-www-form-urlencoded" in ctype:
            self.add("json-with-form-type", content_type[1], "json= sends JSON, but headers= labels it application/x-www-form-urlencoded (a hand-set Content-Type wins).", "high")
        data = kwargs.get("data")
        if data is not None and self.is_json_dumps(data) and not (ctype and "json" in ctype):
            self.add("json-dumps-no-content-type", data, "data=json.dumps(...) sends the JSON text with no Content-Type header.", "high")
        self.check_url(url)
        self.check_token_request(call, method, kwargs, auth)

    def is_local(self, url):
        text = self.url_prefix(url)
        return any(host in text for host in LOCAL_HOSTS)

    def url_prefix(self, url):
        url = self.resolve(url) if url is not None else None
        if isinstance(url, ast.JoinedStr) and url.values:
            url = url.values[0]
        if isinstance(url, ast.BinOp):
            url = self.resolve(url.left)
        return _const_str(url) or ""

    def session_has_auth(self):
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Attribute) and t.attr == "auth" and isinstance(t.value, ast.Name) and t.value.id in self.sessions:
                        return True
        return False

    def is_json_dumps(self, node):
        node = self.resolve(node)
        return isinstance(node, ast.Call) and _dotted(node.func) in ("json.dumps", "dumps")

    def check_url(self, url):
        text = self.url_prefix(url)
        if text.startswith("http://") and not any(host in text for host in LOCAL_HOSTS):
            self.add(
                "http-url",
                url if hasattr(url, "lineno") else self.resolve(url),
                f"{text.split('/')[2] if text.count('/') >= 2 else text}: an http:// URL; a redirect to https:// makes requests repeat a POST as a GET without its body, and the token travels unencrypted.",
                "medium",
            )

    # --- the Authorization value -----------------------------------------------------------
    def check_auth_value(self, node, depth=0):
        original = node
        node = self.resolve(node)
        text = _const_str(node)
        if text is not None:
            self.check_literal(text, original if hasattr(original, "lineno") else node)
            return
        if isinstance(node, ast.JoinedStr):
            head = _const_str(node.values[0]) if node.values else None
            if head is None:
                self.add("missing-scheme", node, "The f-string starts with the token: there is no scheme word such as 'Bearer ' before it.", "high")
            else:
                self.note_scheme(head, node)
            for part in node.values:
                if isinstance(part, ast.FormattedValue):
                    self.check_token_source(part.value)
            return
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
            head = _const_str(self.resolve(node.left))
            if head is not None:
                self.note_scheme(head, node)
                if "{" in head and "}" in head and isinstance(node.op, ast.Add):
                    self.add("token-not-fstring", node, f"{head!r} has braces but is not an f-string.", "high")
            else:
                self.add("missing-scheme", node, "The value starts with the token: no scheme word before it.", "medium")
            right = node.right
            for part in right.elts if isinstance(right, ast.Tuple) else [right]:
                self.check_token_source(part)
            return
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            head = _const_str(node.func.value)
            if head is not None:
                self.note_scheme(head, node)
            for part in list(node.args) + [kw.value for kw in node.keywords]:
                self.check_token_source(part)
            return
        if depth == 0 and node is not None:
            # A bare variable: whatever it holds is sent with no scheme word unless it contains one.
            self.check_token_source(node, bare=True)

    def check_literal(self, text, node):
        scheme, _, credentials = text.strip().partition(" ")
        if scheme.lower() == "basic" and credentials and not _is_base64_pair(credentials):
            self.add("basic-by-hand", node, f"{text!r}: Basic credentials are base64 of user:password; auth=(user, password) builds them.", "high")
        if PLACEHOLDER.search(text):
            self.add("placeholder-token", node, f"{text!r} is a placeholder, not a token.", "high")
        elif re.search(r"\{[A-Za-z_][\w.]*\}", text):
            self.add("token-not-fstring", node, f"{text!r} is a plain string: Python sends the braces literally (it needs an f prefix).", "high")
        elif " " not in text.strip():
            self.add("missing-scheme", node, "The header value is the token alone, with no scheme word such as 'Bearer '.", "high")
        else:
            self.note_scheme(text, node)

    def note_scheme(self, head, node):
        word = head.split(" ")[0] if " " in head else ""
        if not word:
            if head and not PLACEHOLDER.search(head):
                self.add("missing-scheme", node, f"{head!r} has no space after the scheme word.", "medium")
            return
        if word not in self.facts["authSchemes"]:
            self.facts["authSchemes"].append(word)
        if word.lower() == "basic":
            self.facts["usesBasicAuth"] = True

    def check_token_source(self, node, bare=False):
        """Where the token comes from: os.getenv (None), a file or env var (whitespace)."""
        resolved = self.resolve(node)
        if isinstance(resolved, ast.Call):
            name = _dotted(resolved.func)
            if name in ("os.getenv", "getenv", "os.environ.get", "environ.get") and len(resolved.args) < 2 and not resolved.keywords:
                var = _const_str(resolved.args[0]) if resolved.args else "?"
                self.add(
                    "getenv-none",
                    resolved,
                    f"{name}({var!r}) returns None when {var} is not set, and the header then says 'Bearer None'.",
                    "medium",
                )
            if isinstance(resolved.func, ast.Attribute) and resolved.func.attr in ("read", "read_text", "readline"):
                self.add("whitespace-token", resolved, "A token read from a file keeps its trailing newline unless you .strip() it.", "medium")
        if isinstance(resolved, ast.Subscript) and _dotted(resolved.value) in ("os.environ", "environ"):
            self.add("whitespace-token", resolved, "An environment variable is used as it is; a trailing newline or space in it goes into the header.", "low")
        if bare:
            self.add("missing-scheme", node, "The Authorization header is set to a variable alone; unless it holds 'Bearer …', no scheme word is sent.", "medium")

    # --- auth= -----------------------------------------------------------------------------
    def check_auth_argument(self, auth, token_call=False):
        node = self.resolve(auth)
        parts = []
        if _const_str(node) is not None:
            self.add("basic-by-hand", auth, "auth= takes a (user, password) tuple or an AuthBase object; requests calls a str and raises TypeError.", "high")
        # Basic to a token endpoint is how OAuth clients authenticate (RFC 6749 §2.3.1): it says nothing about the API's scheme.
        if isinstance(node, ast.Tuple):
            self.facts["usesBasicAuth"] |= not token_call
            parts = node.elts
        elif isinstance(node, ast.Call):
            name = _dotted(node.func).split(".")[-1]
            if name in self.auth_classes["basic"]:
                self.facts["usesBasicAuth"] |= not token_call
                parts = node.args
            elif name in self.auth_classes["digest"]:
                self.facts["usesDigestAuth"] = True
        for part in parts:
            part = self.resolve(part)
            utf8 = _is_utf8_encode(part)
            # A non-ASCII literal anywhere in it: as a str (Latin-1), .encode('latin-1') or quote()d, the server gets other bytes than UTF-8's.
            if not utf8 and any(isinstance(n, ast.Constant) and isinstance(n.value, str) and any(ord(ch) > 127 for ch in n.value) for n in ast.walk(part)):
                self.add(
                    "latin1-basic-password",
                    part if hasattr(part, "lineno") else node,
                    "A non-ASCII password reaches the Basic header as Latin-1 (a str, or .encode('latin-1')) or percent-encoded; servers compare the UTF-8 bytes.",
                    "high",
                )

    # --- token endpoint calls --------------------------------------------------------------
    def is_token_request(self, kwargs, url):
        body = kwargs.get("data", kwargs.get("json"))
        return "grant_type" in (self.dict_items(body) if body is not None else {}) or self.url_prefix(url).rstrip("/").endswith("/token")

    def check_token_request(self, call, method, kwargs, auth):
        for param in ("data", "json"):
            if param not in kwargs:
                continue
            items = self.dict_items(kwargs[param])
            if "grant_type" not in items:
                continue
            grant = _const_str(self.resolve(items["grant_type"][1])) or ""
            if param == "json":
                self.add("token-request-json", kwargs[param], "The token endpoint gets JSON; OAuth token endpoints read form fields (data=).", "high")
            if grant == "client_credentials" and auth is not None:
                secret = self.resolve(auth)
                literal = _const_str(self.resolve(secret.elts[-1])) if isinstance(secret, ast.Tuple) and secret.elts else None
                special = literal is not None and re.search(r"[^A-Za-z0-9._~-]", literal)
                self.add(
                    "client-credentials-encoding",
                    auth,
                    "requests base64-encodes client_id:client_secret without form-encoding them first (RFC 6749 §2.3.1); secrets with + / = : % then fail.",
                    "high" if special else "low",
                )
            if grant == "refresh_token" and not self.keeps_refresh_token():
                self.add(
                    "refresh-token-not-kept",
                    call,
                    "The refresh answer's new refresh_token is never read, so after rotation the next refresh sends a revoked one.",
                    "medium",
                )

    def keeps_refresh_token(self):
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and _const_str(node.slice) == "refresh_token":
                return True
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
                if node.args and _const_str(node.args[0]) == "refresh_token":
                    return True
        return False

    # --- scopes: the article's UnboundLocalError ---------------------------------------------
    def check_scopes(self):
        module_names = {
            t.id for stmt in self.tree.body if isinstance(stmt, (ast.Assign, ast.AnnAssign)) for t in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]) if isinstance(t, ast.Name)
        }
        for func in ast.walk(self.tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            declared = set()
            stores, loads = {}, {}
            for node in self._own_nodes(func):
                if isinstance(node, (ast.Global, ast.Nonlocal)):
                    declared.update(node.names)
                elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                    self._earliest(loads, node.target)  # `x += 1` reads x first
                elif isinstance(node, ast.Name):
                    self._earliest(stores if isinstance(node.ctx, ast.Store) else loads, node)
            for name, store in stores.items():
                load = loads.get(name)
                if name in declared or name not in module_names or load is None:
                    continue
                if (load.lineno, load.col_offset) < (store.lineno, store.col_offset) or load is store:
                    self.add(
                        "unbound-local",
                        load,
                        f"{func.name}() assigns {name} (line {store.lineno}), so {name} is local there; reading it first raises UnboundLocalError. Declare it global.",
                        "high",
                    )

    @staticmethod
    def _earliest(table, node):
        current = table.get(node.id)
        if current is None or (node.lineno, node.col_offset) < (current.lineno, current.col_offset):
            table[node.id] = node

    def _own_nodes(self, func):
        """The nodes of a function, not of functions or classes nested in it."""
        stack = list(func.body)
        while stack:
            node = stack.pop()
            yield node
            for child in ast.iter_child_nodes(node):
                if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                    stack.append(child)

    # --- Authorization set outside a call (Session.headers, an AuthBase's r.headers) ----------
    def check_header_assignments(self):
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Subscript) and (_const_str(t.slice) or "").lower() == "authorization":
                        owner = _dotted(t.value)
                        if owner.endswith(".headers"):
                            self.facts["sendsAuthorization"] = True
                            self.check_auth_value(node.value)
                            if owner[: -len(".headers")] in self.sessions and not self.trust_env_off and not self.session_has_auth():
                                self.add("netrc-precedence", node, "A Session reads ~/.netrc for every request with no auth= unless trust_env is False; an entry there replaces this header.", "low")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "update":
                if _dotted(node.func.value).endswith(".headers") and node.args:
                    items = self.dict_items(node.args[0])
                    if "authorization" in items:
                        self.facts["sendsAuthorization"] = True
                        self.check_auth_value(items["authorization"][1])

    def collect_env_vars(self):
        """Names the code reads from the environment, so the page can ask for their values (masked)."""
        for node in ast.walk(self.tree):
            name = None
            if isinstance(node, ast.Subscript) and _dotted(node.value) in ("os.environ", "environ"):
                name = _const_str(node.slice)
            elif isinstance(node, ast.Call) and _dotted(node.func) in ("os.getenv", "getenv", "os.environ.get", "environ.get") and node.args:
                name = _const_str(node.args[0])
            if name and name not in self.facts["envVars"]:
                self.facts["envVars"].append(name)

    def collect_files(self):
        """Literal paths the code reads (open, io.open, Path, expanduser), and ~/.netrc when requests may read it."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call) and node.args and _dotted(node.func) in FILE_READERS:
                path = _const_str(self.resolve(node.args[0]))
                if path and path not in self.facts["files"]:
                    self.facts["files"].append(path)
        if any(f["id"] == "netrc-precedence" for f in self.findings) and "~/.netrc" not in self.facts["files"]:
            self.facts["files"].append("~/.netrc")

    def check_auth_classes(self):
        """An AuthBase subclass whose __call__ never returns the request: requests then sends None."""
        for node in ast.walk(self.tree):
            if isinstance(node, ast.ClassDef) and any(_dotted(b).endswith("AuthBase") for b in node.bases):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__call__":
                        if not any(isinstance(n, ast.Return) and n.value is not None for n in ast.walk(item)):
                            self.add("authbase-no-return", item, f"{node.name}.__call__ never returns the request; requests uses what it returns (None).", "high")

    def run(self):
        self.collect()
        self.check_auth_classes()
        self.collect_env_vars()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Call):
                self.check_call(node)
        self.check_header_assignments()
        self.check_scopes()
        self.collect_files()
        self.findings.sort(key=lambda f: f["line"])
        return {"ok": True, "findings": self.findings, "facts": self.facts}


def analyze(source):
    """JSON text: the findings for `source`, or {ok: false, error} when it does not parse."""
    try:
        result = Analyzer(source).run()
    except SyntaxError as exc:
        result = _failed(f"SyntaxError: {exc.msg} (line {exc.lineno})")
    except (RecursionError, ValueError) as exc:  # a pathological paste must not take the worker down
        result = _failed(f"{type(exc).__name__}: {exc}")
    return json.dumps(result)


def _failed(error):
    facts = {"authSchemes": [], "usesBasicAuth": False, "usesDigestAuth": False, "sendsAuthorization": False, "envVars": [], "files": [], "passesAuth": False}
    return {"ok": False, "error": error, "findings": [], "facts": facts}


if __name__ == "__main__":
    import sys

    print(analyze(sys.stdin.read()))
