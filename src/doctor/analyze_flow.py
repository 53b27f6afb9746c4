"""The 401 doctor's code reader: checks across the script (token endpoint calls, refresh, scopes,
headers set outside a call, what it reads from the environment and files). A mixin of analyze.Analyzer."""
import ast
import re

from analyze_ast import FILE_READERS, _const_str, _dotted


class FlowChecks:
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
