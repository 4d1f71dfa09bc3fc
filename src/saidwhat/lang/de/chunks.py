"""Noun-phrase chunks for speakers and addressees, on STTS tags alone.

There is no German parser offline, so a speaker phrase is read as a run of
noun-phrase tags (articles, adjectives, nouns, names, numbers) plus what the
corpus includes in speaker spans: genitive and "von" attributes ("ein
Sprecher der Polizei", "Schuster vom Zentralrat"), a party in brackets
("(CDU)"), and appositions between commas ("Ein Sprecher der Polizei, Lars
Beringer,"). Every function takes token indices and returns a half-open
token range ``(start, end)`` or None; none looks further than the sentence.
"""

from __future__ import annotations

import re

from ...lexicon import load_word_set
from ...nlp import Token
from .lexicons import first_name_genders, source_noun_medium, word_class
from .morph import NP_TAGS, PRONOUN_TAGS, is_finite, is_verb

# lower-case words that may continue a name-like phrase
_NP_LINKS = load_word_set("de", "np_links")
_ATTR_PREPS = frozenset({"von", "vom"})  # attributes kept in a speaker phrase ("aus" only before a name)
_SUBJECT_PRONOUNS = load_word_set("de", "subject_pronouns")
# demonstratives the tagger reads as determiners even when they stand alone ("Dieser behauptete, …")
_STANDALONE_DEMONSTRATIVES = load_word_set("de", "standalone_demonstratives")
_OPEN_MARKS = frozenset('„»«"“‚')
_CLOSE_MARKS = frozenset('“”«»"‘')
_GENITIVE_DETERMINERS = word_class("genitive_determiners", "chunks")
_DETERMINER_TAGS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PIDAT", "CARD"})
_STOP_NOUNS = load_word_set("de", "stop_nouns")


_WEB_NAME = re.compile(r"[\w-]+(\.[\w-]+)*\.(de|com|net|org|at|ch|info|eu|uk|fr)", re.IGNORECASE)


def _possessive_use(toks: list[Token], i: int, end: int) -> bool:
    """ "Ihr Vorsitzender", "ihr Sprecher": a possessive before its noun, not the
    pronoun; so are "sein" (tagged as the verb: "wie sein Anwalt mitteilte")
    and "dessen"/"deren" ("teilte dessen Stellvertreter mit")."""
    if (
        toks[i].lower in {"das", "der", "die"}
        and toks[i].tag == "PDS"
        and i + 1 < end
        and toks[i + 1].text in _OPEN_MARKS
    ):
        return True  # an article read as a pronoun before a quoted name: "Das „National Hurricane Centre“"
    return (
        toks[i].lower in {"ihr", "sein", "dessen", "deren"}
        and i + 1 < end
        and toks[i + 1].tag in {"NN", "NNA", "ADJ(A)", "NE"}
    )


def _subject_pronoun(toks: list[Token], i: int, end: int) -> bool:
    """A pronoun that can be a subject on its own: "er", "niemand", and a
    demonstrative with no noun after it, whatever its tag ("Dieser bestätigte, …")."""
    t = toks[i]
    if t.lower not in _SUBJECT_PRONOUNS or _possessive_use(toks, i, end):
        return False
    if t.tag in PRONOUN_TAGS:
        return True
    return t.lower in _STANDALONE_DEMONSTRATIVES and (
        i + 1 >= end or toks[i + 1].tag not in {"NN", "NE", "NNA", "ADJ(A)", "CARD", "TRUNC"}
    )


def _np_token(t: Token) -> bool:
    if _WEB_NAME.fullmatch(t.text):
        return True  # a website as a source: "t-online.de", "faz.net"
    if t.tag in NP_TAGS:
        return t.text not in _STOP_NOUNS
    # unknown capitalised words (names HanTa does not know) and abbreviations
    return (
        t.text[:1].isupper()
        and not is_verb(t)
        and t.tag
        not in {
            "APPR",
            "APPRART",
            "KOUS",
            "KON",
            "ADV",
            "PPER",
            "PROAV",
            "PWS",
            "PWAV",
            "PDS",
            "PIS",
            "PRELS",
            "ADJ(D)",
            "PTKNEG",
            "KOKOM",
            "PTKVZ",
            "PRF",
        }
    )


