"""Notices to users end to end: a real SMTP server (aiosmtpd, as in test_dispatch) and the real
chancery server, restarted on the same data directory with a later CHANCERY_NOW to reach the
comment reminder window and the expiry of a silence procedure. Each delegate gets exactly one
notice per event, in their language; a kind turned off is not sent; an observer hears nothing
of what is closed to observers; the reminder goes only to states that have not commented, once;
the outcome follows the expiry."""
import time
import unittest

from aiosmtpd.controller import Controller

from harness import Server, run_cli
from test_dispatch import Inbox, free_port

START = "2026-11-30T04:00:00Z"           # 09:00 in Almaty (UTC+5 since March 2024)
# The round opened at START closes at the end of 7 December local, 2026-12-07T19:00:00Z.
REMINDER_WINDOW = "2026-12-06T19:00:00Z"  # 24 hours before: inside the default 48
LATER_IN_WINDOW = "2026-12-07T07:00:00Z"  # 12 hours before: no second reminder
AFTER_EXPIRY = "2026-12-16T04:00:00Z"     # the silence procedure expired at the end of 15 December

ADDRESSES = {"chair.kaz": ("chair@mfa.kz", "kk"), "delegate.rus": ("cica@mid.ru", "ru"),
             "delegate.ind": ("cica@mea.gov.in", "en"), "observer.jpn": ("cica@mofa.go.jp", "en")}
SILENCE_TITLE = "Calendar of CICA events for 2027"
SYMBOL = "SOC/2026-II/Minutes"


