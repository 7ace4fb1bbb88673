"""The HTTP API of the running server: sign-in, policy, bad input, membership, time zones."""
import json
import re
import socket
import unittest

from harness import ServerTest


class HealthAndDocument(ServerTest):
    def test_healthz(self):
        r = self.server.request("GET", "/healthz")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.json()["status"], "ok")

    def test_every_documented_operation_is_routed(self):
        doc = self.server.request("GET", "/api/v1/openapi.json").json()
        self.assertEqual(doc["openapi"], "3.1.0")
        auth = self.server.token("admin")
        count = 0
        for path, item in doc["paths"].items():
            for method in item:
                concrete = path.replace("{id}", "KAZ")
                r = self.server.request(method.upper(), concrete, headers=auth,
                                        raw=b"{}" if method == "post" else None)
                # Routed: neither "no such resource" nor "method not allowed".
                self.assertNotEqual(r.status, 405, f"{method} {path}")
                if r.status == 404:
                    self.assertNotEqual(r.json().get("detail"), "no such resource", f"{method} {path}")
                count += 1
        self.assertGreaterEqual(count, 18)

    def test_metrics(self):
        self.server.request("GET", "/healthz")
        r = self.server.request("GET", "/metrics")
        self.assertEqual(r.status, 200)
        self.assertIn('chancery_http_requests_total{method="GET",route="/healthz",status="200"}', r.body)
        # At least this very connection; earlier ones may not have been reaped yet.
        open_now = int(re.search(r"^chancery_http_open_connections (\d+)$", r.body, re.M).group(1))
        self.assertGreaterEqual(open_now, 1)
        self.assertIn('chancery_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"}', r.body)


class SignIn(ServerTest):
    def test_every_demo_role_can_sign_in(self):
        roles = {"admin": "administrator", "officer": "officer", "chair.kaz": "chairmanship",
                 "delegate.ind": "member_delegate", "observer.jpn": "observer_delegate"}
        for user, role in roles.items():
            me = self.server.request("GET", "/api/v1/auth/me", headers=self.server.token(user))
            self.assertEqual(me.status, 200, user)
            self.assertEqual(me.json()["role"], role)

    def test_cookie_session_and_csrf(self):
        r = self.server.request("POST", "/api/v1/auth/login",
                                {"username": "officer", "password": self.server.passwords["officer"]})
        self.assertEqual(r.status, 200, r.body)
        cookie = r.header("Set-Cookie")
        self.assertRegex(cookie, r"^chancery_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200$")
        session = cookie.split(";")[0]
        csrf = r.json()["csrf_token"]
        name = {"lang": "ru", "short": "Монголия", "full": "Монголия", "from": "2030-01-01"}
        refused = self.server.request("POST", "/api/v1/participants/MNG/names", name, headers={"Cookie": session})
        self.assertProblem(refused, 403, "urn:chancery:problem:csrf")
        ok = self.server.request("POST", "/api/v1/participants/MNG/names", name,
                                 headers={"Cookie": session, "X-CSRF-Token": csrf})
        self.assertEqual(ok.status, 201, ok.body)
        out = self.server.request("POST", "/api/v1/auth/logout", headers={"Cookie": session, "X-CSRF-Token": csrf})
        self.assertEqual(out.status, 204)
        self.assertIn("Max-Age=0", out.header("Set-Cookie"))
        self.assertProblem(self.server.request("GET", "/api/v1/auth/me", headers={"Cookie": session}),
                           401, "urn:chancery:problem:unauthenticated")



class Throttling(ServerTest):
    """Its own server: after this, 127.0.0.1 is throttled for the rest of the window."""

    def test_wrong_password_then_throttled(self):
        for _ in range(5):
            r = self.server.request("POST", "/api/v1/auth/login", {"username": "delegate.rus", "password": "wrong password"})
            self.assertProblem(r, 401, "urn:chancery:problem:unauthenticated")
        r = self.server.request("POST", "/api/v1/auth/login",
                                {"username": "delegate.rus", "password": self.server.passwords["delegate.rus"]})
        self.assertProblem(r, 429, "urn:chancery:problem:rate-limited")
        self.assertEqual(r.header("Retry-After"), "900")


