"""ACLED's codebook as rows of data (data/events/acled.tsv, acled_inter.tsv,
acled_targeting.tsv): sentences written for these tests, through the real pipeline.

Each case states what the ACLED codebook says of the act, its actor types and its target:
event type, sub-event type, the actor types (inter codes) of both sides, their interaction
code and civilian targeting. The PLOVER type stays the event's primary code.
"""

from __future__ import annotations

import pytest

from dateline import codebook
from dateline.events.acled import acled_label, conditions
from dateline.events.lexicon import load_lexicon
from dateline.model import ActorRef
from dateline.pipeline import analyse_texts

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
SD = "Strategic developments"
CT = "Civilian targeting"

# text, trigger, PLOVER type, (event type, sub-event type), inter1, inter2, interaction,
# civilian targeting
CASES = [
    # an attack by unidentified gunmen on an armed group's checkpoint is a battle
    (
        "Unknown gunmen attacked a checkpoint of the Syrian Democratic Forces near Raqqa.",
        "attacked",
        "ASSAULT",
        (BATTLES, "Armed clash"),
        3,
        2,
        23,
        None,
    ),
    # the attacked thing itself says the target was armed, though no actor is named for it
    (
        "Gunmen ambushed a military convoy on the road to Kidal.",
        "ambushed",
        "ASSAULT",
        (BATTLES, "Armed clash"),
        3,
        None,
        30,
        None,
    ),
    # a guard, military targets or posts are armed; civilians named as a battle's target
    # are the town it was fought in, no actor 2
    (
        "Unidentified armed individuals shot and killed a security guard near the prison "
        "in Cucuta.",
        "shot",
        "ASSAULT",
        (BATTLES, "Armed clash"),
        3,
        None,
        30,
        None,
    ),
    (
        "Soldiers opened fire towards rebel posts near Beni.",
        "opened",
        "ASSAULT",
        (BATTLES, "Armed clash"),
        1,
        None,
        10,
        None,
    ),
    (
        "Government troops recaptured the town of Ras Kamboni from the militants.",
        "recaptured",
        "ASSAULT",
        (BATTLES, "Government regains territory"),
        1,
        None,
        10,
        None,
    ),
    (
        "Al-Shabaab fighters captured the town of Bulo Burde.",
        "captured",
        "ASSAULT",
        (BATTLES, "Non-state actor overtakes territory"),
        2,
        None,
        20,
        None,
    ),
    (
        "The Syrian army and the Islamic State clashed near Palmyra.",
        "clashed",
        "ASSAULT",
        (BATTLES, "Armed clash"),
        1,
        None,
        10,
        None,
    ),
    # remote violence on a town: its people are the target
    (
        "Russian warplanes bombed the town of Ariha.",
        "bombed",
        "ASSAULT",
        (REMOTE, "Air/drone strike"),
        8,
        7,
        78,
        CT,
    ),
    (
        "A suicide bomber blew himself up at a market in Mogadishu.",
        "blew",
        "ASSAULT",
        (REMOTE, "Suicide bomb"),
        3,
        7,
        37,
        CT,
    ),
    (
        "Militants threw a grenade at a bus station in Garissa.",
        "threw",
        "ASSAULT",
        (REMOTE, "Grenade"),
        2,
        7,
        27,
        CT,
    ),
    (
        "Government forces shelled the town of Idlib.",
        "shelled",
        "ASSAULT",
        (REMOTE, "Shelling/artillery/missile attack"),
        1,
        7,
        17,
        CT,
    ),
    (
        "A roadside bomb planted by the rebels hit a minibus near Gao.",
        "hit",
        "ASSAULT",
        (REMOTE, "Remote explosive/landmine/IED"),
        2,
        7,
        27,
        CT,
    ),
    (
        "Rebels fired chlorine gas at the villagers of Kafr Zita.",
        "fired",
        "ASSAULT",
        (REMOTE, "Chemical weapon"),
        2,
        7,
        27,
        CT,
    ),
    # detention: by a rebel group an abduction, by state forces an arrest
    (
        "Al-Shabaab fighters detained five traders in Jowhar.",
        "detained",
        "COERCE",
        (VAC, "Abduction/forced disappearance"),
        2,
        7,
        27,
        CT,
    ),
    (
        "Boko Haram kidnapped twenty farmers near Maiduguri.",
        "kidnapped",
        "ASSAULT",
        (VAC, "Abduction/forced disappearance"),
        2,
        7,
        27,
        CT,
    ),
    (
        "Police detained five traders in Jowhar.",
        "detained",
        "COERCE",
        (SD, "Arrests"),
        1,
        7,
        17,
        None,
    ),
    (
        "Gunmen shot dead a farmer in his field near Jos.",
        "shot",
        "ASSAULT",
        (VAC, "Attack"),
        3,
        7,
        37,
        CT,
    ),
    (
        "Soldiers raped two women in the village of Minova.",
        "raped",
        "ASSAULT",
        (VAC, "Sexual violence"),
        1,
        7,
        17,
        CT,
    ),
    # protests and riots
    (
        "Hundreds of nurses marched in Nairobi to demand higher pay.",
        "marched",
        "PROTEST",
        ("Protests", "Peaceful protest"),
        6,
        None,
        60,
        None,
    ),
    # the force that intervenes is the protest's other side in the codebook (16)
    (
        "Students protested in Kampala. Police fired tear gas to disperse them.",
        "protested",
        "PROTEST",
        ("Protests", "Protest with intervention"),
        6,
        1,
        16,
        None,
    ),
    # a ban, or arrests told about the protesters' relatives, are no intervention in it
    (
        "Relatives of three men who were arrested last week protested in front of the "
        "prosecutor's office in Xalapa.",
        "protested",
        "PROTEST",
        ("Protests", "Peaceful protest"),
        6,
        None,
        60,
        None,
    ),
    (
        "Women gathered in Lyon to denounce a law banning the veil in sport.",
        "gathered",
        "PROTEST",
        ("Protests", "Peaceful protest"),
        6,
        None,
        60,
        None,
    ),
    (
        "Protesters rallied in Khartoum. Soldiers shot dead three protesters.",
        "rallied",
        "PROTEST",
        ("Protests", "Excessive force against protesters"),
        6,
        1,
        16,
        CT,
    ),
    (
        "Rioters blocked the main road with burning tyres in Port-au-Prince.",
        "blocked",
        "PROTEST",
        ("Riots", "Violent demonstration"),
        5,
        None,
        50,
        None,
    ),
    # road-blocking with barricades, property damaged: the demonstration is violent
    (
        "Farmers erected barricades on the highway near Puno to demand fair milk prices.",
        "erected",
        "PROTEST",
        ("Riots", "Violent demonstration"),
        5,
        None,
        50,
        None,
    ),
    (
        "Students damaged public property during demonstrations against the new scheme in Patna.",
        "demonstration",
        "PROTEST",
        ("Riots", "Violent demonstration"),
        5,
        None,
        50,
        None,
    ),
    (
        "Youths burned tyres in the streets of Conakry.",
        "burned",
        "PROTEST",
        ("Riots", "Violent demonstration"),
        5,
        None,
        50,
        None,
    ),
    # a crowd's violence: with a demand said, a violent demonstration; without, mob violence
    (
        "Students threw stones at the police in Kampala to protest against higher fees.",
        "threw",
        "PROTEST",
        ("Riots", "Violent demonstration"),
        5,
        1,  # whom the crowd threw stones at is its other side
        15,
        None,
    ),
    (
        "A crowd of youths threw stones at passing cars near Kisumu.",
        "threw",
        "PROTEST",
        ("Riots", "Mob violence"),
        5,
        None,
        50,
        None,
    ),
    # protesters' demands told without a protest word are their protest
    (
        "Protesters demanded the release of the detained students in Harare.",
        "demanded",
        "REQUEST",
        ("Protests", "Peaceful protest"),
        6,
        None,
        60,
        None,
    ),
    # an armed offensive named as an operation is a battle against an armed side
    (
        "Nigerien troops carried out a military operation against Boko Haram near Diffa.",
        "operation",
        "ASSAULT",
        (BATTLES, "Armed clash"),
        1,
        2,
        12,
        None,
    ),
    # people who shoot are an armed actor, not a mob
    (
        "Two individuals shot a taxi driver in Puebla.",
        "shot",
        "ASSAULT",
        (VAC, "Attack"),
        3,
        7,
        37,
        CT,
    ),
    (
        "A mob lynched a suspected thief in Mbale.",
        "lynched",
        "ASSAULT",
        ("Riots", "Mob violence"),
        5,
        7,
        57,
        CT,
    ),
    # one man is no mob: a lone attacker's violence is an attack on civilians
    (
        "A man stabbed his neighbour to death in Mbale.",
        "stabbed",
        "ASSAULT",
        (VAC, "Attack"),
        3,  # the codebook's reading of an attacker on civilians (acled_inter.tsv)
        7,
        37,
        CT,
    ),
    (
        "An unknown number of people beat a suspected thief in Mbale.",
        "beat",
        "ASSAULT",
        ("Riots", "Mob violence"),
        5,
        7,
        57,
        CT,
    ),
    # strategic developments
    (
        "The two militias signed a peace agreement in Bangui.",
        "signed",
        "AGREE",
        (SD, "Agreement"),
        3,
        None,
        30,
        None,
    ),
    (
        "The army deployed troops to the town of Kidal.",
        "deployed",
        "MOBILIZE",
        (SD, "Change to group/activity"),
        1,
        None,
        10,
        None,
    ),
    (
        # troops outside their own country are external forces (8)
        "A convoy of Chadian troops arrived in Gao on Sunday.",
        "arrived",
        "MOBILIZE",
        (SD, "Change to group/activity"),
        8,
        None,
        80,
        None,
    ),
    (
        "Authorities imposed a curfew in the city of Kaduna.",
        "imposed",
        "COERCE",
        (SD, "Change to group/activity"),
        1,
        None,
        10,
        None,
    ),
    (
        "Soldiers set up checkpoints on the roads around Maiduguri.",
        "set",
        "COERCE",
        (SD, "Change to group/activity"),
        1,
        7,
        17,
        None,
    ),
    (
        "Police closed the roads leading to the parliament in Accra.",
        "closed",
        "COERCE",
        (SD, "Change to group/activity"),
        1,
        None,
        10,
        None,
    ),
    (
        "Police defused a bomb near the market in Mogadishu.",
        "defused",
        "COERCE",
        (SD, "Disrupted weapons use"),
        1,
        None,
        10,
        None,
    ),
    (
        "The rebels established a base in the forest near Beni.",
        "established",
        "MOBILIZE",
        (SD, "Headquarters or base established"),
        2,
        None,
        20,
        None,
    ),
    (
        "Looters ransacked shops in the centre of Durban.",
        "ransacked",
        "COERCE",
        (SD, "Looting/property destruction"),
        5,
        None,
        50,
        None,
    ),
    (
        "The army handed over the town of Menaka to the militia.",
        "handed",
        "RETREAT",
        (SD, "Non-violent transfer of territory"),
        1,
        None,
        10,
        None,
    ),
    (
        "Soldiers crossed the river into the town of Uvira.",
        "crossed",
        "MOBILIZE",
        (SD, "Change to group/activity"),
        1,
        None,
        10,
        None,
    ),
    (
        "Police seized a large cache of weapons in a house in Kismayo.",
        "seized",
        "COERCE",
        (SD, "Disrupted weapons use"),
        1,
        None,
        10,
        None,
    ),
    # crowd control outside a protest is another strategic development
    (
        "Police fired tear gas at fishermen near the port of Tema.",
        "fired",
        "COERCE",
        (SD, "Other"),
        1,
        7,
        17,
        None,
    ),
    (
        "Police raided the offices of the newspaper in Harare.",
        "raided",
        "COERCE",
        (SD, "Other"),
        1,
        None,
        10,
        None,
    ),
]


