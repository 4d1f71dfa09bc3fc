"""Stage: who each speaker mention refers to (``speaker_entity``, ``speaker_kind``).

Reads: the statements (speaker token ranges) and the sentences. Writes:
``Found.entity``, the fullest name the article gives, and ``Found.speaker_kind``
(person, organisation, group, anonymous, description; see
:mod:`saidwhat.lang.de.referents` for the word lists and the article's names):

* a phrase with a name → the whole name, made the fullest the article gives
  ("Präsident Wladimir Putin" → "Wladimir Putin"; a later "Putin" → "Wladimir
  Putin"; "die Polizei Köln", "die Rheinlogistik GmbH", "AFP und Reuters");
* a spokesperson → the body they speak for ("ein Sprecher des Ministeriums" →
  "Bundesverkehrsministerium", "ein Polizeisprecher" → "Polizei Köln", "eine
  Sprecherin" → the body last named); "nach Angaben der Polizei" likewise;
* a description of a person ("der 63-Jährige", "die Grünen-Politikerin", "der
  Franzose") → the person of that gender named or described last before it;
  of a body ("das Unternehmen", "die Behörde", "das Haus" for a ministry) → the
  body of that class named last; "der NATO-Chef" → the person last named with
  that role; else the description itself ("Beobachter", "eine Augenzeugin");
* a pronoun ("er", "Sie", "es") or possessive source ("seiner Meinung nach")
  → the entity of the most recent fitting mention before it: earlier
  speakers and sentence subjects, agreeing in gender and number;
* an inherited speaker → the entity of the statement it came from.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

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
    pronouns,
    source_noun_medium,
)
from .morph import is_finite
from .referents import (
    ANONYMOUS,
    DESCRIPTION,
    GROUP,
    ORGANISATION,
    PERSON,
    ArticleNames,
    body_class,
    fits_class,
    has_legal_form,
    is_age,
    is_anonymous_source,
    is_bare_body_noun,
    is_place_name,
    is_qualified_body,
    is_reference_adjective,
    name_kind,
    person_noun,
    spokesperson_body,
)

_POSSESSIVES = load_word_set("de", "possessives")
_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})


def resolve_entities(art: Article, found: list[Found]) -> None:
    toks = art.tokens
    # what earlier pronouns revealed about an entity ("er" → Stoltenberg: masculine)
    known: dict[str, frozenset[str]] = {}
    ctx = _Context(art, _Antecedents(known), _Antecedents(known), _RoleIndex(toks), ArticleNames(toks))
    for pos, subject, feats in _subject_mentions(art, ctx):  # (token index, entity, features)
        ctx.mentions.add(pos, subject, feats)
    # Speakers are resolved left to right, so every speaker before the one at
    # hand is resolved already: ``speakers`` collects them in order and a
    # binary search finds the latest (a scan of all statements per pronoun
    # was quadratic on long texts).
    speakers = ctx.speakers
    features: dict[int, frozenset[str]] = {}  # id(Found) → gender/number of its speaker's referent
    order = {id(f): k for k, f in enumerate(found)}
    ordered = sorted(found, key=lambda f: (f.speaker[0] if f.speaker else 10**9, f.begin))
    for f in ordered:
        if f.speaker is None:
            f.speaker_kind = ANONYMOUS
            continue
        if f.inherited_from is not None and f.inherited_from.entity:
            f.entity = f.inherited_from.entity
            f.speaker_kind = ctx.kinds.get(f.entity, f.inherited_from.speaker_kind)
            feats = features.get(id(f.inherited_from), _ANY)
            features[id(f)] = feats
            speakers.add(f.speaker[0], f.entity, feats)
            ctx.roles.add(f.speaker, order[id(f)], f.entity)
            continue
        a, b = f.speaker
        words = toks[a:b]
        ent = None
        feats = phrase_features(words)
        relative = _relative_antecedent(toks, a) if len(words) == 1 else None
        if relative is not None:
            ent, feats = relative
            ent = ctx.named(ent, toks[a - 2 : a - 1], a)
        elif _is_pronoun_like(words):
            window = art.sentences[max(0, toks[a].sent - _WINDOW_SENTENCES)].start
            wanted = _wanted(words[0])
            hit = _antecedent(a, speakers, ctx.mentions, wanted, window)
            if hit is not None:
                ent, feats = hit
                if wanted is not None and feats & wanted:
                    feats = feats & wanted
                    known[ent] = known.get(ent, _ANY) & feats
        else:
            ent = _resolve_phrase(words, a, feats, ctx)
        f.entity = ent or " ".join(t.text for t in words)
        f.speaker_kind = ctx.kinds.setdefault(f.entity, _unnamed_kind(words))
        features[id(f)] = feats
        if f.entity:
            speakers.add(a, f.entity, feats)
        ctx.roles.add(f.speaker, order[id(f)], f.entity)
    for f in found:  # inherited speakers whose parent resolved later
        if f.entity is None and f.inherited_from is not None:
            f.entity = f.inherited_from.entity
            f.speaker_kind = f.inherited_from.speaker_kind


class _Context:
    """What resolving an article's speakers needs: antecedents, roles, the
    article's names, and the kind of each entity found so far."""

    def __init__(
        self, art: Article, speakers: _Antecedents, mentions: _Antecedents, roles: _RoleIndex, names: ArticleNames
    ) -> None:
        self.art = art
        self.speakers = speakers
        self.mentions = mentions
        self.roles = roles
        self.names = names
        self.kinds: dict[str, str] = {}  # entity → person, organisation, group, anonymous, description

    def named(self, name: str, words: list[Token], a: int) -> str:
        """The fullest form of a name in the phrase ``words`` at token ``a``, its kind noted."""
        full = self.names.fullest(name, a)
        heads = [t.text for t in words if t.tag == "NN" and t.text[:1].isupper()]
        self.kinds.setdefault(full, name_kind(full, heads, self.names))
        return full

    def body(self, noun: str | None, wanted_class: str, a: int) -> str | None:
        """The body a description or spokesperson refers to: its fullest name
        ("Polizei" → "Polizei Köln", "Ministerium" → "Bundesverkehrsministerium"),
        else the latest body of that class named before ``a``."""
        if noun is not None:
            full = self.names.fullest(noun, a)
            if full != noun:
                self.kinds.setdefault(full, ORGANISATION)
                return full
        if wanted_class == "-":  # a body that names itself ("die Fluglotsengewerkschaft"): no antecedent
            self.kinds.setdefault(noun or "", ORGANISATION)
            return noun
        hit = self.latest_of_kind(a, ORGANISATION, wanted_class) or self.names.latest_body_name(a, wanted_class)
        if hit is None and wanted_class not in {"*", "company", "club"}:
            full = self.names.fullest(wanted_class.capitalize(), a)  # "Anklagebehörde" → "Staatsanwaltschaft Hamburg"
            hit = full if full.lower() != wanted_class else None
        if hit is not None:
            self.kinds.setdefault(hit, ORGANISATION)
            return hit
        if noun is not None:
            self.kinds.setdefault(noun, ORGANISATION)
        return noun

    def latest_of_kind(
        self, a: int, kind: str | tuple[str, ...], wanted: str | frozenset[str] | None = None
    ) -> str | None:
        """The latest speaker or named subject before ``a`` within the window
        whose kind is ``kind``: for a body, of class ``wanted`` ("ministerium"
        must be in its name; "*": any); for a person, agreeing in gender."""
        window = self.art.sentences[max(0, self.art.tokens[a].sent - _WINDOW_SENTENCES)].start
        kinds = (kind,) if isinstance(kind, str) else kind
        best: tuple[int, str] | None = None
        for ante in (self.speakers, self.mentions):
            for pos, entity, feats in ante.latest_first(a, window):
                if self.kinds.get(entity) not in kinds or not _fits(entity, feats, wanted):
                    continue
                if best is None or pos > best[0]:
                    best = (pos, entity)
                break
        return best[1] if best else None


