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

from bisect import bisect_left
from dataclasses import dataclass

from ...lexicon import load_word_set
from ...model import Kind, Medium, Span
from ...nlp import Sentence, Token
from ...pipeline.found import Found, TokRange, tok_span
from ...pipeline.scans import scans
from ...pipeline.sentences import Article
from .chunks import np_core, speaker_backward, speaker_forward
from .cues import Cue, clause_begin, cue_candidates, find_cue, speaker_of, speaking_subject, subject_after_verb
from .direct import addressee_in
from .lexicons import CueParticle, CueVerb, cue_particles, source_noun_medium, statement_nouns, word_class
from .morph import CLAUSE_STARTERS, is_finite, is_verb, maybe_finite, mood

_COMPLEMENT_PUNCT = frozenset({",", ":"})


def find_indirect(art: Article, used_cues: set[int]) -> list[Found]:
    out: list[Found] = []
    used_in_order = sorted(used_cues)
    for s in art.sentences:
        out.extend(_sentence(art, s, used_cues, used_in_order))
    return out


def _sentence(art: Article, s: Sentence, used: set[int], used_in_order: list[int]) -> list[Found]:
    """Each part of a sentence between semicolons is read on its own."""
    toks = art.tokens
    st, end = s.start, art.text_end(s)
    out: list[Found] = []
    for k in range(st, end + 1):
        if k == end or (toks[k].text == ";" and art.in_quote[k] == -1):
            out.extend(_segment(art, s, st, k, used, used_in_order))
            st = k + 1
    return out


def _segment(art: Article, s: Sentence, st: int, te: int, used: set[int], used_in_order: list[int]) -> list[Found]:
    toks = art.tokens
    if te - st < 3:
        return []
    cues: list[Cue] = []
    mixed: list[Cue] = []
    for i in cue_candidates(toks, st, te):
        if art.in_quote[i] != -1:
            continue
        c = find_cue(toks, i, st, te)
        if c is None:
            continue
        if i in used or set(c.tokens) & used:
            if not c.entry.report_only:
                mixed.append(c)
            continue
        if c.entry.report_only:
            extra = _judgement(toks, c, te)
            if not extra:
                continue
            c.tokens = sorted(c.tokens + extra)  # "hält es für möglich, dass …"
        cues.append(c)
    cues.extend(c for c in _opinion_cues(art, toks, st, te) if not set(c.tokens) & used)
    cues.extend(c for c in _correlate_cues(art, toks, st, te, cues) if not set(c.tokens) & used)
    cue_starts = {min(c.tokens) for c in cues} | {c.verb for c in cues}
    # a cue the direct stage took still starts a new frame: "sagte, X sei Y und
    # fügte hinzu: „…“" ends the complement before "und fügte hinzu"
    # (the segment's own: a scan of every cue of the article per sentence was quadratic)
    inside = used_in_order[bisect_left(used_in_order, st) : bisect_left(used_in_order, te)]
    cue_starts |= {i for i in inside if art.in_quote[i] == -1}
    found: list[Found] = []
    dies = _dies_frame(art, toks, s, st, te, cues)
    if dies is not None:
        return [dies]
    stops = _ComplementStops(toks, st, te, cue_starts, art.in_quote, art.standalone)
    speakers = _Speakers(toks, st, te)
    for c in cues:
        f = _cue_first(art, toks, c, st, te, stops, speakers) or _quote_first(art, toks, c, st, te, stops, speakers)
        if f is not None:
            f.sent = s.i
            if c.entry is _CORRELATE_ENTRY and f.speaker is not None and _no_holder(toks, f.speaker):
                # "Einigkeit besteht darüber, dass …", "Es gibt Streit darüber, ob …": nobody named
                f.speaker = None
            if _mixed_quote(art, f):
                f.construction = "indirect_mixed"  # kept beside the direct quote it contains
            found.append(f)
        else:
            mixed.append(c)
    for c in mixed:
        f = _cue_first(art, toks, c, st, te, stops, speakers, mixed=True) or _quote_first(
            art, toks, c, st, te, stops, speakers, mixed=True
        )
        if f is not None and not c.entry.weak and _mixed_quote(art, f):
            f.sent = s.i
            f.construction = "indirect_mixed"
            found.append(f)
    found.extend(_nominal(art, toks, st, te, cue_starts, s.i))
    found.extend(_noun_complements(art, toks, st, te, s.i))
    return found


class _Speakers:
    """Each cue's speaker in a segment, read once: a cue is tried as a frame
    before its complement, then after a quote, and again for a mixed quote
    (``speaker_of`` ran up to four times per cue)."""

    def __init__(self, toks: list[Token], st: int, te: int) -> None:
        self.toks, self.st, self.te = toks, st, te
        self._found: dict[int, tuple[TokRange | None, list[int]]] = {}

    def of(self, c: Cue) -> tuple[TokRange | None, list[int]]:
        """The speaker and extra cue tokens of ``c`` (a cue of this segment, whose tokens no longer change)."""
        if id(c) not in self._found:
            self._found[id(c)] = speaker_of(self.toks, c, self.st, self.te)
        sp, extra = self._found[id(c)]
        return sp, list(extra)


_GENITIVE_OPENERS = word_class("genitive_determiners", "indirect")
_ADDRESS_PREPS = frozenset({"an", "gegen", "gegenüber"})
_NOT_COMPLEMENT_STARTS = load_word_set("de", "not_complement_starts")


def _noun_complements(art: Article, toks: list[Token], st: int, te: int, sent: int) -> list[Found]:
    """A noun naming a statement, then its content after a comma: "die
    Forderung des Vorsitzenden, auf die SPD zuzugehen", "der Hinweis, er
    solle sich bewerben", "einer Warnung der Wärter, dass …". The noun (with
    its article) is the cue, a genitive or "von" attribute the speaker; the
    complement is a "dass" clause, a "zu" infinitive or a Konjunktiv clause."""
    nouns = statement_nouns()
    out: list[Found] = []
    for i in range(st, te - 2):
        t = toks[i]
        if t.tag != "NN" or art.in_quote[i] != -1:
            continue
        medium = nouns.get(t.text) or nouns.get(t.lemma)
        if medium is None:
            continue
        cue = [i]
        a = i - 1
        while a >= st and toks[a].tag in {"ADJ(A)", "ADV"} and art.in_quote[a] == -1:
            a -= 1
        if a >= st and toks[a].tag in {"ART", "PPOSAT", "PDAT", "PIAT"}:
            cue = list(range(a, i + 1)) if a == i - 1 else [a, i]
        sp: TokRange | None = None
        j = i + 1
        if toks[j].lower in _GENITIVE_OPENERS:
            g0 = j + 1 if toks[j].lower in {"von", "vom"} else j
            g1 = np_core(toks, g0 if toks[j].lower != "vom" else j + 1, te)
            if g1 <= g0 or any(art.in_quote[m] != -1 for m in range(j, g1)):
                continue
            sp = (g0 if toks[j].lower != "vom" else j + 1, g1)
            j = g1
            n = j + 1
            while n < te and n - j <= 4 and toks[n].tag in {"NE", "NN"} and art.in_quote[n] == -1:
                n += 1
            if (
                n > j + 1
                and n + 1 < te
                and toks[j].text == ","
                and toks[n].text == ","
                and any(toks[m].tag == "NE" for m in range(j + 1, n))
            ):
                sp, j = (sp[0], n), n  # a name in apposition: "ihres Trainers, Greg Poss, …"
        if j + 1 < te and toks[j].lower in _ADDRESS_PREPS and toks[j + 1].tag in {"ART", "NE", "NN", "PPOSAT", "PPER"}:
            # the one addressed or accused: "der Vorwurf der Regierung an Wikipedia, …"
            e = np_core(toks, j + 1, te) if toks[j + 1].tag != "PPER" else j + 2
            if e > j + 1 and not any(art.in_quote[m] != -1 for m in range(j, e)):
                j = e
        verb_end = j
        while (
            verb_end < te
            and verb_end - j < 2
            and (toks[verb_end].tag.startswith(("VV(PP)", "VV(INF)", "VA(INF)")) or toks[verb_end].tag == "PTKVZ")
        ):
            verb_end += 1  # "die These vertreten, …", "zur Bedingung gemacht, …"
        if verb_end + 1 >= te or toks[verb_end].text != ",":
            continue
        q0 = verb_end + 1
        q1 = _noun_complement_end(art, toks, q0, te)
        if q1 is None or q1 - q0 < 3:
            continue
        fstart = cue[0]
        if sp is None:
            held = _noun_holder(toks, cue, j, verb_end, st, te)
            if held is not None:
                sp, verb_cue = held
                cue = sorted(set(cue + verb_cue))
                fstart = min(fstart, sp[0], cue[0])
        frame = (fstart, verb_end)
        f = Found(
            Kind.INDIRECT,
            [_span(art, q0, q1)],
            "indirect_noun",
            speaker=sp,
            cue=cue,
            medium=medium,
            frame=[frame],
            sent=sent,
        )
        if _mixed_quote(art, f):
            f.construction = "indirect_noun_mixed"
        out.append(f)
    return out


