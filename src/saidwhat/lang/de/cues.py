"""Cue verbs in a sentence and the speaker that goes with each.

``find_cue`` recognises a cue verb token (with its separable particle, a
periphrastic auxiliary, "wie", reflexive "sich"); ``speaker_of`` reads the
clause around it to find its subject with a verb-second heuristic:
a noun-phrase prefield is the subject ("Der Minister sagte"), otherwise the
first noun phrase after the finite verb is ("Am Montag sagte der Minister",
"…, sagte er"); in a verb-final clause the phrase after the conjunction is
("wie ein Sprecher mitteilte"); a coordinated verb shares the subject of the
first clause ("Russland hat … bestritten und behauptet").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from ...lexicon import load_word_set
from ...model import Medium
from ...nlp import Token
from ...pipeline.scans import BOUNDARY as _BOUNDARY
from ...pipeline.scans import scans
from .chunks import np_core, speaker_backward, speaker_forward, subject_phrase
from .lexicons import CueVerb, cue_verbs, is_speaker_noun, oblique_openers, source_noun_medium, word_class
from .morph import is_finite, is_verb, maybe_finite, mood
from .timeexpr import months

_AUX_LEMMAS = load_word_set("de", "auxiliary_lemmas")
_SUBORDINATORS = word_class("subordinators", "cues")
_RELATIVES = word_class("relative_pronouns", "cues")
_COORD = load_word_set("de", "coordinators")
_SKIP_AFTER_VERB = frozenset({"ADV", "PRF", "ADJ(D)", "PTKNEG", "PROAV"})
# pronouns that can only be nominative: right after the finite verb they are
# the subject, whatever fills the prefield ("Die Tat bezeichnete er als sinnlos")
_NOMINATIVE_ONLY = load_word_set("de", "nominative_only_pronouns")
# words that open a noun phrase in the accusative, dative or genitive, never the
# nominative, are in lang/de/oblique_openers.txt: such a prefield is no subject
# ("Den Vorwurf wies der Minister zurück", "Des Weiteren erklärte die Polizei")


@dataclass
class Cue:
    verb: int  # token index of the cue verb itself
    tokens: list[int]  # every token of the cue ("teilte … mit", "hatte … gesagt")
    entry: CueVerb
    finite: int  # the clause's finite verb (the cue or its auxiliary)

    @property
    def medium(self) -> Medium:
        return self.entry.medium


def clause_end(toks: list[Token], i: int, end: int) -> int:
    """The first clause boundary at or after ``i`` (``end`` when there is none before it)."""
    return scans(toks).clause_end(i, end)


def clause_begin(toks: list[Token], i: int, start: int) -> int:
    """First token of the clause holding ``i``. A short bracket inside the clause
    does not end it: "die X in seiner Amtszeit (1998 bis 2002) erklärt hatte"."""
    return scans(toks).clause_begin(i, start)


def _cue_entries(t: Token) -> tuple[CueVerb, ...] | None:
    """The cue verb entries ``t`` may be: a verb (or "bekannt") with a cue verb's lemma."""
    if not is_verb(t) and not (t.tag == "ADJ(D)" and t.lemma.lower() in ("bekannt",)):
        return None
    return cue_verbs().get(t.lemma) or cue_verbs().get(t.lemma.lower())


def _cue_candidate(toks: list[Token], k: int) -> bool:
    return bool(_cue_entries(toks[k]))


def cue_candidates(toks: list[Token], a: int, b: int) -> list[int]:
    """The indices in ``[a, b)`` where :func:`find_cue` may find a cue (its first test), flagged once
    per article: the stages ask about every token of every sentence, and few are cue verbs."""
    return scans(toks).between(_cue_candidate, a, b)


def find_cue(toks: list[Token], i: int, start: int, end: int) -> Cue | None:
    """The cue whose verb is ``toks[i]``, or None. ``start``/``end`` bound the sentence."""
    t = toks[i]
    entries = _cue_entries(t)
    if not entries:
        return None
    if t.tag.endswith("(IZU)") or (i > start and toks[i - 1].tag == "PTKZU"):
        return None  # "begonnen, … zu sprechen": an infinitive is no frame
    ce = _particle_clause_end(toks, i + 1, end)
    if len(entries) > 1 and ce - 1 > i and toks[ce - 1].tag == "PTKVZ":
        # the clause-final particle decides: "geht aus dem Bericht hervor" is "gehen|hervor"
        last = toks[ce - 1].lower
        entries = tuple(sorted(entries, key=lambda cv: cv.particle != last))
    for cv in entries:
        tokens = [i]
        if cv.particle:
            p = _separable_particle(toks, i, ce, cv.particle)
            if p is None and i > start and toks[i - 1].lower == cv.particle:
                p = i - 1  # verb-final clause, written apart: "wie er bekannt gab"
            if p is None and is_finite(t):
                p = _particle_after_apposition(toks, i, ce, end, cv.particle)
            if p is None:
                continue
            tokens.append(p)
            # "geht davon aus": the pronominal adverb belongs to the cue
            if cv.particle == "aus" and i + 1 < ce:
                tokens.extend(scans(toks).between(_is_davon, i + 1, p))
        elif is_finite(t) and _has_particle_after(toks, i, ce):
            continue  # "teilte … mit" when only "teilen" were known: not this entry
        if i + 1 < end and toks[i + 1].tag == "PRF" and t.lemma in ("äußern",):
            tokens.append(i + 1)
        if t.lemma == "heißen":
            # only "heißt es" / "hieß es" / "es heißt" frame a statement
            es = [k for k in (i - 1, i + 1) if start <= k < end and toks[k].lower == "es"]
            if not es and (
                t.tag == "VV(PP)"
                or not is_finite(t)
                or (i > start and toks[clause_begin(toks, i, start)].lower == "wie")
            ):
                # "hatte es zunächst geheißen", "wie es auf einer Pressekonferenz hieß":
                # the "es" further back in the cue's own clause
                es = [k for k in range(clause_begin(toks, i, start), i) if toks[k].lower == "es"][:1]
            if not es:
                return None
            tokens.append(es[0])
        finite = (
            i
            if is_finite(t) and not t.tag.startswith("VV(PP)") and not _participle_after_aux(toks, i, start)
            else _finite_before(toks, i, start)
        )
        if finite is None:
            finite = i
        if finite != i and toks[finite].lemma in _AUX_LEMMAS | {"werden"}:
            tokens.append(finite)  # "hatte … gesagt", "wird … zitiert"
        if (cv.lemma, cv.particle) in {("hervorgehen", None), ("gehen", "hervor")} and not _source_after_aus(
            toks, i, start, end
        ):
            return None
        return Cue(i, sorted(set(tokens)), cv, finite)
    return None


def _source_after_aus(toks: list[Token], i: int, start: int, end: int) -> bool:
    """ "hervorgehen" says something only with a source after "aus" ("geht aus
    einem Bericht hervor"); "gestärkt aus der Saison hervorgegangen" is no cue."""
    lo = clause_begin(toks, i, start)
    hi = clause_end(toks, i, end)
    for k in range(lo, hi):
        if toks[k].lower == "aus":
            words = toks[k + 1 : min(hi, k + 8)]
            return any(_source_word(t) for t in words)
    return True  # no "aus" phrase found: leave the reading as it was


