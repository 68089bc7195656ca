"""Input profiles: what kind of text the input is, for the rules that only fit one kind.

News articles are the main input and the default (`news`): nothing below is read from
them. `acled-notes` is for ACLED's own event notes, which carry the coders' bookkeeping
rather than news language: "Fatalities coded as 3", "(coded to Merida)". Reading those
phrases raises the figures on ACLED notes and does nothing for news, so they are read
only when the user says the input is ACLED notes (`--profile acled-notes`).
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT = "news"


@dataclass(frozen=True)
class Profile:
    """The switches a profile sets; each names the rule it turns on."""

    name: str
    coder_fatalities: bool = False  # "fatalities coded as 3" is the event's death toll
    coder_place: bool = False  # "(coded to Merida)" is where the event is placed


NEWS = Profile("news")
PROFILES: dict[str, Profile] = {
    "news": NEWS,
    "acled-notes": Profile("acled-notes", coder_fatalities=True, coder_place=True),
}


def get_profile(name: str | None) -> Profile:
    """The profile called `name` (`None`: the default, news)."""
    try:
        return PROFILES[name or DEFAULT]
    except KeyError:
        raise ValueError(
            f"unknown input profile {name!r}; choose one of {', '.join(PROFILES)}"
        ) from None
