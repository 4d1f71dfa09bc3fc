"""Stage: framed indirect speech within one sentence.

Reads: tokens, sentences, quote regions, the cue tokens direct quotes used.
Writes: INDIRECT :class:`Found` items for

* a cue verb whose clause is followed by a complement clause
  ("sagte Stoltenberg, die Invasion sei …", "erklärte, dass …",
  "bestritten, … unterstützt zu haben", "Wie X mitteilte, habe …");
* a cue verb framing the clause before it ("Dazu gehöre …, sagte er.",
  "…, wie sein Anwalt mitteilte.", "…, heißt es in dem Bericht.");
* nominal frames: "laut X", "X zufolge", "nach Angaben X", "seiner Meinung
  nach", "…, so X.", "demnach".

The quote runs to the sentence end (without the final mark) or to where the
next frame in the sentence starts ("… bestritten und behauptet, …").
"""

from __future__ import annotations

from ..model import Kind, Medium, Span
from ..nlp import Sentence, Token
from .chunks import speaker_backward, speaker_forward
from .cues import Cue, clause_begin, find_cue, speaker_of, subject_after_verb
from .direct import addressee_in
from .found import Found, TokRange, tok_span
from .lexicons import CueVerb, cue_particles, source_noun_medium
from .morph import CLAUSE_STARTERS, is_finite, is_verb, maybe_finite, mood
from .sentences import Article

_COMPLEMENT_PUNCT = frozenset({",", ":"})


def find_indirect(art: Article, used_cues: set[int]) -> list[Found]:
    out: list[Found] = []
    for s in art.sentences:
        out.extend(_sentence(art, s, used_cues))
    return out


def _sentence(art: Article, s: Sentence, used: set[int]) -> list[Found]:
    """Each part of a sentence between semicolons is read on its own."""
    toks = art.tokens
    st, end = s.start, art.text_end(s)
    out: list[Found] = []
    for k in range(st, end + 1):
        if k == end or (toks[k].text == ";" and art.in_quote[k] == -1):
            out.extend(_segment(art, s, st, k, used))
            st = k + 1
    return out


def _segment(art: Article, s: Sentence, st: int, te: int, used: set[int]) -> list[Found]:
    toks = art.tokens
    if te - st < 3:
        return []
    cues: list[Cue] = []
    for i in range(st, te):
        if art.in_quote[i] != -1 or i in used:
            continue
        c = find_cue(toks, i, st, te)
        if c is None or set(c.tokens) & used:
            continue
        if c.entry.report_only:
            extra = _judgement(toks, c, te)
            if not extra:
                continue
            c.tokens = sorted(c.tokens + extra)  # "hält es für möglich, dass …"
        cues.append(c)
    cues.extend(c for c in _opinion_cues(art, toks, st, te) if not set(c.tokens) & used)
    cue_starts = {min(c.tokens) for c in cues} | {c.verb for c in cues}
    # a cue the direct stage took still starts a new frame: "sagte, X sei Y und
    # fügte hinzu: „…“" ends the complement before "und fügte hinzu"
    cue_starts |= {i for i in used if st <= i < te and art.in_quote[i] == -1}
    found: list[Found] = []
    dies = _dies_frame(art, toks, s, st, te, cues)
    if dies is not None:
        return [dies]
    for c in cues:
        f = _cue_first(art, toks, c, st, te, cue_starts) or _quote_first(art, toks, c, st, te)
        if f is not None:
            f.sent = s.i
            found.append(f)
    found.extend(_nominal(art, toks, st, te, cue_starts, s.i))
    return found


# "ist der Meinung", "vertritt die Ansicht", "teilen die Auffassung": a verb and an opinion noun
_OPINION_NOUNS = frozenset({"meinung", "ansicht", "auffassung", "überzeugung"})
_OPINION_VERBS = frozenset({"sein", "vertreten", "teilen"})
_OPINION_ENTRY = CueVerb("sein", None, Medium.SPEECH_THOUGHT, weak=False, takes_object=False)


