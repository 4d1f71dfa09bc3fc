"""The HTTP parser options ``saidwhat serve`` gives uvicorn: a limit on a request's head.

The app refuses a request line and headers over :data:`~saidwhat.web.app.MAX_HEADER_BYTES`
(431), but only once the server has read them whole. uvicorn's fast httptools
parser has no limit of its own, so a client could make it hold an 8 MB header
(or an endless one) in memory. :class:`HeadLimitedHttpTools` counts the bytes
that arrive while a request's head is incomplete and hangs up past
:data:`HEAD_LIMIT_BYTES`; without httptools, uvicorn's h11 parser has the same
limit built in (``h11_max_incomplete_event_size``).

Twice the app's limit: a head somewhat too large still gets the app's JSON 431,
a flood is cut off here without being held.
"""

from __future__ import annotations

import json
from typing import Any

from .app import MAX_HEADER_BYTES

HEAD_LIMIT_BYTES = 2 * MAX_HEADER_BYTES


def _too_large_answer() -> bytes:
    body = json.dumps({"error": f"request headers too large (limit {MAX_HEADER_BYTES} bytes)"}).encode()
    head = (
        "HTTP/1.1 431 Request Header Fields Too Large\r\n"
        "content-type: application/json\r\n"
        f"content-length: {len(body)}\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


def uvicorn_http_options() -> dict[str, Any]:
    """uvicorn.run keyword arguments for a parser that never holds more than :data:`HEAD_LIMIT_BYTES` of a head."""
    try:
        import httptools  # noqa: F401  (only whether it is there)
    except ImportError:
        return {"http": "h11", "h11_max_incomplete_event_size": HEAD_LIMIT_BYTES}
    return {"http": HeadLimitedHttpTools}


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # no httptools: uvicorn_http_options() picks h11
    HttpToolsProtocol = object  # type: ignore[misc,assignment]


class HeadLimitedHttpTools(HttpToolsProtocol):
    """uvicorn's httptools protocol that hangs up on a request head over :data:`HEAD_LIMIT_BYTES`.

    Bytes are counted from the start of a request (``on_message_begin``) to the
    end of its headers (``on_headers_complete``), as they arrive; the first
    chunk of a pipelined request may go uncounted, so the bound is the limit
    plus one read.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._in_head = True
        self._head_bytes = 0

    def on_message_begin(self) -> None:
        self._in_head = True
        self._head_bytes = 0
        super().on_message_begin()

    def on_headers_complete(self) -> None:
        self._in_head = False
        super().on_headers_complete()

    def data_received(self, data: bytes) -> None:
        if self._in_head:
            self._head_bytes += len(data)
            if self._head_bytes > HEAD_LIMIT_BYTES:
                self.transport.write(_too_large_answer())
                self.transport.close()
                return
        super().data_received(data)
