"""Write a launcher that runs a tree's naccs-tui as pip's console script does, for the benchmarks.

    python benchmarks/launcher.py OUT [TREE]      # TREE: default, this checkout

pip's script imports ``re`` and ``sys`` and calls ``naccs_tui.cli:entry``; pip also compiles the
bytecode at install. Here PYTHONDONTWRITEBYTECODE may be set, so the launcher gives its Python a
``pycache_prefix`` of its own (next to OUT) and writes bytecode there on its first run: every
later run starts from compiled bytecode, as an installed copy does.
"""

from __future__ import annotations

import stat
import sys
from pathlib import Path

TEMPLATE = """#!{python}
# naccs-tui of {tree} as pip's console script runs it, bytecode kept in a cache of its own
import sys
sys.pycache_prefix = {pyc!r}
sys.dont_write_bytecode = False
sys.path.insert(0, {tree!r})
import re
from naccs_tui.cli import entry
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit(entry())
"""


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = Path(sys.argv[1]).resolve()
    tree = Path(sys.argv[2] if len(sys.argv) == 3 else Path(__file__).resolve().parents[1]).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    text = TEMPLATE.format(python=sys.executable, tree=str(tree), pyc=str(out.parent / "pyc"))
    out.write_text(text, encoding="utf-8")
    out.chmod(out.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