def _opinion_cues(art: Article, toks: list[Token], st: int, te: int) -> list[Cue]:
    """"Die Ärztin ist der Meinung, dass …": the verb, the article (and adjectives)
    and the opinion noun form the cue; what follows the comma is the statement."""
    out: list[Cue] = []
    for k in range(st + 1, te - 2):
        if toks[k].lower not in _OPINION_NOUNS or toks[k + 1].text != "," or art.in_quote[k] != -1:
            continue
        j = k - 1
        while j > st and toks[j].pos in {"ADJ(A)", "ADV", "PTKNEG"}:
            j -= 1
        if toks[j].pos != "ART":
            continue
        v = j - 1
        while v > st and toks[v].pos in {"ADV", "PTKNEG"}:
            v -= 1
        if is_verb(toks[v]) and toks[v].lemma in _OPINION_VERBS:  # ("vertreten" may be read as an infinitive)
            out.append(Cue(v, [v] + list(range(j, k + 1)), _OPINION_ENTRY, v))
    return out


def _judgement(toks: list[Token], c: Cue, te: int) -> list[int]:
    """"X hält es für möglich, dass …": a report-only verb framing a clause
    through "für" + adjective. The cue tokens it adds ("es", "für", the adjective)."""
    extra: list[int] = []
    k = c.verb + 1
    while k < te and toks[k].text not in _COMPLEMENT_PUNCT:
        if toks[k].lower in {"es", "für"}:
            extra.append(k)
        elif extra and toks[k - 1].lower == "für" and toks[k].pos in {"ADJ(D)", "ADJ(A)"}:
            extra.append(k)
        k += 1
    if k + 1 < te and toks[k].text == "," and toks[k + 1].lower in {"dass", "daß", "ob"} and any(toks[j].lower == "für" for j in extra):
        return extra
    return []


def _dies_frame(art: Article, toks: list[Token], s: Sentence, st: int, te: int, cues: list[Cue]) -> Found | None:
    """"X. Dies teilte die Polizei mit." — the statement is the sentence before;
    the corpus quotes it together with the pronoun "Dies"."""
    if st != s.start or s.i == 0 or toks[st].lower not in {"dies", "das", "dieses"}:
        return None
    c = next((c for c in cues if c.finite == st + 1 or c.verb == st + 1), None)
    if c is None:
        return None
    prev = art.sentences[s.i - 1]
    pe = art.text_end(prev)
    if pe - prev.start < 3 or any(art.in_quote[k] != -1 for k in range(prev.start, pe)):
        return None
    sp, _ = speaker_of(toks, c, st, te)
    if sp is None:
        return None
    quote = [_span(art, prev.start, pe), _span(art, st, st + 1)]
    return Found(Kind.INDIRECT, quote, "indirect_dies", speaker=sp, cue=c.tokens, medium=c.medium, frame=[(st + 1, te)], sent=s.i)


def _complement(toks: list[Token], k: int, te: int, c: Cue, colon: bool) -> bool:
    """Does a complement clause (what was said) start at ``k``?"""
    if k >= te:
        return False
    first = toks[k]
    if first.lower in {"dass", "daß", "ob"}:
        return True
    if first.lower in _ADVERBIAL_STARTERS:
        return False
    if first.lower in CLAUSE_STARTERS and first.lower != "wie":
        return not c.entry.weak or True
    end = k
    while end < te and toks[end].text not in {",", ";", ":"} and end - k < 25:
        end += 1
    for j in range(k, end):
        if mood(toks[j], toks[j - 1] if j > 0 else None):
            return True
        if toks[j].pos in {"VV(IZU)", "PTKZU"}:
            return not first.pos.startswith("PREL") and first.lower not in {"um", "ohne", "statt", "anstatt"}
    if end < te and toks[end].text == "," and not any(is_verb(t) for t in toks[k:end]):
        # the clause goes on after an inserted one: "erklärte, in den Ländern, in
        # denen Gebühren erhoben würden, sei die Zahl gestiegen"
        if _konjunktiv_after_insertion(toks, end, te):
            return True
    if colon:
        return True
    # A verb-second clause in the indicative ("bestätigte, ein Verfahren wurde
    # eingeleitet") is no complement: on train such statements were right about
    # half the time (22 of 42 overlapped a gold quote) and leaving them out
    # raised joint F1 73.22 -> 73.33 (cue and frame precision most). A weak
    # verb's preterite is also its Konjunktiv II ("sagte, die Spieler kämpften
    # bis zum Schluss"): such a clause is still taken, after a cue that is no weak one.
    if c.entry.weak:
        return False
    for j in range(k + 1, min(end, k + 6)):
        if maybe_finite(toks[j]):
            return j < end - 1 and toks[j].pos == "VV(FIN)" and toks[j].lower.endswith(("te", "ten", "tet", "test"))
    return False