def _fits(entity: str, feats: frozenset[str], wanted: str | frozenset[str] | None) -> bool:
    """A person agrees in gender (``wanted`` features); a body fits the class."""
    if isinstance(wanted, frozenset):
        return bool(feats & wanted)
    return fits_class(entity, wanted)


def _resolve_phrase(words: list[Token], a: int, feats: frozenset[str], ctx: _Context) -> str | None:
    """The entity of a speaker phrase that is no pronoun: a name, the body a
    spokesperson speaks for, a person or body described, or the description."""
    name = _name(words)
    if name is not None:
        return ctx.named(name, words, a)
    spokes = _spokesperson(words, a, ctx)
    if spokes is not None:
        return spokes
    role = _role_link(words, a, ctx.roles)
    if role is not None:
        return role
    described = _described_person(words, a, feats, ctx) or _described_body(words, a, ctx)
    if described is not None:
        return described
    ent = _description(words, a, ctx.speakers, ctx.mentions)
    if ent is not None and len(ent.split()) == 1 and body_class(ent) is not None:
        return ctx.body(ent, body_class(ent) or "*", a)  # "Angaben der Polizei" → "Polizei Köln"
    return ent


def _head(words: list[Token]) -> tuple[int, Token] | None:
    """The first noun of the phrase's core, with its index ("Die 41-Jährige":
    an age the tagger reads as an adjective counts)."""
    end = max(np_core(words, 0, len(words)), min(len(words), 2))
    return next(
        ((k, t) for k, t in enumerate(words[:end]) if is_age(t.text) or t.tag in {"NN", "NE"} and t.text[:1].isupper()),
        None,
    )