def _source_word(t: Token) -> bool:
    """A source noun, a name, or a quotation mark around a title."""
    return source_noun_medium(t.text) is not None or t.tag in {"NE", "FM"} or t.text in {"„", "“"}


def _participle_after_aux(toks: list[Token], i: int, start: int) -> bool:
    """A finite-tagged form that is the participle of an auxiliary in its clause.

    HanTa tags each form once: "betont", "berichtet", "kritisiert" are read as
    present tense, though after "hatte" they are participles ("Stoiber hatte
    die Rolle … betont:", "Der Sender hatte im Juli berichtet, …"). Then the
    auxiliary is the clause's finite verb and the subject stands before it.
    """
    if not toks[i].lower.endswith("t"):
        return False
    k = _finite_before(toks, i, start)
    if k is None or k > i or toks[k].lemma not in {"haben", "werden"}:  # "war befürchtet": a state
        return False
    # the same clause: no comma or conjunction between ("Er hat Zeit und betont, …")
    if toks[i - 1].text == "," and k + 1 < i - 1:
        # a subject with appositions between: "wird Max Muster, Sprecher der Firma, zitiert."
        sp = speaker_forward(toks, k + 1, i - 1, appositions=True)
        if sp is not None and sp[1] == i - 1 and i + 1 < len(toks) and toks[i + 1].text in {".", ",", ":"}:
            return True
    # (a conjunction inside a noun phrase is fine: "die Rolle der Fraktions- und Parteichefs betont")
    return not any(
        toks[m].text in _BOUNDARY - {"(", ")"} or (toks[m].tag == "KON" and toks[m - 1].tag != "TRUNC")
        for m in range(k + 1, i)
    )


def _particle_clause_end(toks: list[Token], i: int, end: int) -> int:
    """The clause end for the particle search: a short bracket is no boundary
    ("warf Schäuble (CDU) vor, …", "geht aus einer Mitteilung von Human
    Rights Watch (HRW) hervor")."""
    j = clause_end(toks, i, end)
    while j < end and toks[j].text == "(":
        k = j + 1
        while k < end and k - j <= 8 and toks[k].text not in {")", ",", ":", ";"}:
            k += 1
        if k >= end or toks[k].text != ")":
            break
        j = clause_end(toks, k + 1, end)
    return j


def _particle_tag(toks: list[Token], k: int, ce: int) -> bool:
    """Whether ``toks[k]`` can be a separable particle. The tagger reads a
    clause-final "ein" as an article ("räumte ein, …", "gestand ein"): an
    article that ends its clause has no noun and is the particle; so is a
    clause-final "zu" read as the infinitive marker ("sicherte … zu, dass …")."""
    if toks[k].tag == "APPR" and k + 1 < ce and toks[k + 1].tag in {"ART", "NN", "NE", "ADJ(A)", "PPOSAT"}:
        return False  # a preposition with its noun phrase: "warf … und siegte vor der Russin"
    return toks[k].tag in _PARTICLE_TAGS or (toks[k].tag in {"ART", "PTKZU"} and k == ce - 1)


_PARTICLE_TAGS = frozenset({"PTKVZ", "ADV", "APPR", "ADJ(D)", "PTKA", "PROAV"})


def _separable_particle(toks: list[Token], i: int, ce: int, particle: str) -> int | None:
    """The first ``particle`` in ``(i, ce)`` that can be the verb's separable
    particle (:func:`_particle_tag`). Before the clause's last token the test
    does not depend on where the clause ends, so those places are looked up
    per word (a long clause with many cue verbs was scanned once per verb)."""
    inner = scans(toks).grouped(_inner_particle).get(particle, [])
    p = bisect_left(inner, i + 1)
    if p < len(inner) and inner[p] < ce - 1:
        return inner[p]
    k = ce - 1
    return k if k > i and toks[k].lower == particle and _particle_tag(toks, k, ce) else None


def _inner_particle(toks: list[Token], k: int) -> bool:
    """:func:`_particle_tag` for a token that is not the last of its clause
    (whose next token is inside the clause)."""
    return toks[k].tag in _PARTICLE_TAGS and _particle_tag(toks, k, len(toks))


def _is_davon(toks: list[Token], k: int) -> bool:
    return toks[k].lower == "davon"


def _particle_after_apposition(toks: list[Token], i: int, ce: int, end: int, particle: str) -> int | None:
    """The particle after an apposition between commas: "teilte der Vorsitzende,
    Max Muster, mit" — it closes its clause, and no other verb comes before it.

    The first verb or ":", ";", bracket after ``ce`` and the particles that
    close a clause after a comma are looked up (each cue verb of a long clause
    walked to the next verb)."""
    found = scans(toks)
    blocker = found.first(_apposition_blocker, ce, end)
    stop = end if blocker is None else blocker
    closing = found.grouped(_particle_after_comma).get(particle, [])
    p = bisect_left(closing, ce)
    if p < len(closing) and closing[p] < min(stop, end - 1):
        return closing[p]
    last = end - 1  # the sentence's last word closes its clause whatever follows
    if ce <= last < stop and last >= 1 and toks[last].lower == particle and toks[last - 1].text == ",":
        return last
    return None


def _apposition_blocker(toks: list[Token], k: int) -> bool:
    return is_verb(toks[k]) or toks[k].text in {":", ";", "(", ")"}


def _particle_after_comma(toks: list[Token], k: int) -> bool:
    """A word after a comma and before a comma or full stop (or the text's end)."""
    return k >= 1 and toks[k - 1].text == "," and (k + 1 >= len(toks) or toks[k + 1].text in {",", ".", ":", ";"})


def _has_particle_after(toks: list[Token], i: int, ce: int) -> bool:
    k = ce - 1
    return k > i and toks[k].tag == "PTKVZ"


def _finite_before(toks: list[Token], i: int, start: int) -> int | None:
    """The finite auxiliary or modal governing the participle/infinitive at ``i``:
    the first word back from ``i`` that ends the search (:func:`_ends_aux_search`)
    when it is one."""
    k = _aux_search_end(toks, i, start)
    if k is not None and toks[k].text not in {":", ";"} and _governing_aux(toks, k, start):
        return k
    # verb-final subordinate clause: "…, wie er gesagt hatte"
    if i + 1 < len(toks) and is_finite(toks[i + 1]) and toks[i + 1].lemma in _AUX_LEMMAS:
        return i + 1
    return None


def _aux_search_end(toks: list[Token], i: int, start: int) -> int | None:
    """Where the search back from ``i`` for a governing auxiliary stops, or None.

    Whether a word ends it depends on ``start`` only for the first two words
    of the sentence and on ``i`` only for the word before ``i``; for the
    others it is looked up once per token list, not walked for every verb
    (a participle-like finite verb, "betont", "heißt", did so for each cue)."""
    top = i - 1
    if top < start:
        return None
    if _ends_aux_search(toks, top, start, i):
        return top
    k = scans(toks).last(_ends_aux_search_inside, start + 2, top)
    if k is not None:
        return k
    return next((k for k in (start + 1, start) if k < top and _ends_aux_search(toks, k, start, i)), None)