# clauses of time or reason and "welche" relative clauses after a cue's object
# are no complement: "schilderte die Fehlerkette, welche zum Unglück führte",
# "hatte den Rücktritt bekannt gegeben, nachdem die Wahl gescheitert war"
_ADVERBIAL_STARTERS = frozenset({"nachdem", "bevor", "obwohl", "obgleich", "welche", "welcher", "welches", "welchem"})


_RELATIVE_WORDS = frozenset({"der", "die", "das", "dem", "den", "denen", "dessen", "deren", "welcher", "welche", "welches", "welchem"})


def _relative_start(toks: list[Token], k: int) -> bool:
    """A relative clause starts at ``k``: a relative pronoun (HanTa may tag it
    as an article: then no noun follows it), perhaps after a preposition."""
    if k + 1 < len(toks) and toks[k].pos.startswith("APPR"):
        k += 1
    if k + 1 >= len(toks) or toks[k].lower not in _RELATIVE_WORDS:
        return False
    return toks[k].pos == "PRELS" or toks[k + 1].pos not in {"NN", "NE", "ADJ(A)", "CARD", "NNA"}


def _name_in_marks(art: Article, toks: list[Token], k: int) -> bool:
    """A short title in quotation marks inside the frame ("sagte dem „Spiegel“")."""
    qi = art.in_quote[k]
    a, b = art.quote_tokens[qi]
    return b - a <= 6 and qi not in art.standalone and all(t.text[:1].isupper() or not t.text[:1].isalnum() for t in toks[a:b])


def _konjunktiv_after_insertion(toks: list[Token], j: int, te: int) -> bool:
    """A Konjunktiv verb in a later main-clause segment (``j`` is a comma): the
    segments between are relative or infinitive clauses, skipped."""
    limit = min(te, j + 40)
    while j < limit and toks[j].text == ",":
        k = j + 1
        seg_end = k
        while seg_end < limit and toks[seg_end].text not in {",", ";", ":"}:
            seg_end += 1
        first = toks[k] if k < limit else None
        inserted = first is not None and (
            first.pos in {"PRELS", "KOUS", "PWS", "PWAV"}
            or (first.pos.startswith("APPR") and k + 1 < limit and toks[k + 1].pos in {"PRELS", "PWS"})
            or any(t.pos in {"PTKZU", "VV(IZU)"} for t in toks[k:seg_end])
        )
        if not inserted:
            return any(mood(toks[i], toks[i - 1]) for i in range(k, seg_end))
        j = seg_end
    return False


def _quote_end(toks: list[Token], k: int, te: int, cue_starts: set[int]) -> int:
    """End of a complement starting at ``k``: the sentence end or the next frame."""
    for j in range(k + 2, te):
        if j in cue_starts:
            p = j - 1
            while p > k and (toks[p].text in {",", "und", "sowie", "so"} or toks[p].pos in {"ADV", "PTKNEG"} and toks[p].text != "nicht"):
                if toks[p].text in {",", "und", "sowie"}:
                    return _trim_end(toks, k, p)
                p -= 1
            # a new main clause with its subject first: "…, doch der Sprecher erklärte, …"
            p = j - 1
            while p > k and j - p <= 8 and toks[p].pos in {"ART", "NN", "NE", "ADJ(A)", "PPER", "PPOSAT"}:
                p -= 1
            if p < j - 1 and p > k and toks[p].lower in {"doch", "aber", "sondern", "während"} and toks[p - 1].text == ",":
                return _trim_end(toks, k, p - 1)
        if toks[j].lower == "so" and toks[j - 1].text == "," and j + 1 < te and toks[j + 1].pos in {"NE", "ART", "NN", "PPER", "PPOSAT"}:
            return _trim_end(toks, k, j - 1)
    return te


