"""The page in a real Chromium (Debian's, driven by playwright) against a live server.

Skips cleanly without playwright or a chromium binary; on the project's
machines (``.ci/run`` installs Debian's chromium) they run.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

import uvicorn  # noqa: E402

from conftest import REPO, SEED_TEXT, need_shared  # noqa: E402
from saidwhat.lang.de.samples import HOSTILE, XSS_ATTR, XSS_SCRIPT, sample_store  # noqa: E402
from saidwhat.store import Store  # noqa: E402
from saidwhat.web import create_app  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("SAIDWHAT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """uvicorn serving ``create_app(store)`` on a free loopback port, in a thread."""

    def __init__(self, db: Path, curation: bool = False) -> None:
        self.store = Store(db, readonly=True)
        self.curator = Store(db) if curation else None
        self.port = free_port()
        app = create_app(self.store, allowed_hosts=["127.0.0.1", "localhost"], curator=self.curator)
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.store.close()
        if self.curator is not None:
            self.curator.close()


def build_db(path: Path) -> dict[str, str]:
    """Samples, the hand-annotated article and the hostile one; title → id."""
    from saidwhat.lang.de.samples import ANNOTATED, SAMPLES
    from saidwhat.pipeline import extract

    ids = sample_store(path)
    titles = [s.title for s in SAMPLES] + [ANNOTATED.title]
    with Store(path) as store:
        hostile = extract(HOSTILE.text, published=HOSTILE.published)
        titles.append(HOSTILE.title)
        ids.append(store.add_article(hostile, url=HOSTILE.url, title=HOSTILE.title, source=HOSTILE.source))
    return dict(zip(titles, ids, strict=True))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    exe = chromium_path()
    if exe is None:
        pytest.skip("no chromium binary (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, dict[str, str]]]:
    db = tmp_path_factory.mktemp("browser") / "store.db"
    ids = build_db(db)
    with LiveServer(db) as server:
        yield server, ids


class Watch:
    """Collects what must not happen on a page: dialogs, errors, foreign requests."""

    def __init__(self, page: Any, origin: str) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.foreign: list[str] = []

        def on_dialog(d: Any) -> None:
            self.dialogs.append(d.message)
            d.dismiss()

        def on_console(m: Any) -> None:
            if m.type == "error":
                self.errors.append(m.text)

        def on_request(r: Any) -> None:
            if not r.url.startswith(origin + "/") and not r.url.startswith("data:"):
                self.foreign.append(r.url)

        page.on("dialog", on_dialog)
        page.on("console", on_console)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", on_request)

    def clean(self, allow_404: bool = False) -> None:
        assert self.dialogs == [], self.dialogs
        errors = [e for e in self.errors if not (allow_404 and "status of 404" in e)]
        assert errors == [], errors
        assert self.foreign == [], self.foreign


@pytest.fixture()
def page(browser: Any, site: tuple[LiveServer, dict[str, str]]) -> Iterator[tuple[Any, Watch]]:
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    watch = Watch(pg, site[0].url)
    yield pg, watch
    context.close()


def wait_for(pg: Any, js: str, timeout: float = 15.0) -> None:
    """Poll ``js`` (a function expression) until true; CDP evaluation is not subject to the page's CSP,
    unlike page.wait_for_function, which our ``script-src 'self'`` (rightly) blocks."""
    deadline = time.monotonic() + timeout
    while not pg.evaluate(js):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {js}")
        time.sleep(0.05)


def wait_ready(pg: Any) -> None:
    """Until the page has rendered the view for the current location."""
    wait_for(pg, "() => !!document.body.dataset.ready && document.body.dataset.route === location.hash")


def role_text(pg: Any, role: str, index: int) -> str:
    """The text of every element highlighted as ``role`` of statement ``index``, in order."""
    texts: list[str] = pg.locator(f'.doc [data-{role}~="{index}"]').all_text_contents()
    return "".join(texts)


def joined(text: str, spans: list[list[int]]) -> str:
    return "".join(text[b:e] for b, e in spans)


def check_highlights(pg: Any, article: dict[str, Any], roles: tuple[str, ...] = ("quote", "speaker", "cue")) -> int:
    """Every statement's role spans are highlighted on exactly its words; returns how many roles were checked."""
    checked = 0
    for i, st in enumerate(article["statements"]):
        for role in roles:
            spans = st["spans"][role]
            if not spans:
                assert pg.locator(f'.doc [data-{role}~="{i}"]').count() == 0
                continue
            assert role_text(pg, role, i) == joined(article["text"], spans), (i, role)
            checked += 1
    return checked


