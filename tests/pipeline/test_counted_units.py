"""What a count counts: the unit of measure right after a number, the counted noun and its noun phrase
(``claimcheck.pipeline.mentions.counted_unit`` / ``counted_phrase``), and numbers that are part of a name
(``_name_number``). Sentences written for these tests; entities set by hand on the project's tokenizer, no model."""

from __future__ import annotations

import pytest

from claimcheck.normalize.counts import unit_after, unit_name
from claimcheck.pipeline import mentions as M
from rule_docs import make, tokenizer_only


@pytest.fixture(scope="module")
def nlp():
    """The project's tokenizer alone (this overrides the session pipeline fixture)."""
    return tokenizer_only()


@pytest.mark.parametrize("after, symbol, name", [
    (" hp and a top speed", "hp", "horsepower"),
    (" HZ on Monday", "Hz", "hertz"),
    (" mAh, twice the old one", "mAh", "milliampere-hour"),
    (" ppb in the samples", "ppb", "parts-per-billion"),
    (" tons of steel", "ton", "ton"),          # a ton as written, not a metric tonne
    (" tonnes of steel", "t", "tonne"),
    (" metric tons of wheat", "t", "tonne"),
    (" lb-ft of torque", "lb-ft", "pound-foot"),
    (" pound-feet of torque", "lb-ft", "pound-foot"),
    ("-year-old striker", "year of age", "year of age"),
    (" A/cm2 at the anode", "A/cm2", "ampere per square centimetre"),
    # units of science and product news, with their SI prefixes
    (" TeV in the collider", "TeV", "teraelectronvolt"),
    (" eV band gap", "eV", "electronvolt"),
    (" Wh of storage", "Wh", "watt-hour"),
    (" TWh a year", "TWh", "terawatt-hour"),
    (" millisieverts a year", "mSv", "millisievert"),
    (" microsieverts an hour", "\u00b5Sv", "microsievert"),
    (" milliamps at rest", "mA", "milliampere"),
    (" kJ of energy", "kJ", "kilojoule"),
    ("cc engine", "cc", "cubic centimetre"),
    ("L engine", "l", "litre"),
    (" decibels at the fence", "dB", "decibel"),
    (" knots at landfall", "knot", "knot"),
    (" nautical miles off the coast", "nmi", "nautical mile"),
    (" light-years from Earth", "ly", "light year"),
    (" micrograms of lead", "\u00b5g", "microgram"),
    (" milliseconds of lag", "ms", "millisecond"),
    ("MP camera", "MP", "megapixel"),
    (" carats of diamonds", "carat", "carat"),
])
def test_unit_of_measure_right_after_a_number(after, symbol, name):
    assert unit_after(after) == symbol
    assert unit_name(symbol) == name


@pytest.mark.parametrize("text, left, value, unit", [
    ("40C", "Temperatures in Seville reached", 40, "\u00b0C"),
    ("-5C", "overnight lows fell to", -5, "\u00b0C"),
    ("104F", "40C (", 104, "\u00b0F"),
    ("1C", "a backup for Insat", None, None),        # a name's letter
    ("4F", "Statement No.", None, None),
    ("3C", "planes of the P-", None, None),
])
def test_a_temperature_letter_written_onto_its_number(text, left, value, unit):
    from claimcheck.normalize.counts import normalize_count

    q = normalize_count(text, left)
    assert (q.value, q.unit) == (value, unit) if value is not None else q is None


@pytest.mark.parametrize("after", [" people came", " passengers", "", " of the firms", " C in the shade",
                                   " MPs voted", " Lions fans", " amplifiers", " EV models", " ev chargers"])
def test_no_unit_of_measure(after):
    assert unit_after(after) is None


def _count(nlp, text, number):
    doc = make(nlp, text, [(number, "CARDINAL")])
    return doc.ents[0]


