"""trafilatura's body extraction on the page's own tree, without a copy of it.

`trafilatura.bare_extraction`, given a tree, copies it first: its extraction prunes the
tree in place, and a caller usually reads the tree afterwards. The copy cost about 1 ms
a page (0.18 s over the 170 English pages of the trafilatura set, some 3% of Dateline's
whole cleaning). The HTML cleaner reads everything it needs from the tree before the
extraction (visible text, metadata, date witnesses), so the page is handed over as it
is: the steps of `bare_extraction` with Dateline's options and no metadata pass
(trafilatura's cascade `trafilatura_sequence`, its size check, its text serialisation),
without the copy. trafilatura marks `trafilatura_sequence` as internal; the version is
pinned by the lock file, and `tests/test_clean_markup_meta.py` holds this function to
`bare_extraction`'s text.
"""

from __future__ import annotations

from typing import Any


def body_text(tree: Any, url: str | None) -> str | None:
    """The text of `bare_extraction(tree, url=url, with_metadata=False,
    include_comments=False, include_tables=True, include_formatting=False, fast=False)`,
    or None where that returns no document. `tree` is pruned: read it before."""
    from trafilatura.core import trafilatura_sequence
    from trafilatura.settings import DEFAULT_CONFIG, Extractor
    from trafilatura.xml import xmltotxt

    # The options as bare_extraction builds them from those arguments.
    options = Extractor(
        config=DEFAULT_CONFIG,
        output_format="python",
        fast=False,
        precision=False,
        recall=False,
        comments=False,
        formatting=False,
        links=False,
        images=False,
        tables=True,
        dedup=False,
        lang=None,
        url=url,
        with_metadata=False,
        only_with_metadata=False,
        author_blacklist=None,
        url_blacklist=None,
        date_params=None,
    )
    try:
        postbody, text, _, comments = trafilatura_sequence(tree, options, options.url)
    except (TypeError, ValueError):  # what bare_extraction reads as "no document"
        return None
    if len(text) < options.min_output_size and len(comments) < options.min_output_comm_size:
        return None
    return xmltotxt(postbody, options.formatting)
