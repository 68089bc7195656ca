"""Resolution of given spans on sentences written for these tests."""

from __future__ import annotations

from dateline.geo import resolve_mentions
from dateline.geo.resolve import haversine_km


def spans_of(text, *names):
    spans, position = [], 0
    for name in names:
        start = text.index(name, position)
        spans.append((start, start + len(name)))
        position = start + len(name)
    return spans


def resolve(text, *names):
    return resolve_mentions(text, spans_of(text, *names))


def test_containment_written_in_the_text_decides():
    [city, state] = resolve("The mayor of Alexandria, La., opened the bridge.", "Alexandria", "La.")
    assert (city.country, city.admin1, state.name) == ("US", "Louisiana", "Louisiana")
    [city, country] = resolve(
        "Protesters gathered in Alexandria, Egypt, on Friday.", "Alexandria", "Egypt"
    )
    assert (city.country, city.feature_code, country.name) == ("EG", "PPL", "Egypt")
    [town, _] = resolve("A tornado hit Paris, Texas, overnight.", "Paris", "Texas")
    assert town.country == "US" and town.admin1 == "Texas"


def test_the_article_s_other_places_decide():
    text = "Shelling hit Homs and Hama on Monday. Rebels in Idlib said the army also struck Aleppo."
    places = resolve(text, "Homs", "Hama", "Idlib", "Aleppo")
    assert [p.country for p in places] == ["SY", "SY", "SY", "SY"]
    text = "Flooding closed roads between Huntsville and Conroe in Walker County."
    places = resolve(text, "Huntsville", "Conroe", "Walker County")
    assert [p.admin1 for p in places] == ["Texas", "Texas", "Texas"]


def test_transliteration_and_abbreviations():
    [raqqa, deir] = resolve("Fighters left Raqqa for Deir ez-Zor.", "Raqqa", "Deir ez-Zor")
    assert raqqa.name == "Ar Raqqah" and raqqa.country == "SY"
    assert deir.country == "SY"
    [us] = resolve("The U.S. embassy issued a warning.", "U.S.")
    assert (us.name, us.lat, us.lon) == ("United States", 39.76, -98.5)


def test_demonyms_given_as_spans_resolve_to_their_country():
    [place] = resolve("Iraqi forces advanced.", "Iraqi")
    assert (place.name, place.feature_code) == ("Iraq", "PCLI")


def test_a_lone_ambiguous_name_stays_unresolved_with_its_confidence():
    [place] = resolve("Springfield", "Springfield")
    assert place.lat is None and place.geonameid is None
    assert 0 < place.confidence < 0.2


def test_confidence_is_high_for_an_unambiguous_country():
    [place] = resolve("Talks resumed in Syria.", "Syria")
    assert place.confidence > 0.95
    assert haversine_km(place.lat, place.lon, 35.0, 38.0) < 400


def test_a_multi_word_name_is_not_the_shorter_name_inside_it():
    [country, city] = resolve(
        "Mexico closed its schools, and in Mexico City the metro ran empty.",
        "Mexico",
        "Mexico City",
    )
    assert (country.feature_code, city.name, city.feature_code) == ("PCLI", "Mexico City", "PPLC")


def test_a_list_of_countries_or_states_is_no_containment():
    text = "Vaccination teams will visit Chad, Niger, Nigeria and Cameroon this spring."
    places = resolve(text, "Chad", "Niger", "Nigeria", "Cameroon")
    assert [p.feature_code for p in places] == ["PCLI"] * 4
    assert places[1].name == "Niger"
    text = "Cases were confirmed in Oregon, Washington, Pennsylvania and Ohio last week."
    places = resolve(text, "Oregon", "Washington", "Pennsylvania", "Ohio")
    assert [p.feature_code for p in places] == ["ADM1"] * 4
    assert places[1].admin1 == "Washington"
    # A town followed by its state stays inside it.
    [town, _state] = resolve(
        "Steel mills near Washington, Pennsylvania closed.", "Washington", "Pennsylvania"
    )
    assert (town.feature_code, town.admin1) == ("PPL", "Pennsylvania")


