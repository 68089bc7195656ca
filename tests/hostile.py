"""A corpus of hostile inputs, made on the spot (nothing downloaded): what a crawl, an
export or a careless user hands Dateline. Each entry says what the reader must make of it:
the exact message of a document that cannot be read, or a warning of one that is stored.

The articles in it are written for the project (invented reports).
"""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

ENGLISH = (
    "Police said on Monday that ten people were killed in clashes near the central market "
    "of Kano, the state capital, after a dispute between traders and council officials "
    "over new stall fees turned violent. The governor called for calm and ordered an "
    "inquiry into the deaths, officials said."
)
SPANISH = (
    "La policía informó el lunes de que diez personas murieron en los enfrentamientos "
    "cerca del mercado central de la ciudad, después de que una disputa entre los "
    "comerciantes y los funcionarios del ayuntamiento por las nuevas tasas se volviera "
    "violenta. El gobernador pidió calma y ordenó una investigación."
)
FRENCH = (
    "La police a indiqué lundi que dix personnes ont été tuées lors des affrontements "
    "près du marché central de la ville, après une dispute entre les commerçants et les "
    "agents de la mairie au sujet des nouvelles taxes. Le préfet a appelé au calme et a "
    "ordonné une enquête sur ces décès."
)
ARABIC = (
    "قالت الشرطة يوم الاثنين إن عشرة أشخاص قتلوا في اشتباكات قرب السوق المركزي في "
    "المدينة بعد خلاف بين التجار ومسؤولي البلدية حول الرسوم الجديدة، ودعا المحافظ إلى "
    "الهدوء وأمر بفتح تحقيق في الوفيات."
)
# A CSV row after a broken quote, unquoted: no comma in it.
SPANISH_LINE = (
    "La policía informó el lunes de que diez personas murieron en los enfrentamientos "
    "cerca del mercado central de la ciudad tras una disputa entre comerciantes y "
    "funcionarios del ayuntamiento por las nuevas tasas."
)
BOMB_MB = 300
UTF8_LIMIT = "over the 10 MB limit for one document; split it, or raise the limit with --max-bytes"
NOT_ENGLISH = "not English: analysed as English, so actors, places, dates and events may be missed"


@dataclass
class Case:
    """`error`: the exact message of a document refused; `warning`: one a stored
    document must carry; `body`: the start of its body."""

    name: str
    error: str | None = None
    warning: str | None = None
    body: str | None = None


def _article(title: str, text: str) -> str:
    return f"{title}\n\n{text}\n"


