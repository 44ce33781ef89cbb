"""The JSON the commands print and export: Japanese as is (not \\u escapes), two-space indent, a final newline.

A report block (render.report_blocks) inside a report is written as its JSON object."""

from __future__ import annotations

import json
from collections.abc import Mapping

from .report_blocks import as_dict


def to_json(report: Mapping[str, object]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2, default=as_dict) + "\n"