_HOLDER_PREPS = frozenset({"mit", "zur", "zu"})


def _noun_holder(
    toks: list[Token], cue: list[int], np_end: int, comma: int, st: int, te: int
) -> tuple[TokRange, list[int]] | None:
    """The subject of the verb the statement noun is the object of, and that
    verb's tokens (the corpus marks them as part of the cue): "Die Forscher
    formulierten die Hypothese, dass …", "Gysi hatte die These vertreten,
    …", "Er machte es zur Bedingung, dass …", "wandte sich mit der
    Aufforderung an sie, …". None when the noun sits in another phrase
    ("gegen die Behauptung", "Trotz der Ankündigung") or no verb governs it."""
    verbs = [k for k in range(np_end, comma) if is_verb(toks[k])]
    a = cue[0]
    if a > st and toks[a - 1].tag.startswith("APPR") and toks[a - 1].lower not in _HOLDER_PREPS:
        return None
    cb = clause_begin(toks, a, st)
    fin = next((k for k in range(a - 1, cb - 1, -1) if is_finite(toks[k])), None)
    if fin is None:
        return None
    if not verbs:
        if toks[fin].lemma in {"sein", "werden"} or not toks[fin].tag.startswith("VV"):
            return None  # "Das ist die Forderung, …": a copula names it, nobody holds it
        verbs = [fin]
    elif toks[fin].lemma not in {"haben", "werden"} and not toks[fin].tag.startswith("VM"):
        return None
    cue_tokens = sorted(set(verbs + [fin] + [k for k in range(cb, a) if toks[k].lower == "sich"]))
    if a > st and toks[a - 1].lower in _HOLDER_PREPS:
        cue_tokens.append(a - 1)  # "machte … zur Bedingung"
    c = Cue(verbs[0], cue_tokens + cue, _OPINION_ENTRY, fin)
    sp, _ = speaker_of(toks, c, st, te)
    if sp is None or (sp[1] - sp[0] == 1 and toks[sp[0]].lower == "es"):
        return None  # ("Es ziehen viele die Schlussfolgerung, …": "es" holds no place of a speaker)
    return sp, cue_tokens


def _noun_complement_end(art: Article, toks: list[Token], q0: int, te: int) -> int | None:
    """End of a noun's complement starting at ``q0``, or None when no
    complement starts there. Later comma segments belong to it while they are
    relative or subordinate clauses, more "zu" infinitives or Konjunktiv
    clauses; a segment of the matrix clause ends it ("Trotz der Ankündigung,
    … zu beenden, kann die Mannschaft siegen")."""
    first = toks[q0]
    if first.tag.startswith("PREL") or _relative_start(toks, q0) or first.lower in _NOT_COMPLEMENT_STARTS:
        return None
    if first.tag == "KOUS" and first.lower not in {"dass", "daß"}:
        return None

    def seg_end(k: int) -> int:
        e = k
        while e < te and not (toks[e].text in {",", ";", ":"} and art.in_quote[e] == -1):
            e += 1
        return e

    e = seg_end(q0)
    seg = range(q0, e)
    if first.lower in {"dass", "daß"}:
        kind = "dass"
    elif any(toks[m].tag in {"VV(IZU)", "PTKZU"} for m in seg):
        kind = "zu"
    elif any(mood(toks[m], toks[m - 1]) for m in seg):
        kind = "konj"
    else:
        return None
    while e < te and toks[e].text == ",":
        k = e + 1
        if k >= te:
            break
        nxt = seg_end(k)
        sub = (
            _relative_start(toks, k)
            or toks[k].tag in {"KOUS", "PWAV", "PRELS"}
            or (toks[k].tag.startswith("APPR") and k + 1 < te and toks[k + 1].tag in {"PRELS", "PWS"})
        )
        more = (
            kind == "zu"
            and any(toks[m].tag in {"VV(IZU)", "PTKZU"} for m in range(k, nxt))
            and not any(is_finite(toks[m]) for m in range(k, nxt))
        ) or (kind == "konj" and any(mood(toks[m], toks[m - 1]) for m in range(k, nxt)))
        if not (sub or more):
            break
        e = nxt
    return _trim_end(toks, q0, e)


# "ist der Meinung", "vertritt die Ansicht", "teilen die Auffassung": a verb and an opinion noun
_OPINION_NOUNS = load_word_set("de", "opinion_nouns")
_OPINION_VERBS = frozenset({"sein", "vertreten", "teilen"})
_OPINION_ENTRY = CueVerb("sein", None, Medium.SPEECH_THOUGHT, weak=False, takes_object=False)


def _opinion_cues(art: Article, toks: list[Token], st: int, te: int) -> list[Cue]:
    """ "Die Ärztin ist der Meinung, dass …": the verb, the article (and adjectives)
    and the opinion noun form the cue; what follows the comma is the statement."""
    out: list[Cue] = []
    for k in range(st + 1, te - 2):
        if toks[k].lower not in _OPINION_NOUNS or toks[k + 1].text != "," or art.in_quote[k] != -1:
            continue
        j = k - 1
        while j > st and toks[j].tag in {"ADJ(A)", "ADV", "PTKNEG"}:
            j -= 1
        if toks[j].tag != "ART":
            continue
        v = j - 1
        while v > st and toks[v].tag in {"ADV", "PTKNEG"}:
            v -= 1
        if is_verb(toks[v]) and toks[v].lemma in _OPINION_VERBS:  # ("vertreten" may be read as an infinitive)
            out.append(Cue(v, [v] + list(range(j, k + 1)), _OPINION_ENTRY, v))
    return out


# pronominal adverbs that announce a "dass"/"ob" clause as what was said or
# thought ("ärgerte sich darüber, dass …", "Einigkeit besteht darüber, dass …",
# "Die Vermutungen gehen dahin, dass …"; train: 9 of 11 such clauses are marked;
# "darauf" is not among them: "deuten darauf hin, dass" names evidence, not a statement)
_CORRELATES = frozenset({"darüber", "dahin"})
_CORRELATE_ENTRY = CueVerb("sein", None, Medium.SPEECH_THOUGHT, weak=False, takes_object=False)


