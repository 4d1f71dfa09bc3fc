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

from ...lexicon import load_word_set
from ...model import Kind, Medium, Span
from ...nlp import Token
from ...pipeline.found import Found
from ...pipeline.scans import scans
from ...pipeline.sentences import Article
from .chunks import speaker_forward
from .cues import Cue, clause_subject, find_cue, speaker_of, speaking_subject, subject_after_verb
from .morph import is_finite, is_verb, maybe_finite, mood
from .nested import foreign_name, is_name

_MIN_BARE_TOKENS = 5  # a bare quote shorter than this is a title or a term
_MAX_FRAME_NAME_WORDS = 3


def find_direct(art: Article) -> tuple[list[Found], list[int], set[int]]:
    toks = art.tokens
    found: list[Found] = []
    embedded: list[int] = []
    used_cues: set[int] = set()
    frame_ends = _frame_ending_quote_tokens(art)
    for qi, q in enumerate(art.quotes):
        a, b = art.quote_tokens[qi]
        if b <= a:
            continue
        sa = art.sentences[toks[a].sent]
        sb = art.sentences[toks[b - 1].sent]
        te = max(art.text_end(sb), b)
        # the part of the first sentence before the quote, after any earlier quote
        last_end = frame_ends[a - 1] if a > 0 else -1
        bstart = last_end + 1 if last_end >= sa.start else sa.start
        span = [Span(q.begin, q.end)]
        if _quoted_name(art.quote_words(qi)):
            embedded.append(qi)  # a name with its frame ("Das Motto lautet: „Le Grand Macabre“") says nothing
            continue
        after_empty = b >= te or toks[b].text in {",", ".", "!", "?", ")", "(", ";"}
        # "Er sagte, „No-Go-Areas“ dürfe es nicht geben": the quote is part of a clause
        f = _before_frame(art, toks, bstart, a) if after_empty or toks[a - 1].text == ":" else None
        if f is not None and f.speaker is None and bstart > sa.start:
            # (also with a cue: "lenkte er die Fähre „Eagle“ … und meldete sich mit den Worten:")
            f = _past_term(art, toks, sa.start, bstart, a) or f
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
        before_empty = a == bstart or all(t.tag == "$(" for t in toks[bstart:a])
        inner = b - a - 2
        if before_empty and after_empty and (inner >= _MIN_BARE_TOKENS or any(is_finite(t) for t in toks[a:b])):
            art.standalone.add(qi)
            found.append(Found(Kind.DIRECT, span, "direct_bare", sent=toks[a].sent))
        else:
            embedded.append(qi)
    return found, embedded, used_cues


def _frame_ending_quote_tokens(art: Article) -> list[int]:
    """For each token, the last token at or before it inside a quote that ends
    a frame (any quote but a quoted name, :func:`_name_in_frame`); -1 if none.
    Read once per article: each quote's frame looked back over every quote
    token of its sentence, testing each token's quote again."""
    names: dict[int, bool] = {}
    last = -1
    out: list[int] = []
    for k, qi in enumerate(art.in_quote):
        if qi != -1:
            if qi not in names:
                names[qi] = _name_in_frame(art, qi)
            if not names[qi]:
                last = k
        out.append(last)
    return out


def _name_in_frame(art: Article, qi: int) -> bool:
    """A quoted name inside the frame does not end it: "X wird von der
    „Netzeitung“ mit den Worten zitiert: „…“" keeps its speaker and cue."""
    words = art.quote_words(qi)
    if is_name(words):
        return True
    # a short capitalised verbless phrase is a title too („Netzeitung“, „Bild am Sonntag“)
    alnum = [w for w in words if w.text[:1].isalnum()]
    return (
        0 < len(alnum) <= _MAX_FRAME_NAME_WORDS
        and alnum[0].text[:1].isupper()
        and not any(w.tag.startswith("V") for w in alnum)
    )


def _quoted_name(words: list[Token]) -> bool:
    """A verbless quote of names and foreign words („New York Times“,
    „Le Grand Macabre“, „People's Alliance for Democracy“) is a name even
    when a frame stands around it (train: 12 of 15 such quotes unannotated)."""
    return foreign_name(words) and not any(t.tag.startswith("V") for t in words)