# nouns after "im"/"in der" that make an adverbial, not a place: "im Jahr", "im Zuge"
_NOT_PLACES = load_word_set("de", "not_places")


def _body_place(toks: list[Token], j: int, end: int) -> bool:
    """A definite "im"/"in der"/"aus der" phrase after a common noun that is no
    source ("die Fraktion im Bundestag", "Mitarbeiter aus der Stadt X"); the
    corpus leaves out "in einem Interview" and trailing phrases of "Angaben"."""
    w = toks[j].lower
    if w not in {"aus", "in", "im"} or j + 1 >= end or toks[j - 1].tag != "NN" or source_noun_medium(toks[j - 1].text):
        return False
    k = j + 1
    if w != "im":
        if toks[k].lower not in {"der", "dem"}:
            return False
        k += 1
    while k < end and toks[k].tag == "ADJ(A)":
        k += 1
    return k < end and toks[k].tag in {"NN", "NE"} and toks[k].text not in _NOT_PLACES


def _place_attribute(toks: list[Token], j: int, end: int) -> bool:
    """ "aus"/"in" + a name after a noun phrase: "ein Sprecher des LBM in Koblenz",
    "die Regierung in Lomé", "Kaya aus Ankara". Not after a person's name, where
    it says where they spoke ("sagte Seibert in Berlin")."""
    if _body_place(toks, j, end):
        return True
    if toks[j].lower not in {"aus", "in"} or j + 1 >= end or toks[j + 1].tag != "NE":
        return False
    return toks[j].lower == "aus" or not (toks[j - 1].tag == "NE" and not toks[j - 1].text.isupper())


def _quoted_name(toks: list[Token], a: int, b: int) -> bool:
    """Words in quotation marks that can be a name ("Yemen Observer", "heise
    online", "tagesschau.de"), not quoted words of a statement, which open with
    a lower-case adjective, adverb or preposition ("Gall „auch in Zukunft
    bestehen“", "die Richter „gravierende rechtliche Bedenken“")."""
    first = toks[a]
    if _WEB_NAME.fullmatch(first.text):
        return True
    return not (
        first.text[:1].islower()
        and first.tag in {"ADJ(A)", "ADJ(D)", "ADV", "APPR", "APPRART", "ART", "PIAT", "PTKNEG"}
    )


def _fuer_attribute(toks: list[Token], j: int, end: int) -> bool:
    """ "für" + a noun without article after a noun names a body's remit:
    "der Chef der Bundesagentur für Arbeit", "Angaben des Ombudsmans für
    Menschenrechte", "die Gesellschaft für bedrohte Völker"."""
    if toks[j].lower != "für" or toks[j - 1].tag not in {"NN", "NE"} or j + 1 >= end:
        return False
    nxt = toks[j + 1]
    return nxt.tag in {"NN", "NE"} or (nxt.tag == "ADJ(A)" and j + 2 < end and toks[j + 2].tag == "NN")


# tags of names: proper nouns, foreign words and the tagger's "non-word" (XY)
NAME_TAGS = frozenset({"NE", "FM", "XY"})

_ATTRIBUTE_INNER = frozenset({"ADV", "APPR", "APPRART", "ART", "NN", "NE", "CARD", "ADJ(D)", "PPOSAT"})


def _extended_attribute_end(toks: list[Token], j: int, end: int) -> int | None:
    """A participle phrase between determiner and noun: "der [noch im Amt
    befindliche] Ministerpräsident", "die [seit 2001 amtierende] Präsidentin",
    "der [330 Seiten] starke Bericht".
    Returns the participle's index when a short run of adverbs and phrases ends
    in a lower-case attributive adjective before the noun."""
    k = j
    while k < end and k - j < 6 and toks[k].tag in _ATTRIBUTE_INNER:
        k += 1
    if k >= end - 1 or k == j or toks[k].tag != "ADJ(A)" or not toks[k].text[:1].islower():
        return None
    return k if toks[k + 1].tag in {"NN", "NE", "ADJ(A)", "NNA"} else None