@pytest.fixture(scope="module")
def articles(nlp):
    return analyse_texts([c[0] for c in CASES], ["2023-05-02"] * len(CASES))


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c[1] + ":" + c[3][1] for c in CASES])
def test_the_codebook_decides_the_acled_columns(articles, index):
    _, trigger, plover, labels, inter1, inter2, interaction, targeting = CASES[index]
    events = [e for e in articles[index].events if e.trigger.text.startswith(trigger)]
    assert events, [(e.type, e.trigger.text) for e in articles[index].events]
    event = events[0]
    assert event.type == plover
    assert event.acled is not None
    assert (event.acled.event_type, event.acled.sub_event_type) == labels
    assert (event.acled.inter1, event.acled.inter2) == (inter1, inter2)
    assert event.acled.interaction == interaction
    assert event.acled.civilian_targeting == targeting


def test_every_sub_event_type_of_the_codebook_is_reached():
    reached = {c[3] for c in CASES}
    assert len(reached) == 25


def test_actor_types_from_the_one_table():
    def typed(sector, name, **where):
        found = codebook.actor_type(sector, name, **where)
        return found.inter if found else None

    assert typed("MIL", "Military Forces of Russia") == 1
    assert typed("MIL", "Military Forces of Russia", country="RU", event_country="UA") == 8
    assert typed("MIL", "Koglweogo", kind="armed_group") == 3
    assert typed("REB", "Islamic State") == 2
    assert typed("UAF", "Unidentified Armed Group (Mali)") == 3
    assert typed("REB", "Fulani Ethnic Militia (Nigeria)") == 4
    assert typed("CVL", "Protesters (Kenya)") == 6
    assert typed("CVL", "Civilians (Kenya)", event_type="Protests") == 6
    assert typed("CVL", "Civilians (Kenya)", event_type="Riots") == 5
    assert typed("CVL", "Civilians (Kenya)", side="recipient", event_type="Riots") == 7
    assert typed("GOV", "Government of Kenya", side="recipient", event_type="Protests") is None
    assert typed("IGO", "United Nations") == 8
    assert typed(None, "Kidal") is None
    assert codebook.interaction(7, 1) == 17 and codebook.interaction(6, None) == 60
    assert codebook.interaction(None, None) is None