def _opens_sentence(art: Article, toks: list[Token], start: int, a: int) -> bool:
    """Only marks, a colon or a dash stand before the quote in its sentence."""
    return all(t.tag == "$(" or t.text in {":", "–", "-"} for t in toks[start:a])


def _with_speaker(
    toks: list[Token], cue: Cue, start: int, end: int, construction: str, frame: tuple[int, int]
) -> Found:
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
    elif _long_quote_before(art, b) and is_finite(toks[b]) and find_cue(toks, b, b, te) is not None:
        k0 = b  # the comma left out: „… liegt allein bei uns“ wird der Trainer zitiert.
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


def _long_quote_before(art: Article, b: int) -> bool:
    """The quote ending at ``b`` is a sentence, not a term: a frame may follow it without a comma."""
    qi = art.in_quote[b - 1]
    if qi == -1:
        return False
    a, e = art.quote_tokens[qi]
    # (a finite verb inside: a quoted name is no sentence: "Die „Kampagne für ein Freies Tibet“ berichtete")
    return e - a >= _MIN_BARE_TOKENS + 2 and any(is_finite(t) for t in art.tokens[a:e])


def _verb_second_frame(toks: list[Token], k0: int, te: int, frame: tuple[int, int]) -> Found | None:
    """„…“, zeigte sich der Trainer zufrieden. / „…“, warnte die Ministerin.

    A finite verb right after the quote's comma with its subject after it
    makes the quote the sentence's prefield: whoever is the subject said it,
    whatever the verb (German word order says so; the lexicon need not know
    "sich zufrieden zeigen"). The cue is the finite verb with its reflexive.
    """
    f = k0
    if not (is_finite(toks[f]) and toks[f].tag.startswith(("VV", "VA", "VM"))) or toks[f].lemma in {
        "sein",
        "werden",
        "haben",
    }:
        return None
    if toks[f].tag.startswith("VM") and not any(t.text in {".", "!", "?"} for t in toks[max(0, k0 - 3) : k0]):
        # a modal after a quoted name is the clause's verb, not a frame: "Nach dem
        # Absturz der „Falcon 1“, will Musk nun die Ursachen erforschen"
        return None
    k = f + 1
    cue = [f]
    if k < te and toks[k].tag == "PRF":
        cue.append(k)
        k += 1
    sp = subject_after_verb(toks, k, te)
    if sp is None or not speaking_subject(toks, sp):
        return None
    return Found(Kind.DIRECT, [], "direct_after_verb", speaker=sp, cue=cue, medium=Medium.SPEECH, frame=[frame])


_MAX_TERM_TOKENS = 8  # a quoted term or title inside a frame: "als „defensiver Natur“"


def _past_term(art: Article, toks: list[Token], sstart: int, bstart: int, a: int) -> Found | None:
    """A colon frame cut short by a quoted term before it takes its cue and
    speaker from the whole sentence: "Das Ministerium rechtfertigte die Aktion
    als „defensiver Natur“: „…“" → "Das Ministerium". Only past short quotes
    that are no statement of their own."""
    if toks[a - 1].text != ":":
        return None
    for i in range(a - 2, sstart - 1, -1):
        qi = art.in_quote[i]
        if qi != -1:
            qa, qb = art.quote_tokens[qi]
            if qi in art.standalone or qb - qa > _MAX_TERM_TOKENS:
                return None
            continue
        cue = find_cue(toks, i, sstart, a - 1)
        if cue is None or (cue.entry.report_only and cue.entry.preps):
            continue
        if any(
            maybe_finite(t)
            for k, t in enumerate(toks[max(cue.tokens) + 1 : a - 1], max(cue.tokens) + 1)
            if art.in_quote[k] == -1
        ):
            return None
        f = _with_speaker(toks, cue, sstart, a - 1, "direct_before", (sstart, a))
        return f if f.speaker is not None else None
    return None


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
        so = _so_insertion(toks, start, a - 1)
        if so is not None:
            return Found(Kind.DIRECT, [], "direct_so", speaker=so[1], cue=[so[0]], medium=Medium.SPEECH, frame=[frame])
        sp = clause_subject(toks, start, a - 1, speaking=True)
        if sp is not None and toks[sp[0]].tag == "PPOSAT" and not speaking_subject(toks, sp):
            # "Seine Zuversicht gründet sich auf …: „…“", "Ihr Fazit: „…“": the
            # owner spoke, the one named before; the quote takes the speaker
            # of the statement before it, as a bare quote does
            sp = None
        if _konjunktiv_frame(toks, start, a - 1):
            # "Queensland sei Neuseeland zu Dank verpflichtet: „…“": the frame is
            # itself reported speech, so its subject is no speaker; whoever spoke
            # before goes on (see continuation)
            sp = None
        return Found(Kind.DIRECT, [], "direct_colon", speaker=sp, medium=Medium.SPEECH, frame=[frame])
    return None