def _ends_aux_search(toks: list[Token], k: int, start: int, i: int) -> bool:
    t = toks[k]
    return (
        t.text in {":", ";"}
        or _governing_aux(toks, k, start)
        # the start of a subordinate or relative clause
        or (t.text == "," and k + 1 < len(toks) and _opens_subclause(toks[k + 1]))
        # a verb-final clause ends here: "Im Brief, den er geschickt hat, erklärt er"
        or (t.text == "," and k - 2 >= start and is_finite(toks[k - 1]) and toks[k - 2].tag.endswith(("(PP)", "(INF)")))
        # another verb's clause ("begonnen, … zu sprechen")
        or (k < i - 1 and is_verb(t) and t.tag.endswith(("(PP)", "(INF)", "(IZU)")))
    )


def _ends_aux_search_inside(toks: list[Token], k: int) -> bool:
    """:func:`_ends_aux_search` for a word at least two after the sentence start, not right before the verb."""
    return k >= 2 and _ends_aux_search(toks, k, 0, len(toks) + 1)


def _governing_aux(toks: list[Token], k: int, start: int) -> bool:
    t = toks[k]
    after_zu = k > start and toks[k - 1].tag == "PTKZU"
    return is_finite(t) and (t.tag.startswith("VA") or t.tag.startswith("VM")) and not after_zu


def _opens_subclause(t: Token) -> bool:
    return t.lower in _SUBORDINATORS | _RELATIVES or t.tag.startswith("APPR")


def speaker_of(toks: list[Token], cue: Cue, start: int, end: int) -> tuple[tuple[int, int] | None, list[int]]:
    """The speaker phrase of a cue, and extra cue tokens (the "wie" of "wie X sagte")."""
    sp, extra = _speaker_of(toks, cue, start, end)
    if sp is not None and any(sp[0] <= k < sp[1] for k in cue.tokens):
        # the phrase read as the subject is part of the cue ("halten es für möglich",
        # "vertreten die Auffassung", "sind der gegenteiligen Auffassung"): the
        # subject is the prefield, even one the strict reading refused
        # ("Einige", "Manche Analysten", "37 Prozent")
        sp = _loose_prefield(toks, start, min(cue.finite, cue.verb))
    return sp, extra


_LOOSE_NP_TAGS = frozenset(
    {"ART", "ADJ(A)", "NN", "NE", "PIS", "PIAT", "CARD", "PPOSAT", "PDAT", "PDS", "PPER", "FM", "NNA"}
)


def _loose_prefield(toks: list[Token], start: int, f: int) -> tuple[int, int] | None:
    """The prefield before the finite verb ``f`` when it is made of noun-phrase
    words only (quantifiers and numbers included)."""
    # (after conjunctions and marks: the first other word, looked up, not walked to per cue)
    first_word = scans(toks).first(_not_coordinator_or_mark, start, f)
    b = f if first_word is None else first_word
    if b >= f or toks[b].lower in oblique_openers() or toks[b].lower == "es":
        return None
    if all(t.tag in _LOOSE_NP_TAGS for t in toks[b:f]):
        return (b, f)
    return None


# a speaker search's answer: the speaker's token range (None: no speaker) and
# extra cue tokens ("wie" in "wie X mitteilte")
_SpeakerAnswer = tuple[tuple[int, int] | None, list[int]]


@dataclass
class _CueClause:
    """The clause a cue verb stands in, as the speaker rules look at it."""

    toks: list[Token]
    cue: Cue
    start: int  # where the sentence (or the search) begins
    end: int
    f: int  # the cue's first verb token (finite or main)
    cb: int  # the clause's first token (a leading conjunction before a subordinator skipped)

    @property
    def first(self) -> Token | None:
        """The clause's first word, when the verb is not."""
        return self.toks[self.cb] if self.cb < self.f else None

    @property
    def after_comma(self) -> bool:
        return self.cb > self.start and self.toks[self.cb - 1].text == ","


def _speaker_of(toks: list[Token], cue: Cue, start: int, end: int) -> _SpeakerAnswer:
    """Who speaks through ``cue``: the rules below in order, the first that
    applies decides; the subject after the verb is the fallback."""
    special = _source_of_source_verbs(toks, cue, start, end)
    if special is not None:
        return special
    f = min(cue.finite, cue.verb)
    cb = clause_begin(toks, f, start)
    if cb + 1 < f and toks[cb].tag == "KON" and toks[cb + 1].lower in _SUBORDINATORS:
        cb += 1  # "Denn wie X berichtete, …", "Und da X fürchtet, …": the conjunction is outside the clause
    clause = _CueClause(toks, cue, start, end, f, cb)
    for rule in _SPEAKER_RULES:
        answer = rule(clause)
        if answer is not None:
            return answer
    return _subject_after_verb_or_asyndetic(clause), []


def _source_of_source_verbs(toks: list[Token], cue: Cue, start: int, end: int) -> _SpeakerAnswer | None:
    """ "es heißt" and "geht aus … hervor", "verlautet aus …" name a source, not a subject."""
    # "Wie es hieß, …", "Wie aus dem Bericht hervorgeht, …": the "wie" joins the cue
    cb0 = clause_begin(toks, min(cue.tokens), start)
    wie = [cb0] if toks[cb0].lower == "wie" and cb0 < min(cue.tokens) else []
    if cue.entry.lemma == "heißen":
        return _relative_source(toks, cue, start) or _source_pp(toks, cue, start, end), wie
    if (cue.entry.lemma, cue.entry.particle) in {("hervorgehen", None), ("gehen", "hervor"), ("verlauten", None)}:
        # "Dies geht aus einem Bericht der Polizei hervor", "Aus EU-Kreisen verlautete, …":
        # the source follows "aus"
        ce = clause_end(toks, max(cue.tokens), end)
        for k in range(clause_begin(toks, min(cue.tokens), start), ce):
            if toks[k].lower == "aus" and k + 1 < ce:
                return speaker_forward(toks, k + 1, end, appositions=False), wie
        if cue.entry.lemma != "verlauten":
            return None, []  # ("Die Regierung ließ verlauten, …" has its subject as usual)
    return None


def _inserted_so_clause(c: _CueClause) -> _SpeakerAnswer | None:
    """An inserted "so"-clause: "Der Grund, so vermutet die Zeitung, dürfte …"."""
    first = c.first
    if (
        first is not None
        and first.lower == "so"
        and c.cb + 1 == c.f
        and c.cb > c.start
        and c.toks[c.cb - 1].text in {",", "–"}
    ):
        return _after_verb(c.toks, c.f + 1, c.end), [c.cb]
    return None


def _subject_after_object_prefield(c: _CueClause) -> _SpeakerAnswer | None:
    """An object in the prefield ("Das bestätigte der Sprecher"): the subject follows the verb."""
    if _object_prefield(c.toks, c.cue, c.start, c.f, c.end):
        sp = _after_verb(c.toks, c.f + 1, c.end)
        if sp is not None:
            return sp, []
    return None


