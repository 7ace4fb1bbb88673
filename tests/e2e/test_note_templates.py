"""Note templates the Secretariat edits, end to end on the real server: the list of templates in
force (default or edited, who and when), a template read, replaced and brought back to the
default; a bad one refused with a 422 problem naming what is wrong and nothing stored; only the
Secretariat may; each change audited. A registered note keeps its frozen text when the template
changes after it. And the values issue 5 left ungathered: the silence notes (launch, outcome,
broken) and the invitation register without a text given at creation, in en, ru and kk."""
import unittest

from harness import ServerTest

NOW = "2021-09-01T06:00:00Z"  # 12:00 in Nur-Sultan
TITLES = {"en": "Calendar of CICA events for 2022",
          "ru": "Календарь мероприятий СВМДА на 2022 год",
          "kk": "АӨСШК-тің 2022 жылға арналған іс-шаралар күнтізбесі"}


class NoteTemplates(ServerTest):
    server_env = {"CHANCERY_NOW": NOW}

    def note(self, purpose, about, languages=("en", "ru", "kk"), **fields):
        """A note of `purpose` about `about`, drafted without a text and registered."""
        body = {"purpose": purpose, "index": "7-1", "subject": purpose, "languages": list(languages),
                "about": about, **fields}
        draft = self.ok("officer", "POST", "/api/v1/notes", body, status=201)
        return self.ok("officer", "POST", f"/api/v1/notes/{draft['id']}/registration", {})

    def text(self, note, lang):
        return "\n".join(b["text"] for t in note["texts"] if t["lang"] == lang for b in t["blocks"])

    def audit(self, action):
        page = self.ok("admin", "GET", "/api/v1/audit?limit=1000")
        records = page["items"]
        while page["next_after"] is not None and len(page["items"]) == 1000:
            page = self.ok("admin", "GET", f"/api/v1/audit?after={page['next_after']}&limit=1000")
            records += page["items"]
        return [r for r in records if r["action"] == action]

    def test_the_templates_in_force_are_listed_edited_and_reset_by_the_secretariat_only(self):
        listed = self.ok("officer", "GET", "/api/v1/note-templates")["items"]
        self.assertEqual(len(listed), 21)  # seven purposes in three languages
        # Nothing edited yet (the other tests bring back what they edit).
        self.assertEqual({(t["source"], t["edited_by"], t["edited_at"]) for t in listed}, {("default", None, None)})
        path = "/api/v1/note-templates/circulate_meeting_documents/en"
        default = self.ok("officer", "GET", path)
        self.assertEqual((default["source"], default["edited_at"]), ("default", None))
        template = default["template"]
        self.assertEqual((template["purpose"], template["lang"]), ("circulate_meeting_documents", "en"))

        edited = dict(template, blocks=[dict(b) for b in template["blocks"]])
        texts = [i for i, b in enumerate(edited["blocks"]) if b["role"] == "text"]
        edited["blocks"][texts[0]]["text"] = ("The Secretariat presents its compliments to the {{addressee}} and "
                                              "encloses the documents of the {{body}} meeting of {{meeting_date:text}}.")
        edits_before = len(self.audit("note_template.edit"))
        resets_before = len(self.audit("note_template.reset"))
        put = self.ok("officer", "PUT", path, edited)
        self.assertEqual((put["source"], put["edited_by"], put["edited_at"]), ("edited", "officer", NOW))
        self.assertEqual(put["template"], edited)
        self.assertEqual(self.ok("admin", "GET", path)["template"], edited)
        row = [t for t in self.ok("officer", "GET", "/api/v1/note-templates")["items"]
               if (t["purpose"], t["lang"]) == ("circulate_meeting_documents", "en")]
        self.assertEqual([(t["source"], t["edited_by"]) for t in row], [("edited", "officer")])
        self.assertNotIn("template", row[0])
        # Delegates and the Chairmanship may neither read nor edit the wording.
        for user in ("delegate.ind", "chair.kaz"):
            self.assertEqual(self.call(user, "GET", path).status, 403)
            self.assertEqual(self.call(user, "PUT", path, edited).status, 403)
            self.assertEqual(self.call(user, "DELETE", path).status, 403)
        edits = self.audit("note_template.edit")[edits_before:]
        self.assertEqual([(r["actor"], r["object_kind"], r["object_id"]) for r in edits],
                         [("officer", "note_template", "circulate_meeting_documents.en")])

        reset = self.ok("admin", "DELETE", path)
        self.assertEqual((reset["source"], reset["template"]), ("default", template))
        self.assertEqual(self.ok("officer", "GET", path)["source"], "default")
        resets = self.audit("note_template.reset")[resets_before:]
        self.assertEqual([(r["actor"], r["object_id"]) for r in resets], [("admin", "circulate_meeting_documents.en")])
        self.ok("admin", "DELETE", path)  # nothing left to reset: nothing recorded
        self.assertEqual(len(self.audit("note_template.reset")), resets_before + 1)
        self.assertEqual(self.call("officer", "GET", "/api/v1/note-templates/other/en").status, 404)
        self.assertEqual(self.call("officer", "GET", "/api/v1/note-templates/invite_to_meeting/de").status, 404)

    def test_a_bad_template_is_a_422_naming_the_problem_and_nothing_is_stored(self):
        path = "/api/v1/note-templates/silence_outcome/ru"
        template = self.ok("officer", "GET", path)["template"]
        numberless = dict(template, blocks=[b for b in template["blocks"] if b["role"] != "number"])
        unknown = dict(template, blocks=template["blocks"] + [{"role": "text", "text": "Ответ до {{reply_date}}."}])
        braces = dict(template, blocks=[{"role": "text", "text": "{{proposal"}] + template["blocks"])
        cases = ((numberless, "blocks", "number block"),
                 (unknown, f"blocks[{len(template['blocks'])}].text", "{{reply_date}}"),
                 (braces, "blocks[0].text", "{{"),
                 (dict(template, footer="x"), "footer", ""),
                 (dict(template, blocks=[{"role": "footnote", "text": "x"}]), "blocks[0].role", ""),
                 (dict(template, lang="kk"), "lang", "path"))
        for body, field, says in cases:
            r = self.call("officer", "PUT", path, body)
            self.assertEqual((r.status, r.json()["type"], r.json().get("field")),
                             (422, "urn:chancery:problem:validation", field), r.body)
            self.assertIn(says, r.json()["detail"])
        after = self.ok("officer", "GET", path)
        self.assertEqual((after["source"], after["template"]), ("default", template))
        self.assertEqual([r for r in self.audit("note_template.edit") if r["object_id"] == "silence_outcome.ru"], [])

    def test_every_default_passes_the_checks_an_edit_must_pass(self):
        # The checks of PUT are those the built-in defaults pass: each, put back unchanged, is stored.
        for t in self.ok("officer", "GET", "/api/v1/note-templates")["items"]:
            path = f"/api/v1/note-templates/{t['purpose']}/{t['lang']}"
            template = self.ok("officer", "GET", path)["template"]
            try:
                self.assertEqual(self.ok("officer", "PUT", path, template)["source"], "edited")
            finally:
                self.assertEqual(self.ok("officer", "DELETE", path)["source"], "default")

    def test_an_edit_changes_the_next_registered_note_and_not_an_earlier_one(self):
        procedure = self.ok("chair.kaz", "POST", "/api/v1/silence-procedures",
                            {"title": "Rules of the CICA Fund", "titles": {"ru": "Правила Фонда СВМДА"},
                             "text": "The SOC approves the rules.", "expires_on": "2021-09-24"}, status=201)
        about = {"kind": "silence_procedure", "id": procedure["id"]}
        earlier = self.note("launch_silence_procedure", about, languages=["ru"])
        self.assertIn("«Правила Фонда СВМДА»", self.text(earlier, "ru"))
        path = "/api/v1/note-templates/launch_silence_procedure/ru"
        template = self.ok("officer", "GET", path)["template"]
        edited = dict(template, blocks=[dict(b) for b in template["blocks"]])
        for b in edited["blocks"]:
            if "{{proposal}}" in b["text"]:
                b["text"] = b["text"].replace("{{proposal}}", "{{proposal}} (новая редакция)")
        self.ok("officer", "PUT", path, edited)
        try:
            later = self.note("launch_silence_procedure", about, languages=["ru"])
            self.assertIn("«Правила Фонда СВМДА (новая редакция)»", self.text(later, "ru"))
            again = self.ok("officer", "GET", f"/api/v1/notes/{earlier['id']}")
            self.assertEqual(again["texts"], earlier["texts"])
            self.assertNotIn("новая редакция", self.text(again, "ru"))
            rendered = self.call("officer", "GET", f"/api/v1/notes/{earlier['id']}/render?format=txt&lang=ru")
            self.assertEqual(rendered.status, 200, rendered.body)
            self.assertNotIn("новая редакция", rendered.body)
        finally:
            self.ok("officer", "DELETE", path)

    def test_silence_notes_and_invitations_register_without_a_text_in_three_languages(self):
        adopted = self.ok("chair.kaz", "POST", "/api/v1/silence-procedures",
                          {"title": TITLES["en"], "titles": {"ru": TITLES["ru"], "kk": TITLES["kk"]},
                           "text": "The SOC approves the calendar.", "expires_on": "2021-09-20"}, status=201)
        self.assertEqual(adopted["titles"], {"ru": TITLES["ru"], "kk": TITLES["kk"]})
        about = {"kind": "silence_procedure", "id": adopted["id"]}
        launch = self.note("launch_silence_procedure", about)
        outcome = self.note("silence_outcome", about)
        for lang in ("en", "ru", "kk"):
            self.assertIn(TITLES[lang], self.text(launch, lang))
            self.assertIn(TITLES[lang], self.text(outcome, lang))
            self.assertIn(launch["number"], self.text(outcome, lang))
            self.assertNotIn("under silence procedure", self.text(launch, lang))
            self.assertNotIn("{{", self.text(outcome, lang))
        self.assertIn("24:00 (UTC+6) on 20 September 2021", self.text(launch, "en"))

        broken = self.ok("chair.kaz", "POST", "/api/v1/silence-procedures",
                         {"title": "Concept of the CICA Youth Council",
                          "titles": {"ru": "Концепция Молодежного совета СВМДА",
                                     "kk": "АӨСШК Жастар кеңесінің тұжырымдамасы"},
                          "text": "The SOC approves the concept.", "expires_on": "2021-09-21"}, status=201)
        about = {"kind": "silence_procedure", "id": broken["id"]}
        launched = self.note("launch_silence_procedure", about)
        self.ok("officer", "POST", "/api/v1/incoming-notes",
                {"sender": "IND", "sender_number": "№ 02-3/120", "sender_date": "2021-09-01",
                 "subject": "Objection", "acts_on": about, "objection": True}, status=201)
        note = self.note("silence_broken", about)
        for lang, objector, title in (("en", "India", "Concept of the CICA Youth Council"),
                                      ("ru", "Индия", "Концепция Молодежного совета СВМДА"),
                                      ("kk", "Үндістан", "АӨСШК Жастар кеңесінің тұжырымдамасы")):
            text = self.text(note, lang)
            self.assertIn(objector, text)
            self.assertIn(title, text)
            self.assertIn(launched["number"], text)

        # Without a Kazakh title, a Kazakh note names what is missing; nothing is registered.
        english_only = self.ok("chair.kaz", "POST", "/api/v1/silence-procedures",
                               {"title": "Budget", "text": "x", "expires_on": "2021-09-22"}, status=201)
        draft = self.ok("officer", "POST", "/api/v1/notes",
                        {"purpose": "launch_silence_procedure", "index": "7-1", "subject": "Budget",
                         "languages": ["en", "kk"], "about": {"kind": "silence_procedure", "id": english_only["id"]}},
                        status=201)
        r = self.call("officer", "POST", f"/api/v1/notes/{draft['id']}/registration", {})
        self.assertEqual(r.status, 422, r.body)
        self.assertIn("{{proposal}}", r.json()["detail"])
        self.assertIn("titles.kk", r.json()["detail"])
        self.assertEqual(self.ok("officer", "GET", f"/api/v1/notes/{draft['id']}")["status"], "draft")

        meeting = self.ok("officer", "POST", "/api/v1/meetings",
                          {"body": "SOC", "starts_on": "2021-10-20", "venue": "Nur-Sultan",
                           "reply_by": "2021-10-06"}, status=201)
        self.assertEqual(meeting["reply_by"], "2021-10-06")
        invitation = self.note("invite_to_meeting", {"kind": "meeting", "id": meeting["id"]},
                               enclosures=[{"description": "Provisional agenda", "pages": 2}])
        for lang, reply, held in (("en", "6 October 2021", "20 October 2021"),
                                  ("ru", "6 октября 2021", "20 октября 2021"),
                                  ("kk", "6 қазан", "20 қазан")):
            text = self.text(invitation, lang)
            self.assertIn(reply, text)
            self.assertIn(held, text)
            self.assertIn("Nur-Sultan", text)
            self.assertNotIn("{{", text)
        # A meeting without a reply date: the invitation names what to give.
        undated = self.ok("officer", "POST", "/api/v1/meetings", {"body": "SOC", "starts_on": "2021-12-08", "venue": "Astana"},
                          status=201)
        self.assertIsNone(undated["reply_by"])
        draft = self.ok("officer", "POST", "/api/v1/notes",
                        {"purpose": "invite_to_meeting", "index": "7-1", "subject": "Invitation", "languages": ["ru"],
                         "about": {"kind": "meeting", "id": undated["id"]}}, status=201)
        r = self.call("officer", "POST", f"/api/v1/notes/{draft['id']}/registration", {})
        self.assertEqual(r.status, 422, r.body)
        self.assertIn("{{reply_date", r.json()["detail"])
        self.assertIn("reply_by", r.json()["detail"])
        late = self.call("officer", "POST", "/api/v1/meetings",
                         {"body": "SOC", "starts_on": "2021-11-20", "reply_by": "2021-11-21"})
        self.assertEqual((late.status, late.json().get("field")), (422, "reply_by"), late.body)


if __name__ == "__main__":
    unittest.main()
