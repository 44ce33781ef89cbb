"""Prefecture -> the NACCS office to contact (offices.toml, FACTS §5) and the reference pages."""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import InputError, did_you_mean, field_path
from .files import read_toml
from .tariffs import data_file

# The 47 prefectures in the usual (JIS X 0401) order, north to south: the order of pick lists.
PREFECTURES_JIS: tuple[str, ...] = (
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
)


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", ignored_types=(cached_property,))


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
        raise InputError(
            None, "prefecture", f"unknown prefecture {prefecture!r}" + did_you_mean(name, self.by_prefecture)
        )

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
        raise InputError(path, field_path(err["loc"]), err["msg"]) from None
