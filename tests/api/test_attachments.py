"""Attachments over HTTP: a document uploaded to a case as multipart/form-data,
kept under its SHA-256 with the event that adds it, given back byte for
byte, every download on the access log; bad files refused with what is
wrong, writing nothing."""
import hashlib
import os
import unittest
import uuid

from context import ctx

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


def form(fields, files):
    """A multipart/form-data body: (content type, bytes)."""
    boundary = "----cinplan" + uuid.uuid4().hex
    out = b""
    for name, value in fields.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                f"{value}\r\n").encode()
    for name, (file_name, data) in files.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; "
                f"filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                ).encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return ("multipart/form-data; boundary=" + boundary, out)


class Attachments(unittest.TestCase):
    def attach(self, client, case, fields, files):
        return client.request("POST", f"/api/cases/{case}/attachments", raw=form(fields, files),
                              headers={"If-Match": f'"{client.version(case)}"'})

    def test_a_document_is_kept_listed_given_back_exactly_and_each_download_audited(self):
        case = ctx.cases["own"]
        sw = ctx.fresh_client("sw.north")
        body = PDF + uuid.uuid4().bytes  # a file no other test attaches
        sha = hashlib.sha256(body).hexdigest()
        r = self.attach(sw, case, {"kind": "court_order", "title": "Supervision order, 3 March"},
                        {"file": ("C:\\scans\\order.pdf", body)})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json["written"], ["attachment_added"])

        view = sw.get(f"/api/cases/{case}").json
        kept = [a for a in view["attachments"] if a["sha256"] == sha]
        self.assertEqual(len(kept), 1, view["attachments"])
        self.assertEqual(kept[0]["file_name"], "order.pdf")
        self.assertEqual(kept[0]["media_type"], "application/pdf")
        self.assertEqual(kept[0]["size"], len(body))
        self.assertEqual(kept[0]["kind"], "court_order")
        entry = [c for c in view["chronology"] if c.get("attachment") == sha]
        self.assertEqual(len(entry), 1)
        self.assertIn("Supervision order, 3 March", entry[0]["detail"])

        # Anyone who may read the case downloads it; it comes back byte for byte.
        other = ctx.fresh_client("sw.south")
        got = other.get(f"/api/cases/{case}/attachments/{sha}")
        self.assertEqual(got.status, 200, got)
        self.assertEqual(got.bytes, body)
        self.assertEqual(got.header("Content-Type"), "application/pdf")
        self.assertTrue(got.header("Content-Disposition").startswith('attachment; filename="order.pdf"'))
        self.assertEqual(got.header("X-Content-Type-Options"), "nosniff")
        self.assertEqual(got.header("Cache-Control"), "no-store")
        # A partner professional reaches no attachment, even of a shared case.
        self.assertEqual(ctx.client_for("partner.school").get(
            f"/api/cases/{case}/attachments/{sha}").status, 403)
        # Each download is on the access log as that person's read, naming the file.
        entries = ctx.client_for("flm.north").get(f"/api/cases/{case}/audit").json["entries"]
        downloads = [e for e in entries if e["username"] == "sw.south" and sha in e["detail"]]
        self.assertTrue(downloads, "the download is not on the access log")
        self.assertIn("order.pdf", downloads[-1]["detail"])
        # The page's address gives the same file.
        page = ctx.fresh_client("sw.north")
        self.assertEqual(page.get(f"/cases/{case}/attachments/{sha}").bytes, body)

        # The same file again is refused, naming when it was attached.
        again = self.attach(sw, case, {"kind": "other", "title": "Again"},
                            {"file": ("copy.pdf", body)})
        self.assertEqual(again.status, 400, again)
        self.assertIn("already attached to the case", again.json["detail"])
        # An address that names no attachment of the case is 404.
        self.assertEqual(sw.get(f"/api/cases/{case}/attachments/{'0' * 64}").status, 404)
        self.assertEqual(sw.get(f"/api/cases/{ctx.cases['other']}/attachments/{sha}").status, 404)

    def test_bad_uploads_are_refused_saying_what_is_wrong_and_write_nothing(self):
        case = ctx.cases["own"]
        sw = ctx.fresh_client("sw.north")
        before = sw.version(case)
        fields = {"kind": "partner_report", "title": "School report"}
        cases = [
            ({"file": ("setup.exe", b"MZ\x90\x00" + os.urandom(100))}, fields,
             "setup.exe is not a PDF, Word (.docx), JPEG, PNG or TIFF file"),
            ({"file": ("page.pdf", b"<html><script>alert(1)</script>")}, fields,
             "page.pdf is not a PDF"),
            ({"file": ("empty.pdf", b"")}, fields, "empty.pdf is empty: choose the file again."),
            ({}, fields, "Choose the file to attach."),
            ({"file": ("r.pdf", PDF + b"1")}, {"kind": "shopping", "title": "x"}, "kind"),
            ({"file": ("r.pdf", PDF + b"2")}, {"kind": "other"}, "title"),
            ({"file": ("r.pdf", PDF + b"3")}, dict(fields, sha256="0" * 64),
             "is read from the file"),
            ({"file": ("a.pdf", PDF + b"4"), "other": ("b.pdf", PDF + b"5")}, fields,
             "one file at a time"),
        ]
        for files, f, words in cases:
            r = self.attach(sw, case, f, files)
            self.assertEqual(r.status, 400, f"{files.keys()} {f}: {r}")
            self.assertIn(words, r.json["detail"])
        # JSON without a file, a cut-short body, and a body over the limit.
        r = sw.post(f"/api/cases/{case}/attachments", {"kind": "other", "title": "x"},
                    version=before)
        self.assertEqual(r.status, 400, r)
        self.assertIn("Choose the file to attach.", r.json["detail"])
        ctype, data = form(fields, {"file": ("r.pdf", PDF)})
        r = sw.request("POST", f"/api/cases/{case}/attachments", raw=(ctype, data[:-30]),
                       headers={"If-Match": f'"{before}"'})
        self.assertEqual(r.status, 400, r)
        self.assertIn("closing boundary", r.json["detail"])
        r = sw.request("POST", f"/api/cases/{case}/attachments",
                       raw=("text/plain", b"%PDF-1.4"), headers={"If-Match": f'"{before}"'})
        self.assertEqual(r.status, 415, r)
        big = form(fields, {"file": ("huge.pdf", b"%PDF-" + b"x" * (3 << 19))})
        r = sw.request("POST", f"/api/cases/{case}/attachments", raw=big,
                       headers={"If-Match": f'"{before}"'})
        self.assertEqual(r.status, 400, r)
        self.assertIn("huge.pdf is 1.5 MiB: a file of at most 1.0 MiB is taken", r.json["detail"])
        # Past the limit and the form's allowance, the server reads no further.
        huger = form(fields, {"file": ("huger.pdf", b"%PDF-" + b"x" * (3 << 20))})
        r = sw.request("POST", f"/api/cases/{case}/attachments", raw=huger,
                       headers={"If-Match": f'"{before}"'})
        self.assertEqual(r.status, 413, r)
        self.assertIn("over 1.0 MiB", r.json["detail"])
        self.assertEqual(sw.version(case), before, "a refused upload wrote something")

    def test_only_those_who_record_on_the_case_attach(self):
        case = ctx.cases["own"]
        for who in ("partner.school", "sw.south", "admin"):
            c = ctx.fresh_client(who)
            r = c.request("POST", f"/api/cases/{case}/attachments",
                          raw=form({"kind": "other", "title": "x"},
                                   {"file": ("r.pdf", PDF + who.encode())}),
                          headers={"If-Match": f'"{ctx.superuser_version(case)}"'})
            self.assertEqual(r.status, 403, f"{who}: {r}")