def _trim_end(toks: list[Token], k: int, e: int) -> int:
    while e > k and toks[e - 1].text in {",", "und", "–", ";"}:
        e -= 1
    return e


def _cue_first(art: Article, toks: list[Token], c: Cue, st: int, te: int, cue_starts: set[int]) -> Found | None:
    sp, extra = speaker_of(toks, c, st, te)
    after = max(c.tokens + ([sp[1] - 1] if sp and sp[1] > c.verb else []))
    k = after + 1
    while k < te and toks[k].text not in _COMPLEMENT_PUNCT:
        if art.in_quote[k] != -1 and not _name_in_marks(art, toks, k):
            return None
        if is_verb(toks[k]) and k not in c.tokens and toks[k].lemma not in ("haben", "sein", "werden"):
            return None  # another verb before the comma: a different clause
        k += 1
    if k < te - 2 and toks[k].text == "," and _relative_start(toks, k + 1):
        # a relative clause on the last phrase before the complement:
        # "schrieb in einer Erklärung, die am Abend veröffentlicht wurde, sie wolle …"
        r = k + 1
        while r < te and toks[r].text not in _COMPLEMENT_PUNCT:
            r += 1
        if r < te - 1 and toks[r].text == "," and is_finite(toks[r - 1]):
            k = r
    if k >= te - 1 or not ((extra and not c.entry.weak) or _complement(toks, k + 1, te, c, toks[k].text == ":")):
        return None
    q0 = k + 1
    q1 = _quote_end(toks, q0, te, cue_starts)
    if q1 <= q0:
        return None
    cb = clause_begin(toks, min(c.tokens + extra), st)
    if not extra and _main_clause_after_subclause(toks, cb, q0):
        return None
    fstart = cb if extra or (cb > st and toks[cb].pos == "KOUS") else st
    if sp is not None:
        fstart = min(fstart, sp[0])
    # a "Wie X mitteilte," prefix frames what follows
    f = Found(
        Kind.INDIRECT,
        [_span(art, q0, q1)],
        "indirect_cue_first" if not extra else "indirect_wie",
        speaker=sp,
        cue=c.tokens + extra,
        medium=c.medium,
        frame=[(fstart, k + 1)],
    )
    f.addressee = addressee_in(toks, fstart, k, sp, c.verb)
    if f.addressee is not None and any(f.addressee[0] <= t < f.addressee[1] for t in c.tokens):
        f.addressee = None  # "ist der Meinung": part of the cue, not a dative
    return f


def _main_clause_after_subclause(toks: list[Token], cb: int, q0: int) -> bool:
    """The cue stands in a clause of condition, time or a relative clause that
    fills the prefield, and what follows is the main clause, its finite verb
    first: "Wenn die Stadt geklagt hätte, wäre der Bau gestoppt worden",
    "Sollte sich das bestätigen, steigen die Preise", "Was der Richter
    verkündete, führte zu Jubel". The narrator's own sentence, often a
    hypothetical in Konjunktiv II, no statement. "Wie der Sprecher
    mitteilte, seien …" and "…, so schrieb sie, sei …" are framed elsewhere."""
    if not is_finite(toks[q0]) or toks[cb].lower in {"wie", "so"}:
        return False
    first = toks[cb]
    if first.pos in {"KOUS", "PRELS", "PWS"} or (is_finite(first) and first.pos.startswith(("VM", "VA"))):
        # a Konjunktiv I main clause is still reported ("Als er ging, sagte er, sei …")
        return mood(toks[q0], toks[q0 - 1]) != "k1"
    return False