# ---------------------------------------------------------------- tests


def test_search_then_article_highlights(
    page: tuple[Any, Watch], site: tuple[LiveServer, dict[str, str]], tmp_path: Path
) -> None:
    pg, watch = page
    server, ids = site
    pg.goto(server.url + "/")
    wait_ready(pg)
    assert pg.locator("#result-list > li").count() > 5
    assert pg.locator("#stats").inner_text().endswith("speakers")

    pg.fill("#search-form input[name=query]", "Personal")
    pg.press("#search-form input[name=query]", "Enter")
    wait_for(pg, "() => location.hash.includes('query=Personal')")
    wait_ready(pg)
    results = pg.locator("#result-list > li")
    assert results.count() == 2  # "Personal", and "Pflegepersonal" by its compound part
    # the matches are marked, the compound where its part matched
    assert sorted(pg.locator("#result-list mark.match").all_text_contents()) == ["Personal", "Pflegepersonal"]
    result = results.filter(has_text="Ohne zusätzliches Personal")
    assert "Anna Berger" in result.locator(".result-speaker").inner_text()
    # each card links to its source as well as to the article view
    stored = server.store.article(ids["Berger im Interview: Mehr Geld für Pflege"])
    assert stored is not None and result.locator("a.result-source").get_attribute("href") == stored["url"]

    result.locator("a.result-article").click()
    pg.wait_for_selector("#article-text .doc")
    wait_ready(pg)
    article = server.store.article(ids["Berger im Interview: Mehr Geld für Pflege"])
    assert article is not None
    assert pg.locator("#article-title").inner_text() == article["title"]
    assert pg.locator(".doc").inner_text().strip() == article["text"].strip()
    assert check_highlights(pg, article, ("quote", "speaker", "cue", "addressee")) == 11
    # the result's link (?st=ID) lights up that statement in the article
    focus = next(i for i, st in enumerate(article["statements"]) if "Personal" in st["quote"])
    wait_for(pg, "() => document.querySelectorAll('.doc .hl.active').length > 0")
    lit_ids = pg.locator(".doc .hl.active").evaluate_all("es => es.map(e => e.dataset.st)")
    assert set(lit_ids) == {str(focus)}
    # the four roles each have their own colour
    colours = {
        role: pg.locator(f".doc .hl-{role}").first.evaluate("e => getComputedStyle(e).backgroundColor")
        for role in ("quote", "speaker", "cue", "addressee")
    }
    assert len(set(colours.values())) == 4, colours
    assert pg.locator(".legend .key").all_text_contents() == ["Quote", "Speaker", "Cue", "Addressee"]

    # hovering the speaker lights up the whole statement, and only it
    pg.locator('.doc [data-speaker~="1"]').first.hover()
    active = pg.locator(".doc .hl.active")
    lit = {
        (e["role"], e["st"]) for e in active.evaluate_all("es => es.map(e => ({role: e.className, st: e.dataset.st}))")
    }
    assert all(st == "1" for _, st in lit)
    assert "".join(active.all_text_contents()) == "".join(
        article["text"][b:e]
        for b, e in sorted(
            s for r in ("quote", "speaker", "cue", "addressee") for s in article["statements"][1]["spans"][r]
        )
    )
    assert pg.locator('#article-statements li.st.active[data-st="1"]').count() == 1
    pg.screenshot(path=str(tmp_path / "article.png"), full_page=True)
    assert (tmp_path / "article.png").stat().st_size > 10_000
    watch.clean()


def test_filters_and_paging(page: tuple[Any, Watch], site: tuple[LiveServer, dict[str, str]]) -> None:
    pg, watch = page
    server = site[0]
    pg.goto(server.url + "/#/?kind=indirect")
    wait_ready(pg)
    assert pg.locator("#search-form select[name=kind]").input_value() == "indirect"
    badges = pg.locator("#result-list .badge").all_text_contents()
    assert badges and all(b == "indirect" for b in badges)
    pg.goto(server.url + "/#/?since=2030-01-01")
    wait_ready(pg)
    assert pg.locator("#result-count").inner_text() == "No statements found"
    watch.clean()