def np_core(toks: list[Token], i: int, end: int) -> int:
    """End of the basic noun phrase starting at ``i`` (``i`` when there is none).

    The walk goes right over the phrase's words (determiners, adjectives,
    nouns, names: :func:`_np_token`) until the next phrase starts
    (:func:`_next_phrase_starts`); other words go on with the phrase only in
    their place (:func:`_phrase_goes_on`): before the head an attribute,
    after it a bracket, a coordinated or quoted name, an attribute phrase.
    """
    j = i
    seen_head = False
    while j < end:
        t = toks[j]
        if j == i and (
            _possessive_use(toks, j, end) or t.text in _NAME_PARTICLE_OPENERS and _name_particle_opening(toks, j, end)
        ):
            j += 1  # "Ihr Vorsitzender …", "Zu Guttenberg hatte …"
            continue
        if j > i and t.text[:1].isupper() and _surname_after_given_name(toks, j):
            seen_head = True
            j += 1
            continue
        if (
            not seen_head
            and j > i
            and toks[j - 1].tag in _DETERMINER_TAGS
            and t.tag in {"ADV", "APPR", "APPRART", "CARD"}
        ):
            k = _extended_attribute_end(toks, j, end)
            if k is not None:
                j = k  # "Der noch im Amt befindliche Ministerpräsident"
                continue
        if _np_token(t):
            if seen_head and _next_phrase_starts(toks, j, end):
                break
            seen_head = seen_head or t.tag in _HEAD_TAGS or _head_word(t)
            j += 1
            continue
        goes_on = _phrase_goes_on(toks, i, j, end, seen_head)
        if goes_on is None:
            break
        j, seen_head = goes_on
    return _trimmed_phrase_end(toks, i, j, end, seen_head)


_NAME_PARTICLE_OPENERS = frozenset({"Zu", "Von"})
_HEAD_TAGS = frozenset({"NN", "NE", "FM", "XY", "NNA"})


def _name_particle_opening(toks: list[Token], j: int, end: int) -> bool:
    """A name particle opening the sentence: "Zu Guttenberg hatte …", "Von der Leyen sagte"."""
    return (
        toks[j].text in {"Zu", "Von"}
        and j + 1 < end
        and (toks[j + 1].tag == "NE" or toks[j + 1].lower == "der" and j + 2 < end and toks[j + 2].tag == "NE")
    )


def _surname_after_given_name(toks: list[Token], j: int) -> bool:
    """A surname the tagger read as a verb or adjective ("Peter Lahm", "Elke
    Hoff"): after a given name it is part of the name."""
    t = toks[j]
    return (
        t.text[:1].isupper()
        and t.text[1:2].islower()
        and toks[j - 1].text in first_name_genders()
        and t.tag not in {"ART", "PPER", "PDS", "PIS", "KON", "APPR", "APPRART"}
    )


def _next_phrase_starts(toks: list[Token], j: int, end: int) -> bool:
    """After the head, a phrase word that opens the next phrase."""
    t = toks[j]
    after_genitive = toks[j - 1].lower in _GENITIVE_DETERMINERS and toks[j - 1].tag == "ART"
    if t.tag in {"ART", "PPOSAT", "PDAT", "PIAT"} and t.lower not in _GENITIVE_DETERMINERS and not after_genitive:
        return True  # a second noun phrase starts: "warfen die Taliban den Menschen vor"
    if t.tag == "CARD":
        return True  # "meldete die Polizei 40 Verletzte": a number opens the object
    if t.tag == "ADJ(A)" and t.text[:1].islower() and toks[j - 1].tag in {"NN", "NE", "FM", "NNA"}:
        if not (
            source_noun_medium(toks[j - 1].text) and t.lower.endswith("er") and j + 1 < end and toks[j + 1].tag == "NN"
        ):
            return True  # "sagte Hauptmann Sipe gute Fortschritte": an object follows
        # but a source noun takes a genitive plural: "Angaben libanesischer Sicherheitskreise"
        # (strong genitive plural in -er; "Angaben weitere Projekte" is an object)
    # an adjective with no noun after it is a verb form: "„L′Equipe“ veröffentlichte"
    return (
        t.tag == "ADJ(A)"
        and t.text[:1].islower()
        and (j + 1 >= end or toks[j + 1].tag not in {"NN", "NE", "NNA", "FM", "ADJ(A)"})
    )


