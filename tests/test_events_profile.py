"""Input profiles: ACLED's coder wording is read only when the input is ACLED notes."""

from __future__ import annotations

import pytest

from dateline.events.profile import get_profile
from dateline.pipeline import analyse_texts

# My own sentence in the shape of an ACLED note, not one of theirs.
NOTE = (
    "On 4 May 2021, gunmen shot at a police post near Tambul (coded to Marbel). "
    "Fatalities coded as 2."
)


def test_unknown_profile_is_a_clear_error():
    with pytest.raises(ValueError, match="acled-notes"):
        get_profile("tweets")


def test_coder_fatalities_only_with_the_acled_notes_profile(nlp):
    (news,) = analyse_texts([NOTE])
    (notes,) = analyse_texts([NOTE], profile="acled-notes")
    news_event = next(e for e in news.events if e.type == "ASSAULT")
    notes_event = next(e for e in notes.events if e.type == "ASSAULT")
    assert notes_event.fatalities == 2
    assert news_event.fatalities is None