@pytest.mark.parametrize("text, number, unit, phrase", [
    ("The council will refit 1,100 public housing properties this year.", "1,100", "property",
     "public housing property"),
    ("Investors backed 135 unicorn startups in 2018.", "135", "startup", "unicorn startup"),
    ("The regulator fined the bank, and eight other employees left the agency.", "eight", "employee",
     "other employee"),
    ("Two of Mendez's deputies were dismissed on Friday.", "Two", "deputy", "mendez deputy"),
    ("She kept one of the students after class.", "one", "student", "student"),
    ("It is one of my local stores, she said.", "one", "store", "local store"),
    ("The carmaker offered two gas-only powertrain options for the van.", "two", "option",
     "gas-only powertrain option"),
    ("He scored in eight straight World Cups since 1994.", "eight", "cup", "straight world cup"),
    ("One proposal asks the board to stop buying back shares.", "One", "proposal", "proposal"),
    ("The club said 40 Leeds fans were hurt.", "40", "fan", "leeds fan"),
    ("Dozens of residents were moved on Monday.", "Dozens", "resident", "resident"),  # a vague plural's noun
    ("The firm plans thousands of job cuts.", "thousands", "cut", "job cut"),
    # a superlative after "one of the" in its plain form; the phrase goes on over "of" and over "and"
    ("She owns one of the finest wooden boats in town.", "one", "boat", "fine wooden boat town"),
    ("It was one of Nokia's earliest handsets.", "one", "handset", "nokia early handset"),
    ("It was one of the hottest summers on record.", "one", "summer", "hot summer record"),
    ("He is one of the most skilled and daring pilots in the Air Force, they say.", "one", "pilot",
     "skilled daring pilot air force"),
    ("It is one of the oldest trees to ever grow there.", "one", "tree", "old tree grow"),
    ("Customs listed 4,100 kinds of goods leaving the port.", "4,100", "kind", "kind good"),
    ("The studio sold 900,000 combined print and digital copies.", "900,000", "print", "print digital copy"),
    ("The fund paid 300 interest payments on time.", "300", "payment", "interest payment"),
    ("Their defence gave up 412 passing yards on Sunday.", "412", "yard", "yard"),  # a unit of measure
    ("Listeners streamed 300 recorded songs last week.", "300", "song", "song"),  # a participle is dropped
    # a superlative before the noun of a plain count, in its plain form too; a word in -est that is none stays
    ("The survey ranked the 15 biggest cities in Europe.", "15", "city", "big city"),
    ("Regulators listed the 10 safest airlines this year.", "10", "airline", "safe airline"),
    ("Police made 40 unrest arrests on Friday.", "40", "arrest", "unrest arrest"),
    ("Kestrel shipped 80 million iPhones in the quarter.", "80 million", "iphone", "iphone"),  # camel case
    # aircraft: the model family counted (GUIDELINES R6), the phrase's head the noun written (as NewsQuant writes it)
    ("Velair grounded two new 737 Max jets on Monday.", "two", "737", "new 737 max jet"),
])
def test_counted_noun_and_its_phrase(nlp, text, number, unit, phrase):
    ent = _count(nlp, text, number)
    assert M.counted_unit(ent) == unit
    assert M.counted_phrase(ent) == phrase


def test_a_hyphen_does_not_glue_a_word_onto_the_counted_noun(nlp):
    ent = _count(nlp, "Acme sold about 1.6 million computers-it implies strong growth.", "about 1.6 million")
    assert M.counted_unit(ent) == "computer"


def test_a_count_with_its_unit_of_measure_after_the_span(nlp):
    doc = make(nlp, "The sedan makes 536 hp and the grid ran at 49.55 HZ on Monday.",
               [("536", "CARDINAL"), ("49.55", "CARDINAL")])
    assert [(m.text, m.unit) for m in M.mentions_of(doc) if m.label == "CARDINAL"] == [("536", "hp"),
                                                                                        ("49.55", "Hz")]


def _merged(nlp, text, ents, **kw):
    doc = make(nlp, text, ents, **kw)
    M.merge_quantity_spans(doc)
    return [(e.text, e.label_) for e in doc.ents if e.label_ == "CARDINAL"]


def test_a_number_inside_a_name_is_no_count(nlp):
    assert _merged(nlp, "The base iPhone 11 has 64 songs on it.", [("11", "CARDINAL"), ("64", "CARDINAL")]) == [
        ("64", "CARDINAL")]
    assert _merged(nlp, "The buyers sat in Section 427 Row 21 which faces 40 seats.", []) == [("40", "CARDINAL")]
    assert _merged(nlp, "Shares on the S&P/ASX 200 gained with 30 stocks up.", []) == [("30", "CARDINAL")]
    # a model's number before the word of its product line ("737 Max", "911 Turbo"), not a count of them
    assert _merged(nlp, "Orrin flew its first 737 Max after the ban, with 90 seats.", []) == [("90", "CARDINAL")]
    assert _merged(nlp, "He drove a 911 Turbo to the 12 meetings.", []) == [("12", "CARDINAL")]
    assert _merged(nlp, "The studio sold 40 Pro licences.", []) == [("40", "CARDINAL")]  # a count of licences


