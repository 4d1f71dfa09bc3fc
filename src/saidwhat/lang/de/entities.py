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
from functools import lru_cache

from ...lexicon import load_word_set
from ...nlp import Token
from ...pipeline.found import Found
from ...pipeline.sentences import Article
from .chunks import NAME_TAGS, np_core, speaker_forward
from .lexicons import (
    determiner_features,
    first_name_genders,
    is_speaker_noun,
    oblique_openers,
    places,
    pronouns,
    source_noun_medium,
)
from .morph import is_finite

_POSSESSIVES = load_word_set("de", "possessives")


def resolve_entities(art: Article, found: list[Found]) -> None:
    toks = art.tokens
    # what earlier pronouns revealed about an entity ("er" → Stoltenberg: masculine)
    known: dict[str, frozenset[str]] = {}
    mentions = _Antecedents(known)
    for pos, subject, feats in _subject_mentions(art):  # (token index, entity, features)
        mentions.add(pos, subject, feats)
    # Speakers are resolved left to right, so every speaker before the one at
    # hand is resolved already: ``speakers`` collects them in order and a
    # binary search finds the latest (a scan of all statements per pronoun
    # was quadratic on long texts).
    speakers = _Antecedents(known)
    roles = _RoleIndex(toks)
    features: dict[int, frozenset[str]] = {}  # id(Found) → gender/number of its speaker's referent
    order = {id(f): k for k, f in enumerate(found)}
    ordered = sorted(found, key=lambda f: (f.speaker[0] if f.speaker else 10**9, f.begin))
    for f in ordered:
        if f.speaker is None:
            continue
        if f.inherited_from is not None and f.inherited_from.entity:
            f.entity = f.inherited_from.entity
            feats = features.get(id(f.inherited_from), _ANY)
            features[id(f)] = feats
            speakers.add(f.speaker[0], f.entity, feats)
            roles.add(f.speaker, order[id(f)], f.entity)
            continue
        a, b = f.speaker
        words = toks[a:b]
        ent = None
        feats = phrase_features(words)
        relative = _relative_antecedent(toks, a) if len(words) == 1 else None
        if relative is not None:
            ent, feats = relative
        elif _is_pronoun_like(words):
            window = art.sentences[max(0, toks[a].sent - _WINDOW_SENTENCES)].start
            wanted = _wanted(words[0])
            hit = _antecedent(a, speakers, mentions, wanted, window)
            if hit is not None:
                ent, feats = hit
                if wanted is not None and feats & wanted:
                    feats = feats & wanted
                    known[ent] = known.get(ent, _ANY) & feats
        else:
            ent = _name(words) or _role_link(words, a, roles) or _description(words, a, speakers, mentions)
        f.entity = ent or " ".join(t.text for t in words)
        features[id(f)] = feats
        if f.entity:
            speakers.add(a, f.entity, feats)
        roles.add(f.speaker, order[id(f)], f.entity)
    for f in found:  # inherited speakers whose parent resolved later
        if f.entity is None and f.inherited_from is not None:
            f.entity = f.inherited_from.entity


# gender/number features: m, f, n (singular), p (plural); _ANY when unknown
_ANY = frozenset({"m", "f", "n", "p"})
# what a determiner opening a speaker phrase allows (nominative, or the dative
# and genitive of "laut der Polizei", "nach Angaben des Ministeriums")
_DETERMINER_FEATURES, _GENITIVE_FEATURES = determiner_features()
# antecedents are looked for this many sentences back before falling back to the latest one
_WINDOW_SENTENCES = 3
# a sentence's subject ends at its finite verb within this many tokens ("Der
# Kandidat der MDC, Morgan Tsvangirai, analysierte …" needs more than eight)
_PREFIELD_TOKENS = 16


def phrase_features(words: list[Token]) -> frozenset[str]:
    """Which of m/f/n/p a speaker phrase can be: from its determiner, else its
    name (a country or region is neuter: "Russland … es"; an acronym is no
    "er": "die NATO", "das THW"; a person's name is m or f), narrowed by a
    given name ("Gisela Piltz": f) or a feminine role noun ("die Sprecherin":
    f, not the plural that "die" also allows)."""
    feats = _phrase_features(words)
    hint = _gender_hint(words)
    if hint is not None and feats & hint:
        return feats & hint
    return feats


