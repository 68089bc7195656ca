"""The actor dictionary: every data file loads, user files extend it without code."""

from __future__ import annotations

from dateline.actors import find_entities, load_dictionary, use_dictionary
from dateline.actors.dictionary import ACTORS_ENV, default_dictionary
from dateline.datafiles import data_text, parse_tsv
from dateline.model import Article

ACTOR_FILES = (
    "countries.tsv",
    "institutions.tsv",
    "agents.tsv",
    "groups.tsv",
    "international.tsv",
    "media.tsv",
    "sector_cues.tsv",
)


def test_every_actor_file_loads_with_a_source_header():
    for name in ACTOR_FILES:
        text = data_text("actors", name)
        assert text.startswith("#"), f"{name} needs a header saying where its facts come from"
        assert list(parse_tsv(text)), name


def test_dictionary_contents():
    dictionary = load_dictionary()
    assert dictionary.countries["SY"].iso3 == "SYR"
    assert "Syrian" in dictionary.countries["SY"].demonyms
    assert dictionary.countries["XK"].iso3 == "XKX"
    names = {actor.canonical: actor for actor in dictionary.named}
    assert "ISIS" in names["Islamic State"].aliases
    assert names["Syrian Democratic Forces"].country == "SY"
    assert names["NATO"].code == "IGO"
    assert dictionary.institutions["army"].sector == "MIL"
    assert dictionary.agents["protester"].canonical == "Protesters"
    assert dictionary.agents["gunman"].sector == "UAF"


def test_user_actor_file_adds_a_group(tmp_path, nlp):
    user = tmp_path / "mine.tsv"
    user.write_text(
        "# my own actors\n"
        "canonical\taliases\tkind\tsector\tcountry\tcode\twikidata\n"
        "Lowland Farmers League\tLFL\torganisation\tAGR\tKE\t\t\n",
        encoding="utf-8",
    )
    body = "The LFL blocked the road to Nakuru on Monday."
    doc = nlp(body)
    use_dictionary(load_dictionary([user]))
    try:
        entities = find_entities(doc, Article(id="t", body=body))
    finally:
        use_dictionary(None)
    league = next(e for e in entities if e.canonical == "Lowland Farmers League")
    assert (league.sector, league.country, league.code) == ("AGR", "KE", "KENAGR")
    assert [m.text for m in league.mentions] == ["LFL"]


def test_environment_variable_names_user_files(tmp_path, monkeypatch):
    user = tmp_path / "env.tsv"
    user.write_text(
        "canonical\taliases\tkind\tsector\tcountry\tcode\twikidata\n"
        "Harbour Workers Union\tHWU\torganisation\tLAB\tGH\t\t\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(ACTORS_ENV, str(user))
    assert any(a.canonical == "Harbour Workers Union" for a in default_dictionary().named)


def test_state_forces_known_by_their_proper_names():
    from dateline.actors.dictionary import load_dictionary

    named = {
        alias: actor.canonical
        for actor in load_dictionary().named
        for alias in (actor.canonical, *actor.aliases)
    }
    assert named["FARDC"] == "Military Forces of the Democratic Republic of Congo"
    assert named["IRG forces"] == "Military Forces of Yemen"
    assert named["CRPF"] == "Police Forces of India"