def test_an_unarmed_official_is_no_armed_side():
    entry = next(e for e in load_lexicon().triggers["attack"] if e.type == "ASSAULT")
    gunmen = [ActorRef("gunmen", "Unidentified Armed Group", sector="UAF")]
    official = [ActorRef("the mayor", "Government", sector="GOV")]
    police = [ActorRef("the police", "Police Forces", sector="COP")]
    assert "armed_recipient" not in conditions(entry, gunmen, official, set())
    assert "armed_recipient" in conditions(entry, gunmen, police, set())


def test_a_demand_in_a_sentence_naming_a_demonstration_is_its_protest(nlp):
    lexicon = load_lexicon()
    doc = nlp("Dozens of teachers rallied outside the ministry and demanded higher wages.")
    entry = next(e for e in lexicon.triggers["demand"] if e.type == "REQUEST")
    teachers = [ActorRef("teachers", "Teachers", sector="EDU")]
    found = conditions(entry, teachers, [], set(), sentence=doc[:])
    label = acled_label("REQUEST", None, entry, found, lexicon)
    assert (label.event_type, label.sub_event_type) == ("Protests", "Peaceful protest")
    minister = [ActorRef("the minister", "Government", sector="GOV")]
    found = conditions(entry, minister, [], set(), sentence=doc[:])
    assert acled_label("REQUEST", None, entry, found, lexicon) is None


