"""Documents end to end: the seed's minutes imported with `chancery import minutes`, rendered
back with `chancery render minutes` as text (the round trip, printed as a figure), PDF (read
back with pdftotext), DOCX (a zip package) and Akoma Ntoso (validated by xmllint against the
schema in standards/)."""
import os
import re
import shutil
import subprocess
import tempfile
import unittest
import zipfile

from harness import run_cli

HERE = os.path.dirname(__file__)
SEED = os.path.join(HERE, "../data/seed-soc-2021-06-23.txt")
SCHEMA = os.path.join(HERE, "../../standards/akomantoso/akomantoso30.xsd")


def paragraphs(text):
    """The seed's layout as comparable paragraphs: no emphasis markers, no list dashes, and a
    paragraph split by a page break (it does not end a sentence, or the next part starts in lower
    case) joined again. Headings and list items are never joined."""
    out, kinds = [], []
    for block in re.split(r"\n\s*\n", text):
        raw = " ".join(line.strip() for line in block.strip().splitlines()).strip()
        kind = "list" if raw.startswith("- ") else "heading" if re.match(r"^\d+\. ", raw) else "text"
        p = re.sub(r"^- ", "", raw.replace("**", "")).strip("* ").strip()
        if not p:
            continue
        continues = out and kind == "text" and kinds[-1] == "text" and (
            p[0].islower() or not re.search(r"[.:;!?)»”]$", out[-1]))
        if continues:
            out[-1] += " " + p
        else:
            out.append(p)
            kinds.append(kind)
    return out