def _correlate_cues(art: Article, toks: list[Token], st: int, te: int, cues: list[Cue]) -> list[Cue]:
    """A clause whose verb points to a following "dass"/"ob" clause through
    "darüber"/"dahin": the clause's verbs, "sich" and the adverb form the cue."""
    out: list[Cue] = []
    taken = {k for c in cues for k in c.tokens}
    for k in range(st + 1, te - 2):
        if (
            toks[k].lower not in _CORRELATES
            or toks[k + 1].text != ","
            or toks[k + 2].lower not in {"dass", "daß", "ob"}
            or art.in_quote[k] != -1
        ):
            continue
        cb = clause_begin(toks, k, st)
        verbs = [j for j in range(cb, k) if is_verb(toks[j])]
        fin = next((j for j in verbs if is_finite(toks[j])), None)
        if fin is None or taken & set(range(cb, k + 1)) or toks[verbs[-1]].lemma == "sein":
            continue  # ("ist wütend darüber, dass …": a feeling, not a statement)
        tokens = sorted(set(verbs + [k] + [j for j in range(cb, k) if toks[j].lower == "sich"]))
        out.append(Cue(verbs[-1], tokens, _CORRELATE_ENTRY, fin))
    return out


def _no_holder(toks: list[Token], sp: TokRange) -> bool:
    """ "es" or a bare abstract noun with no article ("Einigkeit", "Streit"): no one who speaks."""
    first = toks[sp[0]]
    return first.lower == "es" or (sp[1] - sp[0] == 1 and first.tag == "NN" and not speaking_subject(toks, sp))


def _judgement(toks: list[Token], c: Cue, te: int) -> list[int]:
    """ "X hält es für möglich, dass …": a report-only verb framing a clause
    through "für" + adjective. The cue tokens it adds ("es", "für", the adjective)."""
    extra: list[int] = []
    k = c.verb + 1
    while k < te and toks[k].text not in _COMPLEMENT_PUNCT:
        if toks[k].lower in {"es", "für"}:
            extra.append(k)
        elif extra and toks[k - 1].lower == "für" and toks[k].tag in {"ADJ(D)", "ADJ(A)"}:
            extra.append(k)
        k += 1
    if (
        k + 1 < te
        and toks[k].text == ","
        and toks[k + 1].lower in {"dass", "daß", "ob"}
        and any(toks[j].lower == "für" for j in extra)
    ):
        return extra
    return []


def _dies_frame(art: Article, toks: list[Token], s: Sentence, st: int, te: int, cues: list[Cue]) -> Found | None:
    """ "X. Dies teilte die Polizei mit." — the statement is the sentence before;
    the corpus quotes it together with the pronoun "Dies"."""
    if st != s.start or s.i == 0 or toks[st].lower not in {"dies", "das", "dieses"}:
        return None
    c = next((c for c in cues if c.finite == st + 1 or c.verb == st + 1), None)
    if c is None or c.entry.weak:
        return None  # (a weak verb reports an act: "Das beschloss die Kommission", "Dies nennt man …")
    prev = art.sentences[s.i - 1]
    pe = art.text_end(prev)
    if pe - prev.start < 3 or any(art.in_quote[k] != -1 for k in range(prev.start, pe)):
        return None
    sp, _ = speaker_of(toks, c, st, te)
    if sp is None:
        return None
    quote = [_span(art, prev.start, pe), _span(art, st, st + 1)]
    return Found(
        Kind.INDIRECT, quote, "indirect_dies", speaker=sp, cue=c.tokens, medium=c.medium, frame=[(st + 1, te)], sent=s.i
    )


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
        if toks[j].tag in {"VV(IZU)", "PTKZU"}:
            return not first.tag.startswith("PREL") and first.lower not in {"um", "ohne", "statt", "anstatt"}
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
            if toks[j].lower in _MODAL_PRETERITES and j < end - 1:
                return True  # "warf ihm vor, er wollte sich bereichern": also Konjunktiv II
            return j < end - 1 and toks[j].tag == "VV(FIN)" and toks[j].lower.endswith(("te", "ten", "tet", "test"))
    return False


_MODAL_PRETERITES = load_word_set("de", "modal_preterites")
# clauses of time or reason and "welche" relative clauses after a cue's object
# are no complement: "schilderte die Fehlerkette, welche zum Unglück führte",
# "hatte den Rücktritt bekannt gegeben, nachdem die Wahl gescheitert war"
_ADVERBIAL_STARTERS = load_word_set("de", "adverbial_starters")


_RELATIVE_WORDS = word_class("relative_pronouns", "indirect")


def _relative_start(toks: list[Token], k: int) -> bool:
    """A relative clause starts at ``k``: a relative pronoun (HanTa may tag it
    as an article: then no noun follows it), perhaps after a preposition."""
    if k + 1 < len(toks) and toks[k].tag.startswith("APPR"):
        k += 1
    if k + 1 >= len(toks) or toks[k].lower not in _RELATIVE_WORDS:
        return False
    return toks[k].tag == "PRELS" or toks[k + 1].tag not in {"NN", "NE", "ADJ(A)", "CARD", "NNA"}


def _name_in_marks(art: Article, toks: list[Token], k: int) -> bool:
    """A short title in quotation marks inside the frame ("sagte dem „Spiegel“")."""
    qi = art.in_quote[k]
    a, b = art.quote_tokens[qi]
    return (
        b - a <= 6
        and qi not in art.standalone
        and all(t.text[:1].isupper() or not t.text[:1].isalnum() for t in toks[a:b])
    )


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
        inserted = (
            first is not None
            and (
                first.tag in {"PRELS", "KOUS", "PWS", "PWAV"}
                or (first.tag.startswith("APPR") and k + 1 < limit and toks[k + 1].tag in {"PRELS", "PWS"})
                or _relative_start(toks, k)  # "die" read as an article: ", die im Stadion stand,"
                or any(t.tag in {"PTKZU", "VV(IZU)"} for t in toks[k:seg_end])
            )
        )
        if not inserted:
            return any(mood(toks[i], toks[i - 1]) for i in range(k, seg_end))
        j = seg_end
    return False


def _quote_end(toks: list[Token], k: int, te: int, stops: _ComplementStops) -> int:
    """End of a complement starting at ``k``: the sentence end or the next frame
    (never inside quotation marks: "sagte, der Papst „ist und bleibt …“").

    The first stop after ``k + 1`` ends it (see :class:`_ComplementStops`):
    a frame's cue, a "…, so X" frame or a coordinated matrix verb."""
    j_so = stops.first_so_frame(k + 2)
    j_matrix = stops.first_matrix_verb(k)
    limit = min(j_so, j_matrix)
    for j in stops.frames_from(k + 2):
        if j > limit:
            break
        after = stops.frame_end_after(j, k)
        if after is not None:
            return _trim_end(toks, k, after)
    return _trim_end(toks, k, limit - 1) if limit < te else te


