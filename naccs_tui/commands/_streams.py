"""Standard output and standard error that never fail on a character (see render/glyphs.py).

``configure()`` is called once, when the command line starts; ``write()`` prints one document of
an output format. Files the commands write are always UTF-8 (CSV with a byte-order mark), whatever
the streams' encoding: see _shared.emit_or_write and domain/files.write_atomic.

Late imports: render/glyphs.py loads only when a document is printed or a character fails;
``--help`` says its text without it (start-up time).
"""

from __future__ import annotations

import codecs
import sys

ERRORS = "naccs-glyphs"
"""render.glyphs.ERRORS, the name of its codec error handler (said here so that configure() need
not import it: a line of --help or a usage error is written without loading render.glyphs)."""

TYPE_CHECKING = False  # typing itself costs --help a few milliseconds; mypy reads this name as usual
if TYPE_CHECKING:
    from typing import TextIO


def configure(*streams: TextIO | None) -> None:
    """Give standard output and error (or ``streams``) the glyph fallbacks of render/glyphs.py
    as their error handler: a character the encoding lacks is written as its fallback or as an
    escape, never as an exception or a ``?``. Their encoding stays what Python chose.

    render.glyphs registers the handler when it is imported; until then a stand-in that imports
    it (which puts the real handler in its place) answers the first character that fails."""
    if f"{__package__.rpartition('.')[0]}.render.glyphs" not in sys.modules:
        codecs.register_error(ERRORS, _first_failure)
    for stream in streams or (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None under pythonw; a StringIO has none
        if reconfigure is not None:
            try:  # noqa: SIM105 (not contextlib.suppress: importing contextlib costs --help)
                reconfigure(errors=ERRORS)
            except (AttributeError, ValueError, OSError):
                pass


def _first_failure(exc: UnicodeError) -> tuple[str | bytes, int]:
    from ..render import glyphs  # registers glyphs' handler under ERRORS, in this one's place

    return codecs.lookup_error(glyphs.ERRORS)(exc)


def write(text: str, fmt: str = "text", stream: TextIO | None = None) -> None:
    """Print ``text``, a document in the output format ``fmt``, to ``stream`` (standard output).

    ICS goes out as UTF-8 bytes with its own CRLF line ends: the standard (RFC 5545) knows no
    other encoding and no escapes, and a Windows text stream would turn CRLF into CR CR LF.
    JSON and HTML use their own escapes where the encoding lacks a character; text, Markdown and
    CSV the stream's glyph fallbacks (CSV thus in cp932 on Japanese Windows, as Excel reads a
    CSV without a byte-order mark)."""
    out = sys.stdout if stream is None else stream
    buffer = getattr(out, "buffer", None)
    if fmt == "ics" and buffer is not None:
        out.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()
        return
    from ..render import glyphs

    encoding = getattr(out, "encoding", None) or "utf-8"
    out.write(glyphs.for_format(text, fmt, encoding))
    out.flush()
