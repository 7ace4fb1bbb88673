"""End-to-end harness: the real chancery binary on a free port with a temporary data directory.

Standard library only, so that the tests need nothing beyond Debian's python3.
"""
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import unittest

BINARY = os.environ.get("CHANCERY_BINARY", os.path.join(os.path.dirname(__file__), "../../build/chancery"))


def run_cli(*args, stdin=None, env=None):
    """Runs the binary once; returns (exit code, stdout, stderr)."""
    proc = subprocess.run([BINARY, *args], input=stdin, capture_output=True, text=True, timeout=60, env=env)
    return proc.returncode, proc.stdout, proc.stderr


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def json(self):
        return json.loads(self.body)


class Server:
    """`chancery init --demo cica-2021` then `chancery serve` on 127.0.0.1:0."""

    def __init__(self, demo="cica-2021", env=None, init_args=(), serve_args=()):
        self.dir = tempfile.mkdtemp(prefix="chancery-e2e-")
        self.data = os.path.join(self.dir, "data")
        self.env = dict(os.environ, **(env or {}))
        self.passwords = {}
        self.serve_args = list(serve_args)
        args = ["init", "--data", self.data] + (["--demo", demo] if demo else []) + list(init_args)
        code, out, err = run_cli(*args, env=self.env)
        if code != 0:
            raise RuntimeError(f"init failed ({code}): {err}")
        for m in re.finditer(r"^\s+(\S+)\s+\S+\s+(?:\S+\s+)?password: (\S+)$", out, re.M):
            self.passwords[m.group(1)] = m.group(2)
        self.proc = None
        self.start()

    def start(self):
        self.proc = subprocess.Popen([BINARY, "serve", "--data", self.data, "--listen", "127.0.0.1:0",
                                      *self.serve_args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env)
        # The address comes after whatever serve reports first (silence procedures concluded
        # on start, for one).
        for _ in range(20):
            line = self.proc.stdout.readline()
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
            if m or not line:
                break
        if not m:
            self.proc.kill()
            raise RuntimeError(f"server did not start: {line!r} {self.proc.stderr.read()}")
        self.port = int(m.group(1))

    def stop(self, sig=signal.SIGTERM):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            code = self.proc.wait(timeout=20)
        else:
            code = self.proc.returncode if self.proc else None
        if self.proc:
            self.proc.stdout.close()
            self.proc.stderr.close()
        self.proc = None
        return code

    def close(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def request(self, method, path, body=None, headers=None, raw=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        h = dict(headers or {})
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
            h.setdefault("Content-Type", "application/json")
        conn.request(method, path, body=data, headers=h)
        r = conn.getresponse()
        resp = Response(r.status, r.getheaders(), r.read().decode())
        conn.close()
        return resp

    def token(self, username):
        r = self.request("POST", "/api/v1/auth/login",
                         {"username": username, "password": self.passwords[username], "mode": "token"})
        assert r.status == 200, r.body
        return {"Authorization": "Bearer " + r.json()["token"]}


class ServerTest(unittest.TestCase):
    """One server for the whole class; tests must not depend on each other's writes.
    A class sets `server_env` (e.g. {"CHANCERY_NOW": …}) to start its server with it."""

    server_env = None

    @classmethod
    def setUpClass(cls):
        cls.server = Server(env=cls.server_env)
        cls.tokens = {}

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def call(self, user, method, path, body=None):
        """A request as `user` (signed in once per class)."""
        if user not in self.tokens:
            self.tokens[user] = self.server.token(user)
        return self.server.request(method, path, body, headers=self.tokens[user])

    def ok(self, user, method, path, body=None, status=200):
        """call(), asserting the status; the JSON body."""
        r = self.call(user, method, path, body)
        self.assertEqual(r.status, status, f"{method} {path}: {r.body}")
        return r.json()

    def assertProblem(self, r, status, type_):
        self.assertEqual(r.status, status, r.body)
        self.assertEqual(r.header("Content-Type"), "application/problem+json")
        p = r.json()
        self.assertEqual(p["type"], type_)
        self.assertEqual(p["status"], status)
        return p
