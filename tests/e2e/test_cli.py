"""The chancery binary's subcommands: errors, backup, audit verification and durability."""
import json
import os
import re
import signal
import sqlite3
import tempfile
import unittest

from harness import Server, run_cli


class CommandLine(unittest.TestCase):
    def test_version_and_help(self):
        code, out, _ = run_cli("--version")
        self.assertEqual(code, 0)
        self.assertRegex(out, r"^chancery \d+\.\d+\.\d+\n$")
        code, out, _ = run_cli("--help")
        self.assertEqual(code, 0)
        for command in ["init", "serve", "user add", "user list", "backup", "audit verify"]:
            self.assertIn("  " + command, out)
        code, out, _ = run_cli("user", "add", "--help")
        self.assertEqual(code, 0)
        self.assertIn("--participant ID", out)

    def test_usage_errors_exit_2_with_one_line(self):
        for args, message in [
            (["frobnicate"], "chancery: unknown command 'frobnicate' (see 'chancery --help')"),
            (["serve"], "chancery: --data is required"),
            (["serve", "--data", "/tmp/x", "--listen", "localhost"], "chancery: --listen: must be ADDRESS:PORT, e.g. 127.0.0.1:8080"),
            (["init", "--data", "/tmp/x", "--demo", "nope"], "chancery: --demo: no built-in dataset 'nope' (known: cica-2021)"),
            (["backup", "--data", "/tmp/x", "--bogus"], "chancery: unknown option --bogus"),
        ]:
            code, _, err = run_cli(*args)
            self.assertEqual(code, 2, args)
            self.assertEqual(err.splitlines()[0], message)

    def test_bad_data_directory_exits_1(self):
        missing = os.path.join(tempfile.mkdtemp(), "nothing-here")
        code, _, err = run_cli("serve", "--data", missing)
        self.assertEqual(code, 1)
        self.assertEqual(err.strip().splitlines()[0], f"chancery: no data directory at {missing} (run 'chancery init --data {missing}')")
        empty = tempfile.mkdtemp()
        code, _, err = run_cli("audit", "verify", "--data", empty)
        self.assertEqual(code, 1)
        self.assertIn("no chancery database", err)
        notdb = tempfile.mkdtemp()
        with open(os.path.join(notdb, "chancery.sqlite"), "w") as f:
            f.write("this is not a database, just text " * 100)
        code, _, err = run_cli("user", "list", "--data", notdb)
        self.assertEqual(code, 1)
        self.assertEqual(len(err.strip().splitlines()), 1, err)

    def test_init_refuses_an_existing_database_and_bad_zone(self):
        d = os.path.join(tempfile.mkdtemp(), "data")
        self.assertEqual(run_cli("init", "--data", d)[0], 0)
        code, _, err = run_cli("init", "--data", d)
        self.assertEqual(code, 1)
        self.assertEqual(err.strip(), f"chancery: {d} already holds a chancery database")
        code, _, err = run_cli("init", "--data", d + "2", "--zone", "Asia/Astana")
        self.assertEqual(code, 1)
        self.assertTrue(err.startswith("chancery: unknown time zone 'Asia/Astana'"), err)
        self.assertFalse(os.path.exists(d + "2"))

    def test_template_export_and_import_round_trip_through_the_checks(self):
        d = os.path.join(tempfile.mkdtemp(), "data")
        self.assertEqual(run_cli("init", "--data", d)[0], 0)
        code, out, err = run_cli("template", "export", "silence_outcome.kk", "--data", d)
        self.assertEqual(code, 0, err)
        template = json.loads(out)
        self.assertEqual((template["purpose"], template["lang"]), ("silence_outcome", "kk"))
        # Edited in a file and imported: the export shows the edit, the audit log the import.
        template["title"] = "Нота № {{number}}"
        path = os.path.join(os.path.dirname(d), "silence_outcome.kk.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(template, f, ensure_ascii=False)
        code, out, err = run_cli("template", "import", path, "--data", d)
        self.assertEqual(code, 0, err)
        self.assertIn("Stored silence_outcome.kk", out)
        self.assertEqual(json.loads(run_cli("template", "export", "silence_outcome.kk", "--data", d)[1])["title"],
                         "Нота № {{number}}")
        with sqlite3.connect(os.path.join(d, "chancery.sqlite")) as db:
            rows = db.execute("SELECT actor, object_id FROM audit_log WHERE action = 'note_template.edit'").fetchall()
        self.assertEqual(rows, [("system", "silence_outcome.kk")])
        # A template without its number block is refused with one line naming the problem.
        template["blocks"] = [b for b in template["blocks"] if b["role"] != "number"]
        with open(path, "w", encoding="utf-8") as f:
            json.dump(template, f, ensure_ascii=False)
        code, _, err = run_cli("template", "import", path, "--data", d)
        self.assertEqual(code, 2)
        self.assertEqual(err.strip(), "chancery: blocks: a note has exactly one number block (R18)")
        code, _, err = run_cli("template", "export", "silence_outcome", "--data", d)
        self.assertEqual((code, err.strip()), (2, "chancery: TEMPLATE: a template is named purpose.lang: invite_to_meeting.ru"))

    def test_user_add_validates_and_prints_a_password(self):
        d = os.path.join(tempfile.mkdtemp(), "data")
        run_cli("init", "--data", d, "--demo", "cica-2021")
        code, _, err = run_cli("user", "add", "--data", d, "--username", "delegate.xx", "--role", "member_delegate",
                               "--participant", "XXX")
        self.assertEqual((code, err.strip()), (2, "chancery: participant_id: no participant XXX"))
        code, out, _ = run_cli("user", "add", "--data", d, "--username", "delegate.chn", "--role", "member_delegate",
                               "--participant", "CHN", "--password-stdin", stdin="a long enough password\n")
        self.assertEqual(code, 0)
        self.assertNotIn("password:", out)
        code, out, _ = run_cli("user", "list", "--data", d)
        self.assertRegex(out, r"delegate\.chn\s+member_delegate\s+CHN")


class AuditAndBackup(unittest.TestCase):
    def setUp(self):
        self.server = Server()

    def tearDown(self):
        self.server.close()

    def db(self):
        return os.path.join(self.server.data, "chancery.sqlite")

    def test_audit_verify_detects_altered_removed_and_reordered_records(self):
        auth = self.server.token("admin")
        r = self.server.request("POST", "/api/v1/participants/KWT/names",
                                {"lang": "kk", "short": "Кувейт", "full": "Кувейт Мемлекеті", "from": "2030-01-01"},
                                headers=auth)
        self.assertEqual(r.status, 201, r.body)
        self.server.stop()
        code, out, _ = run_cli("audit", "verify", "--data", self.server.data)
        self.assertEqual(code, 0)
        total = int(re.search(r"intact: (\d+) records", out).group(1))
        self.assertGreater(total, 44 + 7)  # participants, users, the sign-in, the name

        backup = self.db() + ".orig"
        with sqlite3.connect(self.db()) as c:
            c.execute("VACUUM INTO ?", (backup,))

        def tamper(sql):
            with sqlite3.connect(backup) as src, sqlite3.connect(self.db()) as dst:
                src.backup(dst)
            with sqlite3.connect(self.db()) as c:
                c.executescript(sql)
            return run_cli("audit", "verify", "--data", self.server.data)

        code, _, err = tamper("UPDATE audit_log SET actor = 'intruder' WHERE seq = 3;")
        self.assertEqual(code, 3)
        self.assertEqual(err.strip(), "chancery: audit chain broken at record 3: record 3 was altered (hash mismatch)")
        code, _, err = tamper("DELETE FROM audit_log WHERE seq = 10;")
        self.assertEqual(code, 3)
        self.assertIn("broken at record 10", err)
        code, _, err = tamper(f"DELETE FROM audit_log WHERE seq = {total};")
        self.assertEqual(code, 3)
        self.assertIn(f"broken at record {total}", err)
        cols = "at, actor, action, object_kind, object_id, before_digest, after_digest, prev_hash, hash"
        code, _, err = tamper(f"""
            CREATE TEMP TABLE swap AS SELECT * FROM audit_log WHERE seq IN (5, 6);
            UPDATE audit_log SET ({cols}) = (SELECT {cols} FROM swap WHERE swap.seq = 11 - audit_log.seq)
             WHERE seq IN (5, 6);""")
        self.assertEqual(code, 3)
        self.assertIn("broken at record 5", err)
        code, _, _ = tamper("SELECT 1;")
        self.assertEqual(code, 0)

    def test_backup_while_serving(self):
        out = os.path.join(self.server.dir, "backup.sqlite")
        code, stdout, err = run_cli("backup", "--data", self.server.data, "-o", out)
        self.assertEqual(code, 0, err)
        with sqlite3.connect(out) as c:
            self.assertEqual(c.execute("SELECT count(*) FROM participants").fetchone()[0], 44)
            self.assertEqual(c.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        code, _, err = run_cli("backup", "--data", self.server.data, "-o", out)
        self.assertEqual(code, 1)
        self.assertEqual(len(err.strip().splitlines()), 1)
        self.assertEqual(self.server.request("GET", "/healthz").status, 200)

    def test_acknowledged_write_survives_sigkill(self):
        auth = self.server.token("officer")
        r = self.server.request("POST", "/api/v1/participants",
                                {"id": "MAR", "kind": "state", "iso_alpha2": "MA", "iso_alpha3": "MAR",
                                 "names": [{"lang": "en", "short": "Morocco", "full": "Kingdom of Morocco"}]},
                                headers=auth)
        self.assertEqual(r.status, 201, r.body)
        self.assertEqual(self.server.stop(signal.SIGKILL), -signal.SIGKILL)
        self.server.start()
        got = self.server.request("GET", "/api/v1/participants/MAR", headers=self.server.token("officer"))
        self.assertEqual(got.status, 200)
        self.assertEqual(got.json()["names"][0]["full"], "Kingdom of Morocco")

    def test_sigterm_stops_cleanly(self):
        self.assertEqual(self.server.stop(signal.SIGTERM), 0)


if __name__ == "__main__":
    unittest.main()