def test_hostile_article_renders_as_text(page: tuple[Any, Watch], site: tuple[LiveServer, dict[str, str]]) -> None:
    pg, watch = page
    server, ids = site
    aid = ids[HOSTILE.title]
    pg.goto(server.url + "/#/article/" + aid)
    pg.wait_for_selector("#article-text .doc")
    wait_ready(pg)
    pg.wait_for_timeout(300)
    assert pg.locator("#article-title").inner_text() == HOSTILE.title
    doc = pg.locator(".doc").inner_text()
    assert XSS_SCRIPT in doc and XSS_ATTR in doc
    # nothing was injected: no element from the payloads, one script (ours)
    assert pg.locator("img").count() == 0
    assert pg.locator("main svg").count() == 0
    assert pg.locator("b").count() == 0 or "fett" not in "".join(pg.locator("main b").all_text_contents())
    assert pg.locator("script").count() == 1
    assert pg.locator("[onerror], [onload]").count() == 0
    # the javascript: URL is shown, not linked
    assert pg.locator("a[href^='javascript' i]").count() == 0
    assert pg.locator(".unsafe-url").inner_text() == HOSTILE.url
    assert HOSTILE.source in pg.locator(".article-meta").inner_text()
    # hostile search input stays text too
    pg.goto(
        server.url
        + "/#/?query="
        + "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&speaker=%22%3E%3Cscript%3Ealert(2)%3C%2Fscript%3E"
    )
    wait_ready(pg)
    assert pg.locator("#search-form input[name=query]").input_value() == "<img src=x onerror=alert(1)>"
    assert pg.locator("#search-form input[name=speaker]").input_value() == '"><script>alert(2)</script>'
    assert pg.locator("img").count() == 0 and pg.locator("script").count() == 1
    pg.goto(server.url + "/#/article/" + "%3Cimg%20src%3Dx%20onerror%3Dalert(3)%3E")
    wait_ready(pg)
    assert pg.locator("main .error").inner_text() == "no such article"
    pg.wait_for_timeout(300)
    watch.clean(allow_404=True)


def test_speaker_page_has_timeline_and_kinds(page: tuple[Any, Watch], site: tuple[LiveServer, dict[str, str]]) -> None:
    pg, watch = page
    server = site[0]
    pg.goto(server.url + "/#/speakers")
    wait_ready(pg)
    pg.locator("#speaker-table a", has_text="Anna Berger").click()
    pg.wait_for_selector("#timeline")
    wait_ready(pg)
    assert pg.locator("#speaker-name").inner_text() == "Anna Berger"
    sp = server.store.speakers(query="Anna Berger")[0]
    bars = pg.locator("#timeline rect.bar")
    assert sum(int(c) for c in bars.evaluate_all("es => es.map(e => e.dataset.count)")) == sp["n_statements"]
    for kind, n in sp["by_kind"].items():
        assert f"{n}" in pg.locator(f'#kind-split li[data-kind="{kind}"]').inner_text()
    assert pg.locator("#speaker-statements > li").count() == sp["n_statements"]
    watch.clean()


def test_try_it_extracts_and_highlights(page: tuple[Any, Watch], site: tuple[LiveServer, dict[str, str]]) -> None:
    pg, watch = page
    server = site[0]
    pg.goto(server.url + "/#/try")
    wait_ready(pg)
    text = '"Die Brücke wird im Mai fertig", sagte der Bauleiter. ' + XSS_SCRIPT
    pg.fill("#try-text", text)
    pg.click("#try-run")
    pg.wait_for_selector("#try-count")
    assert pg.locator("#try-result .doc").inner_text() == text
    assert role_text(pg, "quote", 0) == '"Die Brücke wird im Mai fertig"'
    assert pg.locator("script").count() == 1
    watch.clean()