class _ComplementStops:
    """Where a complement in the segment ``[st, te)`` can end, found once for
    every cue of the segment (each cue's complement used to scan the rest of
    the sentence for them: quadratic in a long sentence of cues).

    Outside quotation marks, a complement starting at ``k`` ends before the
    first token ``j >= k + 2`` that is

    * a cue start (``cue_starts``) preceded by a comma, "und" or "sowie"
      (adverbs and "so" between): "…, und fügte hinzu"; or by ", doch/aber/
      sondern/während" and a subject of up to 7 words: "…, doch der Sprecher
      erklärte"; the comma (or conjunction) must lie after ``k``;
    * "so" after a comma, before a noun phrase ("…, so der Sprecher");
    * an indicative finite verb after "und" or a comma with no subject of its
      own (:func:`_matrix_verb_at`), when a finite verb stands between
      ``k`` and it.

    It also knows what a frame after its quote may not run into
    (:meth:`frame_broken`).
    """

    def __init__(
        self, toks: list[Token], st: int, te: int, cue_starts: set[int], in_quote: list[int], standalone: set[int]
    ) -> None:
        self.toks = toks
        self.te = te
        outside = [j for j in range(st, te) if in_quote[j] == -1]
        # cue start -> (where the complement ends when that lies after k, else None) pairs
        self._frames: list[int] = []
        self._frame_ends: dict[int, tuple[int | None, int | None]] = {}
        for j in outside:
            if j in cue_starts:
                ends = (_conjoined_frame(toks, j), _contrasted_frame(toks, j))
                if ends != (None, None):
                    self._frames.append(j)
                    self._frame_ends[j] = ends
        self._so_frames = [j for j in outside if j >= 1 and _so_frame(toks, j, te)]
        # what a frame after its quote may not run into (direct quotes are standalone by now)
        self._clause_openings = [j for j in range(st, te) if _clause_opening(toks, j, te)]
        self._standalone = [j for j in range(st, te) if in_quote[j] in standalone]
        self._matrix_verbs = [j for j in outside if j >= 1 and _matrix_verb_at(toks, j, te)]

    def frames_from(self, a: int) -> list[int]:
        return self._frames[bisect_left(self._frames, a) :]

    def frame_end_after(self, j: int, k: int) -> int | None:
        """Where the frame at cue start ``j`` ends a complement starting at ``k``."""
        conjoined, contrasted = self._frame_ends[j]
        if conjoined is not None and conjoined > k:
            return conjoined
        if contrasted is not None and contrasted > k:
            return contrasted - 1
        return None

    def frame_broken(self, a: int, sp: TokRange | None) -> bool:
        """A frame after its quote, from ``a`` to the segment end, runs into a
        new clause (a comma or colon before "dass", "wie", …, not one inside
        the speaker phrase ``sp``) or a direct quote."""
        lo = bisect_left(self._standalone, a)
        if lo < len(self._standalone):
            return True
        marks = self._clause_openings
        openings = len(marks) - bisect_left(marks, a)
        if sp is not None:
            openings -= bisect_left(marks, max(a, sp[1])) - bisect_left(marks, max(a, sp[0]))
        return openings > 0

    def quote_start(self, art: Article, st: int, q1: int, mixed: bool) -> int:
        """Where a quote before a trailing frame starts: after the last colon or
        direct quote before ``q1`` (``st`` when none). With ``mixed``, a direct
        quote ending at ``q1`` is part of the statement, not its start."""
        colon = scans(self.toks).last(_colon_at, st, q1)
        start = st if colon is None else colon + 1
        p = bisect_left(self._standalone, q1) - 1
        while p >= 0 and self._standalone[p] >= start:
            j = self._standalone[p]
            if not (mixed and art.quote_tokens[art.in_quote[j]][1] == q1):
                return j + 1
            p -= 1
        return start

    def first_so_frame(self, a: int) -> int:
        p = bisect_left(self._so_frames, a)
        return self._so_frames[p] if p < len(self._so_frames) else self.te

    def first_matrix_verb(self, k: int) -> int:
        """The first coordinated matrix verb ``j >= k + 2`` with a finite verb in ``[k, j - 1)``."""
        fin = scans(self.toks).first(_finite_at, k, self.te)
        if fin is None:
            return self.te
        p = bisect_left(self._matrix_verbs, max(k + 2, fin + 2))
        return self._matrix_verbs[p] if p < len(self._matrix_verbs) else self.te


def _conjoined_frame(toks: list[Token], j: int) -> int | None:
    """The comma, "und" or "sowie" before the cue start ``j``, with only
    adverbs, "so" (not "nicht") between."""
    p = j - 1
    while p >= 0 and (toks[p].text in {",", "und", "sowie", "so"} or _adverb_not_nicht(toks[p])):
        if toks[p].text in {",", "und", "sowie"}:
            return p
        p -= 1
    return None


def _adverb_not_nicht(t: Token) -> bool:
    return t.tag in {"ADV", "PTKNEG"} and t.text != "nicht"


def _contrasted_frame(toks: list[Token], j: int) -> int | None:
    """ ", doch/aber/sondern/während" and a subject of up to 7 words before the
    cue start ``j``: the conjunction's index."""
    p = j - 1
    while p >= 0 and j - p <= 8 and toks[p].tag in {"ART", "NN", "NE", "ADJ(A)", "PPER", "PPOSAT"}:
        p -= 1
    if 0 < p < j - 1 and toks[p].lower in {"doch", "aber", "sondern", "während"} and toks[p - 1].text == ",":
        return p
    return None


def _colon_at(toks: list[Token], j: int) -> bool:
    return toks[j].text == ":"


def _clause_opening(toks: list[Token], j: int, te: int) -> bool:
    return toks[j].text in {",", ":"} and j + 1 < te and toks[j + 1].lower in _CLAUSE_OPENERS


_CLAUSE_OPENERS = CLAUSE_STARTERS | {"dass"}


def _so_frame(toks: list[Token], j: int, te: int) -> bool:
    """ "…, so der Sprecher": "so" after a comma, before a noun phrase."""
    noun_phrase_after = j + 1 < te and toks[j + 1].tag in {"NE", "ART", "NN", "PPER", "PPOSAT"}
    return toks[j].lower == "so" and toks[j - 1].text == "," and noun_phrase_after


def _finite_at(toks: list[Token], k: int) -> bool:
    return is_finite(toks[k])


def _matrix_verb_at(toks: list[Token], j: int, te: int) -> bool:
    """An indicative finite verb right after "und" or a comma, with no subject
    of its own, goes on with the cue's subject: "sagte Köhler, sie müssten
    Zurückhaltung aufgeben und bemühte das Bild vom Boot", "erklärte, er sei
    unschuldig, erkannte das Gericht nicht an". (A verb-final "und ging" in a
    "dass" clause has nothing after it; a Konjunktiv goes on with the
    complement: "er sei krank und habe …".) The complement before it must be
    a clause of its own, closed by a finite verb: the caller checks that."""
    t = toks[j]
    if not is_finite(t) or mood(t, toks[j - 1]) or toks[j - 1].lower not in {"und", ","} or j + 1 >= te:
        return False
    return not (toks[j + 1].text in {",", ".", ";", ":"} or t.lower in _COPULA_FORMS)


_COPULA_FORMS = load_word_set("de", "copula_forms")


def _trim_end(toks: list[Token], k: int, e: int) -> int:
    while e > k and toks[e - 1].text in {",", "und", "–", ";"}:
        e -= 1
    return e