def test_the_acled_export_takes_its_columns_from_the_layer():
    from dateline.export.acled import acled_row

    decided = {
        "event_type": VAC,
        "sub_event_type": "Attack",
        "inter1": 3,
        "inter2": 7,
        "interaction": 37,
        "civilian_targeting": CT,
    }
    row = {
        "id": "a:e1",
        "type": "ASSAULT",
        "acled": decided,
        "actor": [{"canonical": "Unidentified Armed Group (Nigeria)", "sector": "UAF"}],
        "recipient": [{"canonical": "Civilians (Nigeria)", "sector": "CVL"}],
        "location": {"country": "NG"},
    }
    out = acled_row(row)
    assert (out["inter1"], out["inter2"], out["interaction"]) == (3, 7, 37)
    assert out["civilian_targeting"] == CT
    # a record stored before the layer existed: the same tables decide now
    old = dict(
        row,
        type="PROTEST",
        acled={"event_type": "Protests", "sub_event_type": "Peaceful protest"},
        actor=[{"canonical": "Protesters (Nigeria)", "sector": "CVL"}],
        recipient=[{"canonical": "Government of Nigeria", "sector": "GOV"}],
    )
    out = acled_row(old)
    assert (out["inter1"], out["inter2"], out["interaction"]) == (6, None, 60)
    assert out["civilian_targeting"] == ""
    foreign = dict(
        row,
        acled={"event_type": REMOTE, "sub_event_type": "Air/drone strike"},
        actor=[{"canonical": "Military Forces of Russia", "sector": "MIL", "country": "RU"}],
        location={"country": "SY"},
    )
    out = acled_row(foreign)
    assert (out["inter1"], out["inter2"], out["interaction"]) == (8, 7, 78)
    assert out["civilian_targeting"] == CT