def _relative_pronoun_subject(c: _CueClause) -> _SpeakerAnswer | None:
    """A relative clause: the relative pronoun is the speaker ("…, die davon ausgeht, …")."""
    first, toks = c.first, c.toks
    if (
        first is not None
        and first.lower in {"der", "die", "das", "welcher", "welche", "welches"}
        and c.after_comma
        and first.tag in {"PRELS", "ART", "PDS"}
        and not (c.cb + 1 < c.f and toks[c.cb + 1].tag in {"NN", "NE", "ADJ(A)"})
    ):
        return (c.cb, c.cb + 1), []
    return None


def _wie_clause_split_by_apposition(c: _CueClause) -> _SpeakerAnswer | None:
    """ "wie Max Muster, Chef der Firma, mitteilte": appositions split the clause."""
    toks, start, f = c.toks, c.start, c.f
    first = c.first
    if not c.after_comma or (first is not None and first.lower in _SUBORDINATORS | _RELATIVES):
        return None
    pb = c.cb
    for _ in range(3):
        if pb <= start or toks[pb - 1].text != ",":
            break
        pb = clause_begin(toks, pb - 1, start)
        if toks[pb].lower == "wie":
            if pb + 1 < f and not any(is_verb(t) for t in toks[pb + 1 : f]) and _plausible_np(toks, pb + 1, f):
                e = f
                while e > pb + 1 and toks[e - 1].text == ",":
                    e -= 1
                return (pb + 1, e), [pb]
            # "Wie Norman Muster, der … anwesend war, dazu feststellt": the name before the relative clause
            comma = clause_end(toks, pb + 1, f)
            if comma + 1 < f and toks[comma].text == "," and toks[comma + 1].lower in _RELATIVES | {"dessen", "deren"}:
                sp = speaker_forward(toks, pb + 1, comma, appositions=False)
                if sp is not None and sp[1] == comma:
                    return sp, [pb]
            break
    return None


def _prepositional_relative_subject(c: _CueClause) -> _SpeakerAnswer | None:
    """ "…, in dem er verlangte", "in dessen Folge das Gericht festgestellt hatte"."""
    toks, cb, f = c.toks, c.cb, c.f
    if c.first is None or not (cb + 2 < f and _prepositional_relative(toks, cb, c.start)):
        return None
    if toks[c.cue.finite].lemma == "werden":
        return None
    k = cb + 2
    if toks[cb + 1].lower in {"dessen", "deren"}:
        k = max(k, np_core(toks, k, f))
    sp = speaker_forward(toks, k, f, appositions=True)
    return (sp, []) if sp is not None else None


def _verb_final_clause_subject(c: _CueClause) -> _SpeakerAnswer | None:
    """A verb-final clause: "wie ein Sprecher mitteilte", "da die Mitglieder
    befürchten", a relative clause "…, der … sagte": the subject follows the
    subordinator."""
    toks, cb, f, first = c.toks, c.cb, c.f, c.first
    if first is None:
        return None
    subordinate = first.lower in _SUBORDINATORS and (
        first.tag in {"KOUS", "KOKOM", "ADV", "PWS", "PWAV", "PRELS"}
        or first.lower == "als"
        and cb + 1 < f
        and toks[cb + 1].lower in {"er", "sie", "wir", "ich"}
    )
    relative = (
        first.lower in _RELATIVES
        and first.tag in {"PRELS", "ART", "PDS"}
        and cb > c.start
        and not _apposition_before(toks, cb, f)
    )
    if not (subordinate or relative):
        return None
    k = cb + 1
    while k < f and toks[k].tag in _SKIP_AFTER_VERB:
        k += 1
    sp = speaker_forward(toks, k, f, appositions=True)
    extra = [cb] if first.lower in ("wie",) else []
    if sp is None:
        # the phrase may be cut by an apposition comma: take up to the verb
        sp = (k, f) if k < f and _plausible_np(toks, k, f) else None
    return sp, extra


def _coordinated_verb_subject(c: _CueClause) -> _SpeakerAnswer | None:
    """A coordinated verb shares the first verb's subject: "… bestritten und behauptet"; "…, und sagte"."""
    toks, start, f, cue = c.toks, c.start, c.f, c.cue
    prev = f - 1
    while prev >= start and toks[prev].tag in _SKIP_AFTER_VERB:
        prev -= 1
    if not (prev >= start and toks[prev].lower in _COORD and (cue.verb == f or cue.finite < cue.verb)):
        return None
    first_fin = next(
        (
            k
            for k in range(start, prev)
            if is_finite(toks[k]) and not _subordinate_at(toks, clause_begin(toks, k, start), start)
        ),
        None,
    )
    if first_fin is None and start + 1 < prev and toks[start + 1].tag == "VV(PP)" and _subject_pronoun_at(toks, start):
        first_fin = start + 1  # "Er bezeichnet (read as a participle) … und forderte …"
    if first_fin is None or first_fin == f:
        return None
    sp = _prefield_subject(toks, start, first_fin)
    if sp is not None:
        sp = _name_after_object(toks, sp, first_fin, c.end) or sp
    if sp is None:
        sp = _after_verb(toks, first_fin + 1, c.end)
    return sp, []


def _quoted_person_of_zitieren(c: _CueClause) -> _SpeakerAnswer | None:
    """ "zitieren": the person quoted speaks ("Die Zeitung zitiert den Minister mit den Worten …")."""
    if c.cue.entry.lemma != "zitieren":
        return None
    quoted = _quoted_person(c.toks, c.cue, c.start, c.f, c.end)
    return (quoted, []) if quoted is not None else None


def _passive_agent_or_source(c: _CueClause) -> _SpeakerAnswer | None:
    """Passive: "Von den Behörden wird angenommen, dass …", "In einem Bericht wurde vermutet"."""
    toks, cue = c.toks, c.cue
    if not is_passive(toks, cue, participle_tags=("(PP)", "(FIN)")):
        return None
    ce = clause_end(toks, cue.verb, c.end)
    # the prepositions' positions: a scan of the clause per cue was quadratic ("… wurde kritisiert" * n)
    for k in scans(toks).between(_source_prep, clause_begin(toks, c.f, c.start), ce):
        if k + 1 < ce and not _von_attribute(toks, k, c.start):
            sp = speaker_forward(toks, k + 1, ce, appositions=False)
            if sp is not None and (
                toks[k].lower in {"von", "vom"}
                or any(source_noun_medium(t.text) or t.text in {"„", "“"} for t in toks[sp[0] : sp[1]])
            ):
                # (after "in" only a source or a title in marks: "In einem Bericht wurde
                # vermutet", "im „Standard“ wurden … bezeichnet", not "im Jahr 1960")
                return sp, []
    return _relative_source(toks, cue, c.start), []


def _source_prep(toks: list[Token], k: int) -> bool:
    return toks[k].lower in {"von", "vom", "in", "im"}


def _commaless_relative(c: _CueClause) -> _SpeakerAnswer | None:
    sp = _commaless_relative_subject(c.toks, c.cb, c.f, c.end)
    return (sp, []) if sp is not None else None