def test_a_division_word_before_the_name_means_the_division():
    [state] = resolve("The first case was found in the state of Washington.", "Washington")
    assert (state.feature_code, state.name) == ("ADM1", "Washington")


def test_divisions_named_together_stay_divisions():
    [wales, england] = resolve(
        "Hospitals in Wales and in England prepared extra beds.", "Wales", "England"
    )
    assert (wales.feature_code, england.feature_code) == ("ADM1", "ADM1")


def test_a_country_nothing_points_to_yields_to_a_state_of_the_article_s_country():
    text = (
        "Farmers in Alabama and Iowa lost birds; a laboratory in Georgia confirmed the "
        "strain, and inspectors from Texas came."
    )
    places = resolve(text, "Alabama", "Iowa", "Georgia", "Texas")
    assert (places[2].feature_code, places[2].country) == ("ADM1", "US")
    [georgia, _russia] = resolve("Georgia accused Russia of moving troops.", "Georgia", "Russia")
    assert (georgia.feature_code, georgia.country) == ("PCLI", "GE")


def test_an_ocean_is_the_ocean():
    text = "Missouri farmers watched prices while storms crossed the Pacific."
    [_missouri, pacific] = resolve(text, "Missouri", "Pacific")
    assert (pacific.name, pacific.feature_code) == ("Pacific Ocean", "OCN")


def test_a_lone_namesake_abroad_that_nothing_points_to_stays_unresolved():
    text = "Floods hit Mandalay and Sagaing, and in Kamma the river rose two metres."
    [mandalay, sagaing, kamma] = resolve(text, "Mandalay", "Sagaing", "Kamma")
    assert (mandalay.country, sagaing.country) == ("MM", "MM")
    assert kamma.lat is None and kamma.confidence < 0.2


def test_airport_codes_are_not_names():
    text = "Militants shelled a camp near the town of Ber, north of Timbuktu in Mali."
    [ber, _timbuktu, _mali] = resolve(text, "Ber", "Timbuktu", "Mali")
    assert ber.name != "Berlin"


def test_names_in_parentheses_after_a_place_are_its_divisions():
    text = "Police dispersed a march in Rio Ceballos (Cordoba) on Monday."
    [town, province] = resolve(text, "Rio Ceballos", "Cordoba")
    assert (town.country, province.feature_code, province.country) == ("AR", "ADM1", "AR")


def test_the_name_after_a_place_that_contains_it_is_the_container():
    text = "Gunmen attacked a bar in Morelia, Michoacan de Ocampo, late on Friday."
    [city, state] = resolve(text, "Morelia", "Michoacan de Ocampo")
    assert (city.feature_code, city.admin1) == ("PPL", "Michoacán")
    assert (state.name, state.feature_code) == ("Michoacán", "ADM1")


def test_former_provinces_bases_and_features_from_the_supplement():
    text = "Doctors in Kisumu treated patients from across Nyanza Province, Kenya."
    [_kisumu, nyanza, _kenya] = resolve(text, "Kisumu", "Nyanza Province", "Kenya")
    assert (nyanza.feature_code, nyanza.country, nyanza.source) == ("ADM1H", "KE", "supplement")
    [base] = resolve("Soldiers at Fort Hood were tested.", "Fort Hood")
    assert (base.feature_code, base.admin1) == ("INSM", "Texas")
    [lake, _] = resolve("Fishermen on Lake Chad fled to Niger.", "Lake Chad", "Niger")
    assert lake.feature_code == "LK"


def test_direction_words_of_division_names_are_spelled_freely():
    [kivu] = resolve("Fighting spread across North Kivu on Monday.", "North Kivu")
    assert (kivu.name, kivu.country, kivu.feature_code) == ("Nord Kivu", "CD", "ADM1")
    [darfur] = resolve("Aid reached South Darfur by truck.", "South Darfur")
    assert (darfur.name, darfur.feature_code) == ("Southern Darfur", "ADM1")


