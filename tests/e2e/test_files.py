"""Uploaded files end to end: what POST /api/v1/files refuses (exact status and problem type,
nothing stored), and who may download a file: the Secretariat, and delegates of the addressees
of a registered note that encloses it; anyone else gets 404, as for a file that does not exist.
The PDFs are real: a note rendered by the server, and the same encrypted by qpdf."""
import http.client
import json
import os
import subprocess
import tempfile
import unittest

from harness import ServerTest


class Files(ServerTest):
    def setUp(self):
        self.officer = self.server.token("officer")

    def raw(self, method, path, data=b"", headers=None):
        """The request with a bytes body; the response's status, headers and bytes."""
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        conn.request(method, path, body=data, headers=headers or {})
        r = conn.getresponse()
        out = (r.status, dict((k.lower(), v) for k, v in r.getheaders()), r.read())
        conn.close()
        return out

    def upload(self, data, content_type="application/pdf", user_headers=None):
        return self.server.request("POST", "/api/v1/files", raw=data,
                                   headers=dict(user_headers or self.officer, **{"Content-Type": content_type}))

    def note_pdf(self):
        """NV 17-1/435 of the demo in three languages: a real PDF of three pages."""
        status, headers, pdf = self.raw("GET", "/api/v1/notes/by-number?number=17-1/435&year=2021", headers=self.officer)
        note_id = json.loads(pdf)["id"]
        status, headers, pdf = self.raw("GET", f"/api/v1/notes/{note_id}/render?format=pdf&lang=all", headers=self.officer)
        self.assertEqual(status, 200)
        self.assertEqual(pdf[:5], b"%PDF-")
        return pdf

    def test_refused_uploads_say_why_and_store_nothing(self):
        pdf = self.note_pdf()
        r = self.upload(pdf)
        self.assertEqual(r.status, 201, r.body)
        before = r.json()["id"]
        p = self.assertProblem(self.upload(pdf, "image/png"), 415, "urn:chancery:problem:unsupported-media-type")
        self.assertIn("application/pdf", p["detail"])
        p = self.assertProblem(self.upload(b"GIF89a not a pdf"), 422, "urn:chancery:problem:validation")
        self.assertEqual((p["field"], p["detail"]), ("body", "the file is not a PDF: it does not begin with %PDF-"))
        p = self.assertProblem(self.upload(b""), 422, "urn:chancery:problem:validation")
        self.assertEqual(p["field"], "body")
        damaged = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nstream\x01\x02\x03"
        p = self.assertProblem(self.upload(damaged), 422, "urn:chancery:problem:validation")
        self.assertEqual(p["detail"], "the PDF is damaged: it cannot be opened")
        with tempfile.TemporaryDirectory() as d:
            plain, locked = os.path.join(d, "plain.pdf"), os.path.join(d, "locked.pdf")
            with open(plain, "wb") as f:
                f.write(pdf)
            subprocess.run(["qpdf", "--encrypt", "open-me", "owner", "256", "--", plain, locked], check=True)
            with open(locked, "rb") as f:
                encrypted = f.read()
        p = self.assertProblem(self.upload(encrypted), 422, "urn:chancery:problem:validation")
        self.assertEqual(p["detail"], "the PDF is encrypted: upload it without a password or restrictions")
        # Over the setting (lowered here; the server lets the body through up to the ceiling).
        admin = self.server.token("admin")
        r = self.server.request("PUT", "/api/v1/settings/files.max_bytes", {"value": "1024"}, headers=admin)
        self.assertEqual(r.status, 200, r.body)
        p = self.assertProblem(self.upload(pdf), 413, "urn:chancery:problem:payload-too-large")
        self.assertIn("(setting files.max_bytes) is 1024", p["detail"])
        self.assertProblem(self.server.request("PUT", "/api/v1/settings/files.max_bytes", {"value": "10"}, headers=admin),
                           422, "urn:chancery:problem:validation")
        r = self.server.request("PUT", "/api/v1/settings/files.max_bytes", {"value": "20971520"}, headers=admin)
        self.assertEqual(r.status, 200, r.body)
        # A JSON route keeps the server's own limit of 1 MiB, whatever uploads may carry.
        big = b'{"x": "' + b"a" * (2 << 20) + b'"}'
        r = self.server.request("POST", "/api/v1/notes", raw=big, headers=dict(self.officer, **{"Content-Type": "application/json"}))
        self.assertProblem(r, 413, "urn:chancery:problem:payload-too-large")
        # A delegate may not upload.
        self.assertProblem(self.upload(pdf, user_headers=self.server.token("delegate.ind")), 403,
                           "urn:chancery:problem:forbidden")
        # Nothing refused was stored: the next file accepted is the next id, read as three pages.
        r = self.upload(pdf)
        self.assertEqual(r.status, 201, r.body)
        stored = r.json()
        self.assertEqual((stored["id"], stored["pages"], stored["size"], stored["media_type"]),
                         (before + 1, 3, len(pdf), "application/pdf"))
        self.assertEqual(r.header("Location"), f"/api/v1/files/{before + 1}")

    def test_a_file_is_downloaded_by_the_secretariat_and_the_addressees_of_a_registered_note_only(self):
        pdf = self.note_pdf()
        r = self.upload(pdf)
        self.assertEqual(r.status, 201, r.body)
        file_id = r.json()["id"]
        status, headers, body = self.raw("GET", f"/api/v1/files/{file_id}", headers=self.officer)
        self.assertEqual((status, headers["content-type"], body), (200, "application/pdf", pdf))
        india, russia = self.server.token("delegate.ind"), self.server.token("delegate.rus")
        note = self.server.request("POST", "/api/v1/notes", {
            "purpose": "other", "index": "7-1", "subject": "A letter", "scope": "one", "addressees": ["IND"],
            "languages": ["en"], "enclosures": [{"description": "Letter", "file_id": file_id}],
            "texts": [{"lang": "en", "blocks": [{"role": "text", "text": "Enclosure: on {{pages}} p."}]}]},
            headers=self.officer)
        self.assertEqual(note.status, 201, note.body)
        self.assertEqual(note.json()["enclosures"][0]["pages"], 3)
        note_id = note.json()["id"]
        # A draft's enclosure is nobody's but the Secretariat's yet.
        self.assertEqual(self.raw("GET", f"/api/v1/files/{file_id}", headers=india)[0], 404)
        r = self.server.request("POST", f"/api/v1/notes/{note_id}/registration", {}, headers=self.officer)
        self.assertEqual(r.status, 200, r.body)
        self.assertIn("Enclosure: on 3 p.", r.body)
        status, _, body = self.raw("GET", f"/api/v1/files/{file_id}", headers=india)
        self.assertEqual((status, body), (200, pdf))
        # A delegate of a participant the note is not addressed to learns nothing of the file.
        status, headers, body = self.raw("GET", f"/api/v1/files/{file_id}", headers=russia)
        self.assertEqual(status, 404, body)
        self.assertEqual(headers["content-type"], "application/problem+json")
        self.assertIn(b"urn:chancery:problem:not-found", body)
        self.assertEqual(self.raw("GET", f"/api/v1/files/{file_id + 100}", headers=self.officer)[0], 404)
        # A typed page count that is not the file's is refused.
        r = self.server.request("POST", "/api/v1/notes", {
            "purpose": "other", "index": "7-1", "subject": "A letter", "scope": "one", "addressees": ["IND"],
            "languages": ["en"], "enclosures": [{"description": "Letter", "file_id": file_id, "pages": 5}]},
            headers=self.officer)
        p = self.assertProblem(r, 422, "urn:chancery:problem:validation")
        self.assertEqual(p["field"], "enclosures[0].pages")


if __name__ == "__main__":
    unittest.main()