def _definite(words: list[Token]) -> bool:
    return bool(words) and words[0].lower in _ARTICLES


def _spokesperson(words: list[Token], a: int, ctx: _Context) -> str | None:
    """ "ein Sprecher des Ministeriums" → the ministry; "ein Polizeisprecher" →
    the police; "eine Sprecherin" → the body last named. A named spokesperson
    ("Ihre Sprecherin Clara Neumann") has a name and never comes here."""
    head = _head(words)
    if head is None:
        return None
    k, t = head
    low = t.lower
    if not (low.endswith(("sprecher", "sprecherin")) and not low.endswith(("fürsprecher", "fürsprecherin"))):
        return None
    owner = _genitive_owner(words, k + 1)
    if owner is not None:
        return ctx.body(owner, body_class(owner) or "*", a)
    body = spokesperson_body(t.text)
    if body is not None:
        return ctx.body(body, body_class(body) or "*", a)
    return ctx.body(None, "*", a)


def _genitive_owner(words: list[Token], k: int) -> str | None:
    """The noun of a genitive attribute at ``k``: "des Ministeriums" → "Ministerium"."""
    if k + 1 >= len(words) or words[k].lower not in {"des", "der"}:
        return None
    nouns = [t for t in words[k + 1 :] if t.tag in {"NN", "NE"} and t.text[:1].isupper()]
    if not nouns:
        return None
    owner = nouns[0].text
    if body_class(owner) is not None and owner.endswith("s") and body_class(owner[:-1]) is not None:
        owner = owner[:-1]  # "Ministeriums"
    if owner.endswith("es") and body_class(owner[:-2]) is not None:
        owner = owner[:-2]
    return owner


def _described_person(words: list[Token], a: int, feats: frozenset[str], ctx: _Context) -> str | None:
    """ "der 63-Jährige", "die Grünen-Politikerin", "der Franzose" → the person
    named (or described) last before it who agrees in gender."""
    if not _definite(words) or "p" in feats and len(feats) == 1:
        return None
    head = _head(words)
    if head is None:
        return None
    _k, t = head
    gender = "" if is_age(t.text) else person_noun(t.text)
    if gender is None:
        return None
    # a speaker is in the nominative: "der 61-Jährige" is a man, "die 19-Jährige" a woman
    wanted = {"der": frozenset({"m"}), "die": frozenset({"f"})}.get(words[0].lower, feats & frozenset({"m", "f"}))
    if gender == "f":
        wanted = frozenset({"f"})
    return ctx.latest_of_kind(a, (PERSON, DESCRIPTION), wanted or frozenset({"m", "f"}))


def _described_body(words: list[Token], a: int, ctx: _Context) -> str | None:
    """ "das Unternehmen", "die Behörde", "das Haus" (a ministry) → the body
    named last before it of that class; a bare body with a fuller name in the
    article ("die Polizei" → "Polizei Köln", "das Ministerium") → that name."""
    if not _definite(words):
        return None
    head = _head(words)
    if head is None:
        return None
    _k, t = head
    cls = body_class(t.text)
    if cls is None:
        return None
    if not is_bare_body_noun(t.text):
        # a compound names the body ("die Fluglotsengewerkschaft", "Das Bau- und Transportministerium")
        return ctx.body(_core_text(words) or t.text, "-", a)
    return ctx.body(t.text, cls, a)


def _core_text(words: list[Token]) -> str:
    """The phrase's core without its determiner and pointing adjectives: "Das Bau- und Transportministerium"."""
    end = np_core(words, 0, len(words))
    kept = [t.text for t in words[1:end] if not is_reference_adjective(t.text)] if _definite(words) else []
    return " ".join(kept)


def _unnamed_kind(words: list[Token]) -> str:
    """The kind of a speaker no name or antecedent resolved: a group ("AFP und
    Reuters", "Demonstranten"), a generic source ("Beobachter": anonymous), a
    body ("die Regierung") or one person described ("eine Augenzeugin")."""
    head = _head(words)
    if any(t.lower == "und" for t in words) and sum(t.tag in NAME_TAGS for t in words) >= 2:
        return GROUP
    if head is None:
        return DESCRIPTION
    _k, t = head
    if is_anonymous_source(t.text):
        return ANONYMOUS
    if body_class(t.text) is not None:
        return ORGANISATION
    if _plural(words, t):
        return GROUP
    return DESCRIPTION