def _so_insertion(toks: list[Token], start: int, end: int) -> tuple[int, tuple[int, int]] | None:
    """ ", so X weiter:" closing a colon frame names the speaker: "Das habe
    Methode, so Elshorst weiter: „…“". Returns the "so" and the phrase."""
    for k in range(end - 2, start, -1):
        if toks[k].lower == "so" and toks[k - 1].text == ",":
            sp = speaker_forward(toks, k + 1, end, appositions=True)
            if sp is None or not speaking_subject(toks, sp):
                return None
            rest = toks[sp[1] : end]
            return (
                (k, sp)
                if all(t.lower in {"weiter", "außerdem", "ferner", "zudem", "abschließend"} for t in rest)
                else None
            )
        if toks[k].text in {",", ";", ":"} or is_verb(toks[k]):
            return None
    return None


def _konjunktiv_frame(toks: list[Token], start: int, end: int) -> bool:
    """The frame's first finite verb is a Konjunktiv I ("sei", "habe", "komme")."""
    k = next((k for k in range(start, end) if is_finite(toks[k])), None)
    return k is not None and mood(toks[k], toks[k - 1] if k > 0 else None) == "k1"


_ADDRESSEE_NOUNS = load_word_set("de", "addressee_nouns")


def addressee_in(
    toks: list[Token], start: int, end: int, speaker: tuple[int, int] | None, verb: int | None = None
) -> tuple[int, int] | None:
    """ "gegenüber Reuters", "vor der Presse", "Interview mit Reuters", "sagte (er) der Zeitung"."""
    k = -1
    if speaker is not None and speaker[1] - speaker[0] == 1 and toks[speaker[0]].tag == "PPER":
        k = speaker[1]
    elif speaker is not None and verb is not None and speaker[1] <= verb:
        k = verb + 1  # "Der Minister sagte der Zeitung, …"
    if k >= 0:
        if (
            k < end
            and toks[k].lower in {"dem", "der", "den"}
            and k + 1 < end
            and toks[k + 1].tag in {"NN", "NE", "ADJ(A)"}
        ):
            sp = speaker_forward(toks, k, end, appositions=False)
            if sp is not None:
                return sp
    for i in scans(toks).between(_addressee_opener, start, end):
        if speaker and speaker[0] <= i < speaker[1]:
            continue
        w = toks[i].lower
        if (
            w == "gegenüber"
            or (w == "vor" and i + 1 < end and _press_after(toks, i + 1, end))
            or (w == "mit" and i > start and toks[i - 1].lower in {"interview", "gespräch", "telefonat"})
        ):
            sp = speaker_forward(toks, i + 1, end, appositions=False)
            if sp is not None:
                return sp
    return None


def _addressee_opener(toks: list[Token], i: int) -> bool:
    """Where :func:`addressee_in` may find an addressee, whatever the frame's
    bounds: each frame looks only at these, not at every word before it."""
    w = toks[i].lower
    if w == "gegenüber":
        return True
    if w == "vor":
        return _press_after(toks, i + 1, len(toks))
    return w == "mit" and i > 0 and toks[i - 1].lower in {"interview", "gespräch", "telefonat"}


def _press_after(toks: list[Token], i: int, end: int) -> bool:
    for k in range(i, min(end, i + 3)):
        if any(toks[k].lower.endswith(n) for n in _ADDRESSEE_NOUNS):
            return True
    return False
