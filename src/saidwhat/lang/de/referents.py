"""What a speaker phrase refers to: persons, bodies, their fullest names, their kind.

Read by :mod:`saidwhat.lang.de.entities`. Word lists:

* ``person_nouns.txt``: nouns describing one person ("Politikerin",
  "Franzose", "Stürmerin"); ages ("der 63-Jährige") are recognised by shape;
* ``body_nouns.txt``: nouns naming a body, with the class a description of
  that noun refers to ("das Haus" → a ministry);
* ``qualified_bodies.txt``: bodies named with their place ("Polizei Köln");
* ``legal_forms.txt``: "GmbH", "AG", "VfL": the name is a body's;
* ``anonymous_sources.txt``: generic sources ("Beobachter", "Experten");
* ``reference_adjectives.txt``: adjectives that point, not qualify ("dortigen").

:class:`ArticleNames` indexes the names an article gives, so that a surname
("Stoltenberg") or a bare body ("die Polizei", "das Ministerium") becomes the
fullest name the article gives ("Jens Stoltenberg", "Polizei Köln",
"Bundesverkehrsministerium").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ...lexicon import load_lexicon, load_word_set, longest_suffix_entry
from ...nlp import Token
from .lexicons import first_name_genders, name_particles, places

PERSON = "person"
ORGANISATION = "organisation"
GROUP = "group"
ANONYMOUS = "anonymous"
DESCRIPTION = "description"

_AGE = re.compile(r"^\d+-[Jj]ährige[rn]?$")
# a name word: a capital, then a letter, a dot (an initial: "Dariusz K.") or nothing
_NAME_WORD_TAGS = frozenset({"NE", "FM", "XY", "NN", "ADJ(A)", "ADJ(D)"})
_SPOKES = ("sprecherin", "sprecher")
_MIN_STEM = 3  # a compound's first part has at least this many letters ("Bundesrechnungshof")


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    return load_word_set("de", "person_nouns")


@lru_cache(maxsize=1)
def _body_nouns() -> dict[str, str]:
    return {row[0]: row[1] for row in load_lexicon("de", "body_nouns")}


@lru_cache(maxsize=1)
def _qualified_bodies() -> frozenset[str]:
    return load_word_set("de", "qualified_bodies")


@lru_cache(maxsize=1)
def _legal_forms() -> frozenset[str]:
    return load_word_set("de", "legal_forms")


@lru_cache(maxsize=1)
def _anonymous_sources() -> frozenset[str]:
    return load_word_set("de", "anonymous_sources")


@lru_cache(maxsize=1)
def _reference_adjectives() -> tuple[str, ...]:
    return tuple(load_word_set("de", "reference_adjectives"))


def _ends_with_entry(word: str, entries: frozenset[str] | dict[str, str]) -> str | None:
    """The entry ``word`` is or ends in (a compound: "SPD-Politikerin" → "politikerin"), longest first."""
    w = word.lower()
    if w in entries:
        return w
    tail = w.rsplit("-", 1)[-1]
    if tail in entries:
        return tail
    return longest_suffix_entry(w, entries, min_length=4, min_rest=_MIN_STEM)


@lru_cache(maxsize=50_000)
def _body_entry(word: str) -> tuple[str | None, str]:
    """The body noun ``word`` is or ends in, and ``word`` without its genitive ending."""
    stem = _without_genitive(word, _body_nouns())
    return _ends_with_entry(stem, _body_nouns()), stem


@lru_cache(maxsize=20_000)
def is_age(word: str) -> bool:
    """ "63-Jährige", "61-Jähriger": a person by age."""
    return bool(_AGE.match(word))


@lru_cache(maxsize=20_000)
def person_noun(word: str) -> str | None:
    """The gender a noun describing one person gives ("Politikerin" → "f",
    "Franzose" → "m", "Abgeordnete" → ""), None for any other noun. A plural
    ("Politikerinnen") is no one person."""
    w = word.lower()
    if w.endswith("innen") or is_spokesperson(word):
        return None
    nouns = _person_nouns()
    if _ends_with_entry(w, nouns) is not None:
        return "f" if w.endswith("in") and not w.endswith("chin") else ""
    if w.endswith("in") and _ends_with_entry(w[:-2], nouns) is not None:
        return "f"  # "Stürmerin" through "stürmer"
    return None


@lru_cache(maxsize=20_000)
def body_class(word: str) -> str | None:
    """The class of a body noun or compound ("Behörde" → "*", "Finanzministerium"
    → "ministerium", "Anklagebehörde" → "staatsanwaltschaft"), else None."""
    nouns = _body_nouns()
    entry = _ends_with_entry(_without_genitive(word, nouns), nouns)
    return nouns[entry] if entry is not None else None


def is_bare_body_noun(word: str) -> bool:
    """ "Behörde", "Unternehmen", "Gewerkschaft" refer back to a body named before;
    a compound ("Fluglotsengewerkschaft", "Bundesrechnungshof") names its body itself."""
    return _without_genitive(word, _body_nouns()).lower() in _body_nouns()


def _without_genitive(word: str, entries: frozenset[str] | dict[str, str]) -> str:
    """ "Ministeriums" → "Ministerium" when the shorter form is (or ends in) an entry."""
    for cut in ("es", "s"):
        if word.endswith(cut) and len(word) > len(cut) + 2:
            stem = word[: -len(cut)]
            if _ends_with_entry(stem, entries) is not None:
                return stem
    return word


@lru_cache(maxsize=20_000)
def is_spokesperson(word: str) -> bool:
    w = word.lower()
    return w.endswith(_SPOKES) and not w.endswith(("fürsprecher", "fürsprecherin"))


def spokesperson_body(word: str) -> str | None:
    """The body a compound spokesperson speaks for: "Polizeisprecher" → "Polizei",
    "Regierungssprecher" → "Regierung", "NATO-Sprecher" → "NATO"; None for a
    bare "Sprecher" or a word that is none."""
    if not is_spokesperson(word):
        return None
    low = word.lower()
    cut = len(low) - len(next(s for s in _SPOKES if low.endswith(s)))
    stem = word[:cut].rstrip("-")
    if len(stem) < _MIN_STEM:
        return None
    if stem.endswith("s") and body_class(stem[:-1]) is not None:
        stem = stem[:-1]  # the linking s: "Regierungs-", "Gerichts-"
    return stem[:1].upper() + stem[1:]


def is_anonymous_source(word: str) -> bool:
    """ "Beobachter", "Experten", "Medien": a generic source, nobody in particular."""
    return _ends_with_entry(word, _anonymous_sources()) is not None


def is_reference_adjective(word: str) -> bool:
    low = word.lower()
    return low.startswith(_reference_adjectives())


def has_legal_form(name: str) -> bool:
    return any(w in _legal_forms() for w in name.split())


def is_qualified_body(word: str) -> bool:
    return word.lower() in _qualified_bodies()


def is_place_name(word: str) -> bool:
    from .learn.ner import gazetteer  # lazy: the learned package stays out of the stages' imports

    return word in places() or word in gazetteer()


def name_kind(name: str, head_nouns: list[str], names: ArticleNames) -> str:
    """Whether a named speaker is a person or a body.

    A body: its name has a legal form ("Rheinlogistik GmbH"), is an acronym
    ("SFA", "NATO"), a place ("Russland"), a qualified body ("Polizei Köln"),
    a compound body noun ("Bundesrechnungshof"), or the phrase calls it a body
    ("Der Autozulieferer Kessler Automotive"). A person: a given name opens
    it, the phrase gives a person's role ("Rechtsanwalt Holger Timm"), or the
    article names a person so ("Sahin" after "Miriam Sahin"). Else a single
    word is taken for a body ("Airbus"), several for a person."""
    words = name.split()
    if "und" in words[1:-1]:
        return GROUP  # "AFP und Reuters"
    if has_legal_form(name) or (len(words) == 1 and _is_acronym(name)) or is_place_name(name.rstrip("s")):
        return ORGANISATION
    if words[0] in first_name_genders() or names.is_person(name):
        return PERSON
    if is_qualified_body(words[0]) or body_class(words[-1]) is not None:
        return ORGANISATION
    for head in reversed(head_nouns):
        if body_class(head) is not None:
            return ORGANISATION
        if person_noun(head) is not None or is_spokesperson(head):
            return PERSON
    return PERSON if len(words) > 1 else ORGANISATION


_CLUB_FORMS = frozenset({"FC", "VfL", "VfB", "SV", "TSV", "SC", "BSC"})


def fits_class(name: str, cls: str | None) -> bool:
    """Whether a body's name fits the class a description asks for: "das Haus"
    (ministerium) needs a ministry, "der Verein" (club) a club's prefix, "das
    Unternehmen" (company) no name of another class; "*" or None: any body."""
    if cls is None or cls == "*":
        return True
    words = name.split()
    if cls == "club":
        return any(w in _CLUB_FORMS for w in words)
    if cls == "company":
        return not any(w in _CLUB_FORMS for w in words) and body_class(words[-1]) in {None, "company"}
    return cls in name.lower()


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 2