def test_former_counties_and_regions_resolve_near_their_centres():
    """Hand-placed reference centres; the supplement's points were computed from towns."""
    text = "Flooding hit Hedmark and Oppland counties in Norway."
    [hedmark, oppland, _norway] = resolve(text, "Hedmark", "Oppland", "Norway")
    for place, (lat, lon) in ((hedmark, (61.4, 11.4)), (oppland, (61.4, 9.3))):
        assert (place.feature_code, place.country) == ("ADM1H", "NO")
        assert haversine_km(place.lat, place.lon, lat, lon) < 100
    text = "Hail flattened vines in Rhone-Alpes and in Burgundy, France."
    [rhone, burgundy, _france] = resolve(text, "Rhone-Alpes", "Burgundy", "France")
    assert (rhone.name, burgundy.name) == ("Rhône-Alpes", "Bourgogne")
    assert haversine_km(burgundy.lat, burgundy.lon, 47.2, 4.2) < 100
    [west, south_west] = resolve(
        "Storms crossed the West Midlands and South West England.",
        "West Midlands",
        "South West England",
    )
    assert (west.feature_code, west.admin1, south_west.feature_code) == ("RGN", "England", "RGN")
    assert haversine_km(west.lat, west.lon, 52.5, -2.2) < 100


def test_kenya_s_former_provinces_only_where_the_article_is_about_kenya():
    text = "Clashes in Western Province, Kenya, left three dead."
    [western, _kenya] = resolve(text, "Western Province", "Kenya")
    assert (western.feature_code, western.country) == ("ADM1H", "KE")
    text = "Floods in Zambia hit the Western Province."
    [_zambia, western] = resolve(text, "Zambia", "Western Province")
    assert (western.feature_code, western.country) == ("ADM1", "ZM")


def test_press_spellings_of_divisions_find_the_division():
    text = "Police fired tear gas at protesters in Menoufia, north of Cairo."
    [menoufia, _cairo] = resolve(text, "Menoufia", "Cairo")
    assert (menoufia.name, menoufia.feature_code, menoufia.country) == ("Monufia", "ADM1", "EG")
    text = "Cattle raiders from Warab crossed the border of Lakes, South Sudan."
    [warab, _lakes, _country] = resolve(text, "Warab", "Lakes", "South Sudan")
    assert (warab.name, warab.country) == ("Warrap", "SS")
    [plateau, _haiti] = resolve(
        "Rain flooded the Plateau Central of Haiti.", "Plateau Central", "Haiti"
    )
    assert (plateau.name, plateau.country) == ("Centre", "HT")


def test_items_of_one_list_are_places_of_one_kind():
    text = (
        "Health officials in Texas, Ohio, Florida, Georgia and New Jersey counted new cases in"
        " the United States; Alberta, Ontario and New Brunswick reported more."
    )
    names = ("Texas", "Ohio", "Florida", "Georgia", "New Jersey", "United States")
    *_, ontario, brunswick = resolve(text, *names, "Alberta", "Ontario", "New Brunswick")
    assert (ontario.feature_code, ontario.country) == ("ADM1", "CA")
    assert (brunswick.feature_code, brunswick.country) == ("ADM1", "CA")


def test_a_name_after_a_comma_is_a_container_only_if_it_can_hold_the_place():
    text = "Flood crews worked in Brooklyn, Long Island and Westchester County through the night."
    [_borough, island, county] = resolve(text, "Brooklyn", "Long Island", "Westchester County")
    assert island.country == "US" and island.admin1 == "New York"
    assert (county.feature_code, county.admin1) == ("ADM2", "New York")