def _cue_first(
    art: Article,
    toks: list[Token],
    c: Cue,
    st: int,
    te: int,
    stops: _ComplementStops,
    speakers: _Speakers,
    *,
    mixed: bool = False,
) -> Found | None:
    if _no_statement_cue(toks, c, st, te):
        return None
    sp, extra = speakers.of(c)
    after = max(c.tokens + ([sp[1] - 1] if sp and sp[1] > c.verb else []))
    k = after + 1
    while k < te and toks[k].text not in _COMPLEMENT_PUNCT:
        if (
            toks[k].lower in {"dass", "daß"}
            and toks[k].tag == "KOUS"
            and not extra
            and not c.entry.weak
            and toks[k - 1].lower not in {"so", "ohne", "statt", "anstatt", "außer", "als"}
        ):
            return _comma_less_complement(art, toks, c, sp, k, st, te, stops)
        if art.in_quote[k] != -1 and not _name_in_marks(art, toks, k):
            return None
        if is_verb(toks[k]) and k not in c.tokens and toks[k].lemma not in ("haben", "sein", "werden"):
            if not c.entry.weak and not extra and _comma_less_infinitive(art, toks, after + 1, te):
                return _comma_less_complement(art, toks, c, sp, after + 1, st, te, stops)
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
    if k >= te - 1:
        return None
    if toks[k + 1].lower in {"was", "welche", "welcher", "welches", "wo"} and any(
        toks[j].tag in {"NN", "NE"} and not (sp and sp[0] <= j < sp[1]) for j in range(c.verb + 1, k)
    ):
        return None  # "kritisierte die Rolle von X, was eine Reaktion zur Folge hat": a relative "was"
    # "Wie Norman Paech feststellt, ist …": a weak verb frames with "wie" when
    # someone who can speak is its subject ("wie er es nannte" names a word only)
    wie_frame = extra and (
        not c.entry.weak
        or (speaking_subject(toks, sp) and c.entry.lemma != "nennen")
        or _wie_bekannt(toks, c, extra, st)
    )
    quoted_after = mixed and toks[k].text == "," and art.any_quoted(k + 1, te)
    if not (wie_frame or _complement(toks, k + 1, te, c, toks[k].text == ":") or quoted_after):
        skipped = _skip_inserted_phrase(art, toks, k, te, c)
        if skipped is None:
            return None
        if sp is not None and sp[1] == k and _apposition_phrase(toks, k + 1, skipped):
            sp = (sp[0], skipped)  # "erklärte der Eigentümer, das Medienhaus X, dass …"
        k = skipped
    q0 = k + 1
    q1 = _quote_end(toks, q0, te, stops)
    if q1 <= q0:
        return None
    cb = clause_begin(toks, min(c.tokens + extra), st)
    if not extra and _main_clause_after_subclause(toks, cb, q0):
        return None
    fstart = cb if extra or (cb > st and toks[cb].tag == "KOUS") else st
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


def _wie_bekannt(toks: list[Token], c: Cue, extra: list[int], st: int) -> bool:
    """ "Wie gestern bekannt wurde, befindet sich unter den Opfern …": an
    impersonal "wie … bekannt wurde" opening the sentence frames what follows
    (train: both such sentences are marked, with no speaker)."""
    return (c.entry.lemma, c.entry.particle) in {("werden", "bekannt"), ("bekanntwerden", None)} and min(extra) == st


def _comma_less_infinitive(art: Article, toks: list[Token], k: int, te: int) -> bool:
    """A "zu" infinitive right after the cue, written without its comma:
    "wurden Anwohner aufgefordert Türen und Fenster geschlossen zu halten",
    "behauptete belegen zu können, dass …". It runs to the sentence end or a
    comma, holds no finite verb and ends in the infinitive."""
    if k >= te or toks[k].lower in {"um", "ohne", "statt", "anstatt"} or toks[k].tag in {"KOUS", "KON"}:
        return False
    e = k
    while e < te and toks[e].text not in {",", ";", ":"}:
        purpose = toks[e].lower in {"ohne", "statt", "anstatt"} or (
            toks[e].lower == "um" and e + 1 < te and toks[e + 1].tag != "CARD"
        )
        if purpose:
            return False  # a purpose clause, or the cue's clause goes on ("sagte den Termin ab")
        if (
            is_finite(toks[e])
            and not (
                toks[e].lemma in {"haben", "sein", "werden", "können", "wollen", "müssen", "dürfen", "sollen"}
                and toks[e - 1].tag == "PTKZU"
            )
            or art.in_quote[e] != -1
        ):
            return False
        e += 1
    if e - k < 2:
        return False
    last = e - 1
    return toks[last].tag == "VV(IZU)" or (toks[last - 1].tag == "PTKZU" and is_verb(toks[last]))


def _comma_less_complement(
    art: Article, toks: list[Token], c: Cue, sp: TokRange | None, k: int, st: int, te: int, stops: _ComplementStops
) -> Found | None:
    """A complement written without its comma, from ``k`` on: a "dass" clause
    ("Er hoffte dass der Streit bald endet": it starts at "dass" itself) or the
    "zu"-infinitive of :func:`_comma_less_infinitive`."""
    q1 = _quote_end(toks, k, te, stops)
    if q1 <= k + 1:
        return None
    fstart = st if sp is None else min(st, sp[0])
    f = Found(
        Kind.INDIRECT,
        [_span(art, k, q1)],
        "indirect_cue_first",
        speaker=sp,
        cue=list(c.tokens),
        medium=c.medium,
        frame=[(fstart, k)],
    )
    f.addressee = addressee_in(toks, fstart, k, sp, c.verb)
    return f


def _no_statement_cue(toks: list[Token], c: Cue, st: int, te: int) -> bool:
    """Cue verbs that say nothing was stated: a negated infinitive ("wollte nicht
    bestätigen, dass …"), a reflexive "bestätigen" ("Sollte sich dies
    bestätigen, …", "Damit bestätigt sich die Befürchtung, dass …"), a
    bracketed aside ("(Wikinews berichtete):")."""
    v = c.verb
    if v > st and toks[v - 1].tag == "PTKNEG" and not is_finite(toks[v]):
        return True
    if c.entry.lemma == "bestätigen" and any(toks[j].lower == "sich" for j in range(max(st, v - 3), min(te, v + 2))):
        return True
    if _plan_state(toks, c) or _generic_modal(toks, c, st):
        return True
    return v + 1 < len(toks) and toks[v + 1].text == ")"


def _plan_state(toks: list[Token], c: Cue) -> bool:
    """ "Außerdem ist geplant, …", "wie geplant": a plan nobody is said to state
    (train: 0 of 5 such agentless "geplant" frames annotated); "plant man, …"
    and "hat angekündigt" stay."""
    if c.entry.lemma != "planen" or not toks[c.verb].tag.endswith("(PP)"):
        return False
    return c.finite == c.verb or toks[c.finite].lemma in {"sein", "werden"}


_MODAL_LEMMAS = load_word_set("de", "modal_lemmas")


def _generic_modal(toks: list[Token], c: Cue, st: int) -> bool:
    """ "man" with a modal is the writer's own comment, not a report of what
    people say: "Alles in allem kann man sagen, dass …", "Man sollte es besser
    wissen: …", "möchte man ihr raten, …" (train: 0 of 3 annotated)."""
    cb = clause_begin(toks, min(c.tokens), st)
    found = scans(toks)
    hi = max(c.tokens) + 1
    return found.any(_is_man, cb, hi) and found.any(_is_modal, cb, hi)


def _is_man(t: Token) -> bool:
    return t.lower == "man"


def _is_modal(t: Token) -> bool:
    return t.tag.startswith("VM") and t.lemma in _MODAL_LEMMAS


def _mixed_quote(art: Article, f: Found) -> bool:
    """A statement the corpus marks beside a direct quote it contains: the
    clause around a quoted fragment, in the speaker's frame ("Der Sprecher
    teilte mit, Tony Blair „steht bereit“, sich … zu treffen", "Nach einer
    Wahl könne die Politik …, „dass mehr Wachstum entsteht“, erklärte X"):
    a quotation inside, and words of the narrator's around it."""
    if len(f.quote) != 1:
        return False
    toks = art.tokens
    a, b = _token_range(art, f.quote[0])
    # (counted from prefix sums: a complement may run over most of a long sentence)
    inside = art.any_quoted(a, b)
    words_outside = art.unquoted_count(_opens_with_word, a, b)
    if not inside or words_outside < 2 or art.unquoted_count(_is_colon, a, b):
        return False  # ("sagte X, Chef der Firma: „…“" is a direct quote after an apposition)
    if (
        _relative_start(toks, a)
        or toks[a].tag in {"PRELS", "PWAV"}
        or (toks[a].tag == "KOUS" and toks[a].lower not in {"dass", "daß", "ob"})
    ):
        return False  # a relative or adverbial clause: ", auf denen Sprüche wie „…“ standen"
    return scans(toks).any(_clause_verb, a, b)


def _opens_with_word(t: Token) -> bool:
    return t.text[:1].isalnum()


def _is_colon(t: Token) -> bool:
    return t.text == ":"


