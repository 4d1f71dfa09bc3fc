"""German word lists for the extractor, loaded once from ``saidwhat/lang/de``.

Each function turns one plain-text lexicon into the structure the stages
look things up in; the lists themselves are data, edited without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ...lexicon import load_lexicon, load_word_set
from ...model import Medium, Stance

LANG = "de"


@dataclass(frozen=True)
class CueVerb:
    lemma: str  # the verb lemma as HanTa gives it ("teilen" for "teilte … mit")
    particle: str | None  # separable particle that must follow ("mit"), if any
    medium: Medium
    weak: bool  # also an ordinary verb: counts only with a clause complement
    takes_object: bool  # may frame a reported statement: cue + object
    report_only: bool = False  # never frames a clause, only an object
    # prepositions whose object is what was said ("sprach von …", "warnte vor …")
    preps: frozenset[str] = frozenset()
    # words one of which the sentence needs for the reporting reading
    # ("bezeichnete die Proteste als rechtmäßig", "hält X für wahrscheinlich")
    needs: frozenset[str] = frozenset()
    # the speech act (docs/stance.md): plain, negated ("bestritt nicht"), and with a
    # word in the clause ("lehnte einen Kommentar ab": refuse)
    stance: Stance = Stance.SAY
    negated: Stance = Stance.SAY
    stance_with: tuple[tuple[frozenset[str], Stance], ...] = ()


def _stance(value: str, where: str) -> Stance:
    try:
        return Stance(value)
    except ValueError:
        raise ValueError(f"lang/{LANG}/{where}: unknown stance {value!r}") from None


def _stance_flags(flags: set[str], lemma: str) -> dict[str, object]:
    """The stance fields of a cue verb from its flags (``stance=``, ``negated=``, ``with=``)."""
    where = f"cue_verbs.txt ({lemma})"
    out: dict[str, object] = {}
    with_: list[tuple[frozenset[str], Stance]] = []
    for f in flags:
        name, _, value = f.partition("=")
        if name == "stance":
            out["stance"] = _stance(value, where)
        elif name == "negated":
            out["negated"] = _stance(value, where)
        elif name == "with":
            words, _, stance = value.rpartition(":")
            with_.append((frozenset(words.split("/")), _stance(stance, where)))
    if with_:
        out["stance_with"] = tuple(with_)
    return out


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, tuple[CueVerb, ...]]:
    """Cue verbs by lemma; a lemma may come with and without a particle."""
    out: dict[str, list[CueVerb]] = {}
    for row in load_lexicon(LANG, "cue_verbs"):
        lemma, _, particle = row[0].partition("|")
        medium = Medium(row[1]) if len(row) > 1 else Medium.SPEECH
        flags = set(row[2].split(",")) if len(row) > 2 else set()
        preps = frozenset(w for f in flags if f.startswith("prep=") for w in f[5:].split("/"))
        needs = frozenset(w for f in flags if f.startswith("need=") for w in f[5:].split("/"))
        stance: Any = _stance_flags(flags, row[0])
        cv = CueVerb(
            lemma, particle or None, medium, "weak" in flags, "obj" in flags, "report" in flags, preps, needs, **stance
        )
        out.setdefault(lemma, []).append(cv)
    # verbs with a particle first: "teilte … mit" beats a bare "teilen"
    return {k: tuple(sorted(v, key=lambda c: c.particle is None)) for k, v in out.items()}


@dataclass(frozen=True)
class CueParticle:
    word: str
    kind: str  # prep | post | nounprep | so | adv
    medium: Medium
    stance: Stance = Stance.SAY


@lru_cache(maxsize=1)
def cue_particles() -> dict[str, CueParticle]:
    return {
        row[0]: CueParticle(
            row[0], row[1], Medium(row[2]), _stance(row[3], "cue_particles.txt") if len(row) > 3 else Stance.SAY
        )
        for row in load_lexicon(LANG, "cue_particles")
    }


@lru_cache(maxsize=1)
def source_nouns() -> tuple[tuple[str, Medium], ...]:
    """(word ending, medium), longest ending first."""
    rows = [(row[0].lower(), Medium(row[1])) for row in load_lexicon(LANG, "source_nouns")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def statement_nouns() -> dict[str, Medium]:
    """Nouns naming a statement whose content follows as a clause ("die
    Forderung, den Lohn zu erhöhen"), with their medium."""
    return {row[0]: Medium(row[1]) if len(row) > 1 else Medium.SPEECH for row in load_lexicon(LANG, "statement_nouns")}


@lru_cache(maxsize=1)
def statement_noun_stances() -> dict[str, Stance]:
    """The stance of each statement noun ("Forderung": demand); absent means say."""
    return {
        row[0]: _stance(row[2], "statement_nouns.txt") for row in load_lexicon(LANG, "statement_nouns") if len(row) > 2
    }


@lru_cache(maxsize=1)
def source_noun_stances() -> tuple[tuple[str, Stance], ...]:
    """(word ending, stance) of source nouns naming more than a saying ("nach
    Einschätzung", "Schätzungen zufolge": estimate), longest ending first."""
    rows = [
        (row[0].lower(), _stance(row[2], "source_nouns.txt"))
        for row in load_lexicon(LANG, "source_nouns")
        if len(row) > 2
    ]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def stance_words() -> dict[tuple[str, ...], Stance]:
    """Words in what is said that show its stance when the cue shows none
    ("„Das ist ein Skandal“, sagte sie": criticise); keys are one or two lower-case words."""
    return {
        tuple(row[0].lower().split()): _stance(row[1], "stance_words.txt") for row in load_lexicon(LANG, "stance_words")
    }


@lru_cache(maxsize=20_000)
def source_noun_medium(word: str) -> Medium | None:
    """The medium if ``word`` is (or ends in) a source noun ("Polizeiangaben")."""
    w = word.lower()
    for end, medium in source_nouns():
        if w == end or (w.endswith(end) and len(w) - len(end) >= 3):
            return medium
    return None


@lru_cache(maxsize=1)
def konjunktiv_forms() -> dict[str, str]:
    return {row[0]: row[1] for row in load_lexicon(LANG, "konjunktiv")}


@lru_cache(maxsize=1)
def pronouns() -> dict[str, frozenset[str]]:
    return {row[0]: frozenset(row[1].split(",")) for row in load_lexicon(LANG, "pronouns")}


@lru_cache(maxsize=1)
def oblique_openers() -> frozenset[str]:
    """Determiners and pronouns never in the nominative ("den", "ihm"): no subject opens with one."""
    return load_word_set(LANG, "oblique_openers")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Neuter place names beyond the NER gazetteer (for pronoun agreement)."""
    return load_word_set(LANG, "places")


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """Given name → "m" or "f" (for pronoun agreement)."""
    return {row[0]: row[1] for row in load_lexicon(LANG, "first_names")}


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """Lower-case joiners inside foreign names („Correio da Manhã“)."""
    return load_word_set(LANG, "name_particles")


@lru_cache(maxsize=1)
def casualty_nouns() -> frozenset[str]:
    """Nouns of the dead and injured ("Todesopfer"), lower-cased."""
    return frozenset(w.lower() for w in load_word_set(LANG, "casualty_nouns"))


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    return load_word_set(LANG, "speaker_nouns")


@lru_cache(maxsize=50_000)
def is_speaker_noun(word: str) -> bool:
    w = word.lower()
    nouns = speaker_nouns()
    if w in nouns:
        return True
    tail = w.rsplit("-", 1)[-1]
    if tail in nouns:
        return True
    return any(w.endswith(n) and len(w) - len(n) >= 3 for n in nouns if len(n) >= 5)


def determiner_features() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """``determiner_features.txt``: determiner → the m/f/n/p it allows opening
    a speaker phrase, and → those it allows as a genitive attribute."""
    plain: dict[str, frozenset[str]] = {}
    genitive: dict[str, frozenset[str]] = {}
    for word, features, genitive_features in load_lexicon(LANG, "determiner_features"):
        plain[word] = frozenset(features.split(","))
        if genitive_features != "-":
            genitive[word] = frozenset(genitive_features.split(","))
    return plain, genitive


# the modules that read a closed class with a variant of their own (subordinators.txt,
# relative_pronouns.txt, genitive_determiners.txt): a misspelt reader in a file is an
# error, not a silently lost word
_VARIANT_READERS = frozenset({"chunks", "cues", "continuation", "reported", "indirect", "nested"})


@lru_cache(maxsize=16)
def word_class(name: str, reader: str) -> frozenset[str]:
    """The words of closed class ``name`` that ``reader`` takes.

    A row without a second field is taken by every reader; a row with one only by
    the readers it lists (comma-separated). Readers keep the variants they were
    tuned with, so the shared file holds the common entries once.
    """
    if reader not in _VARIANT_READERS:
        raise ValueError(f"lang/{LANG}/{name}.txt: unknown reader {reader!r}")
    out: set[str] = set()
    for row in load_lexicon(LANG, name):
        readers = set(row[1].split(",")) if len(row) > 1 else _VARIANT_READERS
        unknown = readers - _VARIANT_READERS
        if unknown:
            raise ValueError(f"lang/{LANG}/{name}.txt: {row[0]!r} names unknown reader(s) {sorted(unknown)}")
        if reader in readers:
            out.add(row[0])
    return frozenset(out)