def _nominative_pronoun_after_verb(c: _CueClause) -> _SpeakerAnswer | None:
    """ "sagte er", "meinte man": a nominative-only pronoun right after the finite verb."""
    toks, f = c.toks, c.f
    if (
        f + 1 < c.end
        and toks[f + 1].lower in _NOMINATIVE_ONLY
        and toks[f + 1].tag in {"PPER", "PIS"}
        and is_finite(toks[f])
    ):
        return (f + 1, f + 2), []
    return None


def _run_on_prefield_subject(c: _CueClause) -> _SpeakerAnswer | None:
    """A run-on sentence: the prefield of its last main clause."""
    run_on = _run_on_sentence(c.toks, c.start, c.f)
    if run_on is not None:
        sp = _prefield_subject(c.toks, run_on, c.f)
        if sp is not None:
            return sp, []
    return None


def _sentence_prefield_subject(c: _CueClause) -> _SpeakerAnswer | None:
    """The prefield subject: "Der Sprecher der Polizei, Lars Beringer, sagte"."""
    sp = _prefield_subject(c.toks, c.start, c.f)
    if sp is not None:
        return _name_after_object(c.toks, sp, c.f, c.end) or sp, []
    return None


def _coordinated_main_clause_subject(c: _CueClause) -> _SpeakerAnswer | None:
    """A coordinated main clause: "…, doch der Sprecher erklärte"."""
    if c.after_comma and c.toks[c.cb].lower in _COORD:
        sp = _prefield_subject(c.toks, c.cb, c.f)
        if sp is not None:
            return sp, []
    return None


def _clause_prefield_subject(c: _CueClause) -> _SpeakerAnswer | None:
    """The clause's own prefield, when the sentence's is no phrase: a main clause
    after a comma ("…, andere Quellen berichten, dass …") or after "und"
    ("Dies war …, und die Anwohner befürchten, dass …")."""
    toks, f = c.toks, c.f
    b = c.cb if c.after_comma else c.start
    coordinator = scans(toks).last(_main_clause_coordinator, b, f)
    b = coordinator + 1 if coordinator is not None else b
    # (only a phrase that opens like a subject: a determiner, number, name or
    # "er"/"sie"; a bare noun there is mostly an object or a list's tail)
    # (or a title before a name: "…, Bundestrainer Joachim Löw bezeichnete …")
    opens_like_subject = (
        (
            toks[b].tag in {"ART", "PIAT", "PDAT", "PPOSAT", "CARD", "NE", "ADJ(A)"}
            or toks[b].lower in {"er", "sie"}
            or (toks[b].tag == "NN" and toks[b - 1].text == "," and b + 1 < f and toks[b + 1].tag == "NE")
        )
        if c.start < b < f
        else False
    )
    if opens_like_subject:
        sp = _prefield_subject(toks, b, f)
        if sp is not None:
            return sp, []
    return None


def _shared_asyndetic_subject(c: _CueClause) -> _SpeakerAnswer | None:
    """A verb after a comma sharing the subject of the clause before ("…, sagte aber …")."""
    toks, f = c.toks, c.f
    if c.cb == f and f - 1 > c.start and toks[f - 1].text == "," and _shared_subject(toks, c.start, f, c.end):
        sp = _asyndetic_subject(toks, c.start, f)
        if sp is not None:
            return sp, []
    return None


def _subject_after_verb_or_asyndetic(c: _CueClause) -> tuple[int, int] | None:
    """The fallback: the subject after the verb, else a subject shared across a comma."""
    toks, f = c.toks, c.f
    sp = _after_verb(toks, f + 1, c.end)
    if sp is None and c.cb == f and f - 1 > c.start and toks[f - 1].text == "," and maybe_finite(toks[f]):
        sp = _asyndetic_subject(toks, c.start, f)
    return sp


# The speaker rules, in the order they are tried.
_SPEAKER_RULES: tuple[Callable[[_CueClause], _SpeakerAnswer | None], ...] = (
    _inserted_so_clause,
    _subject_after_object_prefield,
    _relative_pronoun_subject,
    _wie_clause_split_by_apposition,
    _prepositional_relative_subject,
    _verb_final_clause_subject,
    _coordinated_verb_subject,
    _quoted_person_of_zitieren,
    _passive_agent_or_source,
    _commaless_relative,
    _nominative_pronoun_after_verb,
    _run_on_prefield_subject,
    _sentence_prefield_subject,
    _coordinated_main_clause_subject,
    _clause_prefield_subject,
    _shared_asyndetic_subject,
)


def _main_clause_coordinator(toks: list[Token], k: int) -> bool:
    return toks[k].lower in {"und", "aber", "doch", "sondern"} and toks[k].tag == "KON"


# adverbs that join a second verb to the clause before, sharing its subject
_JOINING_ADVERBS = load_word_set("de", "joining_adverbs")


def _shared_subject(toks: list[Token], start: int, f: int, end: int) -> bool:
    """A verb after a comma and a joining adverb continues an indicative main
    clause: "Die Gruppe lobte den Plan, forderte aber eine Frist" (what follows
    "aber" is the object; in "Das sei falsch, sagte aber der Minister" the clause
    before is in Konjunktiv and the verb frames it)."""
    if not (f + 1 < end and toks[f + 1].lower in _JOINING_ADVERBS and is_finite(toks[f])):
        return False
    fin = [
        k
        for k in range(start, f - 1)
        if is_finite(toks[k]) and not _subordinate_at(toks, clause_begin(toks, k, start), start)
    ]
    return bool(fin) and all(mood(toks[k], toks[k - 1] if k > 0 else None) is None for k in fin)


def _object_prefield(toks: list[Token], cue: Cue, start: int, f: int, end: int) -> bool:
    """With a predicative cue ("bezeichnete … als", "hält … für") an object
    often fills the prefield. "die"/"das" there are nominative or accusative; case
    or number after the verb decides: a "der" phrase right after the verb is the
    subject ("Die Proteste bezeichnete der Minister als „illegal“"), and so is any
    phrase there when a plural prefield ("Die tibetischen Mönche", weak "-en"
    adjective after "die") meets a singular verb ("beschrieb")."""
    if not is_finite(toks[f]):
        return False
    first_word = scans(toks).first(_not_mark, start, f)
    b = f if first_word is None else first_word
    if b + 1 >= f or toks[b].lower not in {"die", "das"} or f + 2 >= end:
        return False
    nxt = toks[f + 1]
    if nxt.lower == "der" and nxt.tag == "ART" and toks[f + 2].tag in {"NN", "NE", "ADJ(A)"}:
        return _predicative(toks, cue, f, end)
    plural = toks[b].lower == "die" and toks[b + 1].tag == "ADJ(A)" and toks[b + 1].lower.endswith("en")
    singular_verb = not toks[f].lower.endswith("n")
    return plural and singular_verb and nxt.tag in {"ART", "NE", "PPOSAT"} and _predicative(toks, cue, f, end)


def _predicative(toks: list[Token], cue: Cue, f: int, end: int) -> bool:
    """An "als" (or "für" after "halten") anywhere after the verb ``f``: a
    prefix count, not a scan of the rest of the sentence for each cue."""
    found = scans(toks)
    return found.any(_is_als, f + 1, end) or (cue.entry.lemma == "halten" and found.any(_is_fuer, f + 1, end))


