"""Stage: direct quotes and their frames.

Reads: quote regions, tokens, sentences. Writes: DIRECT :class:`Found`
items for quotes that stand as a statement of their own, and returns the
quotes embedded in running text ("es sei eine „unwirkliche Erfahrung“
gewesen") for the nested stage, plus the cue tokens it used.

A quote stands on its own when a frame introduces it ("sagte er:", "Er
sagte, „…“") or follows it ("„…“, sagte Stoltenberg." / "„…“, so X."), or
when it fills its sentences alone (a speaker is then inherited later). The
frame is the rest of the sentence, as the corpus marks it: the introducing
part with its colon or comma, or the following part from its comma to
before the final full stop.
"""

from __future__ import annotations

from ..model import Kind, Medium, Span
from ..nlp import Token
from .chunks import speaker_forward
from .cues import Cue, clause_subject, find_cue, speaker_of, speaking_subject, subject_after_verb
from .found import Found
from .morph import is_finite, maybe_finite
from .sentences import Article

_MIN_BARE_TOKENS = 5  # a bare quote shorter than this is a title or a term


def find_direct(art: Article) -> tuple[list[Found], list[int], set[int]]:
    toks = art.tokens
    found: list[Found] = []
    embedded: list[int] = []
    used_cues: set[int] = set()
    for qi, q in enumerate(art.quotes):
        a, b = art.quote_tokens[qi]
        if b <= a:
            continue
        sa = art.sentences[toks[a].sent]
        sb = art.sentences[toks[b - 1].sent]
        te = max(art.text_end(sb), b)
        # the part of the first sentence before the quote, after any earlier quote
        bstart = sa.start
        for k in range(a - 1, sa.start - 1, -1):
            if art.in_quote[k] != -1:
                bstart = k + 1
                break
        span = [Span(q.begin, q.end)]
        after_empty = b >= te or toks[b].text in {",", ".", "!", "?", ")", "(", ";"}
        # "Er sagte, „No-Go-Areas“ dürfe es nicht geben": the quote is part of a clause
        f = _before_frame(art, toks, bstart, a) if after_empty or toks[a - 1].text == ":" else None
        if (f is None or not f.cue) and _opens_sentence(art, toks, bstart, a):
            # „…“, sagte er. — but "Die Strafe sei …, „wenn …“, so X." is
            # indirect speech with a quote inside: the frame is the sentence's
            f = _after_frame(art, toks, b, te, sb.start) or f
        elif f is None or not f.cue or toks[a - 1].text == ":":
            # "Er war zufrieden: „…“, meinte der Trainer." — a cue after the quote wins,
            # also over a cue before the colon ("X äußerte sich: „…“, sagte er")
            after = _after_frame(art, toks, b, te, sb.start)
            if after is not None and (f is None or not f.cue or (after.cue and toks[b].text == ",")):
                f = after
        if f is not None:
            art.standalone.add(qi)
            f.quote = span
            f.sent = toks[a].sent
            used_cues.update(f.cue)
            found.append(f)
            continue
        before_empty = a == bstart or all(t.pos == "$(" for t in toks[bstart:a])
        inner = b - a - 2
        if before_empty and after_empty and (inner >= _MIN_BARE_TOKENS or any(is_finite(t) for t in toks[a:b])):
            art.standalone.add(qi)
            found.append(Found(Kind.DIRECT, span, "direct_bare", sent=toks[a].sent))
        else:
            embedded.append(qi)
    return found, embedded, used_cues


def _opens_sentence(art: Article, toks: list[Token], start: int, a: int) -> bool:
    """Only marks, a colon or a dash stand before the quote in its sentence."""
    return all(t.pos == "$(" or t.text in {":", "–", "-"} for t in toks[start:a])


def _with_speaker(toks: list[Token], cue: Cue, start: int, end: int, construction: str, frame: tuple[int, int]) -> Found:
    sp, extra = speaker_of(toks, cue, start, end)
    f = Found(Kind.DIRECT, [], construction, speaker=sp, cue=cue.tokens + extra, medium=cue.medium, frame=[frame])
    f.addressee = addressee_in(toks, frame[0], frame[1], sp)
    return f


def _after_frame(art: Article, toks: list[Token], b: int, te: int, sstart: int) -> Found | None:
    """„…“, sagte er. / „…“, so X. / „…“, wie X sagte. / „…“, hatte er gesagt."""
    if b >= te:
        return None
    if toks[b].text == ",":
        k0 = b + 1
    elif b - 2 >= 0 and toks[b - 2].text in {",", "!", "?", "."}:
        k0 = b  # the mark inside the closing quote: „Raus!“ skandierte die Menge.
    else:
        return None
    if k0 >= te:
        return None
    frame = (k0 - 1 if toks[k0 - 1].text == "," else k0, te)
    first = toks[k0]
    if first.lower == "so" and k0 + 2 < te and find_cue(toks, k0 + 1, k0, te) is not None:
        cue = find_cue(toks, k0 + 1, k0, te)
        assert cue is not None
        f = _with_speaker(toks, cue, k0, te, "direct_after", frame)
        f.cue = [k0, *f.cue]  # "so urteilte Romney"
        return f
    if first.lower == "so" and k0 + 1 < te:
        sp = speaker_forward(toks, k0 + 1, te, appositions=True)
        if sp is None:
            return None
        return Found(Kind.DIRECT, [], "direct_so", speaker=sp, cue=[k0], medium=Medium.SPEECH, frame=[frame])
    limit = min(te, k0 + 4)
    for i in range(k0, limit):
        if art.in_quote[i] != -1:
            break
        cue = find_cue(toks, i, k0, te)
        if cue is not None:
            if i > k0 and toks[k0].lower not in {"wie"} and not (is_finite(toks[k0])):
                return None
            return _with_speaker(toks, cue, k0, te, "direct_after", frame)
    return _verb_second_frame(toks, k0, te, frame)


