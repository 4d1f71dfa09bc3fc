"""Stage: who each speaker mention refers to (``speaker_entity``).

Reads: the statements (speaker token ranges) and the sentences. Writes:
``Found.entity``, a canonical name:

* a phrase with a name → its last name word ("Präsident Wladimir Putin" →
  "Putin", "Ein Sprecher der Polizei, Lars Beringer" → "Beringer");
* a description → its head noun and attributes ("die dortigen
  Bündnismitglieder" → "Bündnismitglieder"), or the person last named with
  the same role ("der NATO-Chef" → "Stoltenberg");
* a pronoun ("er", "Sie", "es") or possessive source ("seiner Meinung nach")
  → the entity of the most recent fitting mention before it: earlier
  speakers and sentence subjects;
* an inherited speaker → the entity of the statement it came from.
"""

from __future__ import annotations

from bisect import bisect_left

from ..nlp import Token
from .chunks import np_core
from .found import Found
from .lexicons import is_speaker_noun, pronouns, source_noun_medium
from .morph import is_finite
from .sentences import Article

_NAME_TAGS = frozenset({"NE", "FM", "XY"})
_POSSESSIVES = frozenset({"seiner", "ihrer", "seinen", "ihren", "seinem", "ihrem", "eigenen", "eigener"})


def resolve_entities(art: Article, found: list[Found]) -> None:
    toks = art.tokens
    mentions = _Antecedents()
    for pos, subject in _subject_mentions(art):  # (token index, entity)
        mentions.add(pos, subject)
    # Speakers are resolved left to right, so every speaker before the one at
    # hand is resolved already: ``speakers`` collects them in order and a
    # binary search finds the latest (a scan of all statements per pronoun
    # was quadratic on long texts).
    speakers = _Antecedents()
    ordered = sorted(found, key=lambda f: (f.speaker[0] if f.speaker else 10**9, f.begin))
    for f in ordered:
        if f.speaker is None:
            continue
        if f.inherited_from is not None and f.inherited_from.entity:
            f.entity = f.inherited_from.entity
            speakers.add(f.speaker[0], f.entity)
            continue
        a, b = f.speaker
        words = toks[a:b]
        ent = None
        if _is_pronoun_like(words):
            ent = _antecedent(a, speakers, mentions)
        else:
            ent = _name(words) or _role_link(words, a, found, toks) or _description(words, a, speakers, mentions)
        f.entity = ent or " ".join(t.text for t in words)
        if f.entity:
            speakers.add(a, f.entity)
    for f in found:  # inherited speakers whose parent resolved later
        if f.entity is None and f.inherited_from is not None:
            f.entity = f.inherited_from.entity


def _is_pronoun_like(words: list[Token]) -> bool:
    if len(words) == 1 and (words[0].lower in pronouns() or words[0].lower in {"demnach", "wonach"}):
        return True
    return False


def _name(words: list[Token]) -> str | None:
    """The last word of the first name in the phrase (an apposition counts)."""
    core_end = np_core(words, 0, len(words))
    for lo, hi in ((0, core_end), (core_end, len(words))):
        last = None
        for k in range(lo, hi):
            t = words[k]
            if t.pos in _NAME_TAGS and t.text[:1].isupper() and not source_noun_medium(t.text):
                last = k
                # a name runs on over capitalised words ("Lars Beringer")
                while last + 1 < hi and words[last + 1].text[:1].isupper() and words[last + 1].pos in _NAME_TAGS | {"NN"} and not is_speaker_noun(words[last + 1].text):
                    last += 1
                return words[last].text.rstrip(".,")
    return None


def _description(words: list[Token], a: int, speakers: _Antecedents, mentions: _Antecedents) -> str | None:
    # "eigenen Angaben", "seiner Meinung": the owner is the antecedent
    if words and words[0].lower in _POSSESSIVES:
        return _antecedent(a, speakers, mentions)
    # source nouns name their owner after them: "Angaben der Polizei" → "Polizei"
    k = 0
    while k < len(words) and words[k].pos in {"ART", "ADJ(A)", "PPOSAT", "PDAT", "PIAT", "CARD"}:
        k += 1
    # past an extended attribute: "einer am Dienstag veröffentlichten Mitteilung des WFP"
    src = next((j for j in range(k, min(len(words), k + 8)) if words[j].pos == "NN" and source_noun_medium(words[j].text)), None)
    if src is not None and (k >= len(words) or words[k].pos.startswith("APPR")):
        k = src
    if k < len(words) and source_noun_medium(words[k].text) and k + 1 < len(words):
        rest = [t for t in words[k + 1 :] if t.text[:1].isupper()]
        if rest:
            return rest[-1].text
    end = np_core(words, 0, len(words))
    head = [t.text for t in words[k:end] if t.pos not in {"ART", "PPOSAT", "PDAT", "PIAT"}]
    return " ".join(head) if head else None


def _role_link(words: list[Token], a: int, found: list[Found], toks: list[Token]) -> str | None:
    """"der NATO-Chef" → the named speaker before it whose phrase has that role."""
    if not words or words[0].lower not in {"der", "die", "des", "dem"}:
        return None
    nouns = [t.text.lower() for t in words if t.pos == "NN" and is_speaker_noun(t.text)]
    if not nouns or any(t.pos in _NAME_TAGS for t in words):
        return None
    best: tuple[int, str] | None = None
    for f in found:
        if f.speaker is None or f.speaker[0] >= a or not f.entity:
            continue
        phrase = " ".join(t.text.lower() for t in toks[f.speaker[0] : f.speaker[1]])
        if any(n in phrase for n in nouns) and (best is None or f.speaker[0] > best[0]):
            best = (f.speaker[0], f.entity)
    return best[1] if best else None


class _Antecedents:
    """(token position, entity) pairs added in position order; the latest before a position."""

    def __init__(self) -> None:
        self.positions: list[int] = []
        self.entities: list[str] = []

    def add(self, pos: int, entity: str) -> None:
        # the first entity at a position wins, as a left-to-right scan would
        if self.positions and self.positions[-1] == pos:
            return
        self.positions.append(pos)
        self.entities.append(entity)

    def before(self, a: int) -> tuple[int, str] | None:
        k = bisect_left(self.positions, a)
        return (self.positions[k - 1], self.entities[k - 1]) if k else None


def _antecedent(a: int, speakers: _Antecedents, mentions: _Antecedents) -> str | None:
    """The latest resolved speaker or named sentence subject before token ``a``."""
    best = speakers.before(a)
    mention = mentions.before(a)
    if mention is not None and (best is None or mention[0] > best[0]):
        best = mention
    return best[1] if best else None


def _subject_mentions(art: Article) -> list[tuple[int, str]]:
    """Named subjects that open a sentence ("Russland hat …"): antecedents."""
    toks = art.tokens
    out: list[tuple[int, str]] = []
    for s in art.sentences:
        fin = next((k for k in range(s.start, min(s.end, s.start + 8)) if is_finite(toks[k])), None)
        if fin is None or fin == s.start or art.in_quote[s.start] != -1:
            continue
        name = _name(toks[s.start : fin])
        if name:
            out.append((s.start, name))
    return out
