"""The Note Verbale registers end to end on the real server: outgoing notes drafted and
registered with gap-free serials (also when 200 are registered at once), notes numbered before
chancery, what delegates and observers may see, and incoming notes whose objection to a
silence procedure breaks silence when a Member State sends it and does nothing when an observer
does."""
import concurrent.futures
import unittest

from harness import ServerTest

NOW = "2021-09-01T06:00:00Z"  # 12:00 in Nur-Sultan
# Texts given at creation are templates, expanded at registration: what every note has (R18–R19).
TEXTS = [{"lang": lang, "blocks": [{"role": "number", "text": "№ {{number}}"},
                                   {"role": "text", "text": text},
                                   {"role": "place_date", "text": "{{place}}, {{date}}"},
                                   {"role": "addressee", "text": "MEMBER STATES"}]}
         for lang, text in (("en", "The Secretariat presents its compliments."),
                            ("ru", "Секретариат свидетельствует свое уважение."),
                            ("kk", "Хатшылық өзінің зор ілтипатын білдіреді."))]


class Registers(ServerTest):
    server_env = {"CHANCERY_NOW": NOW}

    def draft(self, **fields):
        body = {"purpose": "other", "index": "7-1", "subject": "Calendar of events", "texts": TEXTS, **fields}
        return self.ok("officer", "POST", "/api/v1/notes", body, status=201)

    def test_a_draft_has_no_number_until_registered_and_delegates_see_only_their_registered_notes(self):
        note = self.draft()
        self.assertEqual((note["status"], note["number"], note["addressees"]), ("draft", None, []))
        self.assertEqual(self.call("delegate.ind", "GET", f"/api/v1/notes/{note['id']}").status, 404)
        done = self.ok("officer", "POST", f"/api/v1/notes/{note['id']}/registration", {})
        self.assertEqual((done["status"], done["date"], done["year"]), ("registered", "2021-09-01", 2021))
        self.assertRegex(done["number"], r"^7-1/\d+$")
        # All Member States on 1 September 2021: 27, India among them, Japan (an observer) not.
        self.assertEqual(len(done["addressees"]), 27)
        self.assertIn("IND", done["addressees"])
        self.assertNotIn("JPN", done["addressees"])
        self.assertEqual(self.ok("delegate.ind", "GET", f"/api/v1/notes/{note['id']}")["number"], done["number"])
        self.assertEqual(self.call("observer.jpn", "GET", f"/api/v1/notes/{note['id']}").status, 404)
        seen = self.ok("observer.jpn", "GET", "/api/v1/notes")
        self.assertNotIn(note["id"], [n["id"] for n in seen["items"]])
        again = self.call("officer", "POST", f"/api/v1/notes/{note['id']}/registration", {})
        self.assertEqual((again.status, again.json()["type"]), (409, "urn:chancery:problem:failed-precondition"))
        by_number = self.ok("officer", "GET", f"/api/v1/notes/by-number?number={done['number']}&year=2021")
        self.assertEqual(by_number["id"], note["id"])

    def test_a_registered_note_renders_its_frozen_text_for_whoever_may_read_it(self):
        note = self.draft()
        path = f"/api/v1/notes/{note['id']}/render?format=txt&lang=ru"
        self.assertEqual(self.call("officer", "GET", path).status, 409)  # a draft is not issued
        done = self.ok("officer", "POST", f"/api/v1/notes/{note['id']}/registration", {})
        r = self.call("delegate.ind", "GET", path)
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.body, f"№ {done['number']}\n\nСекретариат свидетельствует свое уважение.\n\n"
                                 "Нур-Султан, 1 сентября 2021 г.\n\nMEMBER STATES\n")
        self.assertEqual(self.call("observer.jpn", "GET", path).status, 404)
        self.assertEqual(self.call("officer", "GET", f"/api/v1/notes/{note['id']}/render?format=akn").status, 400)

    def test_two_hundred_notes_registered_at_once_get_distinct_serials_without_gaps(self):
        drafts = [self.draft(index=("7-1" if i % 2 else "17-1"))["id"] for i in range(200)]

        def register(note_id):
            server_token = self.tokens["officer"]
            r = self.server.request("POST", f"/api/v1/notes/{note_id}/registration", {}, headers=server_token)
            return r.status, r.json()

        with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
            results = list(pool.map(register, drafts))
        self.assertEqual([s for s, _ in results], [200] * 200, [b for s, b in results if s != 200][:3])
        serials = sorted(int(b["number"].split("/")[1]) for _, b in results)
        self.assertEqual(len(set(serials)), 200)
        self.assertEqual(serials, list(range(serials[0], serials[0] + 200)))
        print(f"\n200 notes registered by 16 clients at once: serials {serials[0]}–{serials[-1]}, none twice, no gap")

    def test_a_note_numbered_before_chancery_keeps_its_number_and_date(self):
        # The demo holds № 17-1/435 of 12 July 2021 already: registering it again is refused.
        taken = self.call("officer", "POST", f"/api/v1/notes/{self.draft(index='17-1')['id']}/registration",
                          {"number": "17-1/435", "date": "2021-07-12"})
        self.assertEqual((taken.status, taken.json()["type"]), (409, "urn:chancery:problem:already-exists"))
        note = self.draft(index="17-1", purpose="forward_final_minutes")
        done = self.ok("officer", "POST", f"/api/v1/notes/{note['id']}/registration",
                       {"number": "17-1/120", "date": "2021-03-01"})
        self.assertEqual((done["number"], done["date"], done["year"], done["imported"]),
                         ("17-1/120", "2021-03-01", 2021, True))
        other = self.draft(index="17-1")
        taken = self.call("officer", "POST", f"/api/v1/notes/{other['id']}/registration",
                          {"number": "17-1/120", "date": "2021-03-01"})
        self.assertEqual((taken.status, taken.json()["type"]), (409, "urn:chancery:problem:already-exists"))
        self.assertEqual(self.ok("officer", "GET", f"/api/v1/notes/{other['id']}")["status"], "draft")  # unchanged

    def test_bad_notes_are_refused_naming_the_field(self):
        for body, field in (({"index": "17 1"}, "index"), ({"scope": "one", "addressees": []}, "addressees"),
                            ({"scope": "list", "addressees": ["XYZ"]}, "addressees[0]"),
                            ({"languages": ["de"]}, "languages[0]"),
                            ({"about": {"kind": "meeting", "id": 9999}}, "about"),
                            ({"texts": [{"lang": "en", "blocks": [{"role": "footer", "text": "x"}]}]},
                             "texts[0].blocks[0].role")):
            r = self.call("officer", "POST", "/api/v1/notes",
                          {"purpose": "other", "index": "7-1", "subject": "x", "texts": TEXTS, **body})
            self.assertEqual((r.status, r.json().get("field")), (422, field), r.body)
        self.assertEqual(self.call("delegate.ind", "POST", "/api/v1/notes",
                                   {"purpose": "other", "index": "7-1", "subject": "x"}).status, 403)

    def test_an_objection_by_note_breaks_silence_from_a_member_state_and_not_from_an_observer(self):
        p = self.ok("chair.kaz", "POST", "/api/v1/silence-procedures",
                    {"title": "Calendar of CICA events for 2022", "text": "The SOC approves the calendar.",
                     "expires_on": "2021-09-20"}, status=201)
        link = {"kind": "silence_procedure", "id": p["id"]}
        tkm = self.ok("officer", "POST", "/api/v1/incoming-notes",
                      {"sender": "TKM", "sender_number": "№ 12", "sender_date": "2021-08-31",
                       "subject": "Objection to the calendar", "acts_on": link, "objection": True}, status=201)
        self.assertEqual(tkm["effect"], "kept_without_effect")
        self.assertIn("not a Member State", tkm["effect_reason"])
        self.assertRegex(tkm["number"], r"^IN/2021/\d+$")
        self.assertEqual(self.ok("officer", "GET", f"/api/v1/silence-procedures/{p['id']}")["state"], "running")
        ind = self.ok("officer", "POST", "/api/v1/incoming-notes",
                      {"sender": "IND", "sender_number": "№ 02-3/118", "sender_date": "2021-09-01",
                       "subject": "Objection to the calendar", "acts_on": link, "objection": True}, status=201)
        self.assertEqual(ind["effect"], "objection_breaks_silence")
        self.assertEqual(ind["serial"], tkm["serial"] + 1)
        procedure = self.ok("officer", "GET", f"/api/v1/silence-procedures/{p['id']}")
        self.assertEqual(procedure["state"], "not_adopted")
        self.assertEqual([r["reference"] for r in procedure["responses"]], ["№ 12 of 2021-08-31", "№ 02-3/118 of 2021-09-01"])
        # The incoming register is the Secretariat's.
        self.assertEqual(self.call("delegate.ind", "GET", f"/api/v1/incoming-notes/{ind['id']}").status, 404)
        self.assertEqual(self.call("delegate.ind", "GET", "/api/v1/incoming-notes").status, 404)
        # The reply: our registered note.
        answer = self.draft(scope="one", addressees=["IND"])
        self.assertEqual(self.call("officer", "PUT", f"/api/v1/incoming-notes/{ind['id']}/reply",
                                   {"reply": answer["id"]}).status, 409)  # still a draft
        self.ok("officer", "POST", f"/api/v1/notes/{answer['id']}/registration", {})
        self.assertEqual(self.ok("officer", "PUT", f"/api/v1/incoming-notes/{ind['id']}/reply",
                                 {"reply": answer["id"]})["reply"], answer["id"])


if __name__ == "__main__":
    unittest.main()
