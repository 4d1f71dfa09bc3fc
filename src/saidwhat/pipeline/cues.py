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

from dataclasses import dataclass

from ..model import Medium
from ..nlp import Token
from ..timeanchor import MONTHS
from .chunks import np_core, speaker_backward, speaker_forward, subject_phrase
from .lexicons import CueVerb, cue_verbs, is_speaker_noun, oblique_openers, source_noun_medium
from .morph import is_finite, is_verb, maybe_finite, mood

_AUX_LEMMAS = frozenset({"haben", "sein", "werden"})
_SUBORDINATORS = frozenset({"wie", "dass", "daß", "da", "weil", "nachdem", "als", "während", "obwohl", "wenn", "ob", "was", "wer", "wo", "wobei", "womit", "worauf", "indem", "zumal"})
_RELATIVES = frozenset({"der", "die", "das", "dem", "den", "denen", "dessen", "deren", "welcher", "welche", "welches"})
_COORD = frozenset({"und", "sowie", "aber", "sondern", "doch", "oder"})
_SKIP_AFTER_VERB = frozenset({"ADV", "PRF", "ADJ(D)", "PTKNEG", "PROAV"})
_BOUNDARY = frozenset({",", ":", ";", "–", "—", "(", ")"})
# pronouns that can only be nominative: right after the finite verb they are
# the subject, whatever fills the prefield ("Die Tat bezeichnete er als sinnlos")
_NOMINATIVE_ONLY = frozenset({"er", "ich", "wir", "du", "man"})
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


_MAX_BRACKET = 12  # a bracket inside a clause is short: "(1998 bis 2002)", "(SPD)"


def clause_end(toks: list[Token], i: int, end: int) -> int:
    j = i
    while j < end and toks[j].text not in _BOUNDARY:
        j += 1
    return j


def clause_begin(toks: list[Token], i: int, start: int) -> int:
    """First token of the clause holding ``i``. A short bracket inside the clause
    does not end it: "die X in seiner Amtszeit (1998 bis 2002) erklärt hatte"."""
    j = i
    while j > start:
        if toks[j - 1].text == ")":
            k = j - 2
            while k > start and j - k <= _MAX_BRACKET and toks[k].text not in _BOUNDARY:
                k -= 1
            if k > start and toks[k].text == "(" and toks[k - 1].text not in _BOUNDARY:
                j = k
                continue
        if toks[j - 1].text in _BOUNDARY:
            break
        j -= 1
    return j