class ImportAndRender(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="chancery-docs-")
        cls.data = os.path.join(cls.dir, "data")
        code, _, err = run_cli("init", "--data", cls.data, "--demo", "cica-2021", "--registry-only")
        assert code == 0, err
        cls.code, cls.out, cls.err = run_cli("import", "minutes", SEED, "--data", cls.data)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def render(self, fmt):
        path = os.path.join(self.dir, "minutes." + fmt)
        if os.path.exists(path):
            return path
        code, out, err = run_cli("render", "minutes", "SOC/2021-I/Minutes", "--format", fmt, "--data", self.data,
                                 "-o", path)
        self.assertEqual(code, 0, err)
        return path

    def test_import_prints_the_symbol_and_what_it_did_not_recognise(self):
        self.assertEqual(self.code, 0, self.err)
        self.assertIn("Minutes: SOC/2021-I/Minutes", self.out)
        self.assertIn("Imported SOC/2021-I: 11 items", self.out)
        # Progress goes to stderr, item by item; item 4 holds the eight statements of the seed.
        self.assertIn("recorded item 4 of 11: 8 statements, 0 mandates", self.err)
        self.assertIn("recorded item 11 of 11", self.err)
        self.assertRegex(self.out, r"not recognised: paragraph item-5-p2: names several speakers")
        again = run_cli("import", "minutes", SEED, "--data", self.data)
        self.assertEqual(again[0], 1)
        self.assertIn("already recorded", again[2])

    def test_round_trip_as_text_keeps_at_least_98_percent_of_the_paragraphs(self):
        with open(SEED, encoding="utf-8") as f:
            seed = f.read()
        original = paragraphs(seed[seed.index("**MINUTES"):])
        with open(self.render("txt"), encoding="utf-8") as f:
            rendered = set(paragraphs(f.read()))
        same = sum(1 for p in original if p in rendered)
        share = 100.0 * same / len(original)
        print(f"\nround trip (import, render as text): {same} of {len(original)} paragraphs identical ({share:.1f}%)")
        self.assertGreaterEqual(share, 98.0)

    def test_pdf_holds_the_text(self):
        path = self.render("pdf")
        with open(path, "rb") as f:
            self.assertEqual(f.read(5), b"%PDF-")
        text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True, check=True).stdout
        flat = re.sub(r"\s+", " ", text)
        self.assertIn("Thematic discussion on the theme", flat)
        self.assertIn("The State of Palestine noted", flat)

    def test_docx_is_a_wordprocessing_package(self):
        with zipfile.ZipFile(self.render("docx")) as z:
            self.assertEqual(z.namelist()[0], "[Content_Types].xml")
            self.assertIn("Growing role of Asia", z.read("word/document.xml").decode())

    def test_akoma_ntoso_validates_against_the_schema(self):
        r = subprocess.run(["xmllint", "--noout", "--schema", SCHEMA, self.render("akn")], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_bad_input_is_refused_with_one_line(self):
        bad = os.path.join(self.dir, "bad.txt")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("Not minutes at all.\n")
        code, out, err = run_cli("import", "minutes", bad, "--data", self.data)
        self.assertNotEqual(code, 0)
        self.assertEqual(len(err.strip().splitlines()), 1, err)
        code, _, err = run_cli("render", "minutes", "SOC/2099-I/Minutes", "--data", self.data, "-o",
                               os.path.join(self.dir, "x.pdf"))
        self.assertEqual(code, 1)
        self.assertIn("not found", err)


class RussianSearch(unittest.TestCase):
    """Snowball stemming through the HTTP API: "решение" finds "решения" and "решений"."""

    def test_a_russian_word_finds_its_inflected_forms(self):
        from harness import Server
        server = Server()
        try:
            officer = server.token("officer")
            body = {"symbol": "SOC/2021-I/DEC/2/ru", "kind": "decision", "body": "SOC", "access": "member_states_only",
                    "reason": "перевод", "languages": [{"lang": "ru", "status": "original", "title": "Решение КСДЛ",
                    "paragraphs": [{"id": "p1", "text": "Принятие решения о руководящих принципах."},
                                   {"id": "p2", "text": "Перечень решений Комитета."},
                                   {"id": "p3", "text": "Календарь мероприятий."}]}]}
            r = server.request("POST", "/api/v1/documents", body, headers=officer)
            self.assertEqual(r.status, 201, r.body)
            found = server.request("GET", "/api/v1/search?q=%D1%80%D0%B5%D1%88%D0%B5%D0%BD%D0%B8%D0%B5&lang=ru",
                                   headers=officer).json()  # "решение"
            self.assertEqual(sorted(h["paragraph_id"] for h in found["items"]), ["p1", "p2"])
            self.assertEqual(found["total"], 2)
            self.assertTrue(any("[решения]" in h["snippet"] for h in found["items"]))
            observer = server.request("GET", "/api/v1/search?q=%D1%80%D0%B5%D1%88%D0%B5%D0%BD%D0%B8%D0%B5",
                                      headers=server.token("observer.jpn")).json()
            self.assertEqual(observer["total"], 0)  # Member States only
        finally:
            server.close()


class IssueAndCorrigendum(unittest.TestCase):
    """Minutes issued final take no more drafts or comments; they change by numbered corrigenda,
    rendered under their own symbol."""

    def test_final_minutes_change_only_by_corrigenda(self):
        from harness import Server
        server = Server()
        try:
            officer = server.token("officer")
            text = {"lang": "en", "status": "original", "title": "Minutes",
                    "paragraphs": [{"id": "p1", "text": "The meeting was held online."}]}
            r = server.request("POST", "/api/v1/documents",
                               {"symbol": "SOC/2022-I/Minutes", "kind": "minutes", "body": "SOC",
                                "access": "members_and_observers", "reason": "draft minutes", "languages": [text]},
                               headers=officer)
            self.assertEqual(r.status, 201, r.body)
            doc = r.json()["id"]
            self.assertEqual(r.json()["versions"][0]["status"], "draft")
            early = server.request("POST", f"/api/v1/documents/{doc}/versions",
                                   {"reason": "corrigendum", "status": "corrigendum", "languages": [text]},
                                   headers=officer)
            self.assertEqual((early.status, early.json()["type"]), (409, "urn:chancery:problem:failed-precondition"))
            issued = server.request("POST", f"/api/v1/documents/{doc}/versions",
                                    {"reason": "final", "status": "final", "languages": [text]}, headers=officer)
            self.assertEqual(issued.status, 201, issued.body)
            self.assertEqual(issued.json()["status"], "final")
            for path, body in [(f"/api/v1/documents/{doc}/versions", {"reason": "again", "languages": [text]}),
                               (f"/api/v1/documents/{doc}/comment-rounds", {})]:
                refused = server.request("POST", path, body, headers=officer)
                self.assertEqual(refused.status, 409, refused.body)
            bad = server.request("POST", f"/api/v1/documents/{doc}/versions",
                                 {"reason": "x", "status": "erratum", "languages": [text]}, headers=officer)
            self.assertEqual((bad.status, bad.json()["field"]), (422, "status"))
            fixed = dict(text, paragraphs=[{"id": "p1", "text": "The meeting was held in a hybrid format."}])
            corr = server.request("POST", f"/api/v1/documents/{doc}/versions",
                                  {"reason": "format of the meeting", "status": "corrigendum", "languages": [fixed]},
                                  headers=officer)
            self.assertEqual(corr.status, 201, corr.body)
            self.assertEqual((corr.json()["number"], corr.json()["status"]), (3, "corrigendum"))
            rendered = server.request("GET", f"/api/v1/documents/{doc}/versions/3/render?format=txt&lang=en",
                                      headers=officer)
            self.assertEqual(rendered.status, 200, rendered.body)
            self.assertIn("SOC/2022-I/Minutes/Corr.1", rendered.body)
            self.assertIn("hybrid format", rendered.body)
            versions = server.request("GET", f"/api/v1/documents/{doc}", headers=officer).json()["versions"]
            self.assertEqual([v["status"] for v in versions], ["draft", "final", "corrigendum"])
        finally:
            server.close()


if __name__ == "__main__":
    unittest.main()