@pytest.mark.shared
def test_seed_article_in_the_page(browser: Any, tmp_path: Path) -> None:
    """The Reuters seed article, ingested and opened: Stoltenberg's statements light up."""
    from saidwhat.pipeline import extract

    seed = need_shared(SEED_TEXT).read_text(encoding="utf-8")
    db = tmp_path / "seed.db"
    with Store(db) as store:
        aid = store.add_article(
            extract(seed, lang="de", published="2023-02-23"),
            title="Stoltenberg: NATO muss Kreislauf der russischen Aggression durchbrechen",
            source="Reuters (German)",
            url="https://www.reuters.com/",
        )
    with LiveServer(db) as server:
        article = server.store.article(aid)
        assert article is not None
        stoltenberg = [
            i for i, st in enumerate(article["statements"]) if "Stoltenberg" in f"{st['speaker_name']} {st['speaker']}"
        ]
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, device_scale_factor=1)
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        watch = Watch(pg, server.url)
        pg.goto(server.url + "/#/article/" + aid)
        pg.wait_for_selector("#article-text .doc")
        wait_ready(pg)
        assert pg.locator(".doc").inner_text().strip() == seed.strip()
        assert check_highlights(pg, article) >= len(article["statements"])
        assert stoltenberg, "no statement attributed to Stoltenberg"
        for i in stoltenberg:
            assert pg.locator(f'.doc [data-quote~="{i}"]').count() >= 1
        with_speaker = [i for i in stoltenberg if article["statements"][i]["spans"]["speaker"]]
        assert with_speaker, "Stoltenberg is never highlighted as a speaker"
        for i in with_speaker:
            assert pg.locator(f'.doc .hl-speaker[data-speaker~="{i}"]').count() >= 1
        # hovering one of his statements lights up its parts and dims the rest
        i = with_speaker[0]
        target = pg.locator(f'.doc [data-speaker~="{i}"]').first
        hovered = set(target.get_attribute("data-st").split())
        target.hover()
        lit = pg.locator(".doc .hl.active").evaluate_all("es => es.map(e => e.dataset.st.split(' '))")
        assert lit and all(hovered & set(sts) for sts in lit)
        assert pg.locator(f'.doc [data-st~="{i}"]:not(.active)').count() == 0
        pg.mouse.move(2, 300)
        pg.wait_for_timeout(400)
        shot = tmp_path / "seed-article.png"
        pg.screenshot(path=str(shot))
        if os.environ.get("SAIDWHAT_SCREENSHOTS") == "1":
            out = REPO / "docs" / "screenshots" / "seed-article.png"
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(shot, out)
        watch.clean()
        context.close()


def test_stance_badges_and_filter(browser: Any, tmp_path: Path) -> None:
    """Each statement shows its stance as a badge, in the article and the results; the form filters by it."""
    from saidwhat.pipeline import extract

    text = (REPO / "tests" / "fixtures" / "stance" / "faehren-de.txt").read_text(encoding="utf-8")
    db = tmp_path / "stance.db"
    with Store(db) as store:
        aid = store.add_article(extract(text, published="2026-03-02"), title="Fähren", url="https://example.org/f")
    with LiveServer(db) as server:
        context = browser.new_context(viewport={"width": 1360, "height": 900})
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        watch = Watch(pg, server.url)
        article = server.store.article(aid)
        assert article is not None
        pg.goto(server.url + "/#/article/" + aid)
        pg.wait_for_selector("#article-text .doc")
        wait_ready(pg)
        badges = pg.locator("#article-statements li.st .stance").all_text_contents()
        assert badges == [st["stance"] for st in article["statements"]]
        assert {"deny", "confirm", "claim", "demand", "warn", "reject", "announce"} <= set(badges)
        deny = pg.locator("#article-statements .stance-deny").first
        say = pg.locator("#article-statements .stance-say").first
        assert deny.get_attribute("title") == "stance: deny"
        assert deny.evaluate("e => getComputedStyle(e).color") != say.evaluate("e => getComputedStyle(e).color")
        pg.screenshot(path=str(tmp_path / "stance.png"), full_page=True)

        pg.goto(server.url + "/#/")
        wait_ready(pg)
        pg.select_option("#search-form select[name=stance]", "deny")
        pg.click("#search-form button[type=submit]")
        wait_for(pg, "() => location.hash.includes('stance=deny')")
        wait_ready(pg)
        results = pg.locator("#result-list > li")
        assert results.count() == 1
        assert results.first.locator(".stance").inner_text() == "deny"
        assert "bestritten" in results.first.locator(".result-quote").inner_text()
        watch.clean()
        context.close()