def find_cue(toks: list[Token], i: int, start: int, end: int) -> Cue | None:
    """The cue whose verb is ``toks[i]``, or None. ``start``/``end`` bound the sentence."""
    t = toks[i]
    if not is_verb(t) and not (t.pos == "ADJ(D)" and t.lemma.lower() in ("bekannt",)):
        return None
    entries = cue_verbs().get(t.lemma) or cue_verbs().get(t.lemma.lower())
    if not entries:
        return None
    if t.pos.endswith("(IZU)") or (i > start and toks[i - 1].pos == "PTKZU"):
        return None  # "begonnen, … zu sprechen": an infinitive is no frame
    ce = _particle_clause_end(toks, i + 1, end)
    if len(entries) > 1 and ce - 1 > i and toks[ce - 1].pos == "PTKVZ":
        # the clause-final particle decides: "geht aus dem Bericht hervor" is "gehen|hervor"
        last = toks[ce - 1].lower
        entries = tuple(sorted(entries, key=lambda cv: cv.particle != last))
    for cv in entries:
        tokens = [i]
        if cv.particle:
            p = next((k for k in range(i + 1, ce) if toks[k].lower == cv.particle and _particle_tag(toks, k, ce)), None)
            if p is None and i > start and toks[i - 1].lower == cv.particle:
                p = i - 1  # verb-final clause, written apart: "wie er bekannt gab"
            if p is None and is_finite(t):
                p = _particle_after_apposition(toks, i, ce, end, cv.particle)
            if p is None:
                continue
            tokens.append(p)
            # "geht davon aus": the pronominal adverb belongs to the cue
            if cv.particle == "aus" and i + 1 < ce:
                tokens.extend(k for k in range(i + 1, p) if toks[k].lower == "davon")
        elif is_finite(t) and _has_particle_after(toks, i, ce):
            continue  # "teilte … mit" when only "teilen" were known: not this entry
        if i + 1 < end and toks[i + 1].pos == "PRF" and t.lemma in ("äußern",):
            tokens.append(i + 1)
        if t.lemma == "heißen":
            # only "heißt es" / "hieß es" / "es heißt" frame a statement
            es = [k for k in (i - 1, i + 1) if start <= k < end and toks[k].lower == "es"]
            if not es and (t.pos == "VV(PP)" or not is_finite(t) or (i > start and toks[clause_begin(toks, i, start)].lower == "wie")):
                # "hatte es zunächst geheißen", "wie es auf einer Pressekonferenz hieß":
                # the "es" further back in the cue's own clause
                es = [k for k in range(clause_begin(toks, i, start), i) if toks[k].lower == "es"][:1]
            if not es:
                return None
            tokens.append(es[0])
        finite = i if is_finite(t) and not t.pos.startswith("VV(PP)") and not _participle_after_aux(toks, i, start) else _finite_before(toks, i, start)
        if finite is None:
            finite = i
        if finite != i and toks[finite].lemma in _AUX_LEMMAS | {"werden"}:
            tokens.append(finite)  # "hatte … gesagt", "wird … zitiert"
        if (cv.lemma, cv.particle) in {("hervorgehen", None), ("gehen", "hervor")} and not _source_after_aus(toks, i, start, end):
            return None
        return Cue(i, sorted(set(tokens)), cv, finite)
    return None


def _source_after_aus(toks: list[Token], i: int, start: int, end: int) -> bool:
    """"hervorgehen" says something only with a source after "aus" ("geht aus
    einem Bericht hervor"); "gestärkt aus der Saison hervorgegangen" is no cue."""
    lo = clause_begin(toks, i, start)
    hi = clause_end(toks, i, end)
    for k in range(lo, hi):
        if toks[k].lower == "aus":
            words = toks[k + 1 : min(hi, k + 8)]
            return any(source_noun_medium(t.text) is not None or t.pos in {"NE", "FM"} or t.text in {"„", "“"} for t in words)
    return True  # no "aus" phrase found: leave the reading as it was


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
    return not any(toks[m].text in _BOUNDARY - {"(", ")"} or (toks[m].pos == "KON" and toks[m - 1].pos != "TRUNC") for m in range(k + 1, i))

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
    if toks[k].pos == "APPR" and k + 1 < ce and toks[k + 1].pos in {"ART", "NN", "NE", "ADJ(A)", "PPOSAT"}:
        return False  # a preposition with its noun phrase: "warf … und siegte vor der Russin"
    return toks[k].pos in _PARTICLE_TAGS or (toks[k].pos in {"ART", "PTKZU"} and k == ce - 1)


_PARTICLE_TAGS = frozenset({"PTKVZ", "ADV", "APPR", "ADJ(D)", "PTKA", "PROAV"})


def _particle_after_apposition(toks: list[Token], i: int, ce: int, end: int, particle: str) -> int | None:
    """The particle after an apposition between commas: "teilte der Vorsitzende,
    Max Muster, mit" — it closes its clause, and no other verb comes before it."""
    for k in range(ce, end):
        if is_verb(toks[k]) or toks[k].text in {":", ";", "(", ")"}:
            return None
        if toks[k].lower == particle and (k + 1 >= end or toks[k + 1].text in {",", ".", ":", ";"}) and toks[k - 1].text == ",":
            return k
    return None


def _has_particle_after(toks: list[Token], i: int, ce: int) -> bool:
    k = ce - 1
    return k > i and toks[k].pos == "PTKVZ"


