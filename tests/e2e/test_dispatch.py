"""Dispatch of Notes Verbales by e-mail end to end: a real SMTP server (Debian's
python3-aiosmtpd, in this process, keeping every message it receives) and the real chancery
server pointed at it. Each addressee's registered address gets the note exactly once with each
language version attached as a PDF (read back with pdftotext) and each enclosure as a PDF: the
final minutes rendered on the pages the note states (pdfinfo) and an uploaded PDF byte for
byte; while the SMTP server is down the deliveries fail and back off, the note keeps its number,
and they complete once it is back."""
import email
import email.header
import email.policy
import http.client
import os
import socket
import subprocess
import tempfile
import threading
import time
import unittest
from datetime import datetime, timezone

from aiosmtpd.controller import Controller

from harness import Server

# The texts are composed (placeholders filled) when the note is registered; what was registered is what is sent.
TEXTS = [{"lang": lang, "blocks": [{"role": "letterhead", "text": "CICA Secretariat"},
                                   {"role": "text", "text": text}]}
         for lang, text in (("en", "The Secretariat presents its compliments."),
                            ("ru", "Секретариат свидетельствует свое уважение."))]
ADDRESSES = {"KAZ": ["nv@mfa.kz", "cica@mfa.kz"], "IND": ["cica@mea.gov.in"], "RUS": ["dip@mid.ru"]}


class Inbox:
    """The aiosmtpd handler: every message as received, with its envelope recipients."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append((list(envelope.rcpt_tos), message))
        return "250 OK"

    def to(self, address):
        with self.lock:
            return [m for rcpts, m in self.messages if address in rcpts]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pdf_tool(tool, data, *args):
    """Runs a poppler-utils tool on PDF bytes; its standard output."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(data)
        f.flush()
        return subprocess.run([tool, *args, f.name, *(["-"] if tool == "pdftotext" else [])],
                              capture_output=True, text=True, check=True).stdout


def pdf_text(data):
    return " ".join(pdf_tool("pdftotext", data, "-enc", "UTF-8").split())


def pdf_pages(data):
    for line in pdf_tool("pdfinfo", data).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo gave no page count")