def _verb_second_frame(toks: list[Token], k0: int, te: int, frame: tuple[int, int]) -> Found | None:
    """„…“, zeigte sich der Trainer zufrieden. / „…“, warnte die Ministerin.

    A finite verb right after the quote's comma with its subject after it
    makes the quote the sentence's prefield: whoever is the subject said it,
    whatever the verb (German word order says so; the lexicon need not know
    "sich zufrieden zeigen"). The cue is the finite verb with its reflexive.
    """
    f = k0
    if not (is_finite(toks[f]) and toks[f].pos.startswith(("VV", "VA", "VM"))) or toks[f].lemma in {"sein", "werden", "haben"}:
        return None
    k = f + 1
    cue = [f]
    if k < te and toks[k].pos == "PRF":
        cue.append(k)
        k += 1
    sp = subject_after_verb(toks, k, te)
    if sp is None or not speaking_subject(toks, sp):
        return None
    return Found(Kind.DIRECT, [], "direct_after_verb", speaker=sp, cue=cue, medium=Medium.SPEECH, frame=[frame])


def _before_frame(art: Article, toks: list[Token], start: int, a: int) -> Found | None:
    """Er sagte: „…“ / sagte er: „…“ / Er sagte, „…“ (the frame ends in : or ,)."""
    if a <= start or toks[a - 1].text not in {":", ","}:
        return None
    frame = (start, a)
    for i in range(a - 2, start - 1, -1):
        if art.in_quote[i] != -1:
            break
        cue = find_cue(toks, i, start, a - 1)
        if cue is not None and cue.entry.report_only and cue.entry.preps:
            continue  # "Die Regel sieht der Präsident skeptisch: „…“": a report-only verb frames no quote
        if cue is not None:
            if any(maybe_finite(t) for t in toks[max(cue.tokens) + 1 : a - 1]):
                return None  # "sagte, es sei …, „…“": the quote is inside reported speech
            return _with_speaker(toks, cue, start, a - 1, "direct_before", frame)
    if toks[a - 1].text == ":":
        so = _so_source(toks, start, a - 1)
        if so is not None:
            return Found(Kind.DIRECT, [], "direct_so", speaker=so[1], cue=[so[0]], medium=Medium.SPEECH, frame=[frame])
        sp = clause_subject(toks, start, a - 1, speaking=True)
        return Found(Kind.DIRECT, [], "direct_colon", speaker=sp, medium=Medium.SPEECH, frame=[frame])
    return None


def _so_source(toks: list[Token], start: int, colon: int) -> tuple[int, tuple[int, int]] | None:
    """"…, so Elshorst weiter: „…“": the "so" phrase closing the clause before
    the colon names who speaks on; the "so" token and the speaker phrase."""
    for k in range(colon - 2, start, -1):
        if toks[k].text in {",", "–"}:
            if toks[k + 1].lower != "so":
                return None
            sp = speaker_forward(toks, k + 2, colon, appositions=False)
            if sp is None or any(is_finite(t) for t in toks[sp[1] : colon]):
                return None
            return k + 1, sp
    return None


_ADDRESSEE_NOUNS = frozenset({"presse", "journalisten", "reportern", "medien", "zeitung", "agentur", "nachrichtenagentur", "sender", "fernsehsender"})


def addressee_in(
    toks: list[Token], start: int, end: int, speaker: tuple[int, int] | None, verb: int | None = None
) -> tuple[int, int] | None:
    """"gegenüber Reuters", "vor der Presse", "Interview mit Reuters", "sagte (er) der Zeitung"."""
    k = -1
    if speaker is not None and speaker[1] - speaker[0] == 1 and toks[speaker[0]].pos == "PPER":
        k = speaker[1]
    elif speaker is not None and verb is not None and speaker[1] <= verb:
        k = verb + 1  # "Der Minister sagte der Zeitung, …"
    if k >= 0:
        if k < end and toks[k].lower in {"dem", "der", "den"} and k + 1 < end and toks[k + 1].pos in {"NN", "NE", "ADJ(A)"}:
            sp = speaker_forward(toks, k, end, appositions=False)
            if sp is not None:
                return sp
    for i in range(start, end):
        if speaker and speaker[0] <= i < speaker[1]:
            continue
        w = toks[i].lower
        if w == "gegenüber" or (w == "vor" and i + 1 < end and _press_after(toks, i + 1, end)) or (
            w == "mit" and i > start and toks[i - 1].lower in {"interview", "gespräch", "telefonat"}
        ):
            sp = speaker_forward(toks, i + 1, end, appositions=False)
            if sp is not None:
                return sp
    return None


def _press_after(toks: list[Token], i: int, end: int) -> bool:
    for k in range(i, min(end, i + 3)):
        if any(toks[k].lower.endswith(n) for n in _ADDRESSEE_NOUNS):
            return True
    return False