def _bomb(unit: bytes, megabytes: int) -> bytes:
    """A gzip file of `megabytes` MB of `unit` repeated, a few hundred kB on disk: one
    member compressed once and repeated (gzip members concatenate)."""
    member = gzip.compress(unit * (1_000_000 // len(unit)), compresslevel=9)
    return member * megabytes


def _page(title: str, text: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><p>{text}</p>"
        "</article></body></html>"
    ).encode()


def _warc_cut() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)  # sizes fixed: no compression of random ids
    for number, title in enumerate(["Kano market clashes", "Kano inquiry"], start=1):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        record = writer.create_warc_record(
            f"http://example.org/kano-{number}",
            "response",
            payload=io.BytesIO(_page(title, f"{title}. {ENGLISH}")),
            http_headers=headers,
        )
        writer.write_record(record)
    data = buffer.getvalue()
    return data[: len(data) - 150]  # the second record cut short


def _zip_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inside.txt", b"\0" * 50_000_000)
    return buffer.getvalue()


def make(folder: Path) -> list[Case]:
    """Write the corpus into `folder`; returns what each input must give, in read order."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {}
    cases: list[Case] = []

    def add(name: str, data: bytes, *expected: Case) -> None:
        files[name] = data
        cases.extend(expected or [Case(name)])

    add(
        "00-good.txt",
        _article("Ten killed in Kano", ENGLISH).encode(),
        Case("00-good.txt", body="Police said on Monday"),
    )
    add("01-empty.txt", b"", Case("01-empty.txt", error="empty file"))
    add(
        "02-binary.bin",
        bytes(range(256)) * 40,
        Case("02-binary.bin", error="binary content (not text, HTML or a known container format)"),
    )
    nul = _article("Ten killed in Kano", ENGLISH).encode()
    add(
        "03-nul.txt",
        nul[:60] + b"\0" + nul[60:200] + b"\0" + nul[200:],
        Case("03-nul.txt", warning="2 NUL bytes removed", body="Police said on Monday"),
    )
    text = _article("Ten killed in Kano", ENGLISH)
    add(
        "04-utf16-bom.txt",
        text.encode("utf-16"),
        Case("04-utf16-bom.txt", body="Police said on Monday"),
    )
    add(
        "05-utf16-no-bom.txt",
        text.encode("utf-16-le"),
        Case("05-utf16-no-bom.txt", body="Police said on Monday"),
    )
    add(
        "06-arabic-cp1256.txt",
        _article("مقتل عشرة أشخاص", ARABIC).encode("cp1256"),
        Case(
            "06-arabic-cp1256.txt", warning="not valid UTF-8: decoded as cp1256", body="قالت الشرطة"
        ),
    )
    add(
        "07-latin1.txt",
        _article("Dix morts au marché", FRENCH).encode("latin-1"),
        Case(
            "07-latin1.txt",
            warning="not valid UTF-8: decoded as cp1252",
            body="La police a indiqué",
        ),
    )
    add(
        "08-50mb.txt",
        b"The council met again on Monday. " * 1_515_152,
        Case("08-50mb.txt", error=f"file is 50.0 MB, {UTF8_LIMIT}"),
    )
    nested = (
        b"<html><body>"
        + b"<div>" * 100_000
        + _page("x", ENGLISH)[38:-31]
        + b"</div>" * 100_000
        + b"</body></html>"
    )
    add(
        "09-nested.html",
        nested,
        Case(
            "09-nested.html",
            warning="HTML nested over 255 levels deep, past what the parser reads; "
            "tags stripped and read as text",
            body="Police said on Monday",
        ),
    )
    add(
        "10-truncated.html",
        _page("Kano clashes", ENGLISH)[:-40],
        Case(
            "10-truncated.html",
            warning="HTML looks truncated (no closing </html> or </body>): the end of the "
            "page may be missing",
            body="Police said on Monday",
        ),
    )
    add(
        "11-bomb.txt.gz",
        _bomb(b"word ", BOMB_MB),
        Case("11-bomb.txt.gz", error=f"file is {BOMB_MB}.0 MB, {UTF8_LIMIT}"),
    )
    add(
        "12-bomb.zip",
        _zip_bomb(),
        Case("12-bomb.zip", error="binary content (not text, HTML or a known container format)"),
    )
    line = json.dumps({"id": "bomb", "text": ""})[:-2].encode()
    add(
        "13-bomb.jsonl.gz",
        gzip.compress(line) + _bomb(b"a", BOMB_MB),
        Case(
            "13-bomb.jsonl.gz#L1",
            error="line 1: over 10,100,000 characters, longer than any one article; skipped",
        ),
    )
    add(
        "14-cut.warc",
        _warc_cut(),
        Case("http://example.org/kano-1", body="Police said on Monday"),
        Case(
            "http://example.org/kano-2",
            error="WARC record 2 is truncated: 146 bytes of its 437 are missing",
        ),
    )
    rows = f'id,text\nc1,"{ENGLISH}"\nc2,"Farmers said on Tuesday that\nc3,{SPANISH_LINE}\n'
    add(
        "15-broken-quote.csv",
        rows.encode(),
        Case("15-broken-quote.csv#L2", body="Police said on Monday"),
        Case(
            "15-broken-quote.csv#L3",
            error="row 3: broken CSV quoting (unexpected end of data); the rows after it are read",
        ),
        Case(
            "15-broken-quote.csv#L4",
            warning=f"written in language 'es', {NOT_ENGLISH}",
            body="La policía",
        ),
    )
    lines = [
        json.dumps({"id": "j1", "text": ENGLISH}),
        "[1, 2, 3]",
        "42",
        json.dumps({"id": "j4", "text": FRENCH}),
    ]
    add(
        "16-rows.jsonl",
        ("\n".join(lines) + "\n").encode(),
        Case("16-rows.jsonl#L1", body="Police said on Monday"),
        Case(
            "16-rows.jsonl#L2",
            error="line 2: an array, not a JSON object with a `text` or `html` field",
        ),
        Case(
            "16-rows.jsonl#L3",
            error="line 3: a number, not a JSON object with a `text` or `html` field",
        ),
        Case(
            "16-rows.jsonl#L4", warning=f"written in language 'fr', {NOT_ENGLISH}", body="La police"
        ),
    )
    add(
        "17-spanish.txt",
        _article("Diez muertos en el mercado", SPANISH).encode(),
        Case(
            "17-spanish.txt", warning=f"written in language 'es', {NOT_ENGLISH}", body="La policía"
        ),
    )
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return cases