def _head_word(t: Token) -> bool:
    """A word that can be the phrase's head: a noun or name; a capital letter
    marks one too, except on a determiner opening the sentence ("Einer der 13
    Feuerwehrmänner" has its head further on)."""
    capital_head = t.text[:1].isupper() and t.tag not in _DETERMINER_TAGS
    return t.tag in _HEAD_TAGS or capital_head or bool(_WEB_NAME.fullmatch(t.text))


def _phrase_goes_on(toks: list[Token], i: int, j: int, end: int, seen_head: bool) -> tuple[int, bool] | None:
    """Where the phrase goes on after a word that is no phrase word
    (``(next j, seen_head)``), or None: the phrase ends before it."""
    t = toks[j]
    if t.text in {"-", "–"} and seen_head and j + 1 < end and toks[j + 1].text[:1].isupper():
        return j + 1, seen_head
    if t.text == "." and j > i and toks[j - 1].text[:1].isupper() and len(toks[j - 1].text) <= 2:
        return j + 1, seen_head  # initials: "Matthias W. Beckmann"
    if seen_head:
        if t.text == "(":
            return _after_bracket(toks, j, end)
        if t.lower in {"und", "sowie"} and j + 1 < end and toks[j + 1].tag in {"ART", "NE", "NN", "ADJ(A)", "PPOSAT"}:
            return _after_coordinated_phrase(toks, j, end)
    if t.text in _OPEN_MARKS:
        return _after_quoted_name(toks, j, end)
    if seen_head:
        if (t.lower in _ATTR_PREPS or _place_attribute(toks, j, end) or _fuer_attribute(toks, j, end)) and j + 1 < end:
            k = np_core(toks, j + 1, end)
            if k > j + 1:
                return k, seen_head
        return None
    return _attribute_before_head(toks, i, j, end)


def _after_bracket(toks: list[Token], j: int, end: int) -> tuple[int, bool] | None:
    """A short bracket after the head belongs to the phrase: "Klaus Wowereit (SPD)"."""
    k = j + 1
    while k < end and k - j < 8 and toks[k].text != ")":
        k += 1
    return (k + 1, True) if k < end and toks[k].text == ")" else None


def _after_coordinated_phrase(toks: list[Token], j: int, end: int) -> tuple[int, bool] | None:
    """Coordinated speakers ("Kiews und des Westens"): only before another noun phrase."""
    k = np_core(toks, j + 1, end)
    if k > j + 1 and (k >= end or not is_verb(toks[k]) or is_finite(toks[k])):
        return k, True
    return None


def _after_quoted_name(toks: list[Token], j: int, end: int) -> tuple[int, bool] | None:
    """A quoted name inside the phrase: Die Zeitung „Yemen Observer“."""
    k = j + 1
    while k < end and k - j <= 6 and toks[k].text not in _CLOSE_MARKS:
        k += 1
    if k < end and k - j <= 6 and toks[k].text in _CLOSE_MARKS and k > j + 1 and _quoted_name(toks, j + 1, k):
        return k + 1, True
    return None


