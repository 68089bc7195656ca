"""Near-duplicates: a republished copy with small edits is recognised; another text is not."""

from __future__ import annotations

from dateline.dedup import near

WIRE = (
    "Floodwater rose through the lower town of Ostra overnight, forcing some 400 families "
    "from their homes, the regional civil protection office said on Tuesday. Boats from "
    "the river police carried the elderly to the school on the hill, where volunteers "
    "handed out blankets and soup. The office said the river had risen by three metres in "
    "twelve hours after a week of rain in the mountains, and that the dike north of the "
    "station was being watched around the clock. No one was reported hurt. Farmers on the "
    "eastern bank said their fields were lost for the season and asked for help with "
    "feed for their cattle. The mayor said the town would need weeks to clean the streets."
)


def test_a_copy_with_a_line_added_and_a_word_changed_is_the_same_text():
    copy = (
        "Ostra (Regional Wire) - "
        + WIRE.replace("some 400", "about 400")
        + " Read more on our website."
    )
    similarity = near.similarity(near.signature(WIRE), near.signature(copy))
    assert similarity >= near.THRESHOLD
    assert set(near.band_keys(near.signature(WIRE))) & set(near.band_keys(near.signature(copy)))


def test_another_report_of_the_same_flood_is_not_a_copy():
    other = (
        "About 400 families left their homes in Ostra as the river burst its banks. "
        "Volunteers at the hill school served soup; the mayor said the clean-up would "
        "take weeks and farmers asked for cattle feed."
    )
    assert near.similarity(near.signature(WIRE), near.signature(other)) < 0.2


def test_signatures_are_stable_and_survive_storage():
    signature = near.signature(WIRE)
    assert near.from_bytes(near.to_bytes(signature)).tolist() == signature.tolist()
    assert near.signature(WIRE).tolist() == signature.tolist()
    assert len(signature) == near.NUM_PERM and len(near.band_keys(signature)) == near.BANDS


def test_a_very_short_text_still_has_a_signature():
    assert (
        near.similarity(near.signature("Ostra flooded."), near.signature("ostra  flooded")) == 1.0
    )
