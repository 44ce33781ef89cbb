"""Prefecture -> office (FACTS §5): all 47 prefectures, each exactly once; lookups and contacts."""

from __future__ import annotations

import pytest

from naccs_tui.domain.errors import InputError
from naccs_tui.domain.offices import PREFECTURES_JIS, ROMAJI, Offices, load_offices, matches, resolve
from naccs_tui.render.office import office_report, pref_label, to_text

# FACTS §5, prefectures per office as the guide lists them
FACTS_AREAS = {
    "kawasaki": "北海道 青森県 秋田県 岩手県 宮城県 福島県 栃木県 茨城県 千葉県 山形県 新潟県 群馬県 埼玉県 山梨県 東京都 神奈川県",
    "tokai": "長野県 静岡県 岐阜県 愛知県 三重県",
    "kansai": "富山県 石川県 福井県 京都府 滋賀県 大阪府 奈良県 和歌山県 兵庫県 鳥取県 岡山県 香川県 徳島県 愛媛県 高知県 島根県 広島県",
    "kyushu": "山口県 福岡県 大分県 宮崎県 佐賀県 長崎県 熊本県 鹿児島県 沖縄県",
}


def test_every_prefecture_maps_to_exactly_one_office():
    offices = load_offices()
    assert len(PREFECTURES_JIS) == len(set(PREFECTURES_JIS)) == 47
    owners = {p: [o.id for o in offices.offices if p in o.prefectures] for p in PREFECTURES_JIS}
    assert all(len(ids) == 1 for ids in owners.values()), {p: i for p, i in owners.items() if len(i) != 1}
    assert sorted(offices.by_prefecture) == sorted(PREFECTURES_JIS)
    assert offices.prefectures_jis == list(PREFECTURES_JIS)
    # 16 + 5 + 17 + 9 = 47, as in the guide
    assert {o.id: set(o.prefectures) for o in offices.offices} == {k: set(v.split()) for k, v in FACTS_AREAS.items()}


def test_a_prefecture_given_twice_is_rejected():
    data = load_offices().model_dump(by_alias=True)
    data["offices"][1]["prefectures"] = [*data["offices"][1]["prefectures"], "東京都"]
    with pytest.raises(ValueError, match="東京都 is assigned to two offices"):
        Offices.model_validate(data)


@pytest.mark.parametrize(
    ("typed", "office"),
    [
        ("東京都", "kawasaki"),
        ("東京", "kawasaki"),
        ("北海道", "kawasaki"),
        ("愛知", "tokai"),
        ("京都", "kansai"),
        ("大阪府", "kansai"),
        ("沖縄", "kyushu"),
        ("山口県", "kyushu"),
    ],
)
def test_lookup_accepts_names_with_or_without_suffix(typed, office):
    assert load_offices().lookup(typed).id == office


def test_resolve_accepts_romaji_and_suggests():
    assert resolve("Tokyo") == resolve(" tokyo ") == resolve("東京") == "東京都"
    assert resolve("KAGOSHIMA") == "鹿児島県"
    with pytest.raises(InputError) as exc:
        resolve("東京府")
    assert exc.value.field == "prefecture" and 'did you mean "東京都"?' in exc.value.reason
    with pytest.raises(InputError) as exc:
        resolve("Hokaido")
    assert 'did you mean "Hokkaido"?' in exc.value.reason
    with pytest.raises(InputError):
        resolve("")


def test_search_by_japanese_or_romaji():
    assert matches("東京") == ["東京都"]
    assert matches("kyo") == ["京都府", "東京都"]  # names starting with the query first
    # Shimane starts with the query; then Fukushima, Hiroshima, Tokushima, Kagoshima, north to south
    assert matches("shima") == ["島根県", "福島県", "広島県", "徳島県", "鹿児島県"]
    assert matches("島")[:2] == ["島根県", "福島県"]
    assert len(matches("")) == 47 and matches("zzz") == []
    # long vowels as people type them: oosaka, toukyou, Tōkyō, Kōchi
    assert matches("oosaka") == ["大阪府"] and matches("toukyou") == matches("Tōkyō") == ["東京都"]
    assert resolve("Kōchi") == "高知県" and resolve("hokkaidou") == "北海道"


def test_every_prefecture_has_its_own_romaji_name_for_english_labels():
    assert list(ROMAJI) == list(PREFECTURES_JIS) and len(set(ROMAJI.values())) == 47
    assert all(name.isascii() and name.istitle() for name in ROMAJI.values())
    assert pref_label("東京都", "en") == "Tokyo (東京都)" and pref_label("東京都", "ja") == "東京都"
    assert pref_label("北海道", "en") == "Hokkaido (北海道)"


def test_office_contacts_match_the_guide():
    # FACTS §5 table, hand-copied
    r = office_report("愛知県", "ja")
    assert r.office.as_dict() | {"prefectures": None} == {
        "id": "tokai",
        "name": "東海事務所",
        "address": "〒455-0033 名古屋市港区港町1-11 名古屋港湾会館3階",
        "phone": "052-654-6511",
        "free_dial": "0120-794524",
        "fax": "052-654-6601",
        "hours": "平日 8:30～18:00",
        "prefectures": None,
    }
    assert r.contract.phone == "044-520-6266" and r.contract.fax == "044-520-6248"
    assert r.contract.hours == "平日 9:00～17:00"
    assert len(r.references) == 10 and r.references[-1].url == "https://bbs.naccscenter.com/naccs/dfw/web/nss/"
    kyushu = office_report("沖縄県", "en").office
    assert (kyushu.name, kyushu.phone, kyushu.free_dial, kyushu.fax) == (
        "Kyushu office",
        "092-441-7825",
        "0120-794528",
        "092-434-3120",
    )
    kansai = office_report("大阪府", "ja").office
    assert (kansai.phone, kansai.free_dial, kansai.fax) == ("06-6446-3812", "0120-794526", "06-6446-3811")
    text = to_text(office_report("東京都", "en"), "en")
    assert "Introduction inquiries for Tokyo (東京都)" in text and "0120-794522" in text and "044-522-6284" in text