def test_quote_reuse_and_conflicts_in_the_page(browser: Any, tmp_path: Path) -> None:
    """The reuse set: conflicts view, a quote's appearances, and "also quoted in" on statements."""
    from saidwhat.ingest import ingest

    db = tmp_path / "reuse.db"
    ingest([str(REPO / "tests" / "fixtures" / "reuse" / "articles.jsonl")], str(db), progress=False)
    with LiveServer(db) as server:
        total, conflicts = server.store.quote_groups(conflicts=True, limit=100)
        context = browser.new_context(viewport={"width": 1360, "height": 900})
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        watch = Watch(pg, server.url)
        pg.goto(server.url + "/")
        wait_ready(pg)
        pg.locator(".nav a[data-nav=quotes]").click()
        wait_for(pg, "() => location.hash === '#/quotes'")
        wait_ready(pg)
        assert pg.locator("#quote-group-list > li").count() > total
        pg.locator("#conflicts-tab").click()
        wait_for(pg, "() => location.hash === '#/quotes?conflicts=1'")
        wait_ready(pg)
        items = pg.locator("#quote-group-list > li")
        assert items.count() == total >= 6
        assert pg.locator("#quote-group-list .badge.conflict").count() == total
        assert pg.locator("#quote-count").inner_text() == f"{total} conflicts"

        # one conflict: first appearance, then the later ones, with whom each credits
        reform = next(g for g in conflicts if "Krankenhausreform" in g["first"]["quote"])
        pg.locator(f'#quote-group-list > li[data-group="{reform["id"]}"] a').click()
        wait_ready(pg)
        detail = server.store.quote_group(reform["id"])
        assert detail is not None
        rows = pg.locator("#quote-appearances > li")
        assert rows.count() == len(detail["appearances"])
        assert rows.first.locator(".badge").inner_text().lower() == "first"
        assert (
            "Anna Brückner" in rows.last.inner_text()
            and detail["appearances"][-1]["published"] in rows.last.inner_text()
        )
        assert pg.locator("#quote-conflict").is_visible()

        # the article of the first appearance says where else the quote went
        rows.first.locator("a.result-article").click()
        pg.wait_for_selector("#article-text .doc")
        wait_ready(pg)
        note = pg.locator(f'#article-statements a.reuse[data-group="{reform["id"]}"]')
        others = reform["n_articles"] - 1
        assert note.inner_text().startswith(f"also quoted in {others} other article")
        assert note.locator(".badge.conflict").text_content() == "attribution conflict"
        note.click()
        wait_for(pg, f"() => location.hash === '#/quote/{reform['id']}'")
        wait_ready(pg)
        assert pg.locator("#quote-title").inner_text() == f"Quoted in {reform['n_articles']} articles"
        watch.clean()
        context.close()


def test_speaker_page_corrections(browser: Any, tmp_path: Path) -> None:
    """With --curation the speaker page renames, merges and undoes; a refused correction shows its one line."""
    db = tmp_path / "curate.db"
    # corrections act on stored speakers, not on extraction: the hand-annotated sample alone
    sample_store(db, samples=())
    with LiveServer(db, curation=True) as server:
        top = server.store.speakers(top=2)
        anna, other = top[0], top[1]
        context = browser.new_context(viewport={"width": 1360, "height": 900})
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        watch = Watch(pg, server.url)
        pg.goto(server.url + f"/#/speaker/{anna['id']}")
        pg.wait_for_selector("#curation")
        wait_ready(pg)

        pg.fill("#cur-rename input[name=name]", "Dr. " + anna["name"])
        pg.click("#cur-rename button")
        # (the page re-renders after a correction: the element may be gone for a moment)
        wait_for(pg, f"() => document.querySelector('#speaker-name')?.textContent === {('Dr. ' + anna['name'])!r}")
        assert server.store.speaker(anna["id"])["name"] == "Dr. " + anna["name"]  # type: ignore[index]

        pg.fill("#cur-merge input[name=other]", str(anna["id"]))
        pg.click("#cur-merge button")
        wait_for(pg, "() => !!document.querySelector('#cur-status')?.textContent.includes('into itself')")
        assert pg.locator("#cur-status").get_attribute("class") == "error"

        pg.fill("#cur-merge input[name=other]", str(other["id"]))
        pg.click("#cur-merge button")
        total = anna["n_statements"] + other["n_statements"]
        wait_for(pg, f"() => document.querySelectorAll('#speaker-statements > li').length === {total}")
        wait_for(pg, "() => document.querySelectorAll('#cur-overrides li').length === 2")

        pg.locator("#cur-overrides li[data-op=merge] button").click()
        wait_for(pg, f"() => document.querySelectorAll('#speaker-statements > li').length === {anna['n_statements']}")
        assert server.store.speaker(other["id"])["n_statements"] == other["n_statements"]  # type: ignore[index]
        # the refused merge is the one failed request (the browser logs its 422)
        assert sum("status of 422" in e for e in watch.errors) == 1
        watch.errors = [e for e in watch.errors if "status of 422" not in e]
        watch.clean()
        context.close()