def _clause_verb(t: Token) -> bool:
    return is_finite(t) or t.tag in {"PTKZU", "VV(IZU)"}


def _token_range(art: Article, span: Span) -> TokRange:
    """The tokens of a token-aligned span (an indirect quote)."""
    first = art.doc.token_at(span.begin)
    last = art.doc.token_at(span.end - 1)
    if first is None or last is None:
        return 0, 0
    return first.i, last.i + 1


def _skip_inserted_phrase(art: Article, toks: list[Token], k: int, te: int, c: Cue) -> int | None:
    """The comma after a verbless phrase set off between the cue clause and a
    complement that opens with "dass"/"ob" or is in the Konjunktiv: "sagte der
    Koordinator, Max Muster, gegenüber der BBC, dass …", "erklärte der
    Eigentümer, das Medienhaus Lensing, dass …". ``k`` is the comma after the
    cue clause; None when no such phrase (or no such complement) follows."""
    j = k
    for _ in range(2):
        e = j + 1
        while e < te and toks[e].text not in _COMPLEMENT_PUNCT:
            if (
                is_verb(toks[e])
                or toks[e].text in {";", "(", "–"}
                or (art.in_quote[e] != -1 and not _name_in_marks(art, toks, e))
            ):
                return None
            e += 1
        first = toks[j + 1]
        if (
            e >= te - 1
            or toks[e].text != ","
            or e - j - 1 > 12
            or first.lower in CLAUSE_STARTERS
            or first.tag in {"KOUS", "PRELS", "PWS", "PWAV"}
        ):
            return None
        nxt = toks[e + 1]
        if nxt.lower in {"dass", "daß", "ob"} or (not c.entry.weak and _konjunktiv_clause(toks, e + 1, te)):
            return e
        j = e
    return None


def _konjunktiv_clause(toks: list[Token], k: int, te: int) -> bool:
    """A Konjunktiv verb in the clause segment starting at ``k``."""
    j = k
    while j < te and toks[j].text not in {",", ";", ":"}:
        if mood(toks[j], toks[j - 1]):
            return True
        j += 1
    return False


def _apposition_phrase(toks: list[Token], a: int, b: int) -> bool:
    """A noun phrase set off by commas that renames the speaker (no preposition
    heads it): "der Eigentümer, das Medienhaus Lensing,"."""
    return (
        b > a
        and toks[a].tag in {"ART", "NE", "NN", "ADJ(A)", "PPOSAT", "PIAT"}
        and any(t.tag in {"NN", "NE"} for t in toks[a:b])
    )


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
    if first.tag in {"KOUS", "PRELS", "PWS"} or (is_finite(first) and first.tag.startswith(("VM", "VA"))):
        # a Konjunktiv I main clause is still reported ("Als er ging, sagte er, sei …")
        return mood(toks[q0], toks[q0 - 1]) != "k1"
    return False


def _quote_first(
    art: Article,
    toks: list[Token],
    c: Cue,
    st: int,
    te: int,
    stops: _ComplementStops,
    speakers: _Speakers,
    *,
    mixed: bool = False,
) -> Found | None:
    """ "Dazu gehöre …, sagte er." / "…, wie ein Sprecher mitteilte." / "…, heißt es"."""
    sp, extra = speakers.of(c)
    if sp is None and c.entry.lemma == "zitieren" and c.finite != c.verb and toks[c.finite].lemma == "werden":
        sp = subject_after_verb(toks, c.finite + 1, te)  # "…, wird X zitiert": the one quoted speaks
    head = min(c.tokens + extra)
    lead = head  # "…, das teilte die Polizei mit": the pronoun resumes the statement
    if (
        head - 2 > st
        and not extra
        and c.entry.lemma == "heißen"
        and toks[head - 1].lower == "so"
        and toks[head - 2].text == ","
    ):
        lead = head - 1  # "…, so heißt es in der Erklärung."
    elif head - 2 > st and not extra and toks[head - 1].lower in {"das", "dies"} and toks[head - 2].text == ",":
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
    if stops.frame_broken(max(c.tokens) + 1, sp):
        return None
    q1 = _trim_end(toks, st, lead - 1)
    q0 = st
    # the quote starts after an earlier colon or closing frame in the sentence
    q0 = stops.quote_start(art, q0, q1, mixed)
    if q1 - q0 < 3 or not scans(toks).any(is_verb, q0, q1):
        return None
    if toks[q0].tag == "KOUS" and toks[q0].lower not in {"dass", "daß", "ob"}:
        return None  # "Da ein Rückflug nicht möglich war, entschied der Pilot …": an adverbial clause
    if not _main_finite(toks, q0, q1):
        return None  # "In einem Essay, das … veröffentlicht wurde, kritisierte er …": a prefield, no clause
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


def _main_finite(toks: list[Token], a: int, b: int) -> bool:
    """A finite verb in ``[a, b)`` outside relative and subordinate clauses
    (each comma segment that opens with a relative pronoun or a conjunction is
    left out; the first segment always counts unless it is such a clause)."""
    j = a
    while j < b:
        e = j
        while e < b and toks[e].text != ",":
            e += 1
        k = j
        while k < e and toks[k].tag == "ADV":
            k += 1  # "Selbst wenn …"
        sub = k < e and (toks[k].tag in {"KOUS", "PRELS", "PWAV"} or (j > a and _relative_start(toks, k)))
        if not sub and any(is_finite(t) or maybe_finite(t) for t in toks[j:e]):
            return True
        j = e + 1
    return False


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
        j = k + 1 if k < e - 1 and toks[k].tag.startswith(("APPR", "ADV")) else k
        embedded = (
            toks[j].tag in _EMBEDDING
            or toks[k].tag in _EMBEDDING
            or (k > q0 and not toks[q0].tag.startswith("APPR") and _relative_start(toks, k))
        )
        if not embedded and any(maybe_finite(t) for t in toks[k:e]):
            return True
        k = e + 1
    return False


def _span(art: Article, a: int, b: int) -> Span:
    return tok_span(art.doc, (a, b))


def _nominal(art: Article, toks: list[Token], st: int, te: int, cue_starts: set[int], sent: int) -> list[Found]:
    """Nominal frames in the clause ``st:te``: "laut X", "X zufolge", "nach
    Angaben X", "…, so X", "demnach". Each cue particle (``cue_particles.txt``)
    gets its frame and speaker by its kind, then the statement it vouches for."""
    out: list[Found] = []
    particles = cue_particles()
    for i in range(st, te):
        if art.in_quote[i] != -1:
            continue
        p = particles.get(toks[i].lower)
        if p is None:
            continue
        nominal = _nominal_frame(art, toks, i, p, st, te, sent)
        if nominal is None:
            continue
        f = _nominal_statement(art, toks, i, p, nominal, st, te, sent)
        if f is not None:
            out.append(f)
    return out


@dataclass
class _NominalFrame:
    """A nominal cue's frame and speaker, before the statement is built."""

    speaker: TokRange | None
    frame: TokRange
    construction: str
    speaker_is_cue: bool = False  # "demnach": the cue word stands for the source
    relative: bool = False  # "…, laut dem …": a relative pronoun points back at the source


def _nominal_frame(
    art: Article, toks: list[Token], i: int, p: CueParticle, st: int, te: int, sent: int
) -> _NominalFrame | None:
    """The frame and speaker of cue particle ``p`` at ``i``; None when it frames nothing here."""
    construction = "nominal_" + p.word
    rel = _relative_source(toks, i, st, te, p.kind)
    if rel is not None:
        return _NominalFrame(rel[0], rel[1], construction, relative=True)
    if p.kind == "prep":
        return _preposition_frame(toks, i, te, construction)
    if p.kind == "post":
        return _postposition_frame(toks, i, p, st, construction)
    if p.kind == "nounprep":
        return None if _temporal_nach(toks, i, st) else _noun_preposition_frame(toks, i, st, te, construction)
    if p.kind == "so" and i > st and toks[i - 1].text in {",", "–"}:
        return _so_source_frame(art, toks, i, te, construction)
    if p.kind == "adv":
        return _adverb_frame(art, toks, i, p, st, sent, construction)
    return None