def _gender_hint(words: list[Token]) -> frozenset[str] | None:
    names = first_name_genders()
    for k, t in enumerate(words):
        gender = names.get(t.text)
        # a given name followed by a capitalised word: "Gisela Piltz", not a lone "Paul"
        if gender is not None and k + 1 < len(words) and words[k + 1].text[:1].isupper():
            return frozenset({gender})
    for t in words:
        if t.tag != "NN" or not t.text[:1].isupper():
            continue
        role = _feminine_role(t.text.lower())
        if role is not None:
            return role
    return None


def _feminine_role(low: str) -> frozenset[str] | None:
    """The features of a feminine role noun: "Sprecherinnen" → p; "Armeesprecherin",
    "Autorin" → f; None for any other word."""
    if low.endswith("innen") and is_speaker_noun(low[:-5]):
        return frozenset({"p"})
    if low.endswith("in") and len(low) > 4 and (is_speaker_noun(low) or is_speaker_noun(low[:-2])):
        return frozenset({"f"})
    return None


def _phrase_features(words: list[Token]) -> frozenset[str]:
    if not words:
        return _ANY
    first = words[0].lower
    if len(words) == 1 and first in pronouns():
        return _wanted(words[0]) or _ANY
    k = 0
    while k < len(words) and words[k].tag in {"ART", "ADJ(A)", "PPOSAT", "PIAT", "CARD"}:
        k += 1
    if k + 1 < len(words) and source_noun_medium(words[k].text) and words[k + 1].lower in _GENITIVE_FEATURES:
        # the owner of "Angaben der Polizei" is who speaks: its genitive article tells
        return _GENITIVE_FEATURES[words[k + 1].lower]
    if first in _DETERMINER_FEATURES:
        return _DETERMINER_FEATURES[first]
    name = next((t.text for t in words if t.tag in NAME_TAGS and t.text[:1].isupper()), None)
    if name is None:
        return _ANY
    if _is_place(name):
        return frozenset({"n"})
    if len(name) >= 2 and name.isupper():
        return frozenset({"f", "n", "p"})
    return frozenset({"m", "f"})


def _is_place(word: str) -> bool:
    return word in _gazetteer() or word in places()


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, str]:
    # lazy: the learned package (whose training runs these stages) stays out of their imports
    from .learn.ner import gazetteer

    return gazetteer()


def _wanted(pronoun: Token) -> frozenset[str] | None:
    """The features a third-person pronoun needs ("er" → m); None: no constraint."""
    feats = pronouns().get(pronoun.lower)
    if feats is None:
        return None
    wanted = feats & _ANY
    return wanted or None


def _relative_antecedent(toks: list[Token], a: int) -> tuple[str, frozenset[str]] | None:
    """A relative pronoun's referent is the phrase before its comma: "C. Leung,
    der am Montag in Kanton war, sagte …" → "Leung"; "die Aussage eines
    Jungen, der angab, …" → "Jungen" (no search back through the text)."""
    if a < 2 or toks[a - 1].text != "," or toks[a].lower not in {"der", "die", "das", "welcher", "welche", "welches"}:
        return None
    k = a - 2
    start = k
    while start > 0 and toks[start - 1].tag in {"NN", "NE", "FM", "ADJ(A)", "ART", "PPOSAT", "CARD", "NNA"}:
        start -= 1
    phrase = toks[start : k + 1]
    surname = toks[k].text[:1].isupper() and k > 0 and toks[k - 1].tag == "NE"  # "Alice Schwarzer" read as an adjective
    if not phrase or (toks[k].tag not in {"NN", "NE", "FM", "NNA"} and not surname):
        return None
    ent = _name(phrase) or toks[k].text
    return ent, phrase_features(phrase)


def _is_pronoun_like(words: list[Token]) -> bool:
    if len(words) == 1 and (words[0].lower in pronouns() or words[0].lower in {"demnach", "wonach"}):
        return True
    return False


