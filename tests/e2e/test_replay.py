"""The replay of the seed's story (CTest: soc_2021_06_23).

A server initialised with the demo registry only (participants and Chairmanship, no story) is
driven through the HTTP API along data/demo/soc-2021-06-23.json: the silence procedure on
Turkmenistan's observer status, circulated on 5 March 2021 and expiring on 20 March, then the
SOC meeting of 23 June 2021. The server is restarted at each phase's instant (CHANCERY_NOW), so
the silence procedure expires while no server runs and must be concluded on the next start,
dated at its expiry instant. Then the tests assert what the API shows.
"""
import json
import os
import unittest

from harness import Server

SCENARIO_FILE = os.path.join(os.path.dirname(__file__), "../../data/demo/soc-2021-06-23.json")
with open(SCENARIO_FILE, encoding="utf-8") as f:
    SCENARIO = json.load(f)

# Words said only under items 5-11. The Chair's opening statement under item 1 (open) names the
# Catalogue of CBMs and the Council of Eminent Persons too, so those are matched as item 5 and 7
# word them.
CLOSED_ITEM_WORDS = ["Palestine", "Voronkov", "Think Tank", "Council of Eminent Persons (CEP)", "co-coordinating",
                     "Rules of Procedure in relation", "Catalogue of Confidence Building Measures", "Bangladesh",
                     "MM/2021/DRAFT/1", "DEC/2", "DEC/3"]


def fill(text, saved, quoted):
    for name, value in saved.items():
        text = text.replace('"{{%s}}"' % name if quoted else "{{%s}}" % name,
                            json.dumps(value) if quoted else str(value))
    return text


class Replay:
    """Plays the scenario's phases on one server, restarting it at each phase's instant."""

    def __init__(self, server):
        self.server = server
        self.saved = {}
        self.log = []

    def at(self, instant):
        self.server.stop()
        self.server.env["CHANCERY_NOW"] = instant
        self.server.start()
        self.tokens = {}

    def auth(self, user):
        if user not in self.tokens:
            self.tokens[user] = self.server.token(user)
        return self.tokens[user]

    def call(self, user, method, path, body=None):
        return self.server.request(method, path, body, headers=self.auth(user))

    def play(self, phase):
        self.at(phase["at"])
        for i, step in enumerate(phase["steps"]):
            path = fill(step["path"], self.saved, quoted=False)
            body = json.loads(fill(json.dumps(step["body"]), self.saved, quoted=True)) if "body" in step else None
            r = self.call(step["as"], step["method"], path, body)
            if r.status != step.get("expect", 200):
                raise AssertionError(f"step {i + 1} {step['method']} {path}: {r.status} {r.body}")
            for name, field in step.get("save", {}).items():
                self.saved[name] = r.json()[field]