@pytest.mark.parametrize("text, number, model", [
    # GUIDELINES R6: a count of aircraft counts the model family, the variant and its maker's name aside
    ("Velair has firm orders for 21 777s.", "21", "777"),
    ("Options cover 9 more 787s.", "9", "787"),
    ("It flies 24 A320s and two others.", "24", "A320"),
    ("Velair ordered 70 Boeing 737-800 planes.", "70", "737"),
    ("It took six new Airbus A321 aircraft.", "six", "A321"),
    # no model after the number: the plain counted noun
    ("It bought 21 jets.", "21", "jet"),
])
def test_a_count_of_aircraft_counts_the_model(nlp, text, number, model):
    assert M.counted_unit(_count(nlp, text, number)) == model


def test_an_aircraft_models_number_is_no_count(nlp):
    assert _merged(nlp, "The new 787 Dreamliner flew with 40 guests.", []) == [("40", "CARDINAL")]
    assert _merged(nlp, "Velair ordered 70 Boeing 737-800 planes.", []) == [("70", "CARDINAL")]
    # the small NER's measure "6 A321s" is a count of six
    assert _merged(nlp, "It runs 6 A321s.", [("6 A321s", "QUANTITY")]) == [("6", "CARDINAL")]


def test_numbers_after_capitals_that_stay_counts(nlp):
    # the first word of a sentence or of a table line, a headline in capitals, a place, a month
    assert _merged(nlp, "About 300 people came.", []) == [("300", "CARDINAL")]
    assert _merged(nlp, "Results:\nNet 234 vs 198\n", []) == [("234", "CARDINAL"), ("198", "CARDINAL")]
    assert _merged(nlp, "REBEL AMBUSH KILLS 18 SOLDIERS IN THE NORTH", []) == [("18", "CARDINAL")]
    assert _merged(nlp, "Across the region, Germany 300 and France 200 were counted.", [("Germany", "GPE"),
                                                                                        ("France", "GPE")]) == [
        ("300", "CARDINAL"), ("200", "CARDINAL")]