def long_span_store(path: Path) -> None:
    """One speaker quoted once or twice a year over 13 years (as in a Wikinews store), in three kinds."""
    from datetime import date

    from saidwhat.model import Article, Kind, Span, Statement

    with Store(path) as store:
        for year in range(2005, 2018):
            for month, kind in ((3, Kind.DIRECT), (9, Kind.INDIRECT if year % 2 else Kind.REPORTED)):
                quote = f"=Wir brauchen mehr Geld für die Kliniken im Jahr {year}"
                text = f"{quote}, sagte Anna Berger."
                speaker = text.index("Anna Berger")
                st = Statement(kind=kind, quote=[Span(0, len(quote))], speaker=[Span(speaker, speaker + 11)])
                article = Article(text=text, published=date(year, month, 15), statements=[st])
                store.add_article(article, url=f"https://example.org/{year}/{month}", title=f"Kliniken {year}")


def test_long_span_timeline_bins_by_year_and_search_downloads(browser: Any, tmp_path: Path) -> None:
    """13 years of statements: the speaker's timeline bins by year, stacked by kind; a search downloads as CSV/JSONL."""
    import csv
    import json

    db = tmp_path / "long.db"
    long_span_store(db)
    with LiveServer(db) as server:
        context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True)
        pg = context.new_page()
        pg.set_default_timeout(15_000)
        watch = Watch(pg, server.url)
        sp = server.store.speakers(query="Anna Berger")[0]
        pg.goto(server.url + f"/#/speaker/{sp['id']}")
        pg.wait_for_selector("#timeline")
        wait_ready(pg)
        assert pg.locator("#timeline").get_attribute("data-unit") == "year"
        assert pg.locator("#timeline-title").text_content() == "Statements per year"
        bars = pg.locator("#timeline rect.bar").evaluate_all(
            "es => es.map(e => [e.dataset.bin, e.dataset.kind, Number(e.dataset.count)])"
        )
        assert sum(c for _, _, c in bars) == sp["n_statements"] == 26
        assert {b for b, _, _ in bars} == {str(y) for y in range(2005, 2018)}  # one bar a year, 13 bars
        assert {k for _, k, _ in bars} == {"direct", "indirect", "reported"}  # stacked by kind
        colours = {
            k: pg.locator(f'#timeline rect[data-kind="{k}"]').first.evaluate("e => getComputedStyle(e).fill")
            for k in ("direct", "indirect", "reported")
        }
        assert len(set(colours.values())) == 3, colours
        shot = tmp_path / "speaker-timeline.png"
        pg.screenshot(path=str(shot))  # the viewport: the head, the timeline and the kinds
        if os.environ.get("SAIDWHAT_SCREENSHOTS") == "1":
            shutil.copyfile(shot, REPO / "docs" / "screenshots" / "speaker-timeline.png")

        pg.goto(server.url + "/#/?query=Kliniken&since=2010&until=2011-06")
        wait_ready(pg)
        assert pg.locator("#result-count").inner_text() == "3 statements"  # 2010-03, 2010-09, 2011-03
        assert pg.locator("#result-list mark.match").all_text_contents() == ["Kliniken"] * 3
        with pg.expect_download() as info:
            pg.click("#download-csv")
        rows = list(csv.DictReader(Path(info.value.path()).read_text(encoding="utf-8").splitlines()))
        assert sorted(r["published"] for r in rows) == ["2010-03-15", "2010-09-15", "2011-03-15"]
        # spreadsheet-safe, as the CLI export: the formula-like quote is text
        assert all(r["quote"].startswith("'=Wir brauchen") for r in rows)
        with pg.expect_download() as info:
            pg.click("#download-jsonl")
        lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
        assert sorted(json.loads(x)["quote"][-4:] for x in lines) == ["2010", "2010", "2011"]
        pg.screenshot(path=str(tmp_path / "search.png"), full_page=True)
        if os.environ.get("SAIDWHAT_SCREENSHOTS") == "1":
            shutil.copyfile(tmp_path / "search.png", REPO / "docs" / "screenshots" / "search-highlight.png")
        watch.clean()
        context.close()