def _name(words: list[Token]) -> str | None:
    """The last word of the first name in the phrase (an apposition counts).

    A name in a genitive or "von" attribute of the head ("der Ministerpräsident
    Thailands", "Der Präsident der Region Tibet, Qiangba Puncog") names no
    speaker: the apposition's name wins; without one the phrase is a description."""
    core_end = np_core(words, 0, len(words))
    ranges = [(0, core_end)]
    if core_end < len(words) and words[core_end].text in {",", "("}:
        ranges.append((core_end, len(words)))  # an apposition: "Ein Sprecher, Lars Beringer"
    for lo, hi in ranges:
        for k in range(lo, hi):
            t = words[k]
            if t.tag in NAME_TAGS and t.text[:1].isupper() and not source_noun_medium(t.text):
                last = k
                # a name runs on over capitalised words ("Lars Beringer")
                while (
                    last + 1 < hi
                    and words[last + 1].text[:1].isupper()
                    and words[last + 1].tag in NAME_TAGS | {"NN", "ADJ(D)", "ADJ(A)"}
                    and not is_speaker_noun(words[last + 1].text)
                ):
                    last += 1
                name = words[last].text.rstrip(".,")
                if lo == 0 and _in_genitive_attribute(words, k):
                    break
                return name
    return None


def _in_genitive_attribute(words: list[Token], k: int) -> bool:
    """Is the name at ``k`` inside a genitive or "von" attribute of an earlier head noun?"""
    if k > 0 and words[k - 1].tag == "NN" and words[k].text.endswith("s") and _is_place(words[k].text[:-1]):
        return True  # "Ministerpräsident Thailands"
    if 0 < k < len(words) - 2 and words[k - 1].tag == "NN" and words[k].text.endswith("s") and words[k + 1].text == ",":
        return True  # "Der Kampfgefährte Thaksins, Newin Chidchob": the apposition names the speaker
    seen_noun = False
    for t in words[:k]:
        if t.tag in {"NN", "NNA"}:
            seen_noun = True
        elif seen_noun and (
            t.lower in {"des", "der"} and t.tag == "ART" or t.lower in {"von", "vom"} or t.tag == "APPR"
        ):
            return True  # also a place in a prepositional attribute: "eine Sprecherin in Kabul"
    return False


def _description(words: list[Token], a: int, speakers: _Antecedents, mentions: _Antecedents) -> str | None:
    # "eigenen Angaben", "seiner Meinung": the owner is the antecedent
    if words and words[0].lower in _POSSESSIVES:
        hit = _antecedent(a, speakers, mentions)
        return hit[0] if hit else None
    # source nouns name their owner after them: "Angaben der Polizei" → "Polizei"
    k = 0
    while k < len(words) and words[k].tag in {"ART", "ADJ(A)", "PPOSAT", "PDAT", "PIAT", "CARD"}:
        k += 1
    # past an extended attribute: "einer am Dienstag veröffentlichten Mitteilung des WFP"
    src = next(
        (j for j in range(k, min(len(words), k + 8)) if words[j].tag == "NN" and source_noun_medium(words[j].text)),
        None,
    )
    if src is not None and (k >= len(words) or words[k].tag.startswith("APPR")):
        k = src
    if k < len(words) and source_noun_medium(words[k].text) and k + 1 < len(words):
        rest = [t for t in words[k + 1 :] if t.text[:1].isupper()]
        if rest:
            return rest[-1].text
    end = np_core(words, 0, len(words))
    head = [t.text for t in words[k:end] if t.tag not in {"ART", "PPOSAT", "PDAT", "PIAT"}]
    return " ".join(head) if head else None


def _role_link(words: list[Token], a: int, roles: _RoleIndex) -> str | None:
    """ "der NATO-Chef" → the named speaker before it whose phrase has that role."""
    if not words or words[0].lower not in {"der", "die", "des", "dem"}:
        return None
    nouns = [t.text.lower() for t in words if t.tag == "NN" and is_speaker_noun(t.text)]
    if not nouns or any(t.tag in NAME_TAGS for t in words):
        return None
    return roles.latest_with(nouns, a)