def _plural(words: list[Token], head: Token) -> bool:
    """A plural head: its lemma differs ("Demonstranten" → "Demonstrant") and no determiner says singular."""
    feats = _phrase_features(words)
    return feats == frozenset({"p"}) or ("p" in feats and head.lemma != head.text and not head.text.endswith("in"))


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
    if hint is not None and (feats & hint or words[0].lower not in _ARTICLES):
        # a possessive agrees with the role noun, the given name with the person: "Ihr Präsident Martin …"
        return feats & hint or hint
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
    if is_place_name(name):
        return frozenset({"n"})
    if len(name) >= 2 and name.isupper():
        return frozenset({"f", "n", "p"})
    return frozenset({"m", "f"})


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
    """The first name in the phrase, whole (an apposition counts): "Präsident
    Wladimir Putin" → "Wladimir Putin", "Die Stadt Köln" → "Stadt Köln" (a
    body named with its place), "Die Deutsche Bahn" → "Deutsche Bahn".

    A name in a genitive or "von" attribute of the head ("der Ministerpräsident
    Thailands", "Der Präsident der Region Tibet, Qiangba Puncog") names no
    speaker: the apposition's name wins; without one the phrase is a description."""
    core_end = np_core(words, 0, len(words))
    ranges = [(0, core_end)]
    if core_end < len(words) and words[core_end].text in {",", "("}:
        ranges.append((core_end, len(words)))  # an apposition: "Ein Sprecher, Lars Beringer"
    for lo, hi in ranges:
        for k in range(lo, hi):
            if _opens_name(words, k, hi):
                last = _name_end(words, k, hi)
                if lo == 0 and _in_genitive_attribute(words, k):
                    break
                first = k
                if k > lo and is_qualified_body(words[k - 1].text):
                    first, last = k - 1, k  # "die Polizei Köln Ermittlungen …": the body and its place
                # joint sources: "die Nachrichtenagenturen AFP und Reuters"
                if last + 2 < hi and words[last + 1].lower == "und" and _opens_name(words, last + 2, hi):
                    last = _name_end(words, last + 2, hi)
                elif last > k and _is_abbreviation(words[last].text):
                    last -= 1  # "Europäische Arzneimittelagentur EMA": the acronym repeats the name
                return " ".join(w.text for w in words[first : last + 1]).rstrip(",")
    return None


def _is_abbreviation(word: str) -> bool:
    return len(word) >= 2 and word.isupper() and word.isalpha()


def _name_end(words: list[Token], k: int, hi: int) -> int:
    """The last word of the name opening at ``k``: it runs on over capitalised
    words ("Lars Beringer"), a surname after a given name whatever its tag
    ("Alexandra Weiß"), and the noun after a name's adjective ("Europäische
    Arzneimittelagentur")."""
    last = k
    while last + 1 < hi and words[last + 1].text[:1].isupper():
        nxt = words[last + 1]
        after_adjective = last == k and words[k].tag in {"ADJ(A)", "NNA"} and nxt.tag in {"NN", "NE"}
        surname = words[last].text in first_name_genders() and nxt.tag not in {"ART", "PPER", "PDS", "PIS", "KON"}
        plain = nxt.tag in NAME_TAGS | {"NN", "NNA", "ADJ(D)", "ADJ(A)"} and not is_speaker_noun(nxt.text)
        # a given name after a word that is none opens the next name: "die New York Times Joel Harding"
        next_person = (
            nxt.text in first_name_genders()
            and words[last].text not in first_name_genders()
            and last + 2 < hi
            and words[last + 2].text[:1].isupper()  # "Ayaan Hirsi Ali" ends in a given name and goes on no further
        )
        if not (after_adjective or surname or plain) or next_person:
            break
        last += 1
    return last


def _opens_name(words: list[Token], k: int, hi: int) -> bool:
    """A name opens at ``k``: a proper noun, or a capitalised adjective after
    an article and before a noun ("Die Deutsche Bahn": adjectives are lower case
    unless part of a name)."""
    t = words[k]
    if not t.text[:1].isupper() or source_noun_medium(t.text):
        return False
    if person_noun(t.text) is not None or spokesperson_body(t.text) is not None or is_age(t.text):
        return False  # "Heliomed-Chef Anton Vester": the role opens no name
    if t.tag in NAME_TAGS:
        return True
    if k + 1 < hi and has_legal_form(words[k + 1].text):
        return True  # "die Rheinlogistik GmbH"
    return (
        t.tag in {"ADJ(A)", "NNA"}
        and not t.lower.endswith(("nde", "nden"))  # a participle: "der Oberkommandierende General"
        and k > 0
        and words[k - 1].lower in _DETERMINER_FEATURES
        and k + 1 < hi
        and words[k + 1].tag in {"NN", "NE"}
        and not is_reference_adjective(t.text)
    )