def _attribute_before_head(toks: list[Token], i: int, j: int, end: int) -> tuple[int, bool] | None:
    """Before the head: an extended attribute ("einer am Dienstag
    veröffentlichten Mitteilung"), a degree adverb ("rund 200"), a negated or
    modified attribute ("Ein nicht genannter Vertreter", "das finanziell
    angeschlagene Land")."""
    t = toks[j]
    if j > i and toks[j - 1].tag in {"ART", "PIAT", "PPOSAT", "PDAT"} and t.tag.startswith("APPR"):
        adj = next(
            (
                m
                for m in range(j + 1, min(end - 1, j + 7))
                if toks[m].tag == "ADJ(A)" and toks[m + 1].tag in {"NN", "NE"}
            ),
            None,
        )
        if adj is not None and not any(is_verb(x) or x.tag.startswith("$") for x in toks[j + 1 : adj]):
            return adj, False
    if t.tag == "ADV" and j + 1 < end and toks[j + 1].tag in {"ADJ(A)", "CARD"}:
        return j + 1, False  # "rund 200", "besonders schwere"
    modified_attribute = (
        j > i
        and j + 2 < end
        and toks[j + 1].tag == "ADJ(A)"
        and toks[j + 2].tag in {"NN", "NE", "ADJ(A)"}
        and (
            t.tag == "PTKNEG"
            and toks[j - 1].tag in {"ART", "PIAT", "PDAT", "PPOSAT"}
            or t.tag == "ADJ(D)"
            and toks[j - 1].tag in {"ART", "PDAT", "PPOSAT"}
        )
    )
    return (j + 1, False) if modified_attribute else None


def _trimmed_phrase_end(toks: list[Token], i: int, j: int, end: int, seen_head: bool) -> int:
    """The phrase's end: ``i`` without a head, else never on an article or adjective alone."""
    if (
        not seen_head
        and j > i + 1
        and toks[i].tag == "ART"
        and toks[j - 1].tag == "ADJ(A)"
        and (j >= end or not _np_token(toks[j]))
    ):
        return j  # an adjective used as a noun, written small: "der 81-jährige"
    while j > i and toks[j - 1].tag in {"ART", "PPOSAT", "PDAT", "PIAT", "KON"}:
        j -= 1
    return j if seen_head else i


def speaker_forward(toks: list[Token], i: int, end: int, *, appositions: bool) -> tuple[int, int] | None:
    """A speaker phrase starting at ``i``: a pronoun or a noun phrase.

    With ``appositions`` the phrase takes comma-separated noun phrases and a
    final relative clause ("Stoltenberg, 63, ein ehemaliger Ministerpräsident
    Norwegens, der seit 2014 NATO-Chef ist") when they run to ``end``.
    """
    if i >= end:
        return None
    if _subject_pronoun(toks, i, end):
        return (i, i + 1)
    j = np_core(toks, i, end)
    if j == i:
        return None
    if appositions:
        j = _appositions(toks, j, end)
    return (i, j)


def _appositions(toks: list[Token], j: int, end: int, *, relative: bool = True) -> int:
    while j < end and toks[j].text == ",":
        if j + 2 < end and toks[j + 1].tag == "CARD" and toks[j + 2].text == ",":
            j += 2  # an age: "Stoltenberg, 63, …"
            continue
        k = np_core(toks, j + 1, end)
        if k > j + 1:
            # the apposition may carry attributes up to the next comma, but no verb:
            # "Frank Biermann, Vorsitzender der DJU für das Münsterland, sagte"
            m = k
            while m < end and toks[m].text not in {",", ";", ":"} and not is_verb(toks[m]) and m - k < 8:
                m += 1
            if m >= end or toks[m].text in {",", ")"}:
                # an adverbial closing the sentence is no attribute: "…, Kommandeur des Einsatzes am Montag."
                j = _adverbial_start(toks, k, m) if m >= end else m
                if j < m:
                    return j
                continue
        # a relative clause that closes the sentence: ", der seit 2014 NATO-Chef ist"
        # (a relative pronoun, unlike an article, is not followed by its noun)
        if (
            relative
            and j + 2 < end
            and toks[j + 1].lower in {"der", "die", "das", "dessen", "deren"}
            and toks[j + 2].tag not in {"NN", "NE", "ADJ(A)", "CARD", "PIAT"}
        ):
            k = j + 2
            while k < end and toks[k].text not in {",", ";", ":"}:
                k += 1
            if k >= end and is_finite(toks[k - 1]) and not any(t.tag == "PTKZU" for t in toks[j:k]):
                return end
        break
    return j


