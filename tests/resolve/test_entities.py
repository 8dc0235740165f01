import pytest

from claimcheck.resolve.entities import name_key, resolve_names


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