def _in_genitive_attribute(words: list[Token], k: int) -> bool:
    """Is the name at ``k`` inside a genitive or "von" attribute of an earlier head noun?"""
    if k > 0 and words[k - 1].tag == "NN" and words[k].text.endswith("s") and is_place_name(words[k].text[:-1]):
        return True  # "Ministerpräsident Thailands"
    if 0 < k < len(words) - 2 and words[k - 1].tag == "NN" and words[k].text.endswith("s") and words[k + 1].text == ",":
        return True  # "Der Kampfgefährte Thaksins, Newin Chidchob": the apposition names the speaker
    if any(t.text == "," for t in words[:k]):
        return False  # an apposition after the attribute: "Der Eigentümer der Halle, die Rheinlogistik GmbH"
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

    def latest_first(self, a: int, window: int) -> Iterator[tuple[int, str, frozenset[str]]]:
        """The entries before ``a`` and not before ``window``, latest first."""
        j = bisect_left(self.positions, a) - 1
        while j >= 0 and self.positions[j] >= window:
            yield self.positions[j], self.entities[j], self.feats(j)
            j -= 1

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


def _subject_mentions(art: Article, ctx: _Context) -> list[tuple[int, str, frozenset[str]]]:
    """Named subjects that open a sentence ("Russland hat …"): antecedents."""
    toks = art.tokens
    out: list[tuple[int, str, frozenset[str]]] = []
    for s in art.sentences:
        _add_passive_agent(art, s.start, s.end, out, ctx)
        fin = next((k for k in range(s.start, min(s.end, s.start + _PREFIELD_TOKENS)) if is_finite(toks[k])), None)
        if fin is None or fin == s.start or art.in_quote[s.start] != -1:
            continue
        if toks[s.start].tag.startswith("APPR") or toks[s.start].lower in oblique_openers():
            # "In Konstanz sagte …", "Den Vorwurf wies …": the prefield is no
            # subject, but a named phrase right after the verb is ("Unterdessen
            # verteidigte der Vorsitzende, Sebastian Edathy, den Entwurf")
            _add_inverted_subject(art, fin, s.end, out, ctx)
            continue
        name = _mention_entity(toks[s.start : fin], s.start, ctx)
        if name:
            out.append((s.start, name, phrase_features(toks[s.start : fin])))
        elif fin - s.start <= 2 and toks[s.start].tag in {"ADV", "PROAV"}:
            _add_inverted_subject(art, fin, s.end, out, ctx)  # "Unterdessen verteidigte …", "Am Montag …" is APPR above
    out.sort(key=lambda m: m[0])  # a passive agent may come after the subject added for its sentence
    return out


def _add_passive_agent(
    art: Article, start: int, end: int, out: list[tuple[int, str, frozenset[str]]], ctx: _Context
) -> None:
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
        name = _mention_entity(phrase, span[0], ctx)
        if name:
            out.append((span[0], name, phrase_features(phrase)))
            return


def _add_inverted_subject(
    art: Article, fin: int, end: int, out: list[tuple[int, str, frozenset[str]]], ctx: _Context
) -> None:
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
    name = _mention_entity(phrase, span[0], ctx)
    if name:
        out.append((start, name, phrase_features(phrase)))


def _mention_entity(words: list[Token], a: int, ctx: _Context) -> str | None:
    """The entity a subject phrase introduces, its kind noted: a name ("Die
    Staatsanwaltschaft Bremen"), a body by its noun ("Der Rechnungshof" →
    "Bundesrechnungshof" when the article gives it), or a person by role
    ("Ein Wachmann": a description a later "der 61-Jährige" refers to)."""
    name = _name(words)
    if name is not None:
        return ctx.named(name, words, a)
    head = _head(words)
    if head is not None and _definite(words) and body_class(head[1].text) is not None:
        cls = body_class(head[1].text) if is_bare_body_noun(head[1].text) else "-"
        return ctx.body(head[1].text, cls or "*", a)
    role = _person_description(words)
    if role is not None:
        ctx.kinds.setdefault(role, _unnamed_kind(words))
    return role


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
    if not is_speaker_noun(head) and _feminine_role(head) is None and person_noun(head) is None:
        # "Armeesprecherin" → "armeesprecher"; "Wachmann" is a person noun
        return None
    return heads[0].text