def _finite_before(toks: list[Token], i: int, start: int) -> int | None:
    """The finite auxiliary or modal governing the participle/infinitive at ``i``."""
    k = i - 1
    while k >= start and toks[k].text not in {":", ";"}:
        if is_finite(toks[k]) and (toks[k].pos.startswith("VA") or toks[k].pos.startswith("VM")) and not (
            k > start and toks[k - 1].pos == "PTKZU"
        ):
            return k
        if toks[k].text == "," and k + 1 < len(toks) and (
            toks[k + 1].lower in _SUBORDINATORS | _RELATIVES or toks[k + 1].pos.startswith("APPR")
        ):
            break  # the start of a subordinate or relative clause
        if toks[k].text == "," and k - 2 >= start and is_finite(toks[k - 1]) and toks[k - 2].pos.endswith(("(PP)", "(INF)")):
            break  # a verb-final clause ends here: "Im Brief, den er geschickt hat, erklärt er"
        if is_verb(toks[k]) and k < i - 1 and toks[k].pos.endswith(("(PP)", "(INF)", "(IZU)")):
            break  # another verb's clause ("begonnen, … zu sprechen")
        k -= 1
    # verb-final subordinate clause: "…, wie er gesagt hatte"
    if i + 1 < len(toks) and is_finite(toks[i + 1]) and toks[i + 1].lemma in _AUX_LEMMAS:
        return i + 1
    return None


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


_LOOSE_NP_TAGS = frozenset({"ART", "ADJ(A)", "NN", "NE", "PIS", "PIAT", "CARD", "PPOSAT", "PDAT", "PDS", "PPER", "FM", "NNA"})


def _loose_prefield(toks: list[Token], start: int, f: int) -> tuple[int, int] | None:
    """The prefield before the finite verb ``f`` when it is made of noun-phrase
    words only (quantifiers and numbers included)."""
    b = start
    while b < f and (toks[b].lower in _COORD or toks[b].pos == "$("):
        b += 1
    if b >= f or toks[b].lower in oblique_openers() or toks[b].lower == "es":
        return None
    if all(t.pos in _LOOSE_NP_TAGS for t in toks[b:f]):
        return (b, f)
    return None