class Soc20210623(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        first = SCENARIO["phases"][0]["at"]
        cls.server = Server(init_args=["--registry-only"], env={"CHANCERY_NOW": first})
        cls.replay = Replay(cls.server)
        for phase in SCENARIO["phases"]:
            cls.replay.play(phase)
        cls.soc = cls.replay.saved["soc_2021_i"]
        # The Secretariat's view three days later.
        cls.replay.at("2021-06-26T04:00:00Z")

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def get(self, user, path):
        r = self.replay.call(user, "GET", path)
        self.assertEqual(r.status, 200, r.body)
        return r.json()

    def test_the_silence_procedure_concluded_on_restart_dated_at_its_expiry(self):
        p = self.get("officer", f"/api/v1/silence-procedures/{self.replay.saved['tkm_silence']}")
        self.assertEqual(p["state"], "adopted")
        self.assertEqual(p["expires_at"], "2021-03-20T18:00:00Z")  # end of 20 March in Nur-Sultan (+06:00)
        self.assertEqual(p["expiry_wording"], "expiring on 20 March 2021")
        self.assertTrue(p["expires_on_weekend"])                   # a Saturday (R29) …
        self.assertFalse(p["expires_on_holiday"])                  # … the eve of Nauryz
        self.assertEqual(p["decided_at"], "2021-03-20T18:00:00Z")  # R10: the expiry instant …
        self.assertEqual(p["concluded_at"], "2021-06-23T04:00:00Z")  # … though no server ran until 23 June
        self.assertEqual(len(p["addressees"]), 27)
        self.assertEqual(len(p["notices"]), 27)
        self.assertEqual({n["outcome"] for n in p["notices"]}, {"adopted"})
        self.assertEqual(p["decision_id"], self.replay.saved["dec_1"])

    def test_the_decision_register(self):
        page = self.get("officer", f"/api/v1/decisions?meeting={self.soc}")
        numbered = [d for d in page["items"] if d["symbol"]]
        self.assertEqual([d["symbol"] for d in numbered],
                         ["SOC/2021-I/DEC/1", "SOC/2021-I/DEC/2", "SOC/2021-I/DEC/3"])
        self.assertEqual([d["item_number"] for d in numbered], [3, 9, 5])
        dec1, dec2, dec3 = numbered
        self.assertEqual(dec1["adoption"], {"mode": "silence_procedure", "adopted_at": "2021-03-20T18:00:00Z",
                                            "recorded_on": "2021-06-23"})
        self.assertEqual(dec1["status_grants"], [{"participant_id": "TKM", "status": "observer_state",
                                                  "from": "2021-06-23"}])
        self.assertEqual(dec2["adoption"]["mode"], "at_meeting")
        self.assertIn("Bangladesh", dec3["text"])
        approval = [d for d in page["items"] if not d["symbol"]]
        self.assertEqual(len(approval), 1)
        self.assertEqual(approval[0]["item_number"], 7)
        self.assertEqual(approval[0]["approved_documents"], ["MM/2021/DRAFT/1"])
        self.assertEqual(approval[0]["recommended_to"], "MM")
        self.assertEqual(page["total"], 4)
        for d in page["items"]:  # consensus only: no votes anywhere (R1)
            self.assertFalse({"votes", "for", "against", "abstentions"} & set(d))
        by_symbol = self.get("delegate.ind", "/api/v1/decisions/by-symbol?symbol=SOC/2021-I/DEC/3")
        self.assertEqual(by_symbol["id"], dec3["id"])

    def test_turkmenistan_becomes_an_observer_on_23_june_2021(self):
        before = self.get("observer.tkm", "/api/v1/participants/TKM?on=2021-06-22")
        after = self.get("observer.tkm", "/api/v1/participants/TKM?on=2021-06-23")
        self.assertEqual(before["status_on"]["status"], "none")
        self.assertEqual(after["status_on"]["status"], "observer_state")
        self.assertIn("SOC/2021-I/DEC/1", after["status_on"]["basis"])
        counts = {s: self.get("officer", f"/api/v1/participants?status={s}&on=2021-06-23&limit=1")["total"]
                  for s in ("member", "observer_state", "observer_organisation")}
        self.assertEqual(counts, {"member": 27, "observer_state": 9, "observer_organisation": 5})  # R30

    def test_the_agenda_as_adopted_with_indias_amendment(self):
        m = self.get("delegate.ind", f"/api/v1/meetings/{self.soc}")
        self.assertEqual(m["code"], "SOC/2021-I")
        self.assertEqual((m["format"], m["starts_on"], m["chair_participant_id"]), ("online", "2021-06-23", "KAZ"))
        self.assertEqual(m["agenda_status"], "adopted")
        self.assertEqual(len(m["items"]), 11)
        self.assertEqual([i["number"] for i in m["items"] if not i["closed_to_observers"]], [1, 2, 3, 4])
        self.assertTrue(m["items"][10]["any_other_business"])
        self.assertEqual(len(m["amendments"]), 1)
        self.assertEqual(m["amendments"][0]["proposed_by"], "IND")
        self.assertEqual(m["items"][3]["title"], m["amendments"][0]["title"])
        self.assertIn("Growing role of Asia", m["items"][3]["title"])
        self.assertIn("JPN", m["items"][0]["present"])

    def test_statements_under_item_4_by_the_eight_states(self):
        page = self.get("delegate.rus", f"/api/v1/meetings/{self.soc}/statements?item=4")
        self.assertEqual([s["participant_id"] for s in page["items"]],
                         ["IND", "KHM", "BHR", "IRN", "TUR", "RUS", "VNM", "CHN"])

    def test_an_observer_sees_items_1_to_4_and_nothing_of_5_to_11(self):
        m = self.get("observer.jpn", f"/api/v1/meetings/{self.soc}")
        self.assertEqual([i["number"] for i in m["items"]], [1, 2, 3, 4])
        statements = self.get("observer.jpn", f"/api/v1/meetings/{self.soc}/statements?limit=500")
        self.assertEqual({s["item_number"] for s in statements["items"]}, {1, 3, 4})
        self.assertEqual(statements["total"], 12)  # 1 + 3 + 8: nothing counted from closed items
        decisions = self.get("observer.jpn", "/api/v1/decisions")
        self.assertEqual([d["symbol"] for d in decisions["items"]], ["SOC/2021-I/DEC/1"])
        self.assertEqual(decisions["total"], 1)
        self.assertEqual(self.get("observer.jpn", "/api/v1/mandates")["total"], 0)
        for path in (f"/api/v1/decisions/{self.replay.saved['dec_3']}",
                     "/api/v1/decisions/by-symbol?symbol=SOC/2021-I/DEC/2",
                     f"/api/v1/meetings/{self.soc}/statements?item=5",
                     f"/api/v1/silence-procedures/{self.replay.saved['tkm_silence']}"):
            r = self.replay.call("observer.jpn", "GET", path)
            self.assertEqual(r.status, 404, path)
        # Nothing said or decided under a closed item leaks into anything the observer reads.
        everything = "".join(self.replay.call("observer.jpn", "GET", p).body for p in (
            f"/api/v1/meetings/{self.soc}", f"/api/v1/meetings/{self.soc}/statements?limit=500",
            "/api/v1/decisions", "/api/v1/meetings", "/api/v1/mandates"))
        for word in CLOSED_ITEM_WORDS:
            self.assertNotIn(word, everything)
        # A Member State's delegate sees the whole meeting.
        self.assertEqual(len(self.get("delegate.ind", f"/api/v1/meetings/{self.soc}")["items"]), 11)

    def test_the_cep_regulations_draft_goes_swg_soc_recommended_to_mm(self):
        d = self.get("delegate.ind", "/api/v1/documents/by-symbol?symbol=MM/2021/DRAFT/1")
        self.assertEqual(d["kind"], "draft_regulation")
        self.assertEqual([(s["body"], s["kind"], s["on"]) for s in d["stages"]],
                         [("SWG", "consensus_reached", "2021-06-22"), ("SOC", "approved", "2021-06-23"),
                          ("SOC", "recommended", "2021-06-23")])
        self.assertEqual(d["stages"][2]["recommended_to"], "MM")
        self.assertEqual(d["stages"][1]["meeting_id"], self.soc)
        approval = self.get("officer", f"/api/v1/decisions/{d['stages'][1]['decision_id']}")
        self.assertEqual(approval["approved_documents"], ["MM/2021/DRAFT/1"])
        # Member States only: an observer does not learn it exists.
        r = self.replay.call("observer.jpn", "GET", "/api/v1/documents/by-symbol?symbol=MM/2021/DRAFT/1")
        self.assertEqual(r.status, 404)
        listed = [x["symbol"] for x in self.get("observer.jpn", "/api/v1/documents")["items"]]
        self.assertNotIn("MM/2021/DRAFT/1", listed)

    def test_the_draft_minutes_and_what_an_observer_reads_of_them(self):
        minutes = self.replay.saved["minutes"]
        d = self.get("delegate.ind", f"/api/v1/documents/{minutes}")
        self.assertEqual((d["symbol"], d["kind"], d["meeting_id"]), ("SOC/2021-I/Minutes", "minutes", self.soc))
        full = self.get("delegate.ind", f"/api/v1/documents/{minutes}/versions/1?lang=en")["languages"][0]
        self.assertEqual(full["title"], "MINUTES OF THE SENIOR OFFICIALS COMMITTEE MEETING on 23 June 2021 (online format)")
        texts = [p["text"] for p in full["paragraphs"]]
        self.assertIn("4. Thematic discussion on the theme “Growing role of Asia in international affairs and related "
                      "adaptation of CICA”", texts)
        self.assertIn("The SOC adopted its agenda with an amendment in the title of agenda item 4 as proposed by India.",
                      texts)
        self.assertEqual(sum(1 for p in full["paragraphs"] if p["style"] == "item_heading"), 11)
        seen = self.replay.call("observer.jpn", "GET", f"/api/v1/documents/{minutes}/versions/1")
        self.assertEqual(seen.status, 200, seen.body)
        items = {p["item_number"] for p in seen.json()["languages"][0]["paragraphs"]}
        self.assertEqual(items, {0, 1, 2, 3, 4})
        for word in CLOSED_ITEM_WORDS:
            self.assertNotIn(word, seen.body)

    def test_the_minutes_cycle_circulated_commented_and_final_reflecting_the_comment(self):
        minutes = self.replay.saved["minutes"]
        rounds = self.get("officer", f"/api/v1/documents/{minutes}/comment-rounds")
        self.assertEqual(rounds["total"], 1)
        r = rounds["items"][0]
        self.assertEqual((r["version"], r["opened_at"], r["deadline"]),
                         (1, "2021-06-25T04:00:00Z", "2021-07-02T18:00:00Z"))  # a week, to 24:00 in Nur-Sultan (R23)
        self.assertEqual(len(r["addressees"]), 27)
        self.assertEqual([(c["participant_id"], c["outcome"]) for c in r["comments"]], [("RUS", "accepted")])
        self.assertEqual(r["consolidated_into"], 2)
        d = self.get("delegate.ind", f"/api/v1/documents/{minutes}")
        self.assertEqual([(v["number"], v["created_at"][:10], v["reason"], v["status"]) for v in d["versions"]],
                         [(1, "2021-06-25", "draft minutes", "draft"),
                          (2, "2021-07-12", "final version reflecting comments of Member States", "final")])
        diff = self.get("delegate.ind", f"/api/v1/documents/{minutes}/diff?from=1&to=2")
        changed = [p for p in diff["paragraphs"] if p["change"] != "unchanged"]
        self.assertEqual([p["id"] for p in changed], ["item-10-p3"])
        self.assertIn({"op": "insert", "text": "the Russian Federation "}, changed[0]["words"])
        # A comment after the deadline is refused, and observers know nothing of the round.
        late = self.replay.call("delegate.ind", "POST", f"/api/v1/comment-rounds/{r['id']}/comments",
                                {"participant_id": "IND", "paragraph_id": "item-4-p2", "text": "Late."})
        self.assertEqual(late.status, 409, late.body)
        self.assertEqual(self.replay.call("observer.jpn", "GET", f"/api/v1/comment-rounds/{r['id']}").status, 404)

    def test_the_notes_verbales_7_1_397_and_17_1_435_with_their_numbers_and_dates(self):
        minutes = self.replay.saved["minutes"]
        for key, number, date, purpose, about in (
                ("nv_397", "7-1/397", "2021-06-23", "circulate_meeting_documents", {"kind": "meeting", "id": self.soc}),
                ("nv_435", "17-1/435", "2021-07-12", "forward_final_minutes", {"kind": "document", "id": minutes})):
            n = self.get("delegate.ind", f"/api/v1/notes/{self.replay.saved[key]}")
            self.assertEqual((n["number"], n["date"], n["year"], n["status"], n["imported"], n["purpose"], n["about"]),
                             (number, date, 2021, "registered", True, purpose, about))
            self.assertEqual([t["lang"] for t in n["texts"]], ["en", "ru", "kk"])
            self.assertEqual(len(n["addressees"]), 27)  # every Member State on either date
        by_number = self.get("officer", "/api/v1/notes/by-number?number=17-1/435&year=2021")
        self.assertEqual(by_number["id"], self.replay.saved["nv_435"])
        en = by_number["texts"][0]["blocks"]
        self.assertIn({"role": "enclosure", "text": "Enclosure:\nas stated, on 8 p."}, en)
        self.assertIn({"role": "place_date", "text": "Nur-Sultan, 12 July 2021"}, en)

    def test_r25_warns_of_years_without_an_soc_meeting(self):
        # The Secretariat's clock says 26 June 2021 and the SOC met on 23 June: nothing to warn of.
        self.assertEqual(self.get("officer", "/api/v1/governance/warnings")["items"], [])

    def test_search_finds_what_the_reader_may_read_and_nothing_else(self):
        # "Voronkov" is said only under item 6, closed to observers.
        member = self.get("delegate.ind", "/api/v1/search?q=Voronkov")
        self.assertGreaterEqual(member["total"], 1)
        self.assertTrue(all("[Voronkov]" in h["snippet"] for h in member["items"]))
        self.assertEqual(member["items"][0]["symbol"], "SOC/2021-I/Minutes")
        # Few matches: every one ranked by relevance.
        self.assertEqual((member["ranking"], member["ranked_within"]), ("relevance", member["total"]))
        observer = self.get("observer.jpn", "/api/v1/search?q=Voronkov")
        self.assertEqual((observer["total"], observer["items"], observer["ranked_within"]), (0, [], 0))
        # Words of open items are found by observers too.
        self.assertGreaterEqual(self.get("observer.jpn", "/api/v1/search?q=Turkmenistan")["total"], 1)
        # English stemming: "decisions" finds "decision".
        self.assertGreaterEqual(self.get("officer", "/api/v1/search?q=decisions&lang=en")["total"], 1)

    def test_lists_filter_by_body_and_date(self):
        self.assertEqual(self.get("officer", "/api/v1/mandates?body=SOC&from=2021-06-23&to=2021-06-23")["total"], 4)
        self.assertEqual(self.get("officer", "/api/v1/mandates?from=2021-06-24")["total"], 0)
        # Opened at 10:00 in Nur-Sultan on 5 March, days counted in the organisation's zone.
        self.assertEqual(self.get("officer", "/api/v1/silence-procedures?from=2021-03-05&to=2021-03-05")["total"], 1)
        self.assertEqual(self.get("officer", "/api/v1/silence-procedures?body=SOC&from=2021-03-06")["total"], 0)
        self.assertEqual(self.get("officer", "/api/v1/decisions?body=SOC&from=2021-06-23&to=2021-06-23")["total"], 4)
        self.assertEqual(self.get("officer", "/api/v1/meetings?body=SWG")["total"], 0)

    def test_open_mandates_are_due_before_the_next_soc(self):
        r = self.replay.call("officer", "POST", "/api/v1/meetings", {
            "body": "SOC", "starts_on": "2021-10-10", "format": "in_person", "venue": "Nur-Sultan",
            "items": [{"number": 1, "title": "Opening of the meeting", "closed_to_observers": True}]})
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(r.json()["code"], "SOC/2021-II")
        due = self.get("officer", f"/api/v1/meetings/{r.json()['id']}/mandates-due")
        self.assertEqual(sorted(m["item_number"] for m in due["items"]), [5, 6, 8, 10])
        self.assertEqual({m["assignee"] for m in due["items"]}, {"SWG"})
        self.assertIn("Think Tank Forum", " ".join(m["subject"] for m in due["items"]))
        self.assertEqual(self.get("observer.jpn", f"/api/v1/meetings/{r.json()['id']}/mandates-due")["total"], 0)


class SilenceAfter23June(unittest.TestCase):
    """After 23 June 2021 Turkmenistan is an observer: its objection is kept without effect; a
    Member State's objection breaks silence at once."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(env={"CHANCERY_NOW": "2021-06-28T04:00:00Z"})  # the full demo

    @classmethod
    def tearDownClass(cls):
        cls.server.close()

    def test_an_observer_objection_does_not_break_silence_a_member_states_does(self):
        chair = self.server.token("chair.kaz")
        r = self.server.request("POST", "/api/v1/silence-procedures", {
            "title": "Draft decision on the CICA events calendar", "text": "The SOC approves the calendar.",
            "expires_on": "2021-07-12"}, headers=chair)
        self.assertEqual(r.status, 201, r.body)
        pid = r.json()["id"]
        officer = self.server.token("officer")
        tkm = self.server.request("POST", f"/api/v1/silence-procedures/{pid}/responses", {
            "participant_id": "TKM", "kind": "objection", "reference": "Note Verbale of 28 June 2021"},
            headers=officer)
        self.assertEqual(tkm.status, 201, tkm.body)
        self.assertEqual(tkm.json()["effect"], "not_a_member_state")
        self.assertIn("Turkmenistan", tkm.json()["reason"])
        self.assertEqual(tkm.json()["procedure"]["state"], "running")
        ind = self.server.request("POST", f"/api/v1/silence-procedures/{pid}/responses", {
            "participant_id": "IND", "kind": "objection", "text": "India objects."},
            headers=self.server.token("delegate.ind"))
        self.assertEqual(ind.status, 201, ind.body)
        self.assertEqual(ind.json()["effect"], "breaks_silence")
        procedure = ind.json()["procedure"]
        self.assertEqual(procedure["state"], "not_adopted")
        self.assertEqual(procedure["decided_at"], "2021-06-28T04:00:00Z")
        self.assertEqual(procedure["broken_by"], 2)
        self.assertEqual(len(procedure["notices"]), 27)
        # The observer delegate cannot even see the procedure, nor object for another state.
        observer = self.server.token("observer.tkm")
        self.assertEqual(self.server.request("GET", f"/api/v1/silence-procedures/{pid}", headers=observer).status, 404)
        rus = self.server.request("POST", f"/api/v1/silence-procedures/{pid}/responses",
                                  {"participant_id": "RUS", "kind": "objection"},
                                  headers=self.server.token("delegate.ind"))
        self.assertEqual(rus.status, 403, rus.body)

    def test_the_demo_holds_the_story(self):
        officer = self.server.token("officer")
        symbols = [d["symbol"] for d in self.server.request("GET", "/api/v1/decisions", headers=officer).json()["items"]
                   if d["symbol"]]
        self.assertEqual(symbols, ["SOC/2021-I/DEC/1", "SOC/2021-I/DEC/2", "SOC/2021-I/DEC/3"])


class DeadlineAfterMarch2024(unittest.TestCase):
    """R28/R29 with the system tzdata: Kazakhstan is on UTC+5 from 1 March 2024."""

    def test_a_date_only_deadline_resolves_at_plus_five(self):
        server = Server(env={"CHANCERY_NOW": "2024-03-01T04:00:00Z"})
        try:
            r = server.request("POST", "/api/v1/silence-procedures", {
                "title": "A text", "text": "…", "expires_on": "2024-03-20"}, headers=server.token("chair.kaz"))
            self.assertEqual(r.status, 201, r.body)
            self.assertEqual(r.json()["expires_at"], "2024-03-20T19:00:00Z")  # 24:00 at +05:00
            self.assertFalse(r.json()["expires_on_weekend"])                  # a Wednesday
            # R25: the demo records the SOC of 2021 and nothing since.
            warnings = server.request("GET", "/api/v1/governance/warnings", headers=server.token("officer")).json()
            self.assertEqual([(w["code"], w["year"]) for w in warnings["items"]],
                             [("no_soc_meeting", 2022), ("no_soc_meeting", 2023), ("no_soc_meeting", 2024)])
        finally:
            server.close()


if __name__ == "__main__":
    unittest.main()
