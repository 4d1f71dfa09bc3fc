"""The extraction pipeline: text in, :class:`~saidwhat.model.Article` out.

Stages, in order (each module says what it reads and writes):

1. ``nlp.parse``             tokens, sentences, HanTa tags (cached per word form)
2. ``quotes.find_quotes``    passages between quotation marks
3. ``direct.find_direct``    direct quotes with their frames; embedded quotes set aside
4. ``indirect.find_indirect`` cue verb frames and nominal frames ("laut X") in a sentence
5. ``reported.find_reported`` cue verb + object sentences
6. ``continuation``          Konjunktiv continuations, "soll" hearsay, bare-quote speakers
7. ``nested.find_nested``    quotes inside reported speech, labels ("als „…“ bezeichnet");
   ``relay.relayed_quotes``  "Y zitiert X": the quote once for each party
8. ``entities``              speaker mention → canonical entity
9. ``confidence``            per-rule precision measured on train
10. ``learn.statements.relabel`` a CRF stacked on the rules' output (opt-in:
    ``learned=True`` or ``SAIDWHAT_LEARNED=1``, when its model is installed):
    drops weak rule statements, fills missing roles, adds quotes the rules
    missed. See docs/models.md.
11. ``stance.assign_stances`` the speech act of each statement (say, deny,
    demand, …) from the cue lexicons; changes nothing else. See docs/stance.md.

Between stages the pipeline calls :func:`saidwhat.budget.check`: under a
cooperative time budget (extraction in a thread, as ``serve`` runs it) an
article past its budget stops there with :class:`~saidwhat.budget.ArticleTimeout`.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from datetime import date

from ..budget import check as check_budget
from ..errors import InputError
from ..lang import SUPPORTED_LANGUAGES
from ..model import Article, Kind
from ..nlp import parse
from ..spanindex import SpanIndex
from .confidence import confidence
from .continuation import find_continuations
from .direct import find_direct
from .entities import resolve_entities
from .found import Found, to_statement
from .indirect import find_indirect
from .mixed import demanded_objects
from .nested import find_nested
from .quotes import find_quotes
from .relay import relayed_quotes
from .reported import find_reported
from .sentences import Article as Analysed
from .stance import assign_stances

# Articles larger than this are refused rather than processed for minutes.
MAX_TEXT_CHARS = 2_000_000


def learned_stage_enabled() -> bool:
    """Whether ``extract`` runs the learned stage when not told: ``SAIDWHAT_LEARNED=1``.

    Off by default: in cross-validation on train it is 0.3 points of joint F1
    below the rules alone (on dev +0.5 joint, -0.3 speaker), at four times the
    cost, and its model is CC BY-NC-SA (see docs/models.md). The CLI's
    ``--learned`` sets this variable, so worker processes inherit it.
    """
    return os.environ.get("SAIDWHAT_LEARNED", "").strip().lower() in {"1", "true", "yes", "on"}


def extract(
    text: str, lang: str = "de", published: date | str | None = None, *, learned: bool | None = None
) -> Article:
    """Find every statement in ``text``.

    ``published`` (a date or ISO string) anchors relative dates.
    ``learned`` runs the CRF stacked on the rules (see :func:`learned_stage_enabled`
    for the default); ``learned=False`` is the rules' output alone, what that
    stage is trained on.
    """
    if learned is None:
        learned = learned_stage_enabled()
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    if lang not in SUPPORTED_LANGUAGES:
        raise InputError(f"unsupported language {lang!r} (supported: {', '.join(SUPPORTED_LANGUAGES)})")
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError:
            raise InputError(f"published date {published!r} is not YYYY-MM-DD") from None
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(f"text too long: {len(text)} characters (limit {MAX_TEXT_CHARS})")
    article = Article(text=text, lang=lang, published=published)
    if not text.strip() or lang != "de":
        return article
    doc = parse(text, lang)
    check_budget()
    art = Analysed.build(doc, find_quotes(text))
    check_budget()
    found = find_statements(art)
    article.statements = [to_statement(doc, f, confidence(f)) for f in found]
    check_budget()
    if learned:
        from ..learn import statements as learned_stage  # lazy: its CRFs load on first use

        if learned_stage.has_model():
            article.statements = learned_stage.relabel(doc, article)
    article.statements.sort(key=lambda s: s.start)
    assign_stances(doc, article.statements)
    return article


def find_statements(art: Analysed) -> list[Found]:
    """Run stages 3–8 over an analysed article."""
    direct, embedded, used_cues = find_direct(art)
    check_budget()
    found = direct + _dedupe(art, find_indirect(art, used_cues), direct)
    check_budget()
    found += find_reported(art, found)
    check_budget()
    found += find_continuations(art, found)
    check_budget()
    found += find_nested(art, embedded, found)
    found += demanded_objects(art, found)
    found += relayed_quotes(art, found)
    check_budget()
    found = _impersonal_speakers(art, found)
    resolve_entities(art, found)
    # speaker carriers (a cue verb's subject lent to a continuation) are no statements
    return [f for f in found if f.construction != "speaker_only"]


def _impersonal_speakers(art: Analysed, found: list[Found]) -> list[Found]:
    """"man" names nobody: the corpus never marks it as a speaker (train: 0 of
    16 predicted "man" speakers were right), so the statement keeps no speaker.
    A statement whose speaker is "ich" was never annotated either (train: 0 of 7):
    the narrator's own words are no statement."""
    out: list[Found] = []
    for f in found:
        if f.speaker is not None and f.speaker[1] - f.speaker[0] == 1:
            w = art.tokens[f.speaker[0]].lower
            if w == "man":
                f.speaker = None
            elif w == "ich":
                continue
        if f.speaker is not None and f.speaker[1] - f.speaker[0] in (2, 3) and art.tokens[f.speaker[0]].lower in _FIRST_PERSON_POSSESSIVES:
            continue  # "meiner Meinung nach": the writer's or interviewee's own view, like "ich"
        out.append(f)
    return out