@pytest.mark.parametrize("text, measure, value", [
    ("Each roof carries a 5kW solar array.", "5kW", 5),
    ("The flat's floor area is 32m2 in all.", "32m2", 32),
    ("The 4120sq m estate went to tender.", "4120sq m", 4120),
    ("Their offense managed -5 yards after the break.", "-5 yards", -5),
    ("The plant will make sub-5 nanometer chips.", "sub-5 nanometer", 5),  # one token; "sub-5" is no minus
])
def test_a_number_with_its_unit_of_measure_is_a_quantity(nlp, text, measure, value):
    doc = make(nlp, text)
    M.merge_quantity_spans(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [(measure, "QUANTITY")]
    assert [m.value for m in M.mentions_of(doc)] == [value]


def test_a_measure_replaces_a_bare_number_or_a_name_but_not_money(nlp):
    doc = make(nlp, "Winds hit 80 mph and it fell to minus-40 degrees Fahrenheit, costing $5 billion.",
               [("80", "CARDINAL"), ("Fahrenheit", "PERSON"), ("$5 billion", "MONEY")])
    M.merge_quantity_spans(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("80 mph", "QUANTITY"),
                                                      ("minus-40 degrees Fahrenheit", "QUANTITY"),
                                                      ("$5 billion", "MONEY")]
    values = [(m.value, m.unit) for m in M.mentions_of(doc)]
    assert values[:2] == [(80, "mph"), (-40, "\u00b0F")]


@pytest.mark.parametrize("text, ents, unit", [
    ("In all, 1,250,000 Canadians claimed the benefit.", [("1,250,000", "CARDINAL")], "canadian"),
    ("Gunmen attacked two churches in the city.", [("two churches", "QUANTITY")], "church"),
    ("Seas warmed by 1 to 1.5 degrees Celsius since 1900.", [("1 to 1.5 degrees", "QUANTITY")], "\u00b0C"),
    ("Ortega, 71, has retired from the board.", [("71", "CARDINAL")], "year of age"),
    ("Grace Lee, 34, said she would appeal.", [("Grace Lee", "PERSON"), ("34", "CARDINAL")], "year of age"),
    ("Sales rose in Ohio, 12, and in Texas.", [("Ohio", "GPE"), ("12", "CARDINAL")], "count"),
    ("The senator, 79, said he would retire.", [("79", "CARDINAL")], "year of age"),  # a noun with its article
    ("Police said a driver, 34, was hurt.", [("34", "CARDINAL")], "year of age"),
    ("Results were mixed in quarters, 12, and so on.", [("12", "CARDINAL")], "count"),  # no article
])
def test_the_unit_of_a_count(nlp, text, ents, unit):
    doc = make(nlp, text, ents)
    assert [m.unit for m in M.mentions_of(doc) if m.label in ("CARDINAL", "QUANTITY")] == [unit]


def test_a_count_of_shekels_is_money(nlp):
    doc = make(nlp, "BioTech shares finished 12.4% higher at 4.16 shekels.", [("12.4%", "PERCENT"), ("4.16", "CARDINAL")])
    assert [(m.label, m.text, m.value, m.unit) for m in M.mentions_of(doc)][1] == ("MONEY", "4.16 shekels", 4.16,
                                                                                    "ILS")


@pytest.mark.parametrize("text, ents, joined", [
    ("Lake levels sank by 2 to 3.5 feet (0.6 to 1.1 Fahrenheit warmer).", [("0.6", "CARDINAL"), ("1.1", "CARDINAL")],
     ("0.6 to 1.1 Fahrenheit", 0.6, 1.1)),
    ("The town expects 3 to 4 thousand visitors.", [("3", "CARDINAL"), ("4 thousand", "CARDINAL")],
     ("3 to 4 thousand", 3000, 4000)),
    ("Analysts think between 420000 and 450000 cars will be built.", [("420000", "CARDINAL"), ("450000", "CARDINAL")],
     ("420000 and 450000", 420000, 450000)),
    ("The gap measures 2.5 to 3.0 mm on most units.", [("2.5", "CARDINAL"), ("3.0 mm", "QUANTITY")],
     ("2.5 to 3.0 mm", 2.5, 3.0)),
])
def test_a_range_split_at_its_to_is_one_mention(nlp, text, ents, joined):
    doc = make(nlp, text, ents)
    M.merge_quantity_spans(doc)
    found = [(m.text, m.low, m.high) for m in M.mentions_of(doc) if m.qualifier == "range"]
    assert joined in found
    assert not [m for m in M.mentions_of(doc) if m.text in (ents[0][0], ents[1][0])]


@pytest.mark.parametrize("text, ents", [
    ("Valve lift was raised from 12.5 to 13.0 mm last year.", [("12.5", "CARDINAL"), ("13.0 mm", "QUANTITY")]),
    ("Output rose 3 to 40 units a day.", [("3", "CARDINAL"), ("40", "CARDINAL")]),
    ("The board voted 7 to 2 for the plan.", [("7", "CARDINAL"), ("2", "CARDINAL")]),
    ("The rate stands at 105 JPY to 1 USD today.", [("105 JPY", "MONEY"), ("1 USD", "MONEY")]),
    ("It sold 300 units and 500 boxes.", [("300", "CARDINAL"), ("500", "CARDINAL")]),
])
def test_a_move_a_rate_or_two_figures_are_no_range(nlp, text, ents):
    doc = make(nlp, text, ents)
    M.merge_quantity_spans(doc)
    assert [e.text for e in doc.ents if e.label_ in ("CARDINAL", "QUANTITY", "MONEY")] == [w for w, _ in ents]


def test_a_scale_letter_written_onto_a_count_and_a_comparative_after_it(nlp):
    doc = make(nlp, "The new one is some 30k or 45k cheaper than before.", [("30", "CARDINAL"), ("45k", "QUANTITY")])
    M.merge_quantity_spans(doc)
    assert [(m.text, m.value, m.unit) for m in M.mentions_of(doc)] == [("30k", 30000, "count"),
                                                                       ("45k", 45000, "count")]


def test_an_index_name_and_a_far_year_are_no_counts(nlp):
    assert _merged(nlp, "The sp 500 rose while 40 stocks fell.", [("500", "CARDINAL")]) == [("40", "CARDINAL")]
    assert _merged(nlp, "Seas may rise 9 feet by 2150 in that model.", [("2150", "CARDINAL")]) == []


def test_torque_in_pound_feet_is_no_money(nlp):
    doc = make(nlp, "The coupe makes 410 pound-feet of torque.", [("410 pound", "MONEY")])
    M.merge_quantity_spans(doc)
    assert [(m.label, m.text, m.value, m.unit) for m in M.mentions_of(doc)] == [
        ("QUANTITY", "410 pound-feet", 410, "lb-ft")]


def test_a_count_after_including_shares_the_noun_written_once(nlp):
    doc = make(nlp, "About 4 million homes, including 900,000 in the capital, lost power.",
               [("About 4 million", "CARDINAL"), ("900,000", "CARDINAL")])
    assert [m.unit for m in M.mentions_of(doc)] == ["home", "home"]


def test_basis_points_are_hundredths_and_a_players_points_no_percentage(nlp):
    doc = make(nlp, "The fund will charge 40 basis points above fees of 1 per cent.",
               [("40", "CARDINAL"), ("1 per cent", "PERCENT")])
    assert [(m.label, m.value, m.unit) for m in M.mentions_of(doc)][0] == ("PERCENT", 0.4, "percentage_points")
    doc = make(nlp, "She averaged 21.5 points and 8 rebounds, shooting 51% from the field.",
               [("21.5", "CARDINAL"), ("8", "CARDINAL"), ("51%", "PERCENT")])
    assert [(m.label, m.value, m.unit) for m in M.mentions_of(doc)][0] == ("CARDINAL", 21.5, "point")
    doc = make(nlp, "Seedbeds were 10 pct short, 15 points below average.", [("10 pct", "PERCENT"), ("15", "CARDINAL")])
    assert [(m.label, m.unit) for m in M.mentions_of(doc)][1] == ("PERCENT", "percentage_points")


def test_a_number_hyphenated_onto_a_specification_is_no_count(nlp):
    assert _merged(nlp, "It has a six-speed gearbox, a four-cylinder engine and 3 doors.",
                   [("six", "CARDINAL"), ("four", "CARDINAL"), ("3", "CARDINAL")]) == [("3", "CARDINAL")]
    assert _merged(nlp, "The 12-nation bloc met.", [("12", "CARDINAL")]) == [("12", "CARDINAL")]


def test_an_index_level_beside_its_points_is_in_points(nlp):
    doc = make(nlp, "The city's main share index shed 41.20 points, or 1.3%, to close at 3,112.45.",
               [("41.20", "CARDINAL"), ("1.3%", "PERCENT"), ("3,112.45", "CARDINAL")])
    assert [m.unit for m in M.mentions_of(doc)] == ["point", "percent", "point"]
    doc = make(nlp, "The firm sold 3,112.45 tonnes while rivals scored 12 points.", [("3,112.45", "CARDINAL")])
    assert [m.unit for m in M.mentions_of(doc)] != ["point"]


def test_a_number_word_before_or_shares_the_currency_written_once(nlp):
    doc = make(nlp, "Lunch costs seven or eight euros there.", [("eight euros", "MONEY")])
    M.merge_quantity_spans(doc)
    assert [(m.text, m.value, m.unit) for m in M.mentions_of(doc)] == [("seven", 7, "EUR"), ("eight euros", 8, "EUR")]
    doc = make(nlp, "Pick seven or eight of them.", [("eight", "CARDINAL")])
    M.merge_quantity_spans(doc)
    assert [e.text for e in doc.ents] == ["eight"]


def test_a_house_number_is_no_count_and_a_count_word_before_a_figure_is_no_part_of_it(nlp):
    assert _merged(nlp, "The shop at 22-24 Harbour Road sold 40 bikes.", [("22-24", "CARDINAL"), ("40", "CARDINAL")]) \
        == [("40", "CARDINAL")]
    doc = make(nlp, "The town has just one 80,000 barrel-a-day refinery.", [("one 80,000 barrel", "QUANTITY")])
    M.merge_quantity_spans(doc)
    assert [(m.text, m.value, m.unit) for m in M.mentions_of(doc)] == [("80,000 barrel", 80000, "bbl")]


def test_metres_written_with_feet_after_them_are_no_millions(nlp):
    doc = make(nlp, "Visitors walk past the 24m (79ft) tall statue.", [("24m", "MONEY")])
    assert [(m.label, m.value, m.unit) for m in M.mentions_of(doc)] == [("QUANTITY", 24, "m")]
    doc = make(nlp, "The firm raised 24m (about $30m) last year.", [("24m", "MONEY"), ("about $30m", "MONEY")])
    assert [m.label for m in M.mentions_of(doc)] == ["MONEY", "MONEY"]


def test_a_name_the_ner_took_into_a_count_belongs_to_its_phrase(nlp):
    doc = make(nlp, "She has won three Davis Cup titles since 2015.", [("three Davis Cup", "CARDINAL")])
    assert M.counted_phrase(doc.ents[0]) == "davis cup title"
    doc = make(nlp, "The label sold 1.4m combined print and audio copies.", [("1.4m", "CARDINAL")])
    assert M.counted_phrase(doc.ents[0]) == "print audio copy"


def test_a_share_price_after_a_move_in_percent_is_no_percentage(nlp):
    doc = make(nlp, "Acme rose 6.2% to 4.80 after the results.", [("6.2%", "PERCENT"), ("4.80", "CARDINAL")])
    assert [(m.label, m.unit) for m in M.mentions_of(doc)] == [("PERCENT", "percent"), ("CARDINAL", "count")]
    doc = make(nlp, "The base rate rose 1.5% to 3.5 on Friday.", [("1.5%", "PERCENT"), ("3.5", "CARDINAL")])
    assert [(m.label, m.unit) for m in M.mentions_of(doc)][1] == ("PERCENT", "percent")


def test_a_bare_amount_after_one_in_cents_is_in_cents(nlp):
    doc = make(nlp, "The top estimate is 91.5 cents, while the lowest is 80.25.", [("91.5 cents", "MONEY"), ("80.25", "MONEY")])
    assert [m.value for m in M.mentions_of(doc)] == [0.915, 0.8025]
    doc = make(nlp, "It paid 91.5 cents a share. Revenue was 80.25 on the year.", [("91.5 cents", "MONEY"), ("80.25", "MONEY")])
    assert [m.value for m in M.mentions_of(doc)][1] == 80.25


def test_a_model_number_inside_a_counted_phrase(nlp):
    doc = make(nlp, "The carrier parked three new 320 Neo planes.", [("three", "CARDINAL"), ("320", "CARDINAL")])
    M.merge_quantity_spans(doc)
    assert [e.text for e in doc.ents] == ["three"]
    assert (M.counted_unit(doc.ents[0]), M.counted_phrase(doc.ents[0])) == ("plane", "new 320 neo plane")
    assert _merged(nlp, "It sent 500 Canadian troops.", [("500", "CARDINAL")]) == [("500", "CARDINAL")]


def test_the_numerator_of_a_fraction_is_no_count(nlp):
    assert _merged(nlp, "One fifth of the voters stayed home.", [("One", "CARDINAL")]) == []
    assert _merged(nlp, "Two-thirds of staff left.", [("Two", "CARDINAL")]) == []
    assert _merged(nlp, "One voter in four stayed home.", [("One", "CARDINAL")]) == [("One", "CARDINAL")]


def test_a_parallel_clause_shares_the_unit_of_its_first_half(nlp):
    doc = make(nlp, "The CAC rose by 3 percent but the FTSE fell by 2.", [("3 percent", "PERCENT"), ("2", "CARDINAL")])
    assert [(m.label, m.value, m.unit) for m in M.mentions_of(doc)][1] == ("PERCENT", 2, "percent")
    doc = make(nlp, "It cut costs by 20% and its staff by about 9,000 last year.",
               [("20%", "PERCENT"), ("about 9,000", "CARDINAL")])
    assert [m.label for m in M.mentions_of(doc)][1] == "CARDINAL"
    doc = make(nlp, "The fund sold 120 flats by auction and 80 by tender.", [("120", "CARDINAL"), ("80", "CARDINAL")])
    assert [m.unit for m in M.mentions_of(doc)] == ["flat", "flat"]