def parse_instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class Dispatch(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.inbox = Inbox()
        cls.smtp_port = free_port()
        cls.smtp = None
        cls.start_smtp()
        cls.server = Server(serve_args=["--smtp-url", f"smtp://127.0.0.1:{cls.smtp_port}"])
        cls.tokens = {}

    @classmethod
    def start_smtp(cls):
        cls.smtp = Controller(cls.inbox, hostname="127.0.0.1", port=cls.smtp_port)
        cls.smtp.start()

    @classmethod
    def stop_smtp(cls):
        if cls.smtp:
            cls.smtp.stop()
            cls.smtp = None

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.stop_smtp()

    def ok(self, user, method, path, body=None, status=200):
        if user not in self.tokens:
            self.tokens[user] = self.server.token(user)
        r = self.server.request(method, path, body, headers=self.tokens[user])
        self.assertEqual(r.status, status, f"{method} {path}: {r.body}")
        return r.json()

    def registered_note(self, subject):
        note = self.ok("officer", "POST", "/api/v1/notes",
                       {"purpose": "other", "index": "7-1", "subject": subject, "scope": "list",
                        "addressees": list(ADDRESSES), "languages": ["en", "ru"], "texts": TEXTS}, status=201)
        return self.ok("officer", "POST", f"/api/v1/notes/{note['id']}/registration", {})

    def wait_for(self, note_id, done, what, seconds=30):
        deadline = time.monotonic() + seconds
        while True:
            log = self.ok("officer", "GET", f"/api/v1/notes/{note_id}/deliveries")["items"]
            if done(log):
                return log
            if time.monotonic() > deadline:
                self.fail(f"{what} within {seconds} s: {log}")
            time.sleep(0.1)

    def test_a_dispatched_note_reaches_every_address_once_and_survives_an_smtp_outage(self):
        self.ok("admin", "PUT", "/api/v1/settings/smtp.from", {"value": "nv@cica.example"})
        self.ok("admin", "PUT", "/api/v1/settings/dispatch.retry_base_ms", {"value": "500"})
        self.ok("admin", "PUT", "/api/v1/settings/dispatch.max_attempts", {"value": "20"})
        for participant, addresses in ADDRESSES.items():
            got = self.ok("officer", "PUT", f"/api/v1/participants/{participant}/addresses", {"addresses": addresses})
            self.assertEqual(got, {"participant": participant, "addresses": addresses})
        denied = self.server.request("PUT", "/api/v1/participants/IND/addresses", {"addresses": ["x@y.in"]},
                                     headers=self.server.token("delegate.ind"))
        self.assertEqual(denied.status, 403, denied.body)

        first = self.registered_note("Calendar of events")
        queued = self.ok("officer", "POST", f"/api/v1/notes/{first['id']}/dispatch", status=202)["items"]
        self.assertEqual([(d["participant"], d["address"], d["status"]) for d in queued],
                         [(p, a, "queued") for p, addresses in ADDRESSES.items() for a in addresses])
        self.assertEqual(self.ok("officer", "GET", f"/api/v1/notes/{first['id']}")["status"], "dispatched")
        log = self.wait_for(first["id"], lambda log: all(d["status"] == "sent" for d in log), "all sent")
        self.assertEqual([d["attempts"] for d in log], [1, 1, 1, 1])

        number, year = first["number"], first["year"]
        serial = number.split("/")[1]
        for address in [a for addresses in ADDRESSES.values() for a in addresses]:
            received = self.inbox.to(address)
            self.assertEqual(len(received), 1, address)
            m = received[0]
            self.assertEqual(str(m["subject"]), f"Note Verbale № {number} — Calendar of events")
            self.assertEqual(str(m["from"]), "nv@cica.example")
            self.assertEqual(str(m["to"]), address)
            body = m.get_body(preferencelist=("plain",)).get_content()
            self.assertIn("The Secretariat presents its compliments.", body)
            self.assertIn("Секретариат свидетельствует свое уважение.", body)
            attachments = {a.get_filename(): a for a in m.iter_attachments()}
            self.assertEqual(list(attachments), [f"NV-7-1-{serial}-{year}-en.pdf", f"NV-7-1-{serial}-{year}-ru.pdf"])
            for a in attachments.values():
                self.assertEqual(a.get_content_type(), "application/pdf")
            self.assertIn("The Secretariat presents its compliments.",
                          pdf_text(attachments[f"NV-7-1-{serial}-{year}-en.pdf"].get_content()))
            self.assertIn("Секретариат свидетельствует свое уважение.",
                          pdf_text(attachments[f"NV-7-1-{serial}-{year}-ru.pdf"].get_content()))

        # The SMTP server goes down: the second note's deliveries fail and back off.
        self.stop_smtp()
        second = self.registered_note("Draft minutes for comments")
        self.ok("officer", "POST", f"/api/v1/notes/{second['id']}/dispatch", status=202)
        seen = {}  # attempts → next attempt, for the first delivery

        def three_failures(log):
            d = log[0]
            # A delivery being attempted (claimed: its PDFs rendering, the SMTP exchange under
            # way) shows the end of its 5-minute claim as next_attempt_at, not a back-off.
            if d["status"] == "queued" and d["attempts"] >= 1 and d["last_error"] and \
                    (parse_instant(d["next_attempt_at"]) - datetime.now(timezone.utc)).total_seconds() < 60:
                seen.setdefault(d["attempts"], parse_instant(d["next_attempt_at"]))
            return all(d["attempts"] >= 3 and d["status"] == "queued" for d in log)

        log = self.wait_for(second["id"], three_failures, "three failed attempts each")
        for d in log:
            self.assertNotEqual(d["last_error"], "")
            self.assertIsNone(d["sent_at"])
        # Back-off doubles: 0.5 s after the first failure, 1 s after the second, 2 s after the third.
        # The third attempt starts no earlier than the second's back-off ends, and is itself
        # followed by twice that wait; the first failure's 0.5 s may pass between two polls.
        self.assertGreaterEqual((seen[3] - seen[2]).total_seconds(), 2.0)
        if 1 in seen:
            self.assertGreaterEqual((seen[2] - seen[1]).total_seconds(), 1.0)
        # The note keeps its number and stays in the register whatever its deliveries do.
        again = self.ok("officer", "GET", f"/api/v1/notes/{second['id']}")
        self.assertEqual((again["number"], again["status"]), (second["number"], "dispatched"))
        self.ok("officer", "GET", f"/api/v1/notes/by-number?number={second['number']}&year={second['year']}")
        self.assertEqual(self.inbox.to("dip@mid.ru")[1:], [])

        # Back up: every delivery completes, each address getting the second note once.
        self.start_smtp()
        log = self.wait_for(second["id"], lambda log: all(d["status"] == "sent" for d in log), "all sent after restart")
        for address in [a for addresses in ADDRESSES.values() for a in addresses]:
            subjects = [str(m["subject"]) for m in self.inbox.to(address)]
            self.assertEqual(subjects, [f"Note Verbale № {number} — Calendar of events",
                                        f"Note Verbale № {second['number']} — Draft minutes for comments"])

    def audit(self, action):
        records, after = [], 0
        while True:
            page = self.ok("admin", "GET", f"/api/v1/audit?after={after}&limit=1000")
            records += [r for r in page["items"] if r["action"] == action]
            if page["next_after"] is None:
                return records
            after = page["next_after"]

    def test_b_delegates_see_their_own_states_deliveries_and_outcomes_are_audited(self):
        for participant, addresses in ADDRESSES.items():
            self.ok("officer", "PUT", f"/api/v1/participants/{participant}/addresses", {"addresses": addresses})
        note = self.registered_note("List of participants")
        self.ok("officer", "POST", f"/api/v1/notes/{note['id']}/dispatch", status=202)
        log = self.wait_for(note["id"], lambda log: all(d["status"] == "sent" for d in log), "all sent")
        self.assertEqual(len(log), 4)
        # India's delegate sees India's row only; Russia's, Russia's; never Kazakhstan's addresses.
        path = f"/api/v1/notes/{note['id']}/deliveries"
        india = self.ok("delegate.ind", "GET", path)["items"]
        self.assertEqual([(d["participant"], d["address"], d["status"]) for d in india],
                         [("IND", "cica@mea.gov.in", "sent")])
        russia = self.ok("delegate.rus", "GET", path)["items"]
        self.assertEqual([(d["participant"], d["address"]) for d in russia], [("RUS", "dip@mid.ru")])
        self.assertNotIn("mfa.kz", self.server.request("GET", path, headers=self.server.token("delegate.ind")).body)
        # An observer the note is not addressed to learns nothing of it.
        self.assertEqual(self.server.request("GET", path, headers=self.server.token("observer.jpn")).status, 404)
        # Each sent delivery is audited once by the system, named by number, participant and address.
        sent = [r for r in self.audit("note.delivery_sent") if r["object_id"].startswith(note["number"] + " ")]
        self.assertEqual(sorted(r["object_id"] for r in sent),
                         sorted(f"{note['number']} {p} {a}" for p, addresses in ADDRESSES.items() for a in addresses))
        self.assertEqual({(r["actor"], r["object_kind"]) for r in sent}, {("system", "delivery")})

        # With one attempt allowed and the SMTP server down, every delivery fails for good, audited once each.
        self.ok("admin", "PUT", "/api/v1/settings/dispatch.max_attempts", {"value": "1"})
        self.stop_smtp()
        try:
            failing = self.registered_note("Provisional agenda")
            self.ok("officer", "POST", f"/api/v1/notes/{failing['id']}/dispatch", status=202)
            self.wait_for(failing["id"], lambda log: all(d["status"] == "failed" for d in log), "all failed")
            failed = [r for r in self.audit("note.delivery_failed") if r["object_id"].startswith(failing["number"] + " ")]
            self.assertEqual(len(failed), 4)
            self.assertIn(f"{failing['number']} IND cica@mea.gov.in", [r["object_id"] for r in failed])
            self.assertEqual([r for r in self.audit("note.delivery_sent")
                              if r["object_id"].startswith(failing["number"] + " ")], [])
        finally:
            self.start_smtp()
            self.ok("admin", "PUT", "/api/v1/settings/dispatch.max_attempts", {"value": "20"})


    def test_each_addressee_receives_the_note_and_its_enclosures_as_pdf(self):
        self.ok("admin", "PUT", "/api/v1/settings/smtp.from", {"value": "nv@cica.example"})
        self.ok("admin", "PUT", "/api/v1/settings/dispatch.retry_base_ms", {"value": "500"})
        addresses = {"KAZ": ["nv@mfa.kz"], "IND": ["cica@mea.gov.in"]}
        for participant, listed in addresses.items():
            self.ok("officer", "PUT", f"/api/v1/participants/{participant}/addresses", {"addresses": listed})
        if "officer" not in self.tokens:
            self.tokens["officer"] = self.server.token("officer")
        # The uploaded enclosure: a real PDF of three pages (the demo's NV 17-1/435 in three languages).
        seed = self.ok("officer", "GET", "/api/v1/notes/by-number?number=17-1/435&year=2021")
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        conn.request("GET", f"/api/v1/notes/{seed['id']}/render?format=pdf&lang=all", headers=self.tokens["officer"])
        scan = conn.getresponse().read()
        conn.close()
        r = self.server.request("POST", "/api/v1/files", raw=scan,
                                headers=dict(self.tokens["officer"], **{"Content-Type": "application/pdf"}))
        self.assertEqual(r.status, 201, r.body)
        upload = r.json()
        self.assertEqual(upload["pages"], 3)
        minutes = self.ok("officer", "GET", "/api/v1/documents/by-symbol?symbol=SOC/2021-I/Minutes")
        texts = [{"lang": lang, "blocks": [{"role": "number", "text": "№ {{number}}"}, {"role": "text", "text": text}]}
                 for lang, text in (("en", "The Secretariat forwards the final minutes, on {{pages}} p."),
                                    ("ru", "Секретариат препровождает окончательный протокол, на {{pages}} л."),
                                    ("kk", "Хатшылық қорытынды хаттаманы жолдайды, {{pages}} п."))]
        note = self.ok("officer", "POST", "/api/v1/notes",
                       {"purpose": "other", "index": "17-1", "subject": "Final minutes", "scope": "list",
                        "addressees": list(addresses), "languages": ["en", "ru", "kk"], "texts": texts,
                        "enclosures": [{"description": "Final minutes", "document_id": minutes["id"]},
                                       {"description": "Note Verbale No. 17-1/435", "file_id": upload["id"]}]},
                       status=201)
        note = self.ok("officer", "POST", f"/api/v1/notes/{note['id']}/registration", {})
        stated = note["enclosures"][0]["pages_by_language"]
        self.assertEqual(set(stated), {"en", "ru", "kk"})
        self.assertEqual(stated["en"], 8)  # the seed's "as stated, on 8 p."
        self.assertEqual(note["enclosures"][1]["pages"], 3)
        total = {lang: stated[lang] + 3 for lang in stated}
        self.ok("officer", "POST", f"/api/v1/notes/{note['id']}/dispatch", status=202)
        self.wait_for(note["id"], lambda log: all(d["status"] == "sent" for d in log), "all sent")

        number, serial, year = note["number"], note["number"].split("/")[1], note["year"]
        stem = f"NV-17-1-{serial}-{year}"
        for address in [a for listed in addresses.values() for a in listed]:
            received = [m for m in self.inbox.to(address) if number in str(m["subject"])]
            self.assertEqual(len(received), 1, address)
            m = received[0]
            body = m.get_body(preferencelist=("plain",)).get_content()
            self.assertIn(f"на {total['ru']} л.", body)  # the text itself, for clients that show no attachments
            attachments = {a.get_filename(): a for a in m.iter_attachments()}
            # The minutes have no Russian or Kazakh text in the demo: enclosed once, in English.
            self.assertEqual(list(attachments), [f"{stem}-en.pdf", f"{stem}-ru.pdf", f"{stem}-kk.pdf",
                                                 f"{stem}-enclosure-1-en.pdf", f"{stem}-enclosure-2.pdf"], address)
            for name, a in attachments.items():
                self.assertEqual(a.get_content_type(), "application/pdf", name)
                self.assertEqual(a.get_content()[:5], b"%PDF-", name)
            for lang, words in (("en", f"The Secretariat forwards the final minutes, on {total['en']} p."),
                                ("ru", f"Секретариат препровождает окончательный протокол, на {total['ru']} л."),
                                ("kk", f"Хатшылық қорытынды хаттаманы жолдайды, {total['kk']} п.")):
                text = pdf_text(attachments[f"{stem}-{lang}.pdf"].get_content())
                self.assertIn(f"№ {number}", text, lang)
                self.assertIn(words, text, lang)
            enclosed = attachments[f"{stem}-enclosure-1-en.pdf"].get_content()
            self.assertEqual(pdf_pages(enclosed), stated["en"])
            self.assertIn("SOC/2021-I/Minutes", pdf_text(enclosed))
            uploaded = attachments[f"{stem}-enclosure-2.pdf"].get_content()
            self.assertEqual(uploaded, scan)  # as uploaded, byte for byte
            self.assertEqual(pdf_pages(uploaded), note["enclosures"][1]["pages"])


if __name__ == "__main__":
    unittest.main()