def _is_als(t: Token) -> bool:
    return t.lower == "als"


def _is_fuer(t: Token) -> bool:
    return t.lower == "für"


def _name_after_object(toks: list[Token], pre: tuple[int, int], f: int, end: int) -> tuple[int, int] | None:
    """A name right after the finite verb is the subject when the prefield
    cannot speak: "Eine Verschiebung des Wahltermins bezeichnete Conze als
    fatal", "Jegliche Mitverantwortung weist Hartmann von sich". The prefield
    is then the object. Not after a "der" prefield (nominative: "Der Vorschlag
    überraschte Müller") nor a plural verb ("Die Zahlen bestätigten Müllers
    Befürchtung"), and not when the prefield's head names a person or body."""
    if (
        not is_finite(toks[f])
        or toks[f].lower.endswith("n")
        or toks[pre[0]].lower in {"der", "er", "sie", "wir", "ich"}
    ):
        return None
    head = next((t for t in toks[pre[0] : pre[1]] if t.tag in {"NN", "NE", "NNA", "PPER", "PDS", "PIS", "FM"}), None)
    if head is None or head.tag != "NN" or is_speaker_noun(head.text) or head.text[:1].islower():
        return None
    # a name in the prefield only inside an attribute ("… im Bezirk Weser-Ems der SPD"),
    # not beside the head ("Das US-Magazin Barrons", "Polizeichef Calvin Williams");
    # no apposition ("Das Staatsoberhaupt, die Königin Elisabeth II.,")
    for k in range(pre[0], pre[1]):
        if toks[k].text == ",":
            return None
        if toks[k].tag == "NE" and not any(t.tag in {"ART", "APPR", "APPRART"} for t in toks[pre[0] + 1 : k]):
            return None
    k = f + 1
    while k < end and toks[k].tag in _SKIP_AFTER_VERB:
        k += 1
    if k + 1 >= end:
        return None
    if not (toks[k].tag == "NE" or (toks[k].tag == "NN" and is_speaker_noun(toks[k].text) and toks[k + 1].tag == "NE")):
        return None
    return speaker_forward(toks, k, end, appositions=True)


def _run_on_sentence(toks: list[Token], start: int, f: int) -> int | None:
    """A full stop missing in the text: a capitalised article after a noun, with a
    finite verb before it, opens a new sentence ("… auf Artikel 48 des Gesetzes
    Die Universität hatte … erklärt"). Returns where the new prefield begins.

    The last such article before ``f`` is the answer when any is: an earlier
    one has fewer words before it, so a finite verb before it too."""
    found = scans(toks)
    if found.any(_is_punct, start, f):
        return None
    k = found.last(_new_sentence_article, start + 2, f - 1)
    if k is None or not found.any(is_finite, start, k - 1):
        return None
    return k


def _is_punct(t: Token) -> bool:
    return t.tag.startswith("$")


def _new_sentence_article(toks: list[Token], k: int) -> bool:
    """ "Die"/"Der"/"Das" between a noun and a noun or adjective."""
    if k < 1 or k + 1 >= len(toks):
        return False
    return (
        toks[k].text in {"Die", "Der", "Das"}
        and toks[k].tag == "ART"
        and toks[k - 1].tag in {"NN", "NE"}
        and toks[k + 1].tag in {"NN", "NE", "ADJ(A)"}
    )


def _asyndetic_subject(toks: list[Token], start: int, f: int) -> tuple[int, int] | None:
    """The subject of a finite verb right after a comma with none after it.

    Either noun phrases between commas stand before it, the subject of a main
    clause joined without "und" ("X wies dies zurück, die Sprecherin der
    Fraktion, Sandra Muster (Grüne), erklärte: …"), or the verb shares the
    subject of the clause before ("Die Vereinten Nationen bestätigten den
    Vorfall, teilten jedoch mit, …").
    """
    b = f - 1  # the comma before the verb
    first_np: int | None = None
    while b > start and toks[b].text == ",":
        seg = clause_begin(toks, b, start)
        if seg >= b or any(is_verb(t) for t in toks[seg:b]) or not _plausible_np(toks, seg, b):
            break
        first_np = seg
        b = seg - 1
    if first_np is not None:
        if (
            first_np > start
            and toks[first_np].tag in {"ART", "PPOSAT", "PDAT", "NE", "NN", "ADJ(A)"}
            and toks[first_np - 1].text == ","
        ):
            e = f - 1
            return (first_np, e) if subject_phrase(toks, first_np, e) is not None else None
        return None
    fin = next(
        (
            k
            for k in range(start, f)
            if maybe_finite(toks[k]) and not _subordinate_at(toks, clause_begin(toks, k, start), start)
        ),
        None,
    )
    if fin is None:
        return None
    sp = _prefield_subject(toks, start, fin)
    return sp


def _quoted_person(toks: list[Token], cue: Cue, start: int, f: int, end: int) -> tuple[int, int] | None:
    """Who "zitieren" quotes speaks: the subject of the passive ("„…“, wird
    Panetta zitiert", "X wird von Reuters mit den Worten zitiert") and the
    object after "man" ("„…“, zitierte man Yolanda Alvarez"). The corpus marks
    the quoted person, not the one quoting, in both."""
    fin = cue.finite
    if fin != cue.verb and toks[fin].lemma == "werden" and fin == f:
        sp = _prefield_subject(toks, clause_begin(toks, fin, start), fin)
        if sp is None:
            k = fin + 1
            while k < end and toks[k].tag in _SKIP_AFTER_VERB:
                k += 1
            if k < end and toks[k].lower not in {"von", "vom"}:
                sp = speaker_forward(toks, k, end, appositions=True)
        return sp if sp is not None and speaking_subject(toks, sp) else None
    if fin == cue.verb and fin + 2 < end and toks[fin + 1].lower == "man":
        return speaker_forward(toks, fin + 2, end, appositions=True)
    return None


def _subordinate_at(toks: list[Token], cb: int, start: int) -> bool:
    """The clause starting at ``cb`` is subordinate: a conjunction opens it, or a
    relative pronoun after a comma ("Die Vereinten Nationen" opens a main clause)."""
    w = toks[cb].lower
    if w in _SUBORDINATORS and toks[cb].tag not in {"KOUS", "PWS", "PWAV", "PRELS"}:
        # "Als" is tagged as a preposition: the clause is subordinate when its verb ends it
        ce = clause_end(toks, cb, len(toks))
        return ce - 1 > cb and is_finite(toks[ce - 1])
    return w in _SUBORDINATORS or (cb > start and w in _RELATIVES)


def is_passive(
    toks: list[Token], cue: Cue, *, stative: bool = False, participle_tags: tuple[str, ...] = ("(PP)",)
) -> bool:
    """Is the cue a passive? "wird/wurde … kritisiert" (a finite "werden" with
    the participle) and the pluperfect "war … vorgeschlagen worden"; with
    ``stative``, also "sind für Montag angekündigt" ("sein" with the
    participle, a state that names no speaker either). ``participle_tags``:
    the verb tags read as the participle (HanTa tags some participles finite)."""
    if cue.finite == cue.verb or not toks[cue.verb].tag.endswith(participle_tags):
        return False
    lemma = toks[cue.finite].lemma.lower()
    if lemma == "werden":
        return True
    if lemma != "sein":
        return False
    return stative or (cue.verb + 1 < len(toks) and toks[cue.verb + 1].lower == "worden")


