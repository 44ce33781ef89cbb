"""An input error as one line in the user's language: ``FILE: FIELD: reason``.

The domain raises ``InputError`` with an English reason and, where it knows it, a ``code`` and
``params`` (pydantic's error type with its bounds, or one of ours); in Japanese the sentence for
the code comes from the catalog (``err.<code>``), with the real figures. A code the catalog does
not know keeps the English reason.
"""

from __future__ import annotations

from typing import Any

from ..domain.errors import InputError
from ..i18n import get_lang, t


def _shown(value: Any) -> Any:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value


def reason_text(exc: InputError, lang: str | None = None) -> str:
    """The reason of ``exc`` in ``lang`` (the catalog's sentence for its code, else as given).
    English keeps the reason as the domain wrote it (the same facts, pydantic's own wording)."""
    if exc.code is None or (lang or get_lang()) == "en":
        return exc.reason
    return catalog_reason(exc, lang) or exc.reason


def catalog_reason(exc: InputError, lang: str | None = None) -> str | None:
    """The catalog's sentence for the code of ``exc`` in ``lang``, with its figures; None when the
    catalog has no sentence for it (or the sentence needs a figure this error lacks)."""
    params = {k: _shown(v) for k, v in exc.params.items()}
    suggestion = params.pop("suggestion", None)
    params["hint"] = t("err.hint", lang, word=suggestion) if suggestion else ""
    key = f"err.{exc.code}"
    try:
        text = t(key, lang, **params)
    except (KeyError, IndexError, ValueError):
        return None
    return None if text == key else text


def error_line(exc: InputError, lang: str | None = None) -> str:
    """``FILE: FIELD: reason`` with the reason in ``lang``."""
    return ": ".join([p for p in (exc.source, exc.field) if p] + [reason_text(exc, lang)])