def _preposition_frame(toks: list[Token], i: int, te: int, construction: str) -> _NominalFrame | None:
    """ "laut X", "gemäß X": the source follows."""
    # (HanTa reads a sentence-initial "Gemäß" as an adjective)
    gemaess = toks[i].lower == "gemäß" and i + 1 < te and toks[i + 1].tag in {"ART", "PPOSAT", "NN", "NE"}
    if not (toks[i].tag.startswith("APPR") or gemaess):
        return None
    sp = speaker_forward(toks, i + 1, te, appositions=True)
    return _NominalFrame(sp, (i, sp[1]), construction) if sp else None


def _postposition_frame(toks: list[Token], i: int, p: CueParticle, st: int, construction: str) -> _NominalFrame | None:
    """ "X zufolge", also spelt "zu Folge": the source comes before."""
    head = i - 1 if p.word == "folge" else i
    if p.word == "folge" and (i == st or toks[i - 1].lower != "zu"):
        return None
    if head - 1 >= st and toks[head - 1].lower in _DATIVE_PRONOUNS:
        sp: TokRange | None = (head - 1, head)  # "Ihnen zufolge hat …"
    else:
        sp = speaker_backward(toks, head, st)
    return _NominalFrame(sp, (sp[0], i + 1), construction) if sp else None


def _noun_preposition_frame(toks: list[Token], i: int, st: int, te: int, construction: str) -> _NominalFrame | None:
    """ "nach Angaben X" (a source noun after the preposition), or "den Angaben nach" (before it)."""
    sp = _possessor_source(toks, i + 1, te) or speaker_forward(toks, i + 1, te, appositions=True)
    if sp and any(source_noun_medium(t.text) for t in toks[sp[0] : min(sp[1], sp[0] + 3)]):
        return _NominalFrame(sp, (i, sp[1]), construction)
    sp = speaker_backward(toks, i, st)
    if (
        sp
        and source_noun_medium(toks[sp[1] - 1].text)
        and (i + 1 >= te or not toks[i + 1].tag.startswith(("ART", "NN", "NE", "ADJ")))
    ):
        return _NominalFrame(sp, (sp[0], i + 1), "nominal_nach_post")
    return None


def _so_source_frame(art: Article, toks: list[Token], i: int, te: int, construction: str) -> _NominalFrame | None:
    """ "…, so X": the source follows; the frame is set off by commas or dashes, or ends the clause."""
    sp = speaker_forward(toks, i + 1, te, appositions=True)
    if sp is None:
        return None
    rest = sp[1]
    while rest < te and not is_verb(toks[rest]) and toks[rest].text not in {",", ":", ";", "–"}:
        rest += 1  # "so X weiter", "so X in einem Interview"
    if rest < te and toks[rest].text in {",", "–"} and rest + 1 < te and toks[i - 1].text in {",", "–"}:
        # set off in the middle: "Dennoch, so Nacke, habe er …", "– so Canny –"
        return _NominalFrame(sp, (i - 1, rest + 1), construction)
    if rest + 1 < te and toks[rest].text == ":" and art.in_quote[rest + 1] != -1:
        # "…, so Elshorst weiter: „…“": a direct quote follows
        return _NominalFrame(sp, (i - 1, rest), construction)
    if rest < te:
        return None  # "so" as an adverb inside a clause
    return _NominalFrame(sp, (i - 1, te), construction)


def _adverb_frame(
    art: Article, toks: list[Token], i: int, p: CueParticle, st: int, sent: int, construction: str
) -> _NominalFrame | None:
    """ "demnach", "danach" (the cue word stands for the source), "…, wonach" (the source comes before)."""
    if p.word == "danach" and not (i == st and _publication_before(art, sent)):
        return None  # "Danach" is mostly "afterwards"
    if p.word in {"demnach", "danach"}:
        return _NominalFrame((i, i + 1), (i, i + 1), construction, speaker_is_cue=True)
    # wonach: the statement follows
    sp = speaker_backward(toks, i - 1, st) if i - 1 > st and toks[i - 1].text == "," else None
    return _NominalFrame(sp, (i, i + 1), construction)


def _nominal_statement(
    art: Article, toks: list[Token], i: int, p: CueParticle, nominal: _NominalFrame, st: int, te: int, sent: int
) -> Found | None:
    """The statement a nominal frame vouches for: the speaker trimmed, the
    medium from a source noun, the quote the clause (or sentence) around it."""
    sp, frame = nominal.speaker, nominal.frame
    if sp is not None and frame[0] == i and not nominal.speaker_is_cue and not nominal.relative:
        cut = _nominative_inside(toks, sp)
        if cut is not None:
            sp, frame = (sp[0], cut), (frame[0], cut)
    if sp is not None and frame[0] == st and p.kind in {"prep", "nounprep"} and not nominal.relative:
        sp, frame = _prefield_source(art, toks, sp, frame, te)
    medium = p.medium
    if sp is not None and not nominal.speaker_is_cue:
        for t in toks[sp[0] : sp[1]]:
            m = source_noun_medium(t.text)
            if m is not None:
                medium = m
                break
    cs, ce = _subordinate_scope(toks, st, te, frame)
    if (cs, ce) == (st, te) and p.kind in {"prep", "nounprep", "post"}:
        cs = _main_clause_begin(art, toks, st, te, frame)
    if p.kind == "so":
        # what "so X" vouches for starts after a colon before it ("…, doch die
        # Richterin blieb hart: Eine Strafe sei …, so X"); the frame ends the reach
        cs = next((j + 1 for j in range(frame[0] - 1, cs - 1, -1) if toks[j].text == ":" and art.in_quote[j] == -1), cs)
        ce = frame[1] if frame[1] < te and toks[frame[1]].text == ":" else ce
    quote = _around(art, toks, cs, ce, frame, p.word)
    if not quote:
        return None
    cue = [i - 1, i] if p.word == "folge" else [i]
    f = Found(
        Kind.INDIRECT,
        quote,
        nominal.construction,
        speaker=sp,
        cue=cue,
        medium=medium if medium else Medium.SPEECH,
        frame=[frame],
        sent=sent,
    )
    if _mixed_quote(art, f):
        f.construction += "_mixed"  # "X handhabe es „maßvoll“, so Y": kept beside the direct quote
    return f


# a phrase on how the source was reached is no part of it ("Nach Angaben der
# Sprecherin gegenüber dem Kurier ist …", "unter Berufung auf Scotland Yard")
_SOURCE_PHRASE_STOPS = frozenset({"gegenüber", "unter"})


def _prefield_source(
    art: Article, toks: list[Token], sp: TokRange, frame: TokRange, te: int
) -> tuple[TokRange, TokRange]:
    """A source that opens the sentence fills the whole prefield, up to the
    finite verb: "Nach Angaben des Bundesamts für Umwelt bleibt …", "Nach
    einer Veröffentlichung im Magazin „Nature“ haben …", "Laut Angaben von X,
    dem Direktor der Behörde, hatten …". The speaker runs to the verb (a
    relative clause and a "gegenüber …" phrase left out), the frame too."""
    e = sp[1]
    end = e
    stopped = False
    j = e
    while j < te and not is_finite(toks[j]):
        t = toks[j]
        if t.text in {";", ":", "–"} or (art.in_quote[j] != -1 and not _name_in_marks(art, toks, j)):
            return sp, frame
        if t.text == "," and j + 1 < te and (_relative_start(toks, j + 1) or toks[j + 1].tag in {"KOUS", "PWAV"}):
            stopped = True  # ", die aber nicht überprüft werden können," is no part of the source
            j += 1
            while j < te and toks[j].text != ",":
                j += 1
            if j >= te:
                return sp, frame
        elif t.lower in _SOURCE_PHRASE_STOPS or is_verb(t):
            stopped = True
        elif not stopped and t.text != ",":
            end = j + 1
        j += 1
    if j >= te or j - e > 15:
        return sp, frame
    return (sp[0], end), (frame[0], j)


