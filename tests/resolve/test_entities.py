import pytest

from claimcheck.resolve.entities import MentionRef, name_key, product_makers, resolve_mentions, resolve_names


@pytest.mark.parametrize("name, key", [
    ("Alibaba Group Holding Ltd.", "alibaba"), ("The Alibaba Group", "alibaba"), ("ARM", "arm"),
    ("Arm Holdings", "arm"), ("SenseTime's", "sensetime"), ("Megvii Technology Ltd", "megviitechnology"), ("Time Warner", "timewarner"), ("TimeWarner", "timewarner"),
    ("SoftBank Group Corp.", "softbank"), ("Dahua", "dahua"),
])
def test_name_key(name, key):
    assert name_key(name) == key


def test_resolve_merges_variants_keeps_subsidiaries_apart():
    mapping = resolve_names(["Alibaba", "Alibaba", "Alibaba Group Holding Ltd", "Alibaba Cloud", "ARM", "Arm",
                             "Arm Holdings", "Hangzhou Hikvision Digital Technology", "Hikvision", "Hikvision"])
    assert mapping["Alibaba Group Holding Ltd"] == "Alibaba"
    assert mapping["Alibaba Cloud"] == "Alibaba Cloud"
    assert mapping["ARM"] == mapping["Arm Holdings"] == mapping["Arm"]
    assert mapping["Hangzhou Hikvision Digital Technology"] == "Hikvision"


def test_typo_corrections_join_the_right_entity():
    mapping = resolve_names(["Megvii", "Megvii", "Megvi"], {"Megvi": "Megvii"})
    assert mapping["Megvi"] == "Megvii"


@pytest.mark.parametrize("names, same", [
    (["Xinjiang Uighur Autonomous Region", "Xinjiang Uyghur Autonomous Region", "XUAR"], True),  # acronym, transliteration
    (["Uighur", "Uyghur"], True),
    (["European Aeronautic Defence and Space Company EADS N.V.", "EADS", "European Aeronautic Defence and Space Company"], True),
    (["United States Air Force", "USAF"], True),
    (["US Commerce Department", "Commerce Department", "Commerce Department"], True),  # descriptive place word
    (["Alibaba Group Holding Ltd.", "Alibaba", "ALIBABA", "Alibaba's"], True),
    (["Megvii Technology Ltd", "Megvii"], True),
    (["Alibaba Cloud", "Alibaba"], False),  # subsidiary
    (["Arm China", "Arm"], False),  # regional subsidiary
    (["Bank of China", "China"], False),
    (["Singapore Airlines", "Singapore"], False),  # a company named after a place is not the place
    (["Ant Financial", "Ant"], False),
    (["Hikvision", "Dahua"], False),
])
def test_resolution_table(names, same):
    mapping = resolve_names(names)
    assert (len({mapping[n] for n in names}) == 1) is same, mapping


def test_product_to_maker():
    texts = ["Megvii, the company behind the Face++ platform, is valued at more than $4bn.",
             "Shares of iPhone maker Apple rose."]
    makers = product_makers(texts)
    assert makers == {"face++": "Megvii", "iphone": "Apple"}
    mapping = resolve_names(["the maker of Face++", "Megvii", "Face++ maker", "the iPhone maker", "Apple"], makers=makers)
    assert mapping["the maker of Face++"] == mapping["Face++ maker"] == "Megvii"
    assert mapping["the iPhone maker"] == "Apple"
    assert resolve_names(["the maker of Face++"])["the maker of Face++"] == "maker of Face++"  # no maker known


def test_within_document_references_join_the_last_name():
    refs = [MentionRef("a", "Aer Lingus Group PLC", 1), MentionRef("a", "the company", 2), MentionRef("a", "it", 3),
            MentionRef("b", "Irish national airline Aer Lingus", 1), MentionRef("b", "Ryanair", 2),
            MentionRef("b", "Irish low cost airline , Ryanair", 3), MentionRef("b", "the firm", 4)]
    labels = resolve_mentions(refs)
    assert labels[0] == labels[1] == labels[2] == labels[3]
    assert labels[4] == labels[5] == labels[6] != labels[0]