def _quote_first(art: Article, toks: list[Token], c: Cue, st: int, te: int) -> Found | None:
    """"Dazu gehöre …, sagte er." / "…, wie ein Sprecher mitteilte." / "…, heißt es"."""
    sp, extra = speaker_of(toks, c, st, te)
    head = min(c.tokens + extra)
    lead = head  # "…, das teilte die Polizei mit": the pronoun resumes the statement
    if head - 2 > st and not extra and toks[head - 1].lower in {"das", "dies"} and toks[head - 2].text == ",":
        lead = head - 1
        if sp is not None and sp[0] == lead:  # read as a relative pronoun: the subject follows the verb
            sp = subject_after_verb(toks, max(c.tokens[0], c.finite) + 1, te)
    if sp is not None and sp[0] < lead and not extra:
        return None  # subject before the verb: a main clause, not a trailing frame
    if sp is None and c.entry.lemma != "heißen":
        return None  # "…, verurteilt oder angeklagt": a verb in a list, not a frame
    if lead - 1 <= st or toks[lead - 1].text != ",":
        return None
    # the frame must run to the sentence end (allowing adverbials, no new clause)
    for j in range(max(c.tokens) + 1, te):
        if toks[j].text in {",", ":"} and not (sp and sp[0] <= j < sp[1]):
            if j + 1 < te and toks[j + 1].lower in CLAUSE_STARTERS | {"dass"}:
                return None
        if art.in_standalone(j):
            return None
    q1 = _trim_end(toks, st, lead - 1)
    q0 = st
    # the quote starts after an earlier colon or closing frame in the sentence
    for j in range(q1 - 1, st - 1, -1):
        if toks[j].text == ":" or art.in_standalone(j):
            q0 = j + 1
            break
    if q1 - q0 < 3 or not any(is_verb(t) for t in toks[q0:q1]):
        return None
    if toks[q0].pos == "KOUS" and toks[q0].lower not in {"dass", "daß", "ob"}:
        return None  # "Da ein Rückflug nicht möglich war, entschied der Pilot …": an adverbial clause
    if not extra and not _main_clause_in(toks, q0, q1):
        return None
    if extra and c.entry.weak:
        return None  # "…, wie geplant": no one speaks
    f = Found(
        Kind.INDIRECT,
        [_span(art, q0, q1)],
        "indirect_quote_first" if not extra else "indirect_wie",
        speaker=sp,
        cue=c.tokens + extra,
        medium=c.medium,
        frame=[(lead - 1, te)],
    )
    f.addressee = addressee_in(toks, head, te, sp)
    return f


_EMBEDDING = frozenset({"PRELS", "PRELAT", "KOUS", "PWAV", "PWS", "PWAT"})


def _main_clause_in(toks: list[Token], q0: int, q1: int) -> bool:
    """Does the text before a trailing cue hold a clause of its own, a finite verb
    outside relative, subordinate and "wie" clauses? "Ein Gesetz, das den Bau
    regelt, wurde angekündigt" puts a phrase in the cue's prefield, no
    statement; so do "Wie die Zeitung berichtet, …" and "Wann das geschieht,
    gab sie nicht bekannt". A prepositional phrase with a relative clause
    ("Zur Begründung, die …, erklärte er") is left alone: the corpus often
    marks it (train: speaker F1 fell when it was dropped too)."""
    k = q0
    while k < q1:
        e = k
        while e < q1 and toks[e].text not in {",", ";", ":"}:
            e += 1
        j = k + 1 if k < e - 1 and toks[k].pos.startswith(("APPR", "ADV")) else k
        embedded = toks[j].pos in _EMBEDDING or toks[k].pos in _EMBEDDING or (k > q0 and not toks[q0].pos.startswith("APPR") and _relative_start(toks, k))
        if not embedded and any(maybe_finite(t) for t in toks[k:e]):
            return True
        k = e + 1
    return False


def _span(art: Article, a: int, b: int) -> Span:
    return tok_span(art.doc, (a, b))


