"""The 401 doctor's code reader: checks on each requests call (its arguments, headers, URL).
A mixin of analyze.Analyzer, which holds the state (self.findings, self.facts, self.resolve …)."""
import ast

from analyze_ast import CREDENTIAL_HEADERS, LOCAL_HOSTS, METHODS, MISSPELLINGS, POSITIONAL, _const_str, _distance, _dotted


class CallChecks:
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