class _RoleIndex:
    """The resolved speaker phrases, for finding the latest one before a token
    that contains a role noun ("der NATO-Chef" → "NATO-Chef Stoltenberg").

    A phrase is indexed by its space-free chunks (lower case): a noun without
    a space is in the phrase exactly when it is in one of them, so a query
    looks only at the chunks that contain the noun (each distinct chunk is
    tested once per distinct noun) instead of every earlier statement, which
    was quadratic on long texts. Entries are added in token order.
    """

    def __init__(self, toks: list[Token]) -> None:
        self.toks = toks
        # chunk → entries (speaker start, position in ``found``, entity), in speaker-start order
        self.by_chunk: dict[str, list[tuple[int, int, str]]] = {}
        self.chunks: list[str] = []  # the keys of ``by_chunk`` in the order first seen
        self.phrases: list[tuple[str, tuple[int, int, str]]] = []  # every entry, for nouns with a space
        self.containing: dict[str, tuple[int, list[str]]] = {}  # noun → (chunks tested, chunks holding it)

    def add(self, speaker: tuple[int, int], pos: int, entity: str | None) -> None:
        """A resolved speaker phrase: ``pos`` is its statement's position in ``found``."""
        if not entity:
            return
        a, b = speaker
        phrase = " ".join(t.text.lower() for t in self.toks[a:b])
        entry = (a, pos, entity)
        self.phrases.append((phrase, entry))
        for chunk in dict.fromkeys(phrase.split(" ")):
            if chunk not in self.by_chunk:
                self.by_chunk[chunk] = []
                self.chunks.append(chunk)
            self.by_chunk[chunk].append(entry)

    def latest_with(self, nouns: list[str], a: int) -> str | None:
        """The entity of the phrase starting last before token ``a`` that contains
        one of ``nouns``; of several starting there, the first in ``found``."""
        best: tuple[int, int, str] | None = None
        for entries in self._entry_lists(nouns):
            k = bisect_left(entries, a, key=lambda e: e[0]) - 1
            while k >= 0 and (best is None or entries[k][0] >= best[0]):
                e = entries[k]
                if best is None or e[0] > best[0] or e[1] < best[1]:
                    best = e
                k -= 1
        return best[2] if best else None

    def _entry_lists(self, nouns: list[str]) -> list[list[tuple[int, int, str]]]:
        if any(" " in n for n in nouns):
            return [[e for phrase, e in self.phrases if any(n in phrase for n in nouns)]]
        return [self.by_chunk[c] for c in dict.fromkeys(c for n in nouns for c in self._chunks_with(n))]

    def _chunks_with(self, noun: str) -> list[str]:
        """The chunks holding ``noun``; only chunks new since the last query are tested."""
        tested, holding = self.containing.get(noun, (0, []))
        holding.extend(c for c in self.chunks[tested:] if noun in c)
        self.containing[noun] = (len(self.chunks), holding)
        return holding


class _Antecedents:
    """(token position, entity, features) added in position order; the latest before a position."""

    def __init__(self, known: dict[str, frozenset[str]]) -> None:
        self.known = known  # features learnt from pronouns, shared between lists
        self.positions: list[int] = []
        self.entities: list[str] = []
        self.features: list[frozenset[str]] = []

    def add(self, pos: int, entity: str, feats: frozenset[str] = _ANY) -> None:
        # the first entity at a position wins, as a left-to-right scan would
        if self.positions and self.positions[-1] == pos:
            return
        self.positions.append(pos)
        self.entities.append(entity)
        self.features.append(feats)

    def before(
        self, a: int, wanted: frozenset[str] | None = None, window: int = 0
    ) -> tuple[int, str, frozenset[str]] | None:
        """The latest entry before ``a`` that agrees with ``wanted``, not before
        ``window``; else the latest entry before ``a`` whatever it is."""
        k = bisect_left(self.positions, a)
        if not k:
            return None
        if wanted is not None:
            j = k - 1
            while j >= 0 and self.positions[j] >= window:
                if self.feats(j) & wanted:
                    return (self.positions[j], self.entities[j], self.feats(j))
                j -= 1
        return (self.positions[k - 1], self.entities[k - 1], self.feats(k - 1))

    def feats(self, j: int) -> frozenset[str]:
        narrowed = self.features[j] & self.known.get(self.entities[j], _ANY)
        return narrowed or self.features[j]


def _antecedent(
    a: int, speakers: _Antecedents, mentions: _Antecedents, wanted: frozenset[str] | None = None, window: int = 0
) -> tuple[str, frozenset[str]] | None:
    """The latest resolved speaker or named sentence subject before token ``a``
    that agrees with the pronoun (``wanted``) within the window, else the latest."""
    hits = [h for h in (speakers.before(a, wanted, window), mentions.before(a, wanted, window)) if h is not None]
    if not hits:
        return None
    agreeing = [h for h in hits if wanted is None or (h[2] & wanted and h[0] >= window)]
    best = max(agreeing or hits, key=lambda h: h[0])
    return best[1], best[2]