def _subject_pronoun_at(toks: list[Token], k: int) -> bool:
    return toks[k].lower in {"er", "sie", "wir", "ich"} and toks[k].tag == "PPER"


def _prepositional_relative(toks: list[Token], cb: int, start: int) -> bool:
    """A relative clause opened by a preposition after a comma or noun: "…, in dem
    er verlangte", "ein Zettel, in dem er …", "der Stern, bei dem man …"."""
    return (
        cb > start
        and toks[cb].tag in {"APPR", "APPRART"}
        and toks[cb + 1].lower in {"dem", "der", "denen", "den", "dessen", "deren", "welchem", "welcher"}
        and toks[cb + 1].tag in {"PRELS", "ART", "PDS"}
        and (
            toks[cb + 1].lower in {"dessen", "deren", "denen"}
            or toks[cb + 2].tag not in {"NN", "NE", "ADJ(A)", "NNA", "CARD"}
        )
    )


def _relative_source(toks: list[Token], cue: Cue, start: int) -> tuple[int, int] | None:
    """An impersonal cue in a prepositional relative clause speaks through the
    document it is attached to: "eine Erklärung der Behörde, in der es heißt,
    …", "ein Schreiben, in dem er darüber informiert wird, …" → the noun
    phrase before the comma."""
    cb = clause_begin(toks, min(cue.tokens), start)
    if not (cb > start + 1 and toks[cb - 1].text == "," and _prepositional_relative(toks, cb, start)):
        return None
    if any(is_verb(t) for t in toks[cb + 2 : min(cue.tokens)] if t.lemma != "werden"):
        return None  # another verb's clause
    return speaker_backward(toks, cb - 1, start)


def _commaless_relative_subject(toks: list[Token], cb: int, f: int, end: int) -> tuple[int, int] | None:
    """A prepositional relative clause whose comma is missing, ending in the
    cue verb: "Er hinterließ einen Zettel in dem er verlangte, dass …" → "er"."""
    if not (f + 1 < end and toks[f + 1].text in {",", ":"} and is_finite(toks[f])):
        return None
    for k in range(cb + 1, f - 2):
        if (
            toks[k - 1].tag in {"NN", "NE"}
            and toks[k].tag == "APPR"
            and toks[k + 1].lower in {"dem", "der", "denen"}
            and toks[k + 2].tag == "PPER"
            and toks[k + 2].lower in _NOMINATIVE_ONLY | {"sie"}
        ):
            return (k + 2, k + 3)
    return None


def _apposition_before(toks: list[Token], cb: int, f: int) -> bool:
    """An article phrase that fills the clause up to the verb is an apposition
    of the prefield, not a relative clause: "Houcine Abassi, der
    Generalsekretär des Verbandes (UGIT) sagte" (the relative clause has more:
    "…, die Gerhard Schröder (1998) erklärt hatte")."""
    if toks[cb].tag != "ART" or cb + 1 >= f or toks[cb + 1].tag not in {"NN", "ADJ(A)"}:
        return False
    sp = speaker_forward(toks, cb, f, appositions=True)
    # (adverbs may stand between: "…, die staatliche Agentur „Sana“ dagegen spricht")
    return sp is not None and all(t.tag in {"ADV", "PROAV"} for t in toks[sp[1] : f])


def _von_attribute(toks: list[Token], k: int, start: int) -> bool:
    """ "von" after a noun is mostly its attribute, not the passive's agent:
    "wird der Ausbruch von Cholera befürchtet", "unter der Führung von X wird
    vorgeworfen"; the contracted "vom" is mostly the agent ("wurde die
    Regierung vom Verband aufgefordert")."""
    return toks[k].lower == "von" and k > start and toks[k - 1].tag == "NN"


def _plausible_np(toks: list[Token], i: int, j: int) -> bool:
    return any(t.text[:1].isupper() or t.tag in {"PPER", "PIS"} for t in toks[i:j]) and not any(
        is_verb(t) for t in toks[i:j]
    )


def _prefield_subject(toks: list[Token], start: int, f: int) -> tuple[int, int] | None:
    if f <= start:
        return None
    # skip a leading conjunction, quote marks and focus adverbs:
    # "Und er sagte", "„…“ Er sagte", "Auch der Minister sagte"
    b = _prefield_begin(toks, start, f)
    if b < f and toks[b].lower in oblique_openers():
        return None  # an object in the prefield: the subject follows the verb
    if _time_measure_at(toks, b, f):
        return None  # "Sechs Tage nach dem Anschlag meldete die Agentur …": an adverbial
    if (
        b + 1 < f
        and toks[b].tag in {"NNA", "ADJ(D)"}
        and toks[b].text.endswith(("end", "ich", "isch"))
        and toks[b + 1].tag == "APPR"
    ):
        return None  # "Stellvertretend für die Kommission empfahl der Kommissar …": an adverbial
    e = f
    while e > b and toks[e - 1].text in {",", "–"}:
        e -= 1
    if b + 1 < e and toks[b].lower in _PAIRED_CONJUNCTIONS:
        # "Sowohl die Behörde als auch das Militär kündigten … an": the pair is the subject
        se = subject_phrase(toks, b + 1, e)
        return (b, se) if se is not None else None
    if e > b:
        se = subject_phrase(toks, b, e)
        if se is not None:
            return (b, se)
    # "Obwohl …, sagte Stoltenberg": the prefield is a clause: not the subject
    return None


_FOCUS_BEFORE = frozenset({"ART", "NE", "NN", "PPOSAT", "ADJ(A)", "PPER", "PIAT", "CARD"})
_NAME_OPENING_MARKS = frozenset({"„", "»", '"'})
_NAME_CLOSING_MARKS = frozenset({"“", "«", '"'})


def _prefield_begin(toks: list[Token], start: int, f: int) -> int:
    """The first word of the prefield ``[start, f)`` after leading conjunctions,
    quote marks and focus adverbs ("Und", "„", "Auch" before a noun phrase).

    Looked up, not walked per cue (a sentence opening with a long run of them
    cost a walk for each of its cues): the run ends at the first word that is
    none of these; earlier at an opening mark that starts a quoted name
    ("„BBC News“ berichtet", not the end of a quote before the frame: a
    closing mark two or more words later, before ``f``; the first such mark
    is the one, as later ones have fewer words after them), or at a focus
    adverb right before ``f``, which has no phrase after it there."""
    found = scans(toks)
    other = found.first(_not_prefield_lead, start, f)
    b = f if other is None else other
    name_mark = found.first(_opening_mark, start, b)
    last_close = found.last(_closing_mark, start, f)
    if name_mark is not None and last_close is not None and name_mark + 2 <= last_close:
        b = name_mark
    if start <= f - 1 < b and _focus_adverb(toks[f - 1]) and toks[f - 1].lower not in _COORD:
        b = f - 1
    return b