class BadInputChangesNothing(ServerTest):
    def state(self, auth):
        verify = self.server.request("GET", "/api/v1/audit/verify", headers=auth).json()
        kaz = self.server.request("GET", "/api/v1/participants/KAZ", headers=auth).body
        total = self.server.request("GET", "/api/v1/participants?limit=500", headers=auth).json()["total"]
        return verify["records_checked"], kaz, total

    def test_bad_bodies(self):
        auth = self.server.token("admin")
        before = self.state(auth)
        cases = [
            (b'{"id": "KWT", ', "application/json", 400, "urn:chancery:problem:invalid-json"),
            (b'"just a string"', "application/json", 400, "urn:chancery:problem:invalid-json"),
            (b'\xff\xfe not utf-8', "application/json", 400, "urn:chancery:problem:invalid-json"),
            (json.dumps({"id": "KWT", "kind": "state", "names": "Kuwait"}).encode(), "application/json", 422,
             "urn:chancery:problem:validation"),
            (json.dumps({"id": "KWT", "kind": "state", "names": [], "is_admin": True}).encode(), "application/json",
             422, "urn:chancery:problem:validation"),
            (json.dumps({"id": "KWT", "kind": "state", "iso_alpha3": "KWT",
                         "names": [{"lang": "en", "short": "Kuwait", "full": "State of Kuwait"}],
                         "statuses": [{"from": "2022-10-13", "status": "member", "basis": ""}]}).encode(),
             "application/json", 422, "urn:chancery:problem:validation"),
            (json.dumps({"id": "KAZ", "kind": "state", "iso_alpha3": "KAZ",
                         "names": [{"lang": "en", "short": "K", "full": "K"}]}).encode(),
             "application/json", 409, "urn:chancery:problem:already-exists"),
            (b'id=KWT', "application/x-www-form-urlencoded", 415, "urn:chancery:problem:unsupported-media-type"),
        ]
        for raw, ctype, status, type_ in cases:
            r = self.server.request("POST", "/api/v1/participants", raw=raw, headers={**auth, "Content-Type": ctype})
            self.assertProblem(r, status, type_)
        p = self.server.request("POST", "/api/v1/participants/KAZ/statuses", raw=b'{"from": 2021}',
                                headers={**auth, "Content-Type": "application/json"})
        self.assertEqual(self.assertProblem(p, 422, "urn:chancery:problem:validation")["field"], "from")
        self.assertEqual(self.state(auth), before)

    def test_oversized_body_is_413(self):
        auth = self.server.token("admin")
        before = self.state(auth)
        big = b'{"id":"KWT","pad":"' + b"x" * (2 * 1024 * 1024) + b'"}'
        r = self.server.request("POST", "/api/v1/participants", raw=big,
                                headers={**auth, "Content-Type": "application/json"})
        self.assertProblem(r, 413, "urn:chancery:problem:payload-too-large")
        self.assertEqual(self.state(auth), before)

    def test_garbage_on_the_socket_is_400_and_the_server_lives_on(self):
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as s:
            s.sendall(b"\x16\x03\x01 this is not HTTP\r\n\r\n")
            reply = s.recv(4096).decode(errors="replace")
        self.assertTrue(reply.startswith("HTTP/1.1 400"), reply)
        self.assertEqual(self.server.request("GET", "/healthz").status, 200)

    def test_bad_query(self):
        auth = self.server.token("officer")
        for target in ["/api/v1/participants?on=2021-13-01", "/api/v1/participants?status=members",
                       "/api/v1/participants?limit=9999", "/api/v1/time?at=yesterday"]:
            self.assertProblem(self.server.request("GET", target, headers=auth), 400,
                               "urn:chancery:problem:invalid-query")