def _subject_mentions(art: Article) -> list[tuple[int, str, frozenset[str]]]:
    """Named subjects that open a sentence ("Russland hat …"): antecedents."""
    toks = art.tokens
    out: list[tuple[int, str, frozenset[str]]] = []
    for s in art.sentences:
        _add_passive_agent(art, s.start, s.end, out)
        fin = next((k for k in range(s.start, min(s.end, s.start + _PREFIELD_TOKENS)) if is_finite(toks[k])), None)
        if fin is None or fin == s.start or art.in_quote[s.start] != -1:
            continue
        if toks[s.start].tag.startswith("APPR") or toks[s.start].lower in oblique_openers():
            # "In Konstanz sagte …", "Den Vorwurf wies …": the prefield is no
            # subject, but a named phrase right after the verb is ("Unterdessen
            # verteidigte der Vorsitzende, Sebastian Edathy, den Entwurf")
            _add_inverted_subject(art, fin, s.end, out)
            continue
        name = _name(toks[s.start : fin]) or _person_description(toks[s.start : fin])
        if name:
            out.append((s.start, name, phrase_features(toks[s.start : fin])))
        elif fin - s.start <= 2 and toks[s.start].tag in {"ADV", "PROAV"}:
            _add_inverted_subject(art, fin, s.end, out)  # "Unterdessen verteidigte …", "Am Montag …" is APPR above
    out.sort(key=lambda m: m[0])  # a passive agent may come after the subject added for its sentence
    return out


def _add_passive_agent(art: Article, start: int, end: int, out: list[tuple[int, str, frozenset[str]]]) -> None:
    """The agent of a passive sentence is who acted, and who a pronoun after it
    may stand for: "Der Angriff wurde von einer Armeesprecherin bestätigt. Sie
    sagte, …" → "Armeesprecherin". Only a name or a role noun counts ("von der
    Flut zerstört" introduces no one)."""
    toks = art.tokens
    if art.in_quote[start] != -1 or not any(
        toks[k].lemma == "werden" and is_finite(toks[k]) for k in range(start, end)
    ):
        return
    for k in range(start, end - 1):
        if toks[k].lower not in {"von", "vom"} or toks[k + 1].tag == "CARD":
            continue
        span = speaker_forward(toks, k + 1, end, appositions=True)
        if span is None:
            continue
        phrase = toks[span[0] : span[1]]
        name = _name(phrase) or _person_description(phrase)
        if name:
            out.append((span[0], name, phrase_features(phrase)))
            return


def _add_inverted_subject(art: Article, fin: int, end: int, out: list[tuple[int, str, frozenset[str]]]) -> None:
    toks = art.tokens
    start = fin + 1
    if start >= end or toks[start].lower in oblique_openers():
        return
    if toks[start].tag != "ART" and toks[start].lower in pronouns():
        return  # "sagte er": a pronoun is resolved, not an antecedent
    span = speaker_forward(toks, start, end, appositions=True)
    if span is None:
        return
    phrase = toks[span[0] : span[1]]
    name = _name(phrase) or _person_description(phrase)
    if name:
        out.append((start, name, phrase_features(phrase)))


def _person_description(words: list[Token]) -> str | None:
    """A subject named by its role, not its name, is an antecedent too: "Der
    Bundeskanzler nahm Stellung. Er bezeichnete …" → "Bundeskanzler";
    "Wissenschaftler der Universität machen … verantwortlich. Sie gehen davon
    aus …" → "Wissenschaftler". Only role nouns (speaker_nouns.txt) count: "Der
    Bericht endet …" introduces no one a later "er" speaks for."""
    end = np_core(words, 0, len(words))
    heads = [t for t in words[:end] if t.tag == "NN" and t.text[:1].isupper()]
    if not heads:
        return None
    head = heads[0].text.lower()
    if not is_speaker_noun(head) and _feminine_role(head) is None:  # "Armeesprecherin" → "armeesprecher"
        return None
    return heads[0].text
