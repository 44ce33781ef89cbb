"""The JSON the commands print and export: Japanese as is (not \\u escapes), two-space indent, a final newline."""

from __future__ import annotations

import json
from typing import Any


def to_json(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