class Notices(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.inbox = Inbox()
        smtp_port = free_port()
        cls.smtp = Controller(cls.inbox, hostname="127.0.0.1", port=smtp_port)
        cls.smtp.start()
        cls.server = Server(env={"CHANCERY_NOW": START}, serve_args=["--smtp-url", f"smtp://127.0.0.1:{smtp_port}"])

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.smtp.stop()

    def call(self, user, method, path, body=None):
        return self.server.request(method, path, body, headers=self.server.token(user))

    def ok(self, user, method, path, body=None, status=200):
        r = self.call(user, method, path, body)
        self.assertEqual(r.status, status, r.body)
        return r.json()

    def subjects(self, user):
        return [str(m["subject"]) for m in self.inbox.to(ADDRESSES[user][0])]

    def wait_for(self, counts):
        """Until every user has at least their count, then a little longer: nothing more may come."""
        deadline = time.time() + 30
        while time.time() < deadline and any(len(self.subjects(u)) < n for u, n in counts.items()):
            time.sleep(0.1)
        time.sleep(2.5)  # longer than the worker's pass (2 s): a duplicate would have arrived
        self.assertEqual({u: len(self.subjects(u)) for u in counts}, counts,
                         {u: self.subjects(u) for u in counts})

    def restart_at(self, now):
        self.server.stop()
        self.server.env["CHANCERY_NOW"] = now
        self.server.start()

    def test_each_event_once_in_the_users_language_to_whom_it_concerns(self):
        users = {u["username"]: u for u in self.ok("admin", "GET", "/api/v1/users")["items"]}
        for name, (address, lang) in ADDRESSES.items():
            u = self.ok("admin", "PATCH", f"/api/v1/users/{users[name]['id']}", {"email": address, "language": lang})
            self.assertEqual((u["email"], u["language"]), (address, lang))
            self.assertNotIn("password_hash", u)
        # A delegate may choose kinds and language, but not where notices go.
        self.assertEqual(self.call("delegate.ind", "PATCH", f"/api/v1/users/{users['delegate.ind']['id']}",
                                   {"email": "elsewhere@example.org"}).status, 403)
        self.assertEqual(self.call("delegate.ind", "PUT", "/api/v1/me/notices", {"email": "x@example.org"}).status, 422)
        self.assertEqual(self.call("delegate.ind", "PUT", "/api/v1/me/notices",
                                   {"notices": {"silence": False}}).json()["field"], "notices.silence")
        mine = self.ok("delegate.ind", "PUT", "/api/v1/me/notices", {"notices": {"silence_launched": False}})
        self.assertEqual(mine["email"], "cica@mea.gov.in")
        self.assertEqual(mine["notices"], {"silence_launched": False, "silence_outcome": True,
                                           "comment_round_opened": True, "comment_round_closing": True,
                                           "meeting_convened": True})
        self.assertEqual(self.ok("delegate.ind", "GET", "/api/v1/me/notices"), mine)

        # Three events: a silence procedure, a comment round on new minutes, a meeting with one
        # item open to Japan.
        self.ok("chair.kaz", "POST", "/api/v1/silence-procedures",
                {"title": SILENCE_TITLE, "text": "The SOC approves the calendar.", "expires_on": "2026-12-15"},
                status=201)
        text = {"lang": "en", "status": "original", "title": "Draft minutes of the SOC",
                "paragraphs": [{"id": "p1", "text": "The meeting was held online."}]}
        doc = self.ok("officer", "POST", "/api/v1/documents",
                      {"symbol": SYMBOL, "kind": "minutes", "body": "SOC", "access": "members_and_observers",
                       "reason": "draft minutes", "languages": [text]}, status=201)
        round_ = self.ok("officer", "POST", f"/api/v1/documents/{doc['id']}/comment-rounds", {}, status=201)
        self.assertEqual(round_["deadline"], "2026-12-07T19:00:00Z")
        self.ok("delegate.rus", "POST", f"/api/v1/comment-rounds/{round_['id']}/comments",
                {"participant_id": "RUS", "paragraph_id": "p1", "text": "Please name the format in full."},
                status=201)
        meeting = self.ok("officer", "POST", "/api/v1/meetings",
                          {"body": "SOC", "starts_on": "2027-01-20", "venue": "Astana", "chair_participant_id": "KAZ",
                           "items": [{"title": "Opening", "closed_to_observers": False, "invited_observers": ["JPN"]},
                                     {"title": "Closed consultations on the budget"}]}, status=201)
        self.assertEqual(meeting["code"], "SOC/2027-I")

        self.wait_for({"chair.kaz": 3, "delegate.rus": 3, "delegate.ind": 2, "observer.jpn": 1})
        kaz, rus, ind = self.subjects("chair.kaz"), self.subjects("delegate.rus"), self.subjects("delegate.ind")
        self.assertTrue(kaz[0].startswith("Үнсіздік рәсімі басталды: " + SILENCE_TITLE), kaz)
        self.assertTrue(kaz[1].startswith(SYMBOL + " бойынша ескертпелер"), kaz)
        self.assertTrue(kaz[2].startswith("Отырыс шақырылды: SOC/2027-I"), kaz)
        self.assertTrue(rus[0].startswith("Начата процедура умолчания: " + SILENCE_TITLE), rus)
        self.assertTrue(rus[1].startswith(f"Приглашение представить замечания к {SYMBOL}"), rus)
        self.assertTrue(rus[2].startswith("Созвано заседание: SOC/2027-I"), rus)
        # India turned launches off: the round and the meeting only.
        # The deadline, the end of 7 December in Almaty, written as that day's 24:00.
        self.assertEqual(ind[0], f"Comments invited on {SYMBOL} by 7 December 2026, 24:00")
        self.assertTrue(ind[1].startswith("Meeting convened: SOC/2027-I"), ind)
        body = self.inbox.to("cica@mid.ru")[0].get_body(preferencelist=("plain",)).get_content()
        self.assertIn("Секретариат сообщает о начале процедуры умолчания.", body)
        self.assertIn("Процедура истекает: ", body)
        # Japan, an observer, is told of the meeting it is invited to, and of nothing closed to it.
        jpn = self.inbox.to("cica@mofa.go.jp")
        self.assertEqual([str(m["subject"]) for m in jpn], ["Meeting convened: SOC/2027-I, 20 January 2027"])
        everything = "".join(str(m["subject"]) + m.get_body(preferencelist=("plain",)).get_content() for m in jpn)
        for secret in (SILENCE_TITLE, SYMBOL, "Closed consultations"):
            self.assertNotIn(secret, everything)

        # Inside the reminder window: Kazakhstan and India have not commented, Russia has.
        self.restart_at(REMINDER_WINDOW)
        self.wait_for({"chair.kaz": 4, "delegate.rus": 3, "delegate.ind": 3, "observer.jpn": 1})
        self.assertTrue(self.subjects("chair.kaz")[3].startswith(f"Еске салу: {SYMBOL}"))
        self.assertTrue(self.subjects("delegate.ind")[2].startswith(f"Reminder: comments on {SYMBOL} are due by "))
        # Later in the window, on another start: no second reminder, nothing sent twice.
        self.restart_at(LATER_IN_WINDOW)
        self.wait_for({"chair.kaz": 4, "delegate.rus": 3, "delegate.ind": 3, "observer.jpn": 1})
        # After the expiry: the procedure is concluded on start and its outcome told, India
        # included (only launches are off); no reminder after the deadline.
        self.restart_at(AFTER_EXPIRY)
        self.wait_for({"chair.kaz": 5, "delegate.rus": 4, "delegate.ind": 4, "observer.jpn": 1})
        self.assertTrue(self.subjects("delegate.rus")[3].startswith("Процедура умолчания завершена, текст принят"))
        self.assertTrue(self.subjects("delegate.ind")[3].startswith("Silence procedure concluded, text adopted"))
        for user in ADDRESSES:
            self.assertEqual(len(set(self.subjects(user))), len(self.subjects(user)), self.subjects(user))

    def test_the_cli_sets_an_address_and_a_language_and_refuses_a_bad_one(self):
        code, out, err = run_cli("user", "set", "--data", self.server.data, "--username", "observer.tkm",
                                 "--email", "cica@mfa.gov.tm", "--language", "ru", env=self.server.env)
        self.assertEqual(code, 0, err)
        self.assertIn("cica@mfa.gov.tm", out)
        users = {u["username"]: u for u in self.ok("admin", "GET", "/api/v1/users")["items"]}
        self.assertEqual((users["observer.tkm"]["email"], users["observer.tkm"]["language"]), ("cica@mfa.gov.tm", "ru"))
        code, out, err = run_cli("user", "set", "--data", self.server.data, "--username", "observer.tkm",
                                 "--email", "not an address", env=self.server.env)
        self.assertEqual(code, 2, err)
        self.assertIn("email", err)
        code, out, err = run_cli("user", "add", "--data", self.server.data, "--username", "delegate.aze",
                                 "--role", "member_delegate", "--participant", "AZE", "--email", "cica@mfa.gov.az",
                                 "--language", "kk", env=self.server.env)
        self.assertEqual(code, 0, err)
        users = {u["username"]: u for u in self.ok("admin", "GET", "/api/v1/users")["items"]}
        self.assertEqual((users["delegate.aze"]["email"], users["delegate.aze"]["language"]), ("cica@mfa.gov.az", "kk"))


if __name__ == "__main__":
    unittest.main()