class ArticleNames:
    """The names an article gives, for the fullest form of a shorter mention.

    Persons: runs of capitalised name words that open with a given name or a
    proper noun ("Jens Stoltenberg", "Ayaan Hirsi Ali", "Dariusz K."), keyed
    by their last word (also without a genitive s: "Sahins"). Bodies: a
    qualified body ("Polizei Köln", "Hamburger Polizei") keyed by its noun,
    and compounds ending in a body noun ("Bundesrechnungshof"), keyed by
    that noun ("rechnungshof")."""

    def __init__(self, toks: list[Token]) -> None:
        self.toks = toks
        self.persons: dict[str, list[tuple[int, str]]] = {}  # last word → (token, full name)
        self.bodies: dict[str, list[tuple[int, str]]] = {}  # body noun (lower) → (token, fullest name)
        self.person_names: set[str] = set()
        self.runs: list[tuple[int, str]] = []  # every name of two or more words, in order
        self._index()

    def _index(self) -> None:
        toks = self.toks
        k = 0
        while k < len(toks):
            end = self._name_run(k)
            if end - k >= 2:
                full = " ".join(t.text for t in toks[k:end])
                last = toks[end - 1].text
                keys = {last, last.rstrip("."), *self._genitive_keys(last)}
                if toks[k].text in first_name_genders():
                    self.person_names.add(full)
                    self.person_names.add(last)
                else:
                    keys.add(toks[k].text)  # a body by its first word: "Kessler" for "Kessler Automotive"
                for key in keys:
                    self.persons.setdefault(key, []).append((k, full))
                self.runs.append((k, full))
                k = end
                continue
            self._index_body(k)
            k += 1

    @staticmethod
    def _genitive_keys(last: str) -> list[str]:
        return [last[:-1]] if last.endswith("s") and len(last) > 3 else []

    def _name_run(self, k: int) -> int:
        """End of the name run opening at token ``k`` (``k`` when none opens there)."""
        toks = self.toks
        t = toks[k]
        legal_next = k + 1 < len(toks) and toks[k + 1].text in _legal_forms()  # "die Rheinlogistik GmbH"
        opens = t.text in first_name_genders() or (t.tag in {"NE", "FM"} or legal_next) and t.text[:1].isupper()
        if not opens or person_noun(t.text) is not None or body_class(t.text) is not None or is_age(t.text):
            return k
        end = k + 1
        while end < len(toks):
            nxt = toks[end]
            if nxt.lower in name_particles() and end + 1 < len(toks) and toks[end + 1].tag in {"NE", "FM"}:
                end += 2  # "Ursula von der Leyen" is one name only when a name follows
                continue
            surname = toks[end - 1].text in first_name_genders() and nxt.text[:1].isupper()
            if not (self._name_word(nxt) or surname and nxt.tag not in {"ART", "PPER", "PDS", "PIS", "KON"}):
                break
            end += 1
        return end

    @staticmethod
    def _name_word(t: Token) -> bool:
        text = t.text
        if not text[:1].isupper() or t.tag not in _NAME_WORD_TAGS | {"NNA"}:
            return False
        if is_spokesperson(text) or person_noun(text) is not None or body_class(text) is not None:
            return False
        return len(text) > 1 and (text[1:2].isalpha() or text[1:] == ".")

    def _index_body(self, k: int) -> None:
        toks = self.toks
        t = toks[k]
        if not t.text[:1].isupper() or t.tag not in {"NN", "NE"}:
            return
        low = t.lower
        if is_qualified_body(t.text):
            if k + 1 < len(toks) and toks[k + 1].tag == "NE" and is_place_name(toks[k + 1].text):
                self.bodies.setdefault(low, []).append((k, f"{t.text} {toks[k + 1].text}"))  # "Polizei Köln"
            elif k > 0 and toks[k - 1].text[:1].isupper() and toks[k - 1].text.endswith("er") and k > 0:
                if is_place_name(toks[k - 1].text[:-2]) or is_place_name(toks[k - 1].text[:-1]):
                    self.bodies.setdefault(low, []).append(
                        (k - 1, f"{toks[k - 1].text} {t.text}")
                    )  # "Hamburger Polizei"
            return
        entry, stem = _body_entry(t.text)
        if entry is not None and len(stem) - len(entry) >= _MIN_STEM:
            self.bodies.setdefault(entry, []).append((k, stem))  # a compound: "Bundesrechnungshof" for "rechnungshof"

    def is_person(self, name: str) -> bool:
        return name in self.person_names

    def fullest(self, entity: str, pos: int) -> str:
        """The fullest name the article gives for ``entity`` at token ``pos``:
        the latest one before it, else the first after; ``entity`` itself if none."""
        words = entity.split()
        if not words:
            return entity
        if len(words) == 1:
            body = self._latest(self.bodies.get(entity.lower(), []), pos)
            if body is not None:
                return body
        candidates = [
            (p, full)
            for p, full in self.persons.get(words[-1].rstrip("."), [])
            if len(full.split()) > len(words)
            and (self._ends_with(full, words) or len(words) == 1 and full.split()[0] == words[0])
        ]
        return self._latest(candidates, pos) or entity

    def latest_body_name(self, pos: int, cls: str) -> str | None:
        """The latest name of a body of class ``cls`` before ``pos``: "der Verein"
        → "FC Bayern München" (a club's prefix), "das Unternehmen" → "Rheinlogistik GmbH"."""
        for p, full in reversed(self.runs):
            if p < pos and fits_class(full, cls) and has_legal_form(full):
                return full
        return None

    @staticmethod
    def _ends_with(full: str, words: list[str]) -> bool:
        """ "Ayaan Hirsi Ali" ends with "Hirsi Ali"; "Miriam Sahins" with "Sahin" (a genitive)."""
        tail = [w.rstrip(".") for w in full.split()[-len(words) :]]
        return all(a == b.rstrip(".") or a[:-1] == b for a, b in zip(tail, words, strict=True))

    @staticmethod
    def _latest(entries: list[tuple[int, str]], pos: int) -> str | None:
        if not entries:
            return None
        k = bisect_right([p for p, _ in entries], pos)
        return entries[k - 1][1] if k else entries[0][1]