def speaker_backward(toks: list[Token], end: int, start: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before ``end`` (e.g. a subject before
    its verb, or a source before "zufolge"), not reaching before ``start``."""
    if end <= start:
        return None
    if _subject_pronoun(toks, end - 1, end):
        return (end - 1, end)
    i = end
    while i > start:
        if toks[i - 1].text in _CLOSE_MARKS and i - 1 > start:
            # a quoted name closing the phrase: "ein Bericht der Agentur „Interfax“, wonach"
            k = i - 2
            while k > start and i - k <= 7 and toks[k].text not in _OPEN_MARKS:
                k -= 1
            if toks[k].text in _OPEN_MARKS and k < i - 2 and _quoted_name(toks, k + 1, i - 1):
                i = k
                continue
            break
        if not (
            _np_token(toks[i - 1])
            or toks[i - 1].text in {"-", "(", ")"}
            or toks[i - 1].lower in _NP_LINKS
            and i - 1 > start
            and _np_token(toks[i - 2])
        ):
            break
        i -= 1
        if toks[i].tag == "ART" and toks[i].lower in {"dem", "den", "das", "die", "ein", "eine", "einem", "einen"}:
            break  # a dative/accusative article opens the phrase: "Sarkozy dem „Figaro“ zufolge"
    while i < end and toks[i].lower in {"und", "von", "vom", "der", "des"} and toks[i].tag != "ART":
        i += 1
    if i == end:
        return None
    j = np_core(toks, i, end)
    return (i, end) if j > i else None


# prepositions and adverbs that open an adverbial, never an attribute of a speaker:
# "der Minister gegenüber Medien", "Nina Hagen zur neuen Heimat", "Bouchard am Montag"
_ADVERBIAL_OPENERS = load_word_set("de", "adverbial_openers")


def _adverbial_start(toks: list[Token], j: int, end: int) -> int:
    """Where an adverbial starts in ``toks[j:end]`` (``end`` when none does)."""
    return next((k for k in range(j, end) if toks[k].lower in _ADVERBIAL_OPENERS), end)


def _strong_preterite_plural(toks: list[Token], i: int, k: int) -> bool:
    """A relative clause ending in a participle-like "-en" form with no verb before
    it: the form is the finite preterite plural ("…, die den Brief unterschrieben,")."""
    return (
        k > i
        and toks[k - 1].tag == "VV(PP)"
        and toks[k - 1].lower.endswith("en")
        and not any(is_verb(t) for t in toks[i : k - 1])
    )


def subject_phrase(toks: list[Token], i: int, end: int) -> int | None:
    """If ``toks[i:end]`` is one noun phrase (with appositions, perhaps a
    relative clause), the end of the speaker part (relative clause left out:
    "Der NDR, der … verantwortlich ist, begründete" → "Der NDR")."""
    if i >= end:
        return None
    if _subject_pronoun(toks, i, end):
        return end if end == i + 1 else None
    j = np_core(toks, i, end)
    if j == i:
        return None
    # a verbless prefield is one constituent: the whole of it is the subject
    # ("Ken Rice vom Institut für Astronomie in Edinburgh erklärte")
    if not any(is_verb(x) for x in toks[j:end]) and not any(
        x.lower in {"der", "die", "das", "welche", "welcher"} and x.tag in {"PRELS", "PDS"} for x in toks[j:end]
    ):
        while end > j and toks[end - 1].tag in {"ADV", "PROAV"}:
            end -= 1  # "Die Armee hingegen erklärte": the adverb is no part of it
        if any(x.tag == "ADV" and x.text[:1].isupper() for x in toks[j:end]):
            return None  # a heading run into the sentence: "Engagement Deutschlands Bereits im Mai hatte X …"
        return _adverbial_start(toks, j, end)
    j = _appositions(toks, j, end, relative=False)
    if j >= end:
        return j
    # ", der … ist," (a relative clause closing the prefield)
    if (
        toks[j].text == ","
        and j + 1 < end
        and toks[j + 1].lower in {"der", "die", "das", "dessen", "deren", "welcher", "welche"}
    ):
        k = j + 2
        while k < end and toks[k].text != ",":
            k += 1
        if k >= end - 1 and (is_finite(toks[k - 1]) or _strong_preterite_plural(toks, j + 2, k)):
            return j
    while j < end and toks[j].text == ",":
        j += 1
    return j if j >= end else None
