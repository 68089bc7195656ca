"""Cleaning: a document as read (plain text or HTML, often a whole scraped page) becomes
an Article with the article text alone and the page's metadata.

    >>> from dateline.model import RawDocument
    >>> article = clean(RawDocument(source="x.txt", text=page))

Plain text goes through the line classifier (`plain`), HTML through trafilatura and
htmldate with the plain-text cleaner as second opinion and fallback (`html`). What the
input itself says (a JSON Lines row's `pub_date`, `title`, `url`) wins over what the page
says. Nothing raises out of `clean`: a document that cannot be cleaned gets an empty body
and a warning that says why, and the batch goes on.
"""

from __future__ import annotations

from dateline.clean import language as lang_id
from dateline.clean.dates import normalise_date
from dateline.clean.plain import Cleaned, clean_text
from dateline.clean.text import character_ratios, collapse
from dateline.model import NO_PUB_DATE_WARNING as NO_DATE
from dateline.model import Article, RawDocument, article_id

GARBAGE_LIMIT = 0.05
MAX_TEXT_CHARS = 10_000_000

__all__ = ["NO_DATE", "clean", "normalise_date"]


def clean(raw: RawDocument) -> Article:
    """The Article for one document; never raises."""
    try:
        return _clean(raw)
    except Exception as error:  # the batch must go on; the warning says what broke
        article = _empty(raw)
        article.warnings.append(f"cleaning failed: {type(error).__name__}: {error}")
        article.warnings.append(NO_DATE)
        return article


def _clean(raw: RawDocument) -> Article:
    if raw.error:
        article = _empty(raw)
        article.warnings.append(raw.error)
        return article
    warnings = list(raw.warnings)
    content = raw.html if _filled(raw.html) else raw.text
    if not _filled(content):
        article = _empty(raw)
        article.warnings.append("empty document: no text to clean")
        article.warnings.append(NO_DATE)
        return article
    if len(content) > MAX_TEXT_CHARS:
        warnings.append(
            f"document longer than {MAX_TEXT_CHARS} characters; only the start was cleaned"
        )
        content = content[:MAX_TEXT_CHARS]
    unreadable, letters = character_ratios(content)
    if unreadable > GARBAGE_LIMIT or (len(content) > 200 and letters < 0.2):
        article = _empty(raw)
        article.warnings.append(
            f"binary or garbled content ({unreadable:.0%} unreadable characters); not cleaned"
        )
        article.warnings.append(NO_DATE)
        return article
    if _filled(raw.html):
        from dateline.clean.html import clean_html

        cleaned = clean_html(content, url=raw.url, title_hint=raw.title)
    else:
        cleaned = clean_text(content, url=raw.url, title_hint=raw.title)
    return _article(raw, cleaned, warnings)


def _filled(text: str | None) -> bool:
    """Whether `text` holds anything but whitespace (`strip()` would copy a whole page)."""
    return bool(text) and not text.isspace()


def _article(raw: RawDocument, cleaned: Cleaned, warnings: list[str]) -> Article:
    warnings = warnings + cleaned.warnings
    pub_date = cleaned.pub_date
    if raw.pub_date:
        hinted = normalise_date(raw.pub_date)
        if hinted:
            pub_date = hinted
        else:
            warnings.append(
                f"pub_date {raw.pub_date!r} given with the input is not a date; "
                "the page's own date was used"
            )
    if not pub_date:
        warnings.append(NO_DATE)
    body = cleaned.body
    # The cleaner's language, read from the page's longer lines, is as often right as one
    # read again from the body (866 / 865 of the trafilatura set's 990 pages from HTML,
    # 867 / 865 from their text: benchmarks/language_check.py): the body is read only
    # where the lines told nothing.
    language = cleaned.language or (lang_id.detect(body) if body else None)
    if body and language and language != "en":
        # The analysis stages (model, dictionaries, patterns) are English only.
        warnings.append(
            f"written in language '{language}', not English: analysed as English, so "
            "actors, places, dates and events may be missed"
        )
    return Article(
        id=article_id(body, fallback=raw.source),
        source=raw.source,
        input_id=raw.input_id,
        title=collapse(raw.title) if raw.title else cleaned.title,
        outlet=cleaned.outlet or cleaned.agency,
        section=cleaned.section,
        dateline_place=cleaned.dateline_place,
        author=cleaned.author,
        pub_date=pub_date,
        tags=list(cleaned.tags),
        language=language,
        body=body,
        warnings=list(dict.fromkeys(warnings)),
    )


def _empty(raw: RawDocument) -> Article:
    return Article(
        id=article_id("", fallback=raw.source),
        source=raw.source,
        input_id=raw.input_id,
        title=raw.title,
        pub_date=normalise_date(raw.pub_date) if raw.pub_date else None,
        warnings=list(raw.warnings),
    )
