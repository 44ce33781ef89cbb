"""Prefecture -> the NACCS office to contact (offices.toml, FACTS §5) and the reference pages."""

from __future__ import annotations

from functools import cached_property, lru_cache
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .errors import InputError, did_you_mean, field_path
from .files import read_toml
from .tariffs import data_file


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

    def hours(self, lang: str) -> str:
        return self.hours_en if lang == "en" else self.hours_ja

    def lookup(self, prefecture: str) -> Office:
        try:
            return self.by_prefecture[prefecture]
        except KeyError:
            # accept the name without its suffix (東京 -> 東京都, 大阪 -> 大阪府 ...)
            for name, office in self.by_prefecture.items():
                if name[:-1] == prefecture or name == prefecture + "県":
                    return office
            raise InputError(None, "prefecture", f"unknown prefecture {prefecture!r}"
                             + did_you_mean(prefecture, self.by_prefecture)) from None


@lru_cache(maxsize=1)
def load_offices() -> Offices:
    path = data_file("offices.toml")
    try:
        return Offices.model_validate(read_toml(path))
    except ValidationError as exc:
        err = exc.errors()[0]
        raise InputError(path, field_path(err["loc"]), err["msg"]) from None
