"""Reading: formats by content, encodings, containers, and bad input that must not stop a batch."""

from __future__ import annotations

import gzip
import io
import json

from dateline.read import iter_documents, read_stream
from dateline.read.detect import detect

ARTICLE = "Protesters gathered in Kano on Wednesday.\n\nPolice dispersed them with tear gas."
HTML = (
    "<!DOCTYPE html><html><head><title>Kano protest</title></head><body><article>"
    "<p>Protesters gathered in Kano on Wednesday.</p></article></body></html>"
)


def read_bytes(data: bytes, name: str = "doc"):
    return list(read_stream(io.BytesIO(data), name))


def test_format_is_decided_by_content_not_extension(tmp_path):
    (tmp_path / "page.txt").write_text(HTML)
    (tmp_path / "rows.txt").write_text(json.dumps({"id": "a", "text": ARTICLE}) + "\n")
    (tmp_path / "story.html").write_text(ARTICLE)
    found = {d.source.split("/")[-1].split("#")[0]: d.format for d in iter_documents([tmp_path])}
    assert found == {"page.txt": "html", "rows.txt": "text", "story.html": "text"}


def test_detect_recognises_each_format():
    assert detect("WARC/1.0\r\nWARC-Type: warcinfo") == "warc"
    assert detect('{"text": "x"}\n{"text": "y"}') == "jsonl"
    assert detect("id,text,pub_date\n1,hello,2019-03-11") == "csv"
    assert detect('<?xml version="1.0"?><rss version="2.0"><channel>') == "feed"
    assert detect('<feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert detect("<html><body><p>x</p></body></html>") == "html"
    assert detect("Baghouz, Syria. The SDF said, on Sunday, that it attacked.") == "text"


def test_jsonl_rows_keep_their_ids_order_and_hints():
    lines = [
        {"id": 7, "text": ARTICLE, "pub_date": "2022-03-02", "title": "T", "url": "u1"},
        {"id": "b", "html": HTML},
    ]
    docs = read_bytes("\n".join(json.dumps(r) for r in lines).encode())
    assert [d.input_id for d in docs] == ["7", "b"]
    assert docs[0].text == ARTICLE and docs[0].pub_date == "2022-03-02"
    assert docs[0].title == "T" and docs[0].source == "u1"
    assert docs[1].html == HTML and docs[1].format == "html"


def test_one_broken_jsonl_line_fails_alone():
    data = "\n".join(
        [
            json.dumps({"id": "1", "text": ARTICLE}),
            '{"id": "2", "text": "unclosed',
            json.dumps({"id": "3", "text": ARTICLE}),
        ]
    ).encode()
    docs = read_bytes(data, "batch.jsonl")
    assert [d.input_id for d in docs] == ["1", None, "3"]
    assert docs[1].error.startswith("line 2: not valid JSON")
    assert docs[1].source == "batch.jsonl#L2"
    assert docs[0].error is None and docs[2].error is None


def test_gzipped_jsonl_is_read():
    data = gzip.compress((json.dumps({"id": "z", "text": ARTICLE}) + "\n").encode())
    docs = read_bytes(data, "rows.jsonl.gz")
    assert [(d.input_id, d.text) for d in docs] == [("z", ARTICLE)]


def test_csv_rows_with_quoted_newlines():
    data = 'id,text,pub_date\nk1,"Line one.\n\nLine two.",2020-01-02\nk2,Second,\n'
    docs = read_bytes(data.encode(), "rows.csv")
    assert [(d.input_id, d.text, d.pub_date) for d in docs] == [
        ("k1", "Line one.\n\nLine two.", "2020-01-02"),
        ("k2", "Second", None),
    ]


def test_rss_and_atom_items_become_documents():
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>
<item><title>One</title><link>http://x/1</link><pubDate>Mon, 11 Mar 2019 10:23:00 GMT</pubDate>
<description>&lt;p&gt;First story text.&lt;/p&gt;</description></item>
<item><title>Two</title><link>http://x/2</link><description>Second story.</description></item>
</channel></rss>"""
    docs = read_bytes(rss.encode(), "feed.xml")
    assert [(d.title, d.url, d.pub_date) for d in docs] == [
        ("One", "http://x/1", "2019-03-11T10:23:00+00:00"),
        ("Two", "http://x/2", None),
    ]
    assert docs[0].html == "<p>First story text.</p>"
    atom = """<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>
<link href="http://y/a"/><published>2020-05-01T08:00:00Z</published>
<content type="html">Body of A.</content></entry></feed>"""
    docs = read_bytes(atom.encode(), "atom")
    assert [(d.title, d.url, d.pub_date, d.html) for d in docs] == [
        ("A", "http://y/a", "2020-05-01T08:00:00Z", "Body of A.")
    ]


def test_warc_responses_are_read_and_crawl_time_is_not_a_pub_date(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
        )
        record = writer.create_warc_record(
            "http://example.org/kano",
            "response",
            payload=io.BytesIO(HTML.encode()),
            http_headers=headers,
        )
        writer.write_record(record)
    docs = list(iter_documents([path]))
    assert [(d.source, d.html, d.pub_date) for d in docs] == [
        ("http://example.org/kano", HTML, None)
    ]


def test_encodings_are_detected_and_legacy_ones_reported():
    utf16 = "Café in Hodeidah.".encode("utf-16")
    assert read_bytes(utf16)[0].text == "Café in Hodeidah."
    bom8 = "\ufeffCafé in Hodeidah.".encode()
    assert read_bytes(bom8)[0].text == "Café in Hodeidah."
    latin = "Le café de la rue Sainte-Thérèse a été fermé par la police à Marseille.".encode(
        "latin-1"
    )
    doc = read_bytes(latin)[0]
    assert doc.text.startswith("Le café de la rue Sainte-Thérèse")
    assert doc.warnings == ["not valid UTF-8: decoded as cp1252"]


def test_bad_files_fail_with_clear_errors_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a-empty.txt").write_bytes(b"")
    (tmp_path / "b-binary.bin").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "c-good.txt").write_text(ARTICLE)
    (tmp_path / "d-huge.txt").write_bytes(b"word " * 11_000_000)
    (tmp_path / "e-blank.txt").write_text("  \n\n \t ")
    docs = list(iter_documents([tmp_path]))
    errors = {d.source.rsplit("/", 1)[-1]: d.error for d in docs}
    assert errors["a-empty.txt"] == "empty file"
    assert errors["b-binary.bin"].startswith("binary content")
    assert errors["c-good.txt"] is None
    assert errors["d-huge.txt"] == (
        "file is 55.0 MB, over the 10 MB limit for one document; "
        "split it, or raise the limit with --max-bytes"
    )
    assert errors["e-blank.txt"] == "empty document (only whitespace)"


def test_missing_files_and_web_urls_are_errors_not_crashes(tmp_path):
    docs = list(iter_documents([tmp_path / "nope.txt", "https://example.org/a"]))
    assert docs[0].error == "cannot read file: No such file or directory"
    assert docs[1].error.startswith("only local files are read")


def test_file_urls_and_folders_are_expanded_in_sorted_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Second story text.")
    (tmp_path / "a.txt").write_text("First story text.")
    (tmp_path / ".hidden").write_text("never read")
    docs = list(iter_documents([f"file://{tmp_path}"]))
    assert [d.text for d in docs] == ["First story text.", "Second story text."]