def _speaker_of(toks: list[Token], cue: Cue, start: int, end: int) -> tuple[tuple[int, int] | None, list[int]]:
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
    f = min(cue.finite, cue.verb)
    cb = clause_begin(toks, f, start)
    if cb + 1 < f and toks[cb].pos == "KON" and toks[cb + 1].lower in _SUBORDINATORS:
        cb += 1  # "Denn wie X berichtete, …", "Und da X fürchtet, …": the conjunction is outside the clause
    first = toks[cb] if cb < f else None
    if first is not None and first.lower == "so" and cb + 1 == f and cb > start and toks[cb - 1].text in {",", "–"}:
        # an inserted "so"-clause: "Der Grund, so vermutet die Zeitung, dürfte …"
        return _after_verb(toks, f + 1, end), [cb]
    if _object_prefield(toks, cue, start, f, end):
        sp = _after_verb(toks, f + 1, end)
        if sp is not None:
            return sp, []
    # verb-final clause: "wie ein Sprecher mitteilte", "da die Mitglieder befürchten"
    # a relative clause: the relative pronoun is the speaker ("…, die davon ausgeht, …")
    if first is not None and first.lower in {"der", "die", "das", "welcher", "welche", "welches"} and cb > start and toks[cb - 1].text == "," and first.pos in {"PRELS", "ART", "PDS"} and not (cb + 1 < f and toks[cb + 1].pos in {"NN", "NE", "ADJ(A)"}):
        return (cb, cb + 1), []
    if cb > start and toks[cb - 1].text == "," and (first is None or first.lower not in _SUBORDINATORS | _RELATIVES):
        # "wie Max Muster, Chef der Firma, mitteilte": appositions split the clause
        pb = cb
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
    if first is not None and cb + 2 < f and _prepositional_relative(toks, cb, start) and toks[cue.finite].lemma != "werden":
        # "…, in dem er verlangte", "in dessen Folge das Gericht festgestellt hatte"
        k = cb + 2
        if toks[cb + 1].lower in {"dessen", "deren"}:
            k = max(k, np_core(toks, k, f))
        sp = speaker_forward(toks, k, f, appositions=True)
        if sp is not None:
            return sp, []
    if first is not None and (first.lower in _SUBORDINATORS and (first.pos in {"KOUS", "KOKOM", "ADV", "PWS", "PWAV", "PRELS"} or first.lower == "als" and cb + 1 < f and toks[cb + 1].lower in {"er", "sie", "wir", "ich"}) or first.lower in _RELATIVES and first.pos in {"PRELS", "ART", "PDS"} and cb > start and not _apposition_before(toks, cb, f)):
        k = cb + 1
        while k < f and toks[k].pos in _SKIP_AFTER_VERB:
            k += 1
        sp = speaker_forward(toks, k, f, appositions=True)
        extra = [cb] if first.lower in ("wie",) else []
        if sp is None:
            # the phrase may be cut by an apposition comma: take up to the verb
            sp = (k, f) if k < f and _plausible_np(toks, k, f) else None
        return sp, extra
    # coordinated verb: "… bestritten und behauptet"; "…, und sagte"
    prev = f - 1
    while prev >= start and toks[prev].pos in _SKIP_AFTER_VERB:
        prev -= 1
    if prev >= start and toks[prev].lower in _COORD and (cue.verb == f or cue.finite < cue.verb):
        first_fin = next((k for k in range(start, prev) if is_finite(toks[k]) and not _subordinate_at(toks, clause_begin(toks, k, start), start)), None)
        if first_fin is None and start + 1 < prev and toks[start + 1].pos == "VV(PP)" and _subject_pronoun_at(toks, start):
            first_fin = start + 1  # "Er bezeichnet (read as a participle) … und forderte …"
        if first_fin is not None and first_fin != f:
            sp = _prefield_subject(toks, start, first_fin)
            if sp is not None:
                sp = _name_after_object(toks, sp, first_fin, end) or sp
            if sp is None:
                sp = _after_verb(toks, first_fin + 1, end)
            return sp, []
    if cue.entry.lemma == "zitieren":
        quoted = _quoted_person(toks, cue, start, f, end)
        if quoted is not None:
            return quoted, []
    # passive: "Von den Behörden wird angenommen, dass …", "In einem Bericht wurde vermutet"
    if is_passive(toks, cue, participle_tags=("(PP)", "(FIN)")):
        ce = clause_end(toks, cue.verb, end)
        for k in range(clause_begin(toks, f, start), ce):
            if toks[k].lower in {"von", "vom", "in", "im"} and k + 1 < ce and not _von_attribute(toks, k, start):
                sp = speaker_forward(toks, k + 1, ce, appositions=False)
                if sp is not None and (toks[k].lower in {"von", "vom"} or any(source_noun_medium(t.text) or t.text in {"„", "“"} for t in toks[sp[0] : sp[1]])):
                    # (after "in" only a source or a title in marks: "In einem Bericht wurde
                    # vermutet", "im „Standard“ wurden … bezeichnet", not "im Jahr 1960")
                    return sp, []
        return _relative_source(toks, cue, start), []
    sp = _commaless_relative_subject(toks, cb, f, end)
    if sp is not None:
        return sp, []
    if f + 1 < end and toks[f + 1].lower in _NOMINATIVE_ONLY and toks[f + 1].pos in {"PPER", "PIS"} and is_finite(toks[f]):
        return (f + 1, f + 2), []
    run_on = _run_on_sentence(toks, start, f)
    if run_on is not None:
        sp = _prefield_subject(toks, run_on, f)
        if sp is not None:
            return sp, []
    # prefield subject: "Der Sprecher der Polizei, Lars Beringer, sagte"
    sp = _prefield_subject(toks, start, f)
    if sp is not None:
        return _name_after_object(toks, sp, f, end) or sp, []
    if cb > start and toks[cb].lower in _COORD and toks[cb - 1].text == ",":
        # a coordinated main clause: "…, doch der Sprecher erklärte"
        sp = _prefield_subject(toks, cb, f)
        if sp is not None:
            return sp, []
    # the clause's own prefield, when the sentence's is no phrase: a main clause
    # after a comma ("…, andere Quellen berichten, dass …") or after "und"
    # ("Dies war …, und die Anwohner befürchten, dass …")
    b = cb if cb > start and toks[cb - 1].text == "," else start
    b = max([b] + [k + 1 for k in range(b, f) if toks[k].lower in {"und", "aber", "doch", "sondern"} and toks[k].pos == "KON"])
    # (only a phrase that opens like a subject: a determiner, number, name or
    # "er"/"sie"; a bare noun there is mostly an object or a list's tail)
    # (or a title before a name: "…, Bundestrainer Joachim Löw bezeichnete …")
    if start < b < f and (toks[b].pos in {"ART", "PIAT", "PDAT", "PPOSAT", "CARD", "NE", "ADJ(A)"} or toks[b].lower in {"er", "sie"} or (toks[b].pos == "NN" and toks[b - 1].text == "," and b + 1 < f and toks[b + 1].pos == "NE")):
        sp = _prefield_subject(toks, b, f)
        if sp is not None:
            return sp, []
    if cb == f and f - 1 > start and toks[f - 1].text == "," and _shared_subject(toks, start, f, end):
        sp = _asyndetic_subject(toks, start, f)
        if sp is not None:
            return sp, []
    sp = _after_verb(toks, f + 1, end)
    if sp is None and cb == f and f - 1 > start and toks[f - 1].text == "," and maybe_finite(toks[f]):
        sp = _asyndetic_subject(toks, start, f)
    return sp, []