def test_a_big_city_is_not_given_up_for_a_small_namesake_in_the_state_named():
    text = (
        "Flu cases rose in Albany and Syracuse, New York, and hospitals in Boston ran short"
        " of beds."
    )
    *_, boston = resolve(text, "Albany", "Syracuse", "New York", "Boston")
    assert (boston.country, boston.admin1) == ("US", "Massachusetts")


def test_a_name_matched_only_by_folding_its_spelling_stays_in_the_article_s_country():
    text = (
        "Herders from Kisima drove their cattle towards Isiolo, officials in Nairobi said"
        " after a week of raids in Kenya."
    )
    [kisima, *_] = resolve(text, "Kisima", "Isiolo", "Nairobi", "Kenya")
    assert kisima.lat is None


def test_city_districts_from_the_supplement_resolve_inside_their_city():
    text = "A car bomb exploded in Karrada, in central Baghdad, on Tuesday."
    [karrada, baghdad] = resolve(text, "Karrada", "Baghdad")
    assert (karrada.country, karrada.feature_code, karrada.source) == ("IQ", "PPLX", "supplement")
    assert haversine_km(karrada.lat, karrada.lon, baghdad.lat, baghdad.lon) < 10
    text = "Mortar rounds fell on Bakara market and on a camp in Hodan district of Mogadishu."
    [bakara, hodan, mogadishu] = resolve(text, "Bakara market", "Hodan", "Mogadishu")
    for place in (bakara, hodan):
        assert (place.country, place.feature_code, place.admin1) == ("SO", "PPLX", "Banaadir")
        assert haversine_km(place.lat, place.lon, mogadishu.lat, mogadishu.lon) < 10
    text = "Gangs from Cité Soleil and Martissant clashed with police in Port-au-Prince."
    [soleil, martissant, capital] = resolve(text, "Cité Soleil", "Martissant", "Port-au-Prince")
    for place in (soleil, martissant):
        assert (place.country, place.feature_code) == ("HT", "PPLX")
        assert haversine_km(place.lat, place.lon, capital.lat, capital.lon) < 10


def test_a_town_and_its_namesake_province_in_parentheses_keep_their_kinds():
    text = "Retired teachers rallied in Kerman city (Kerman) over their pensions."
    [town, province] = resolve(text, "Kerman", "Kerman")
    assert (town.feature_code, town.country) == ("PPL", "IR")
    assert (province.feature_code, province.name) == ("ADM1", "Kerman")


def test_divisions_are_found_by_their_iso_names_in_the_country_s_language():
    text = "Dockers walked out in Cadiz (Andalucia) and Tarragona (Catalunya) on Tuesday."
    [cadiz, andalucia, tarragona, catalunya] = resolve(
        text, "Cadiz", "Andalucia", "Tarragona", "Catalunya"
    )
    assert (andalucia.name, andalucia.feature_code) == ("Andalusia", "ADM1")
    assert (catalunya.name, catalunya.feature_code) == ("Catalonia", "ADM1")
    assert (cadiz.admin1, tarragona.admin1) == ("Andalusia", "Catalonia")


def test_a_place_whose_written_province_holds_no_candidate_is_placed_at_the_province():
    # Curacaví is a Chilean town; nothing of that name lies in Bolivia's Cochabamba: the
    # village is put at the province written for it, not at the Chilean town.
    [village] = resolve(
        "Farmers blocked the road near Curacavi (Cochabamba) on Friday.", "Curacavi"
    )
    assert (village.country, village.feature_code, village.source) == ("BO", "ADM1", "container")
    assert village.text == "Curacavi"


def test_no_place_is_its_own_container():
    text = "Dockers rallied in Marrakech (Marrakech, Marrakech-Safi) on Monday."
    [city, prefecture, region] = resolve(text, "Marrakech", "Marrakech", "Marrakech-Safi")
    assert (city.name, city.feature_code) == ("Marrakesh", "PPL")
    assert (prefecture.feature_code, region.feature_code) == ("ADM2", "ADM1")
