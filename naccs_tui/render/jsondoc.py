"""The JSON the commands print and export: Japanese as is (not \\u escapes), two-space indent, a final newline.

A report block (render.report_model) inside a report is written as its JSON object."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import is_dataclass

from .report_blocks import as_dict


def _block(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        return as_dict(value)
    raise TypeError(f"{type(value).__name__} is not JSON data")


def to_json(report: Mapping[str, object]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, default=_block) + "\n"