class Policy(ServerTest):
    def test_observer_cannot_see_other_accounts_or_the_audit_log(self):
        obs = self.server.token("observer.jpn")
        admin_id = self.server.request("GET", "/api/v1/auth/me", headers=self.server.token("admin")).json()["id"]
        self.assertProblem(self.server.request("GET", f"/api/v1/users/{admin_id}", headers=obs),
                           404, "urn:chancery:problem:not-found")
        self.assertProblem(self.server.request("GET", "/api/v1/users/999999", headers=obs),
                           404, "urn:chancery:problem:not-found")
        self.assertProblem(self.server.request("GET", "/api/v1/audit", headers=obs), 403, "urn:chancery:problem:forbidden")
        me = self.server.request("GET", "/api/v1/auth/me", headers=obs).json()
        self.assertEqual(self.server.request("GET", f"/api/v1/users/{me['id']}", headers=obs).status, 200)

    def test_delegates_cannot_change_the_registry(self):
        for user in ["delegate.ind", "chair.kaz", "observer.tkm"]:
            r = self.server.request("POST", "/api/v1/participants/IND/statuses",
                                    {"from": "2031-01-01", "status": "none", "basis": "test"},
                                    headers=self.server.token(user))
            self.assertProblem(r, 403, "urn:chancery:problem:forbidden")

    def test_only_administrators_create_accounts(self):
        body = {"username": "new.officer", "display_name": "New", "role": "officer"}
        self.assertProblem(self.server.request("POST", "/api/v1/users", body, headers=self.server.token("officer")),
                           403, "urn:chancery:problem:forbidden")
        r = self.server.request("POST", "/api/v1/users", body, headers=self.server.token("admin"))
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(len(r.json()["generated_password"]), 20)
        login = self.server.request("POST", "/api/v1/auth/login",
                                    {"username": "new.officer", "password": r.json()["generated_password"]})
        self.assertEqual(login.status, 200)


class Membership(ServerTest):
    def count(self, status, on):
        r = self.server.request("GET", f"/api/v1/participants?status={status}&on={on}",
                                headers=self.server.token("officer"))
        self.assertEqual(r.status, 200, r.body)
        return r.json()["total"]

    def test_rule_r30_counts(self):
        self.assertEqual(self.count("member", "2021-06-23"), 27)
        self.assertEqual(self.count("observer_state", "2021-06-23"), 9)
        self.assertEqual(self.count("observer_organisation", "2021-06-23"), 5)
        self.assertEqual(self.count("member", "2022-10-12"), 27)
        self.assertEqual(self.count("member", "2022-10-13"), 28)
        self.assertEqual(self.count("observer_state", "2023-12-25"), 9)
        self.assertEqual(self.count("observer_state", "2023-12-26"), 10)

    def test_turkmenistan_and_turkiye(self):
        auth = self.server.token("observer.tkm")
        before = self.server.request("GET", "/api/v1/participants/TKM?on=2021-06-22", headers=auth).json()
        after = self.server.request("GET", "/api/v1/participants/TKM?on=2021-06-23&lang=kk", headers=auth).json()
        self.assertEqual(before["status_on"]["status"], "none")
        self.assertEqual(after["status_on"]["status"], "observer_state")
        self.assertEqual(after["name"]["lang"], "kk")
        tur = [self.server.request("GET", f"/api/v1/participants/TUR?on={d}", headers=auth).json()["name"]["short"]
               for d in ("2021-06-23", "2022-06-01")]
        self.assertEqual(tur, ["Turkey", "Türkiye"])


class TimeZone(ServerTest):
    def test_kazakhstan_moves_to_utc_plus_5_on_1_march_2024(self):
        last = self.server.request("GET", "/api/v1/time?at=2024-02-29T17:59:59Z").json()
        first = self.server.request("GET", "/api/v1/time?at=2024-02-29T18:00:00Z").json()
        self.assertEqual(last["zone"], "Asia/Almaty")
        self.assertEqual((last["offset"], last["local"]), ("+06:00", "2024-02-29T23:59:59+06:00"))
        self.assertEqual((first["offset"], first["local"]), ("+05:00", "2024-02-29T23:00:00+05:00"))
        march = self.server.request("GET", "/api/v1/time?at=2024-02-29T19:00:00Z").json()
        self.assertEqual(march["date"], "2024-03-01")
        self.assertEqual(march["formatted"], {"en": "1 March 2024, 00:00", "ru": "1 марта 2024 г., 00:00",
                                              "kk": "2024 жылғы 1 наурыз, 00:00"})
        silence = self.server.request("GET", "/api/v1/time?at=2021-03-20T18:00:00Z").json()
        self.assertEqual(silence["local"], "2021-03-21T00:00:00+06:00")


if __name__ == "__main__":
    unittest.main()