def _not_prefield_lead(toks: list[Token], b: int) -> bool:
    """Not a leading conjunction, mark or focus adverb (before a phrase), whatever the prefield's end."""
    t = toks[b]
    if t.lower in _COORD or t.tag == "$(":
        return False
    return not (_focus_adverb(t) and b + 1 < len(toks) and toks[b + 1].tag in _FOCUS_BEFORE)


def _focus_adverb(t: Token) -> bool:
    return t.tag in {"ADV", "ADJ(D)"}


def _opening_mark(toks: list[Token], b: int) -> bool:
    return toks[b].tag == "$(" and toks[b].text in _NAME_OPENING_MARKS


def _closing_mark(toks: list[Token], b: int) -> bool:
    return toks[b].text in _NAME_CLOSING_MARKS


def _not_mark(toks: list[Token], b: int) -> bool:
    return toks[b].tag != "$("


def _not_coordinator_or_mark(toks: list[Token], b: int) -> bool:
    return toks[b].lower not in _COORD and toks[b].tag != "$("


_PAIRED_CONJUNCTIONS = load_word_set("de", "paired_conjunctions")
_TIME_NOUNS = load_word_set("de", "time_nouns")
_TIME_RELATIONS = load_word_set("de", "time_relations")


def _time_measure_at(toks: list[Token], b: int, f: int) -> bool:
    """A duration with a relation opens the prefield: "Zwei Wochen später",
    "Sechs Tage nach der Wahl", "Ein Jahr zuvor" — an adverbial, never the subject."""
    if (
        b + 1 < f
        and toks[b].lower in {"ende", "anfang", "mitte"}
        and (
            toks[b + 1].lower in months()
            or toks[b + 1].tag == "CARD"
            or toks[b + 1].lower
            in {"des", "der", "dieses", "dieser", "letzten", "letzter", "vergangenen", "vergangener"}
        )
    ):
        return True  # "Ende Januar 2006 verkündete der Verband", "Mitte der Woche"
    k = b
    if k < f and (
        toks[k].tag in {"CARD", "ART", "PIAT"} or toks[k].lower in {"wenige", "einige", "mehrere", "zwei", "drei"}
    ):
        k += 1
    if k < f and toks[k].tag == "ADJ(A)":
        k += 1  # "zwei weitere Tage später"
    return k + 1 < f and k > b and toks[k].lower in _TIME_NOUNS and toks[k + 1].lower in _TIME_RELATIONS


def subject_after_verb(toks: list[Token], k: int, end: int) -> tuple[int, int] | None:
    """The subject phrase after a finite verb (``k`` is the token after it)."""
    return _after_verb(toks, k, end)


def _after_verb(toks: list[Token], k: int, end: int) -> tuple[int, int] | None:
    while k < end and (toks[k].tag in _SKIP_AFTER_VERB or (toks[k].tag == "PTKVZ")):
        k += 1
    # an object "es" before the subject: "Zudem sah es das Gericht als erwiesen an"
    if (
        k + 1 < end
        and toks[k].lower == "es"
        and toks[k + 1].tag in {"ART", "NE", "PPOSAT", "PDAT"}
        and toks[k + 1].lower not in oblique_openers()
    ):
        k += 1
    return speaker_forward(toks, k, end, appositions=True)


def _source_pp(toks: list[Token], cue: Cue, start: int, end: int) -> tuple[int, int] | None:
    """ "Bei der Agentur RIA hieß es", "heißt es in dem Bericht": the phrase after the preposition."""
    # the corpus mostly leaves the preposition out ("der Pressemitteilung des WWF";
    # train: 11 without it, 7 with it)
    # "aus" and "vom" stay in the span ("Aus Paris hieß es", "hieß es vom Abgeordneten X")
    ce = clause_end(toks, cue.verb, end)
    # only in the cue's own clause: "…, einschließlich der Kämpfer in Syrien, hieß es
    # vom Sprecher" takes no source from the statement before it; "auf" there too
    # ("heißt es auf der Webseite"), as elsewhere it often opens a phrase of the
    # quote ("… entfallen auf Südasien, heißt es")
    for k in range(clause_begin(toks, min(cue.tokens), start), ce):
        if toks[k].lower in {"in", "bei", "im", "beim", "aus", "vom", "auf"} and k + 1 < ce:
            sp = speaker_forward(toks, k + 1, end, appositions=False)
            if sp is not None:
                return (k, sp[1]) if toks[k].lower in {"aus", "vom"} else sp
    return None


def speaking_subject(toks: list[Token], sp: tuple[int, int] | None) -> bool:
    """A subject that can speak: a name, "er/sie/wir/ich", or a noun for a person
    or body ("die Ärztin", "der Verband"); not "Die Zahlen" or "der Test"."""
    return sp is not None and any(
        t.tag == "NE"
        or (t.tag == "PPER" and t.lower in {"er", "sie", "wir", "ich"})
        or (t.tag == "NN" and is_speaker_noun(t.text))
        for t in toks[sp[0] : sp[1]]
    )


def clause_subject(toks: list[Token], start: int, end: int, *, speaking: bool = False) -> tuple[int, int] | None:
    """The subject of the first main clause in ``[start, end)`` (no cue needed):
    "Hier sparte der Bundespräsident nicht mit Kritik:" → "der Bundespräsident"."""
    b = start
    while b < end and (toks[b].lower in _COORD or toks[b].tag.startswith("$")):
        b += 1
    # the main clause's verb: not one inside a relative or subordinate clause
    f = next(
        (
            k
            for k in range(b, end)
            if is_finite(toks[k])
            and (
                clause_begin(toks, k, b) == b or toks[clause_begin(toks, k, b)].lower not in _SUBORDINATORS | _RELATIVES
            )
        ),
        None,
    )
    if (
        f is None
        and b + 2 < end
        and toks[b].tag in {"ADV", "ADJ(D)", "PROAV"}
        and toks[b + 1].text[:1].islower()
        and toks[b + 1].tag in {"NN", "ADJ(A)"}
        and toks[b + 2].tag in {"ART", "PPOSAT", "NE", "PPER"}
    ):
        # a verb the tagger missed in second place: "Hier sparte der Präsident nicht mit Kritik:"
        return _after_verb(toks, b + 2, end)
    if f is None:
        # no verb: "Erkki Tuomioja, Präsident des Rats der EU: „…“"
        se = subject_phrase(toks, b, end)
        return (b, se) if se is not None else speaker_forward(toks, b, end, appositions=False)
    sp = _prefield_subject(toks, b, f)  # "Der Ermittler, der … gilt, will …"
    if sp is None:
        sp = _prefield_subject(toks, clause_begin(toks, f, b), f)
    if sp is not None:
        sp = _name_after_object(toks, sp, f, end) or sp
    if sp is not None and speaking and not speaking_subject(toks, sp):
        # a prefield that cannot speak is mostly the object: "Seine Zuversicht
        # äußerte der Minister so:" — the speaker follows the verb
        alt = _after_verb(toks, f + 1, end)
        if speaking_subject(toks, alt):
            return alt
    return sp if sp is not None else _after_verb(toks, f + 1, end)
