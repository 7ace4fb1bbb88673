"""The governance API of the running server: a meeting from its draft agenda to decisions and
mandates, what an observer delegate sees of it, and a silence procedure answered by letters."""
import unittest

from harness import Server

NOW = "2021-09-01T04:00:00Z"  # 10:00 in Nur-Sultan, after the demo's SOC of 23 June 2021


class GovernanceTest(unittest.TestCase):
    """One server (the full demo) for the class, its clock fixed at NOW."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(env={"CHANCERY_NOW": NOW})
        cls.tokens = {}

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def call(self, user, method, path, body=None, raw=None, headers=None):
        if user not in self.tokens:
            self.tokens[user] = self.server.token(user)
        return self.server.request(method, path, body, headers={**self.tokens[user], **(headers or {})}, raw=raw)

    def ok(self, user, method, path, body=None, status=200):
        r = self.call(user, method, path, body)
        self.assertEqual(r.status, status, f"{method} {path}: {r.body}")
        return r.json()

    def assertProblem(self, r, status, type_, field=None):
        self.assertEqual(r.status, status, r.body)
        self.assertEqual(r.header("Content-Type"), "application/problem+json")
        self.assertEqual(r.json()["type"], type_)
        if field is not None:
            self.assertEqual(r.json().get("field"), field, r.body)


class AMeetingOfTheSwg(GovernanceTest):
    def test_from_draft_agenda_to_decisions_and_mandates(self):
        r = self.call("officer", "POST", "/api/v1/meetings", {
            "body": "SWG", "starts_on": "2021-09-15", "ends_on": "2021-09-16", "format": "hybrid", "venue": "Nur-Sultan",
            "items": [{"title": "Opening"}, {"title": "Draft Catalogue"}]})
        self.assertEqual(r.status, 201, r.body)
        meeting = r.json()
        self.assertEqual(r.header("Location"), f"/api/v1/meetings/{meeting['id']}")
        self.assertEqual((meeting["code"], meeting["chair_participant_id"]), ("SWG/2021-I", "KAZ"))
        self.assertEqual(meeting["agenda_status"], "draft")
        at = f"/api/v1/meetings/{meeting['id']}"

        # The draft agenda as circulated: item 1 open to Japan, item 2 closed to observers.
        m = self.ok("chair.kaz", "PUT", f"{at}/agenda", {"agenda_symbol": "SWG/2021-I/Agenda/1", "items": [
            {"title": "Opening of the meeting", "closed_to_observers": False, "invited_observers": ["JPN"]},
            {"title": "Consideration of the draft Catalogue"}]})
        self.assertEqual([i["closed_to_observers"] for i in m["items"]], [False, True])
        m = self.ok("officer", "POST", f"{at}/agenda/amendments",
                    {"item_number": 2, "proposed_by": "IND", "title": "Consideration of the draft updated Catalogue"},
                    status=201)
        self.assertEqual(m["amendments"][0]["previous_title"], "Consideration of the draft Catalogue")
        m = self.ok("chair.kaz", "POST", f"{at}/agenda/adopt")
        self.assertEqual(m["agenda_status"], "adopted")
        self.assertEqual(m["agenda_adopted_at"], NOW)
        self.assertProblem(self.call("officer", "PUT", f"{at}/agenda", {"items": [{"title": "Late"}]}),
                           409, "urn:chancery:problem:failed-precondition")
        self.ok("officer", "PUT", f"{at}/items/1/attendance", {"present": ["KAZ", "IND", "RUS", "JPN"]})
        self.assertProblem(self.call("officer", "PUT", f"{at}/items/2/attendance", {"present": ["KAZ", "JPN"]}),
                           422, "urn:chancery:problem:validation", "present[1]")

        self.ok("officer", "POST", f"{at}/items/1/statements",
                {"role": "chair", "speaker": "The Chairperson", "text": "The Chairperson opened the meeting."},
                status=201)
        s = self.ok("officer", "POST", f"{at}/items/2/statements",
                    {"role": "participant", "participant_id": "RUS", "language": "ru", "text": "Замечания к проекту."},
                    status=201)
        self.assertEqual((s["seq"], s["item_number"], s["language"]), (1, 2, "ru"))  # numbered within the item
        self.assertEqual(self.ok("delegate.ind", "GET", f"{at}/statements")["total"], 2)

        # Consensus: a Member State's objection means there is no decision.
        self.assertProblem(self.call("chair.kaz", "POST", f"{at}/items/2/decisions", {
            "title": "Catalogue", "text": "The SWG agreed the Catalogue.",
            "positions": [{"participant_id": "RUS", "kind": "objection"}]}),
            409, "urn:chancery:problem:failed-precondition", "positions")
        r = self.call("chair.kaz", "POST", f"{at}/items/2/decisions", {
            "title": "Catalogue", "text": "The SWG agreed the draft updated Catalogue.",
            "positions": [{"participant_id": "RUS", "kind": "reservation", "text": "On paragraph 4."}]})
        self.assertEqual(r.status, 201, r.body)
        decision = r.json()
        self.assertEqual(r.header("Location"), f"/api/v1/decisions/{decision['id']}")
        self.assertEqual(decision["symbol"], "SWG/2021-I/DEC/1")
        self.assertEqual(decision["adoption"], {"mode": "at_meeting", "adopted_at": NOW, "recorded_on": "2021-09-15"})
        self.assertEqual(decision["attachments"], [{"participant_id": "RUS", "kind": "reservation", "text": "On paragraph 4."}])
        self.assertNotIn("votes", r.body)
        by_symbol = self.ok("delegate.rus", "GET", "/api/v1/decisions/by-symbol?symbol=SWG/2021-I/DEC/1")
        self.assertEqual(by_symbol["id"], decision["id"])

        r = self.call("officer", "POST", f"{at}/items/2/mandates",
                      {"subject": "Translating the Catalogue", "assignee": "EXPERTS", "due_by": "2021-10-01"})
        self.assertEqual(r.status, 201, r.body)
        mandate = r.json()
        self.assertEqual((mandate["given_by"], mandate["given_on"], mandate["status"]), ("SWG", "2021-09-15", "open"))
        self.assertEqual(self.ok("officer", "GET", f"/api/v1/mandates?meeting={meeting['id']}")["total"], 1)
        done = self.ok("officer", "PATCH", f"/api/v1/mandates/{mandate['id']}", {"status": "fulfilled"})
        self.assertEqual(done["status"], "fulfilled")

        # The observer delegate sees item 1 and nothing of item 2, not even in a count.
        obs = "observer.jpn"
        seen = self.ok(obs, "GET", at)
        self.assertEqual([i["number"] for i in seen["items"]], [1])
        self.assertEqual(seen["amendments"], [])
        statements = self.ok(obs, "GET", f"{at}/statements")
        self.assertEqual((statements["total"], statements["items"][0]["item_number"]), (1, 1))
        self.assertEqual(self.ok(obs, "GET", f"/api/v1/decisions?meeting={meeting['id']}")["total"], 0)
        self.assertEqual(self.ok(obs, "GET", f"/api/v1/mandates?meeting={meeting['id']}")["total"], 0)
        for path in (f"/api/v1/decisions/{decision['id']}", f"/api/v1/mandates/{mandate['id']}",
                     f"{at}/statements?item=2", "/api/v1/decisions/by-symbol?symbol=SWG/2021-I/DEC/1"):
            self.assertProblem(self.call(obs, "GET", path), 404, "urn:chancery:problem:not-found")
        everything = "".join(self.call(obs, "GET", p).body for p in (at, f"{at}/statements", "/api/v1/meetings",
                                                                      "/api/v1/decisions", "/api/v1/mandates"))
        for word in ("Catalogue", "Замечания", "Translating", "SWG/2021-I/DEC/1"):
            self.assertNotIn(word, everything)

    def test_bad_input_is_a_problem_naming_what_was_wrong(self):
        self.assertProblem(self.call("officer", "POST", "/api/v1/meetings", {"body": "SOC", "starts_on": "2021-09-15",
                                                                              "venue": "Nur-Sultan", "quorum": 14}),
                           422, "urn:chancery:problem:validation", "quorum")
        self.assertProblem(self.call("officer", "POST", "/api/v1/meetings",
                                     {"body": "SOC", "starts_on": "2021-09-15", "items": [{"title": ""}]}),
                           422, "urn:chancery:problem:validation", "items[0].title")
        self.assertProblem(self.call("officer", "GET", "/api/v1/meetings?year=2021"),
                           400, "urn:chancery:problem:invalid-query", "year")
        self.assertProblem(self.call("officer", "GET", "/api/v1/decisions?limit=501"),
                           400, "urn:chancery:problem:invalid-query", "limit")
        for path in ("/api/v1/meetings/SOC-2021-I", "/api/v1/decisions/1.5", "/api/v1/mandates/-1",
                     "/api/v1/silence-procedures/999999"):
            self.assertProblem(self.call("officer", "GET", path), 404, "urn:chancery:problem:not-found")

    def test_lists_page(self):
        bodies = self.ok("officer", "GET", "/api/v1/bodies?limit=3&offset=2")
        self.assertEqual((bodies["total"], bodies["offset"], bodies["limit"], len(bodies["items"])), (8, 2, 3, 3))
        statements = self.ok("officer", "GET", "/api/v1/meetings/1/statements?limit=5&offset=10")
        self.assertGreater(statements["total"], 15)
        # The 11th to 15th statements in the order recorded, each numbered within its item.
        self.assertEqual([(s["item_number"], s["seq"]) for s in statements["items"]],
                         [(4, 7), (4, 8), (5, 1), (5, 2), (6, 1)])


class ASilenceProcedureAnsweredByLetters(GovernanceTest):
    def test_an_observers_letter_is_kept_a_member_states_objection_breaks_silence(self):
        r = self.call("chair.kaz", "POST", "/api/v1/silence-procedures", {
            "title": "Calendar of CICA events for 2022", "text": "The SOC approves the calendar.",
            "expires_on": "2021-09-20"})
        self.assertEqual(r.status, 201, r.body)
        p = r.json()
        self.assertEqual(r.header("Location"), f"/api/v1/silence-procedures/{p['id']}")
        self.assertEqual(p["title"], "Calendar of CICA events for 2022 (under silence procedure)")
        self.assertEqual((p["expires_at"], p["expiry_wording"]), ("2021-09-20T18:00:00Z", "expiring on 20 September 2021"))
        self.assertEqual((p["state"], p["responses"], p["notices"]), ("running", [], []))
        responses = f"/api/v1/silence-procedures/{p['id']}/responses"

        tkm = self.ok("officer", "POST", responses, {"participant_id": "TKM", "kind": "objection",
                                                     "reference": "Note Verbale No. 12 of 1 September 2021"}, status=201)
        self.assertEqual((tkm["seq"], tkm["effect"]), (1, "not_a_member_state"))
        self.assertEqual(tkm["reason"],
                         "Turkmenistan is not a Member State on 1 September 2021: kept as correspondence, no effect (R3)")
        self.assertEqual(tkm["procedure"]["state"], "running")
        comment = self.ok("delegate.ind", "POST", responses, {"participant_id": "IND", "kind": "comment",
                                                              "text": "India supports the calendar."}, status=201)
        self.assertEqual(comment["effect"], "does_not_object")
        rus = self.ok("delegate.rus", "POST", responses, {"participant_id": "RUS", "kind": "objection"}, status=201)
        self.assertEqual(rus["effect"], "breaks_silence")
        self.assertIn("Member State", rus["reason"])
        procedure = rus["procedure"]
        self.assertEqual((procedure["state"], procedure["broken_by"], procedure["decided_at"]), ("not_adopted", 3, NOW))
        self.assertEqual([x["effect"] for x in procedure["responses"]],
                         ["not_a_member_state", "does_not_object", "breaks_silence"])
        self.assertEqual(len(procedure["notices"]), len(procedure["addressees"]))

        listed = self.ok("officer", "GET", "/api/v1/silence-procedures?state=not_adopted")
        self.assertIn(p["id"], [x["id"] for x in listed["items"]])
        self.assertProblem(self.call("officer", "POST", responses, {"participant_id": "RUS", "kind": "veto"}),
                           422, "urn:chancery:problem:validation", "kind")
        self.assertProblem(self.call("observer.tkm", "GET", f"/api/v1/silence-procedures/{p['id']}"),
                           404, "urn:chancery:problem:not-found")


if __name__ == "__main__":
    unittest.main()
