"""Prefecture -> the NACCS office to contact (offices.toml, FACTS §5) and the reference pages."""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import InputError, closest, did_you_mean, field_path, pydantic_code
from .files import read_toml
from .tariffs import data_file

# The 47 prefectures in the usual (JIS X 0401) order, north to south (the order of pick lists),
# each with its romaji name: the English label and what a user may type instead of the Japanese.
ROMAJI: dict[str, str] = {
    "北海道": "Hokkaido",
    "青森県": "Aomori",
    "岩手県": "Iwate",
    "宮城県": "Miyagi",
    "秋田県": "Akita",
    "山形県": "Yamagata",
    "福島県": "Fukushima",
    "茨城県": "Ibaraki",
    "栃木県": "Tochigi",
    "群馬県": "Gunma",
    "埼玉県": "Saitama",
    "千葉県": "Chiba",
    "東京都": "Tokyo",
    "神奈川県": "Kanagawa",
    "新潟県": "Niigata",
    "富山県": "Toyama",
    "石川県": "Ishikawa",
    "福井県": "Fukui",
    "山梨県": "Yamanashi",
    "長野県": "Nagano",
    "岐阜県": "Gifu",
    "静岡県": "Shizuoka",
    "愛知県": "Aichi",
    "三重県": "Mie",
    "滋賀県": "Shiga",
    "京都府": "Kyoto",
    "大阪府": "Osaka",
    "兵庫県": "Hyogo",
    "奈良県": "Nara",
    "和歌山県": "Wakayama",
    "鳥取県": "Tottori",
    "島根県": "Shimane",
    "岡山県": "Okayama",
    "広島県": "Hiroshima",
    "山口県": "Yamaguchi",
    "徳島県": "Tokushima",
    "香川県": "Kagawa",
    "愛媛県": "Ehime",
    "高知県": "Kochi",
    "福岡県": "Fukuoka",
    "佐賀県": "Saga",
    "長崎県": "Nagasaki",
    "熊本県": "Kumamoto",
    "大分県": "Oita",
    "宮崎県": "Miyazaki",
    "鹿児島県": "Kagoshima",
    "沖縄県": "Okinawa",
}
PREFECTURES_JIS: tuple[str, ...] = tuple(ROMAJI)


class _Frozen(BaseModel):
    # defer_build: one validator (Offices', when the file is read) instead of one per class at import
    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(cached_property,), defer_build=True)


class Contract(_Frozen):
    name_ja: str
    name_en: str
    address: str
    phone: str
    fax: str
    hours_ja: str
    hours_en: str


class Office(_Frozen):
    id: str
    name_ja: str
    name_en: str
    address: str
    phone: str
    free_dial: str
    fax: str
    prefectures: tuple[str, ...]

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_ja


class Reference(_Frozen):
    title_ja: str
    title_en: str
    url: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_ja


class Offices(_Frozen):
    schema_: Annotated[int, Field(alias="schema")] = 1
    hours_ja: str
    hours_en: str
    contract: Contract
    offices: tuple[Office, ...]
    references: tuple[Reference, ...] = ()

    @model_validator(mode="after")
    def _each_prefecture_once(self) -> Offices:
        seen: set[str] = set()
        for office in self.offices:
            for pref in office.prefectures:
                if pref in seen:
                    raise ValueError(f"{pref} is assigned to two offices")
                seen.add(pref)
        return self

    @cached_property
    def by_prefecture(self) -> dict[str, Office]:
        return {p: o for o in self.offices for p in o.prefectures}

    @property
    def prefectures(self) -> list[str]:
        """Prefectures in the order the guide lists them (office by office)."""
        return list(self.by_prefecture)

    @property
    def prefectures_jis(self) -> list[str]:
        """The prefectures the offices cover, in the usual north-to-south order."""
        known = self.by_prefecture
        return [p for p in PREFECTURES_JIS if p in known] + [p for p in known if p not in PREFECTURES_JIS]

    def canonical(self, prefecture: str) -> str:
        """The full name (東京 -> 東京都); InputError with a suggestion when unknown."""
        name = prefecture.strip()
        if name in self.by_prefecture:
            return name
        for full in self.by_prefecture:
            if name and (full[:-1] == name or full == name + "県"):
                return full
        reason = f"unknown prefecture {prefecture!r}" + did_you_mean(name, self.by_prefecture)
        params = {"value": repr(prefecture), "suggestion": closest(name, self.by_prefecture)}
        raise InputError(None, "prefecture", reason, code="unknown_prefecture_value", params=params)

    def hours(self, lang: str) -> str:
        return self.hours_en if lang == "en" else self.hours_ja

    def lookup(self, prefecture: str) -> Office:
        """The office for a prefecture; the name may omit its suffix (東京 -> 東京都)."""
        return self.by_prefecture[self.canonical(prefecture)]


@lru_cache(maxsize=1)
def load_offices() -> Offices:
    path = data_file("offices.toml")
    try:
        return Offices.model_validate(read_toml(path))
    except ValidationError as exc:
        err = exc.errors()[0]
        code, params = pydantic_code(err)
        raise InputError(path, field_path(err["loc"]), err["msg"], code=code, params=params) from None


def romaji(prefecture: str) -> str:
    """Tokyo for 東京都; a name outside the 47 is returned as given."""
    return ROMAJI.get(prefecture, prefecture)


def fold_romaji(text: str) -> str:
    """Lower case with long vowels folded, so Tōkyō, toukyou and Tokyo compare equal."""
    out = text.strip().lower().translate(str.maketrans("āēīōū", "aeiou")).replace("-", "")
    for long, short in (("ou", "o"), ("oo", "o"), ("uu", "u")):
        out = out.replace(long, short)
    return out


def matches(query: str, offices: Offices | None = None) -> list[str]:
    """Prefectures (north to south) whose Japanese or romaji name contains ``query``."""
    offices = offices or load_offices()
    q, fq = query.strip(), fold_romaji(query)
    names = offices.prefectures_jis
    if not q:
        return names
    hits = [p for p in names if q in p or fq in fold_romaji(romaji(p))]
    # names that start with the query first (e.g. "kyo" -> Kyoto before Tokyo)
    return sorted(hits, key=lambda p: not (p.startswith(q) or fold_romaji(romaji(p)).startswith(fq)))


def resolve(text: str, offices: Offices | None = None) -> str:
    """The full Japanese name of a prefecture typed by the user, or InputError (did you mean)."""
    offices = offices or load_offices()
    q = text.strip()
    by_romaji = {romaji(p).lower(): p for p in offices.by_prefecture}
    folded = {fold_romaji(key): p for key, p in by_romaji.items()}
    if fold_romaji(q) in folded:
        return folded[fold_romaji(q)]
    try:
        return offices.canonical(q)
    except InputError:
        word = closest(q, offices.by_prefecture)
        if word is None:
            close = closest(q.lower(), by_romaji)
            word = romaji(by_romaji[close]) if close else None
        if word is None:
            hits = matches(q, offices) if q else []
            word = hits[0] if len(hits) == 1 else None
        reason = f"unknown prefecture {text!r}" + (f' (did you mean "{word}"?)' if word else "")
        params = {"value": repr(text), "suggestion": word}
        raise InputError(None, "prefecture", reason, code="unknown_prefecture_value", params=params) from None