_FIRST_PERSON_POSSESSIVES = frozenset({"meiner", "meines", "meinem", "unserer", "unseres", "unserem"})

_PRIORITY = {Kind.DIRECT: 0, Kind.INDIRECT: 1, Kind.REPORTED: 2, Kind.INDIRECT_FREE_INDIRECT: 3, Kind.FREE_INDIRECT: 4}


def _overlap(a: Found, b: Found) -> float:
    inter = sum(max(0, min(x.end, y.end) - max(x.begin, y.begin)) for x in a.quote for y in b.quote)
    la = sum(len(x) for x in a.quote)
    lb = sum(len(y) for y in b.quote)
    return inter / max(1, min(la, lb))


def _dedupe(art: Analysed, cands: list[Found], keep: list[Found]) -> list[Found]:
    """Drop candidates whose quote mostly repeats a kept or better one.

    Verb frames beat nominal ones ("laut X" inside a "sagte" sentence) where
    the nominal frame lies outside the verb frame's quote; a nominal source
    inside another statement's quote stays (:func:`_source_inside`). A quote
    that is mostly a direct quote belongs to the direct stage.
    """
    out: list[Found] = []
    verb_frames = sorted(g.frame[0] for g in cands if not g.construction.startswith("nominal") and g.frame)
    rank = sorted(
        cands, key=lambda f: (not _nominal_in_frame(f, verb_frames), f.construction.startswith("nominal"), f.begin)
    )
    # Only statements whose quotes overlap can repeat each other: the index
    # keeps this linear on long texts (comparing all pairs was quadratic).
    seen: list[Found] = []
    index = SpanIndex()
    for g in keep:
        seen.append(g)
        index.add(g.quote)
    for f in rank:
        if any(_overlap(f, seen[pos]) > 0.6 and not _source_inside(art, f, seen[pos]) and not _mixed_around(f, seen[pos]) for pos in index.overlapping(f.quote)):
            continue
        out.append(f)
        seen.append(f)
        index.add(f.quote)
    return out


def _nominal_in_frame(f: Found, verb_frames: list[tuple[int, int]]) -> bool:
    """A "laut X" inside a verb frame's clause is the source the corpus names
    ("Dudenhöffer geht laut dem Bericht davon aus, dass …" → "dem Bericht").

    ``verb_frames`` are the first frame spans of the verb-framed candidates,
    sorted: only those starting at or before ``f``'s frame can contain it.
    """
    if not f.construction.startswith("nominal") or not f.frame:
        return False
    a, b = f.frame[0]
    k = bisect_right(verb_frames, (a, 10**12))
    # frames are clauses of one sentence: a few before ``a`` is all we need to look at
    return any(lo <= a and b <= hi for lo, hi in verb_frames[max(0, k - 64) : k])


def _source_inside(art: Analysed, f: Found, g: Found) -> bool:
    """A nominal source ("laut X", "nach Angaben X", "X zufolge") inside the
    quote of another framed statement is a statement of its own: the corpus
    marks both ("Er sagte, laut der Studie sei …" gives the "sagte" statement
    and the "laut" one). Such a candidate is kept beside the one it overlaps
    (train: joint 73.58 -> 73.70, speaker 67.62 -> 67.75).
    """
    if not f.construction.startswith("nominal") or not f.frame or g.kind != Kind.INDIRECT:
        return False
    a, b = f.frame[0]
    ca, cb = art.tokens[a].begin, art.tokens[b - 1].end
    return any(s.begin <= ca and cb <= s.end for s in g.quote)


def _mixed_around(f: Found, g: Found) -> bool:
    """An indirect statement around a direct quote it contains ("Tony Blair
    „steht bereit“, sich … zu treffen"): the corpus marks both, the direct
    quote as nested in the indirect one."""
    return f.construction.endswith("_mixed") and g.kind == Kind.DIRECT and f.begin <= g.begin and g.end <= f.end and (f.end - f.begin) > (g.end - g.begin)