def _nominal(art: Article, toks: list[Token], st: int, te: int, cue_starts: set[int], sent: int) -> list[Found]:
    out: list[Found] = []
    particles = cue_particles()
    for i in range(st, te):
        if art.in_quote[i] != -1:
            continue
        p = particles.get(toks[i].lower)
        if p is None:
            continue
        sp: TokRange | None = None
        frame: TokRange | None = None
        speaker_is_cue = False
        construction = "nominal_" + p.word
        if p.kind == "prep" and toks[i].pos.startswith("APPR"):
            sp = speaker_forward(toks, i + 1, te, appositions=True)
            if sp:
                frame = (i, sp[1])
        elif p.kind == "post":
            # "zufolge", also spelt "zu Folge"
            head = i - 1 if p.word == "folge" else i
            if p.word == "folge" and (i == st or toks[i - 1].lower != "zu"):
                continue
            sp = speaker_backward(toks, head, st)
            if sp:
                frame = (sp[0], i + 1)
        elif p.kind == "nounprep":
            sp = speaker_forward(toks, i + 1, te, appositions=True)
            if sp and any(source_noun_medium(t.text) for t in toks[sp[0] : min(sp[1], sp[0] + 3)]):
                frame = (i, sp[1])
            else:
                sp = speaker_backward(toks, i, st)
                if sp and source_noun_medium(toks[sp[1] - 1].text) and (i + 1 >= te or not toks[i + 1].pos.startswith(("ART", "NN", "NE", "ADJ"))):
                    frame = (sp[0], i + 1)
                    construction = "nominal_nach_post"
                else:
                    sp = None
        elif p.kind == "so" and i > st and toks[i - 1].text in {",", "–"}:
            sp = speaker_forward(toks, i + 1, te, appositions=True)
            if sp is None:
                continue
            rest = sp[1]
            while rest < te and not is_verb(toks[rest]) and toks[rest].text not in {",", ":", ";", "–"}:
                rest += 1  # "so X weiter", "so X in einem Interview"
            if rest < te and toks[rest].text in {",", "–"} and rest + 1 < te and toks[i - 1].text in {",", "–"}:
                # set off in the middle: "Dennoch, so Nacke, habe er …", "– so Canny –"
                frame = (i - 1, rest + 1)
            elif rest < te:
                continue  # "so" as an adverb inside a clause
            else:
                frame = (i - 1, te)
        elif p.kind == "adv":
            frame = (i, i + 1)
            if p.word == "demnach":
                sp = (i, i + 1)
                speaker_is_cue = True
            else:  # wonach: the statement follows
                sp = speaker_backward(toks, i - 1, st) if i - 1 > st and toks[i - 1].text == "," else None
        if frame is None:
            continue
        medium = p.medium
        if sp is not None and not speaker_is_cue:
            for t in toks[sp[0] : sp[1]]:
                m = source_noun_medium(t.text)
                if m is not None:
                    medium = m
                    break
        quote = _around(art, toks, st, te, frame, p.word)
        if not quote:
            continue
        cue = [i - 1, i] if p.word == "folge" else [i]
        out.append(
            Found(Kind.INDIRECT, quote, construction, speaker=sp, cue=cue, medium=medium if medium else Medium.SPEECH, frame=[frame], sent=sent)
        )
    return out


def _around(art: Article, toks: list[Token], st: int, te: int, frame: TokRange, word: str) -> list[Span]:
    """The sentence without its nominal frame (and the commas that set it off)."""
    if word == "wonach":
        a, b = frame[1], te
        return [_span(art, a, b)] if b - a >= 3 else []
    a0, a1 = st, frame[0]
    b0, b1 = frame[1], te
    while a1 > a0 and toks[a1 - 1].text in {",", "–", "("}:
        a1 -= 1
    while b0 < b1 and toks[b0].text in {",", "–", ")"}:
        b0 += 1
    spans = []
    if a1 - a0 >= 1:
        spans.append(_span(art, a0, a1))
    if b1 - b0 >= 1:
        spans.append(_span(art, b0, b1))
    n = (a1 - a0) + (b1 - b0)
    if n < 3 or not any(is_verb(t) for t in toks[a0:a1] + toks[b0:b1]):
        return []
    return spans