# adverbs that join a second verb to the clause before, sharing its subject
_JOINING_ADVERBS = frozenset({"aber", "jedoch", "allerdings", "zugleich", "gleichzeitig", "außerdem", "zudem"})


def _shared_subject(toks: list[Token], start: int, f: int, end: int) -> bool:
    """A verb after a comma and a joining adverb continues an indicative main
    clause: "Die Gruppe lobte den Plan, forderte aber eine Frist" (what follows
    "aber" is the object; in "Das sei falsch, sagte aber der Minister" the clause
    before is in Konjunktiv and the verb frames it)."""
    if not (f + 1 < end and toks[f + 1].lower in _JOINING_ADVERBS and is_finite(toks[f])):
        return False
    fin = [k for k in range(start, f - 1) if is_finite(toks[k]) and not _subordinate_at(toks, clause_begin(toks, k, start), start)]
    return bool(fin) and all(mood(toks[k], toks[k - 1] if k > 0 else None) is None for k in fin)


def _object_prefield(toks: list[Token], cue: Cue, start: int, f: int, end: int) -> bool:
    """With a predicative cue ("bezeichnete … als", "hält … für") an object
    often fills the prefield. "die"/"das" there are nominative or accusative; case
    or number after the verb decides: a "der" phrase right after the verb is the
    subject ("Die Proteste bezeichnete der Minister als „illegal“"), and so is any
    phrase there when a plural prefield ("Die tibetischen Mönche", weak "-en"
    adjective after "die") meets a singular verb ("beschrieb")."""
    predicative = any(toks[k].lower == "als" or toks[k].lower == "für" and cue.entry.lemma == "halten" for k in range(f + 1, end))
    if not predicative or not is_finite(toks[f]):
        return False
    b = start
    while b < f and toks[b].pos == "$(":
        b += 1
    if b + 1 >= f or toks[b].lower not in {"die", "das"} or f + 2 >= end:
        return False
    nxt = toks[f + 1]
    if nxt.lower == "der" and nxt.pos == "ART" and toks[f + 2].pos in {"NN", "NE", "ADJ(A)"}:
        return True
    plural = toks[b].lower == "die" and toks[b + 1].pos == "ADJ(A)" and toks[b + 1].lower.endswith("en")
    return plural and not toks[f].lower.endswith("n") and nxt.pos in {"ART", "NE", "PPOSAT"}


