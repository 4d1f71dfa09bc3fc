"""Quote reuse in the API: ``GET /api/quotes`` (groups, ``?conflicts=1``), ``GET /api/quotes/{id}``,
and the ``quote_group`` field on statements ("also quoted in N articles").

Kept apart from ``app.py``: :func:`add_routes` registers the routes on the
app, :func:`with_reuse` annotates a page of statement dicts with one query.
A store without quote groups (an older implementation of the store
protocol) gets no ``quote_group`` field and 404s on the routes.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import FastAPI, Query
from fastapi import Path as PathParam
from fastapi.responses import Response
from pydantic import BaseModel, Field

__all__ = ["QuoteReuse", "add_routes", "with_reuse"]


class QuoteReuse(BaseModel):
    id: int = Field(..., description="the quote group: GET /api/quotes/{id}")
    n_articles: int = Field(..., description="articles that carry this quote (this one included)")
    conflict: bool = Field(..., description="the articles credit the quote to different people")


class QuoteAppearance(BaseModel):
    statement_id: int
    article_id: str
    article_title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    quote: str
    speaker: str | None = Field(None, description="the speaker mention as written")
    speaker_entity: str | None = None
    speaker_name: str | None = None
    named: bool = Field(..., description="the speaker is written as a name (only these count for conflicts)")


class QuoteGroupOut(BaseModel):
    id: int
    n_members: int
    n_articles: int
    conflict: bool
    first: QuoteAppearance | None = Field(None, description="the earliest published appearance")


class QuoteGroupDetail(QuoteGroupOut):
    appearances: list[QuoteAppearance] = Field(..., description="first appearance first, then by date")


class QuoteGroupPage(BaseModel):
    items: list[QuoteGroupOut]
    total: int
    limit: int
    offset: int


def with_reuse(store: Any, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each statement dict ``quote_group`` (or None): one query for the whole page."""
    reuse = getattr(store, "quote_reuse", None)
    if reuse is None:
        return items
    found = reuse([s["id"] for s in items if isinstance(s.get("id"), int)])
    for s in items:
        s["quote_group"] = found.get(s.get("id"))
    return items


Cached = Callable[[tuple[Any, ...], Callable[[], bytes]], Awaitable[Response]]


def add_routes(
    app: FastAPI,
    store: Any,
    cached: Cached,
    encode: Callable[[Any], bytes],
    not_found: Callable[[str], Exception],
    errors: dict[int | str, dict[str, Any]],
) -> None:
    """Register the quote routes (before the app's catch-all ``/api/…`` route)."""

    def groups_of(method: str) -> Callable[..., Any]:
        fn = getattr(store, method, None)
        if fn is None:
            raise not_found("this store has no quote groups")
        return fn  # type: ignore[no-any-return]

    @app.get(
        "/api/quotes",
        response_model=QuoteGroupPage,
        responses=errors,
        tags=["quotes"],
        summary="Quotes that recur in two articles or more, most articles first",
    )
    async def quotes(
        conflicts: Annotated[bool, Query(description="only groups credited to different people")] = False,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    ) -> Response:
        def compute() -> bytes:
            total, items = groups_of("quote_groups")(conflicts=conflicts, limit=limit, offset=offset)
            return encode({"items": items, "total": total, "limit": limit, "offset": offset})

        return await cached(("quotes", conflicts, limit, offset), compute)

    @app.get(
        "/api/quotes/{group_id}",
        response_model=QuoteGroupDetail,
        responses=errors,
        tags=["quotes"],
        summary="One quote: its first appearance and every later one, with who each credits",
    )
    async def quote(group_id: Annotated[int, PathParam(ge=0, le=2**62)]) -> Response:
        def compute() -> bytes:
            found = groups_of("quote_group")(group_id)
            if found is None:
                raise not_found(f"no quote group with id {group_id}")
            return encode(found)

        return await cached(("quote", group_id), compute)