_MAIN_CLAUSE_LINKS = load_word_set("de", "main_clause_links")


def _main_clause_start(art: Article, toks: list[Token], j: int, st: int, te: int) -> bool:
    """Whether the comma at ``j`` separates two main clauses: a finite verb
    before it, and after it a verb-second clause ("…, diese Taten seien aber
    verjährt", "…, jedoch ist heute fraglich, ob …")."""
    if art.in_quote[j] != -1 or not any(is_finite(t) for t in toks[st:j]):
        return False
    k = j + 1
    if (
        k >= te
        or _relative_start(toks, k)
        or toks[k].tag in {"KOUS", "PWAV", "PWS", "PRELS", "PTKZU", "KOKOM"}
        or toks[k].lower in {"um", "ohne", "statt", "so", "wie"}
    ):
        return False
    f = k
    while f < te and toks[f].text not in {",", ";", ":", "(", ")", "–"} and not is_finite(toks[f]):
        if is_verb(toks[f]) or toks[f].tag in {"KOUS", "PRELS", "PWS", "PTKZU"}:
            return False
        f += 1
    if f >= te or not is_finite(toks[f]):
        return False
    head = toks[k:f]
    return 1 <= len(head) <= 7 and not (len(head) == 1 and head[0].lower in _MAIN_CLAUSE_LINKS and head[0].tag == "KON")


def _main_clause_begin(art: Article, toks: list[Token], st: int, te: int, frame: TokRange) -> int:
    """Where the main clause a nominal frame sits in begins, when the sentence
    joins several with commas: "Die Mutter soll davon gewusst haben, diese
    Taten seien aber laut der Anklage verjährt" → "diese Taten seien aber …
    verjährt". (The corpus lets the source's reach run on to the sentence end:
    later main clauses stay in the quote.)"""
    for j in range(frame[0] - 1, st, -1):
        if toks[j].text == "," and _main_clause_start(art, toks, j, st, te):
            return j + 1
    return st


def _nominative_inside(toks: list[Token], sp: TokRange) -> int | None:
    """Where a source phrase runs into the clause's subject: an article that
    cannot open a genitive attribute ("die", "das", or "der" before an
    adjective in -e): "nach Auskunft der NASA der überwiegende Teil …",
    "nach einer Nachricht der ursprüngliche Toaster"."""
    for k in range(sp[0] + 2, sp[1] - 1):
        t = toks[k]
        if t.tag != "ART":
            continue
        if t.lower in {"die", "das"} or (
            t.lower == "der" and toks[k + 1].tag == "ADJ(A)" and toks[k + 1].lower.endswith("e")
        ):
            return k
    return None


# words before "nach" that make it temporal: "Zwei Monate nach dem Urteil",
# "Erst nach umfangreichen Ermittlungen", "kurz nach der Veröffentlichung"
_TIME_BEFORE_NACH = load_word_set("de", "time_before_nach")


# event nouns that after a definite "nach der" name a moment: "Nach der
# Veröffentlichung kam es zu Demonstrationen" (but "Nach einer Veröffentlichung
# im Magazin „Nature“ haben Forscher …" cites it)
_EVENT_SOURCES = frozenset({"veröffentlichung", "nachricht"})


def _temporal_nach(toks: list[Token], i: int, st: int) -> bool:
    if i + 2 < len(toks) and toks[i + 1].lower == "der" and toks[i + 2].lower in _EVENT_SOURCES:
        return True
    return i > st and toks[i - 1].lower in _TIME_BEFORE_NACH


def _possessor_source(toks: list[Token], k: int, te: int) -> TokRange | None:
    """ "nach dessen Angaben", "Nach deren Angaben": a relative or demonstrative
    possessive before a source noun (the noun-phrase reader stops at it)."""
    if k + 1 < te and toks[k].lower in {"dessen", "deren"} and source_noun_medium(toks[k + 1].text):
        return (k, k + 2)
    return None


_PUBLISHING = load_word_set("de", "publishing_verbs")


def _publication_before(art: Article, sent: int) -> bool:
    """ "Die Bank veröffentlichte Quartalszahlen. Danach verzeichnet sie …": a
    sentence-initial "Danach" cites what the sentence before published or
    named (a study, a report); otherwise it means "afterwards"."""
    if sent == 0:
        return False
    prev = art.sentences[sent - 1]
    toks = art.tokens[prev.start : prev.end]
    return any(
        t.lemma in _PUBLISHING
        or (t.tag == "NN" and t.lower not in {"medien"} and source_noun_medium(t.text) is not None)
        for t in toks
    )


_DATIVE_PRONOUNS = frozenset({"ihm", "ihr", "ihnen"})
_RELATIVE_SOURCES = load_word_set("de", "relative_sources")


def _relative_source(toks: list[Token], i: int, st: int, te: int, kind: str) -> tuple[TokRange, TokRange] | None:
    """A relative pronoun as the source: "Umfragen, nach denen 72 Prozent …
    ablehnen", "Grundsätze, denen zufolge …". The pronoun is the speaker; the
    rest of the relative clause is what was said. (speaker, frame) or None."""
    if (
        kind in {"prep", "nounprep"}
        and i > st
        and toks[i - 1].text == ","
        and toks[i].tag.startswith("APPR")
        and i + 2 < te
    ):
        r = i + 1
        # "nach der" is mostly temporal ("die Pause, nach der …"): only after a source noun
        source = kind == "prep" or source_noun_medium(toks[i - 2].text) is not None
        if source and toks[r].lower in _RELATIVE_SOURCES and not toks[r + 1].tag.startswith(("NN", "NE", "ADJ")):
            # "die Pläne, laut denen …": the corpus names the antecedent after "laut"
            ante = speaker_backward(toks, i - 1, st) if kind == "prep" else None
            return (ante or (r, r + 1)), (i, r + 1)
    if kind == "post" and i - 2 > st and toks[i - 1].lower in _RELATIVE_SOURCES and toks[i - 2].text == ",":
        return (i - 1, i), (i - 1, i + 1)
    return None


_SUBORDINATE_TAGS = frozenset({"KOUS", "PWAV", "PRELS", "PRELAT"})


def _subordinate_scope(toks: list[Token], st: int, te: int, frame: TokRange) -> tuple[int, int]:
    """The relative or subordinate clause a nominal frame sits in, or the
    sentence: the source vouches for that clause only ("Ein Boot, auf dem sich
    nach Angaben der Polizei Geld befunden haben soll, ist gekentert" → "auf
    dem sich … Geld befunden haben soll"). The clause runs from the comma
    before it to the first comma after a verb (verb-final), or the end."""
    a, b = frame
    j = a - 1
    while j > st and toks[j].text not in {",", ";", ":", "–", "(", ")"}:
        j -= 1
    if j <= st or toks[j].text != ",":
        return st, te
    k = j + 1
    if not (
        _relative_start(toks, k)
        or toks[k].tag in _SUBORDINATE_TAGS
        or (toks[k].tag.startswith("APPR") and k + 1 < te and toks[k + 1].tag in {"PRELS", "PWS"})
    ):
        return st, te
    e = b
    while e < te and not (toks[e].text in {",", ";", "–", ")"} and is_verb(toks[e - 1])):
        e += 1
    return k, e


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