def _name_after_object(toks: list[Token], pre: tuple[int, int], f: int, end: int) -> tuple[int, int] | None:
    """A name right after the finite verb is the subject when the prefield
    cannot speak: "Eine Verschiebung des Wahltermins bezeichnete Conze als
    fatal", "Jegliche Mitverantwortung weist Hartmann von sich". The prefield
    is then the object. Not after a "der" prefield (nominative: "Der Vorschlag
    überraschte Müller") nor a plural verb ("Die Zahlen bestätigten Müllers
    Befürchtung"), and not when the prefield's head names a person or body."""
    if not is_finite(toks[f]) or toks[f].lower.endswith("n") or toks[pre[0]].lower in {"der", "er", "sie", "wir", "ich"}:
        return None
    head = next((t for t in toks[pre[0] : pre[1]] if t.pos in {"NN", "NE", "NNA", "PPER", "PDS", "PIS", "FM"}), None)
    if head is None or head.pos != "NN" or is_speaker_noun(head.text) or head.text[:1].islower():
        return None
    # a name in the prefield only inside an attribute ("… im Bezirk Weser-Ems der SPD"),
    # not beside the head ("Das US-Magazin Barrons", "Polizeichef Calvin Williams");
    # no apposition ("Das Staatsoberhaupt, die Königin Elisabeth II.,")
    for k in range(pre[0], pre[1]):
        if toks[k].text == ",":
            return None
        if toks[k].pos == "NE" and not any(t.pos in {"ART", "APPR", "APPRART"} for t in toks[pre[0] + 1 : k]):
            return None
    k = f + 1
    while k < end and toks[k].pos in _SKIP_AFTER_VERB:
        k += 1
    if k + 1 >= end:
        return None
    if not (toks[k].pos == "NE" or (toks[k].pos == "NN" and is_speaker_noun(toks[k].text) and toks[k + 1].pos == "NE")):
        return None
    return speaker_forward(toks, k, end, appositions=True)


def _run_on_sentence(toks: list[Token], start: int, f: int) -> int | None:
    """A full stop missing in the text: a capitalised article after a noun, with a
    finite verb before it, opens a new sentence ("… auf Artikel 48 des Gesetzes
    Die Universität hatte … erklärt"). Returns where the new prefield begins."""
    for k in range(f - 2, start + 1, -1):
        if toks[k].text in {"Die", "Der", "Das"} and toks[k].pos == "ART" and toks[k - 1].pos in {"NN", "NE"} and toks[k + 1].pos in {"NN", "NE", "ADJ(A)"}:
            if any(is_finite(t) for t in toks[start : k - 1]) and not any(t.pos.startswith("$") for t in toks[start:f]):
                return k
    return None


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
        if first_np > start and toks[first_np].pos in {"ART", "PPOSAT", "PDAT", "NE", "NN", "ADJ(A)"} and toks[first_np - 1].text == ",":
            e = f - 1
            return (first_np, e) if subject_phrase(toks, first_np, e) is not None else None
        return None
    fin = next((k for k in range(start, f) if maybe_finite(toks[k]) and not _subordinate_at(toks, clause_begin(toks, k, start), start)), None)
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
            while k < end and toks[k].pos in _SKIP_AFTER_VERB:
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
    if w in _SUBORDINATORS and toks[cb].pos not in {"KOUS", "PWS", "PWAV", "PRELS"}:
        # "Als" is tagged as a preposition: the clause is subordinate when its verb ends it
        ce = clause_end(toks, cb, len(toks))
        return ce - 1 > cb and is_finite(toks[ce - 1])
    return w in _SUBORDINATORS or (cb > start and w in _RELATIVES)


def is_passive(toks: list[Token], cue: Cue, *, stative: bool = False, participle_tags: tuple[str, ...] = ("(PP)",)) -> bool:
    """Is the cue a passive? "wird/wurde … kritisiert" (a finite "werden" with
    the participle) and the pluperfect "war … vorgeschlagen worden"; with
    ``stative``, also "sind für Montag angekündigt" ("sein" with the
    participle, a state that names no speaker either). ``participle_tags``:
    the verb tags read as the participle (HanTa tags some participles finite)."""
    if cue.finite == cue.verb or not toks[cue.verb].pos.endswith(participle_tags):
        return False
    lemma = toks[cue.finite].lemma.lower()
    if lemma == "werden":
        return True
    if lemma != "sein":
        return False
    return stative or (cue.verb + 1 < len(toks) and toks[cue.verb + 1].lower == "worden")