def test_an_aid_convoy_is_no_movement_of_forces(nlp):
    (article,) = analyse_texts(["A United Nations aid convoy reached the town of Kadugli."])
    assert "MOBILIZE" not in {e.type for e in article.events}


def test_drones_shot_down_are_disrupted_weapons_use(nlp):
    from dateline.pipeline import analyse_texts

    [article] = analyse_texts(
        ["Air defences shot down 12 drones over the Belgorod region overnight."], ["2024-10-09"]
    )
    [event] = article.events
    assert (event.type, event.acled.event_type, event.acled.sub_event_type) == (
        "COERCE",
        "Strategic developments",
        "Disrupted weapons use",
    )


def test_the_acled_layer_names_both_sides_as_acled_does():
    """Civilians and protesters by type and country, their own group beside them; the
    civilians of violence against civilians where the text names no one; the police
    that break up a protest as its other side (sentences written for this test)."""
    shot, crowd = analyse_texts(
        [
            "A soldier shot dead a trader in a market in Aweil, South Sudan, on Monday.",
            "Students marched in Accra, Ghana, on Monday. Police fired tear gas at them.",
        ],
        ["2022-05-04", "2022-05-04"],
    )
    assault = next(e for e in shot.events if e.type == "ASSAULT")
    assert assault.acled.actor1 == ["Military Forces of South Sudan"]
    assert assault.acled.actor2 == ["Civilians (South Sudan)", "Traders"]
    protest = next(e for e in crowd.events if e.type == "PROTEST")
    assert protest.acled.actor1 == ["Protesters (Ghana)", "Students"]
    assert protest.acled.actor2 == ["Police Forces of Ghana"]
    assert protest.acled.interaction == 16
    assert codebook.side_names([], "recipient", VAC, "PS") == ["Civilians (Palestine)"]


def test_acled_names_an_actor_by_what_it_is_on_the_day():
    """The Taliban are Afghanistan's military for ACLED after August 2021, the Donbas
    militias ACLED's umbrella NAF up to their annexation; an undated mention keeps its
    name (sentences written for this test)."""
    before, after, donbas = analyse_texts(
        [
            "On 3 May 2020, Taliban fighters attacked a checkpoint in Ghazni, Afghanistan.",
            "On 3 May 2023, Taliban fighters attacked a checkpoint in Ghazni, Afghanistan.",
            "On 12 April 2022, Ukrainian forces shelled DPR positions near Horlivka, Ukraine.",
        ],
        ["2020-05-04", "2023-05-04", "2022-04-13"],
    )
    assert [e.acled.actor1 for e in before.events] == [["Taliban"]]
    assert [e.acled.actor1 for e in after.events] == [["Military Forces of Afghanistan (2021-)"]]
    [shelling] = donbas.events
    assert shelling.acled.actor2 == ["NAF: United Armed Forces of Novorossiya"]
    assert [r.canonical for r in shelling.recipient] == ["Donetsk People's Republic"]
    assert codebook.acled_actor_name("Taliban", None) == "Taliban"
    assert codebook.acled_actor_name("Houthis", "2016-07-27") == "Houthis"


def test_those_arrested_or_beaten_by_a_mob_are_civilians_unless_typed():
    """What ACLED's codebook fills where the text names no typed side: the arrested
    shop owner and the mob's victim are civilians; arrested militants are not."""
    names = codebook.side_names
    arrests, mob = "Arrests", "Mob violence"
    sd, riots = "Strategic developments", "Riots"
    assert names([("shop owner", None, None)], "recipient", sd, "KE", arrests) == [
        "Civilians (Kenya)",
        "shop owner",
    ]
    assert names([("Militants", 2, None)], "recipient", sd, "KE", arrests) == ["Militants"]
    assert names([], "recipient", riots, "UG", mob) == ["Civilians (Uganda)"]
    assert names([], "recipient", riots, "UG", "Violent demonstration") == []
