"""An input error as one line in the user's language: ``FILE: FIELD: reason``.

The domain raises ``InputError`` with an English reason and a ``code`` and ``params`` (pydantic's
error type with its bounds, or one of ours); in Japanese the sentence for the code comes from the
catalog (``err.<code>`` in locale/errors.toml), with the real figures. English keeps the reason
as the domain wrote it (the catalog's English sentence says the same). A code the catalog does
not know keeps the English reason (tests/cli/test_errors_ja.py runs every error path in Japanese).

A cell of a CSV file is named as a spreadsheet names it (``row 2, price_a`` / ``2行目, price_a``),
and an error of the operating system by its errno (``EROFS``), said in words where the catalog has
them.
"""

from __future__ import annotations

from typing import Any

from ..domain.errors import InputError
from ..i18n import catalogs, get_lang, t


def _shown(value: Any) -> Any:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value


def os_error_text(errno_name: str, lang: str | None = None) -> str:
    """An errno (``EROFS``) in words (read-only file system), or the errno itself."""
    key = f"err.os.{errno_name}"
    return t(key, lang) if key in catalogs()[lang or get_lang()] else errno_name


def reason_text(exc: InputError, lang: str | None = None) -> str:
    """The reason of ``exc`` in ``lang`` (the catalog's sentence for its code, else as given).
    English keeps the reason as the domain wrote it (the same facts, pydantic's own wording)."""
    if exc.code is None or (lang or get_lang()) == "en":
        return exc.reason
    return catalog_reason(exc, lang) or exc.reason


def catalog_reason(exc: InputError, lang: str | None = None) -> str | None:
    """The catalog's sentence for the code of ``exc`` in ``lang``, with its figures; None when the
    catalog has no sentence for it (or the sentence needs a figure this error lacks)."""
    params = {k: _shown(v) for k, v in exc.params.items() if k not in ("row", "errno")}
    suggestion = params.pop("suggestion", None)
    params["hint"] = t("err.hint", lang, word=suggestion) if suggestion else ""
    if "errno" in exc.params:
        params["os_error"] = os_error_text(str(exc.params["errno"]), lang)
    key = f"err.{exc.code}"
    if key not in catalogs()[lang or get_lang()]:
        return None
    try:
        return t(key, lang, **params)
    except (KeyError, IndexError, ValueError):
        return None


def field_text(exc: InputError, lang: str | None = None) -> str | None:
    """The field of ``exc``; a CSV cell as the catalog names a row (``2行目, price_a``)."""
    row = exc.params.get("row")
    if row is None or (lang or get_lang()) == "en":
        return exc.field
    column = exc.params.get("column")
    return ", ".join(p for p in (t("err.field_row", lang, row=row), column) if p)


def error_line(exc: InputError, lang: str | None = None) -> str:
    """``FILE: FIELD: reason`` with the reason in ``lang``."""
    return ": ".join([p for p in (exc.source, field_text(exc, lang)) if p] + [reason_text(exc, lang)])