def _subject_pronoun_at(toks: list[Token], k: int) -> bool:
    return toks[k].lower in {"er", "sie", "wir", "ich"} and toks[k].pos == "PPER"


def _prepositional_relative(toks: list[Token], cb: int, start: int) -> bool:
    """A relative clause opened by a preposition after a comma or noun: "…, in dem
    er verlangte", "ein Zettel, in dem er …", "der Stern, bei dem man …"."""
    return (
        cb > start
        and toks[cb].pos in {"APPR", "APPRART"}
        and toks[cb + 1].lower in {"dem", "der", "denen", "den", "dessen", "deren", "welchem", "welcher"}
        and toks[cb + 1].pos in {"PRELS", "ART", "PDS"}
        and (toks[cb + 1].lower in {"dessen", "deren", "denen"} or toks[cb + 2].pos not in {"NN", "NE", "ADJ(A)", "NNA", "CARD"})
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
        if toks[k - 1].pos in {"NN", "NE"} and toks[k].pos == "APPR" and toks[k + 1].lower in {"dem", "der", "denen"} and toks[k + 2].pos == "PPER" and toks[k + 2].lower in _NOMINATIVE_ONLY | {"sie"}:
            return (k + 2, k + 3)
    return None


def _quoted_name_at(toks: list[Token], b: int, f: int) -> bool:
    """An opening mark that starts a quoted name in the prefield ("„BBC News“
    berichtet"), not the end of a quote before the frame."""
    return toks[b].text in {"„", "»", "\""} and any(t.text in {"“", "«", "\""} for t in toks[b + 2 : f])


def _apposition_before(toks: list[Token], cb: int, f: int) -> bool:
    """An article phrase that fills the clause up to the verb is an apposition
    of the prefield, not a relative clause: "Houcine Abassi, der
    Generalsekretär des Verbandes (UGIT) sagte" (the relative clause has more:
    "…, die Gerhard Schröder (1998) erklärt hatte")."""
    if toks[cb].pos != "ART" or cb + 1 >= f or toks[cb + 1].pos not in {"NN", "ADJ(A)"}:
        return False
    sp = speaker_forward(toks, cb, f, appositions=True)
    # (adverbs may stand between: "…, die staatliche Agentur „Sana“ dagegen spricht")
    return sp is not None and all(t.pos in {"ADV", "PROAV"} for t in toks[sp[1] : f])


def _von_attribute(toks: list[Token], k: int, start: int) -> bool:
    """"von" after a noun is mostly its attribute, not the passive's agent:
    "wird der Ausbruch von Cholera befürchtet", "unter der Führung von X wird
    vorgeworfen"; the contracted "vom" is mostly the agent ("wurde die
    Regierung vom Verband aufgefordert")."""
    return toks[k].lower == "von" and k > start and toks[k - 1].pos == "NN"


def _plausible_np(toks: list[Token], i: int, j: int) -> bool:
    return any(t.text[:1].isupper() or t.pos in {"PPER", "PIS"} for t in toks[i:j]) and not any(
        is_verb(t) for t in toks[i:j]
    )


def _prefield_subject(toks: list[Token], start: int, f: int) -> tuple[int, int] | None:
    if f <= start:
        return None
    b = start
    # skip a leading conjunction, quote marks and focus adverbs:
    # "Und er sagte", "„…“ Er sagte", "Auch der Minister sagte"
    while b < f and (toks[b].lower in _COORD or (toks[b].pos == "$(" and not _quoted_name_at(toks, b, f)) or (toks[b].pos in {"ADV", "ADJ(D)"} and b + 1 < f and toks[b + 1].pos in {"ART", "NE", "NN", "PPOSAT", "ADJ(A)", "PPER", "PIAT", "CARD"})):
        b += 1
    if b < f and toks[b].lower in oblique_openers():
        return None  # an object in the prefield: the subject follows the verb
    if _time_measure_at(toks, b, f):
        return None  # "Sechs Tage nach dem Anschlag meldete die Agentur …": an adverbial
    if b + 1 < f and toks[b].pos in {"NNA", "ADJ(D)"} and toks[b].text.endswith(("end", "ich", "isch")) and toks[b + 1].pos == "APPR":
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


_PAIRED_CONJUNCTIONS = frozenset({"sowohl", "weder", "entweder"})
_TIME_NOUNS = frozenset({"sekunden", "minuten", "stunden", "tage", "wochen", "monate", "jahre", "jahrzehnte", "tag", "woche", "monat", "jahr", "stunde", "minute"})
_TIME_RELATIONS = frozenset({"nach", "vor", "später", "zuvor", "danach", "darauf", "lang", "früher", "seit"})


def _time_measure_at(toks: list[Token], b: int, f: int) -> bool:
    """A duration with a relation opens the prefield: "Zwei Wochen später",
    "Sechs Tage nach der Wahl", "Ein Jahr zuvor" — an adverbial, never the subject."""
    if b + 1 < f and toks[b].lower in {"ende", "anfang", "mitte"} and (toks[b + 1].lower in MONTHS or toks[b + 1].pos == "CARD" or toks[b + 1].lower in {"des", "der", "dieses", "dieser", "letzten", "letzter", "vergangenen", "vergangener"}):
        return True  # "Ende Januar 2006 verkündete der Verband", "Mitte der Woche"
    k = b
    if k < f and (toks[k].pos in {"CARD", "ART", "PIAT"} or toks[k].lower in {"wenige", "einige", "mehrere", "zwei", "drei"}):
        k += 1
    if k < f and toks[k].pos == "ADJ(A)":
        k += 1  # "zwei weitere Tage später"
    return k + 1 < f and k > b and toks[k].lower in _TIME_NOUNS and toks[k + 1].lower in _TIME_RELATIONS


def subject_after_verb(toks: list[Token], k: int, end: int) -> tuple[int, int] | None:
    """The subject phrase after a finite verb (``k`` is the token after it)."""
    return _after_verb(toks, k, end)


def _after_verb(toks: list[Token], k: int, end: int) -> tuple[int, int] | None:
    while k < end and (toks[k].pos in _SKIP_AFTER_VERB or (toks[k].pos == "PTKVZ")):
        k += 1
    # an object "es" before the subject: "Zudem sah es das Gericht als erwiesen an"
    if k + 1 < end and toks[k].lower == "es" and toks[k + 1].pos in {"ART", "NE", "PPOSAT", "PDAT"} and toks[k + 1].lower not in oblique_openers():
        k += 1
    return speaker_forward(toks, k, end, appositions=True)


def _source_pp(toks: list[Token], cue: Cue, start: int, end: int) -> tuple[int, int] | None:
    """"Bei der Agentur RIA hieß es", "heißt es in dem Bericht": the phrase after the preposition."""
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
        t.pos == "NE" or (t.pos == "PPER" and t.lower in {"er", "sie", "wir", "ich"}) or (t.pos == "NN" and is_speaker_noun(t.text))
        for t in toks[sp[0] : sp[1]]
    )


def clause_subject(toks: list[Token], start: int, end: int, *, speaking: bool = False) -> tuple[int, int] | None:
    """The subject of the first main clause in ``[start, end)`` (no cue needed):
    "Hier sparte der Bundespräsident nicht mit Kritik:" → "der Bundespräsident"."""
    b = start
    while b < end and (toks[b].lower in _COORD or toks[b].pos.startswith("$")):
        b += 1
    # the main clause's verb: not one inside a relative or subordinate clause
    f = next(
        (k for k in range(b, end) if is_finite(toks[k]) and (clause_begin(toks, k, b) == b or toks[clause_begin(toks, k, b)].lower not in _SUBORDINATORS | _RELATIVES)),
        None,
    )
    if f is None and b + 2 < end and toks[b].pos in {"ADV", "ADJ(D)", "PROAV"} and toks[b + 1].text[:1].islower() and toks[b + 1].pos in {"NN", "ADJ(A)"} and toks[b + 2].pos in {"ART", "PPOSAT", "NE", "PPER"}:
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
