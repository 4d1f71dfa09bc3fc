"""Stage: short quotes inside reported speech.

Reads: the embedded quote regions the direct stage set aside, and the
statements found. Writes: DIRECT items marked ``nested`` for a quote inside
another statement's quote ("sagte, es sei eine „unwirkliche Erfahrung“"),
with that statement's speaker, cue and frame (the corpus convention), and
DIRECT items for labels a cue verb applies ("was es als „besondere
militärische Operation“ bezeichnete").
"""

from __future__ import annotations

from ...lexicon import load_word_set
from ...model import Kind, Span
from ...nlp import Token
from ...pipeline.found import Found, QuoteContainers
from ...pipeline.sentences import Article
from .chunks import NAME_TAGS
from .cues import Cue, clause_subject, find_cue, speaker_of, speaking_subject
from .lexicons import name_particles, word_class
from .morph import is_finite
from .passive import is_passive, passive_agent

_LABEL_VERBS = load_word_set("de", "label_verbs")
# verbs that take "als" + what was said ("würdigte ihn als „…“")
_ALS_VERBS = load_word_set("de", "als_verbs")
_GOVERNORS = frozenset({"als"})
_MIN_ORPHAN_WORDS = 3
_RELATIVE_PRONOUNS = word_class("relative_pronouns", "nested")


def find_nested(art: Article, embedded: list[int], found: list[Found]) -> list[Found]:
    out: list[Found] = []
    toks = art.tokens
    # built once per article: looking through every statement for every quote was quadratic
    quotes = QuoteContainers(found)
    in_speaker = _speaker_tokens(found, len(toks))
    by_sent = _speaking_by_sentence(found)
    for qi in embedded:
        q = art.quotes[qi]
        parent = quotes.container(q.begin, q.end)
        a, b = art.quote_tokens[qi]
        if parent is not None and parent.construction == "reported_mixed" and _governed(art, a, b):
            # a report around a quote its cue governs ("berichtete von „…“ bei …"):
            # the quote keeps that cue, found below as for a quote on its own
            parent = quotes.container(q.begin, q.end, skip="reported_mixed")
        inner = art.quote_words(qi)
        if is_name(inner) or _in_speaker(art, in_speaker, a):
            continue
        if parent is not None and parent.kind != Kind.DIRECT:
            if _term(inner):
                continue
            out.append(
                Found(
                    Kind.DIRECT,
                    [Span(q.begin, q.end)],
                    "nested",
                    speaker=_before_quote(parent.speaker, a),
                    cue=list(parent.cue),
                    frame=list(parent.frame),
                    medium=parent.medium,
                    nested=True,
                    sent=toks[a].sent,
                    inherited_from=parent,
                )
            )
            continue
        if parent is not None:
            continue
        if foreign_name(inner):
            continue  # „in dubio pro reo“, „con energy ag“: a name or a fixed phrase, with or without a cue
        # a label: "… als „X“ bezeichnete" — the cue verb follows within a few
        # words; otherwise any cue verb of the same clause or sentence
        s = art.sentences[toks[a].sent]
        near = list(range(b, min(b + 3, s.end))) + list(range(max(s.start, a - 6), a))
        # the clause around the quote: no comma between cue and quote
        lo, hi = a, b
        while lo > s.start and toks[lo - 1].text not in {",", ";", ":"}:
            lo -= 1
        while hi < s.end and toks[hi].text not in {",", ";", ":"}:
            hi += 1
        rest = [i for i in range(lo, hi) if i not in near and art.in_quote[i] == -1]
        te = art.text_end(s)
        # the clause around the quote frames it, as the corpus marks it
        frame = [r for r in ((s.start, a), (b, te)) if r[1] > r[0]]
        governed = _governing_cue(art, toks, range(lo, hi), a, s.start, s.end)
        if governed is not None:
            gcue, prep = governed
            sp = _before_quote(_speaker(toks, gcue, s.start, s.end), a)
            out.append(
                Found(
                    Kind.DIRECT,
                    [Span(q.begin, q.end)],
                    "direct_label",
                    speaker=sp,
                    cue=sorted(gcue.tokens + [prep]),
                    medium=gcue.medium,
                    frame=frame,
                    sent=s.i,
                )
            )
            continue
        for i in near + rest:
            if art.in_quote[i] != -1:
                continue
            cue = find_cue(toks, i, s.start, s.end)
            if cue is None or (i not in near and cue.entry.weak):
                continue
            sp = _before_quote(_speaker(toks, cue, s.start, s.end), a)
            if (
                sp is not None
                and sp[1] - sp[0] == 1
                and sp[0] > s.start
                and toks[sp[0] - 1].text == ","
                and toks[sp[0]].lower in _RELATIVE_PRONOUNS
            ):
                # a cue verb of a relative clause ("Lopez, die den Auftritt kaum erwarten
                # könne, um „…“") speaks for its antecedent, not for the quote
                continue
            kind = "direct_label" if i in near and toks[i].lemma in _LABEL_VERBS else "direct_embedded_cue"
            if (
                kind == "direct_embedded_cue"
                and not _slogan(toks, a, s.start)
                and (sum(1 for t in toks[a:b] if t.text[:1].isalnum()) < 2 or _term(inner))
            ):
                # one quoted word with a cue verb elsewhere in the sentence is
                # mostly a term or a title („Bild“, „Tricolore“): train 3 of 16 right;
                # so is a short quoted noun phrase (3 of 10)
                break
            out.append(
                Found(
                    Kind.DIRECT,
                    [Span(q.begin, q.end)],
                    kind,
                    speaker=sp,
                    cue=cue.tokens,
                    medium=cue.medium,
                    frame=frame,
                    sent=s.i,
                )
            )
            break
        else:
            # no statement around it and no cue verb: a quoted phrase of three or more
            # words is still marked as a direct quote by the corpus more often than
            # not (shorter ones are mostly terms, a verbless capitalised one a title);
            # its speaker is that of a statement earlier in the same sentence, else the
            # speaking subject of the clause before it (train: 12 of 28 with a speaker right,
            # 2 in part)
            if (
                sum(1 for t in toks[a:b] if t.text[:1].isalnum()) >= _MIN_ORPHAN_WORDS
                and not _term(inner)
                and not _title(inner)
            ):
                orphan = Found(Kind.DIRECT, [Span(q.begin, q.end)], "direct_orphan", sent=s.i)
                before = [f for f in by_sent.get(s.i, ()) if f.end <= q.begin]
                trailing = _trailing_frame(art, toks, b, te)
                if before:
                    orphan.inherited_from = max(before, key=lambda f: f.end)
                    orphan.speaker = orphan.inherited_from.speaker
                elif trailing is not None:
                    # "X sollen „…“ erreicht werden, so heißt es in der Erklärung Y"
                    orphan.speaker = _speaker(toks, trailing, s.start, te)
                    orphan.cue = list(trailing.tokens)
                else:
                    orphan.speaker = _main_subject(toks, s.start, a)
                out.append(orphan)
    return out


_MAX_TERM_WORDS = 3
# nouns that announce what was chanted or written: "skandierten Parolen wie „Thaksin raus!“"
_SLOGAN_NOUNS = load_word_set("de", "slogan_nouns")


def _slogan(toks: list[Token], a: int, start: int) -> bool:
    """A quote right after "Parolen wie (zum Beispiel)" or "Rufen wie" is a
    chanted slogan, words someone spoke, however short ("„Thaksin raus!“")."""
    k = a - 1
    while k > start and toks[k].lower in {"zum", "beispiel", "etwa", "wie"}:
        k -= 1
    return toks[k].lower in _SLOGAN_NOUNS


def _term(words: list[Token]) -> bool:
    """A short quoted noun phrase inside reported speech is mostly a term the
    writer distances himself from („Luftschläge“, „Bürgerjournalist“, „Rat für
    nationale Sicherheit“), not the speaker's words: train 3 of 29 such nested quotes were
    right; a quoted adjective or verb („irritiert“, „völlig unrealistisch“) is."""
    words = [w for w in words if w.text[:1].isalnum()]
    return 0 < len(words) <= _MAX_TERM_WORDS and words[0].text[:1].isupper()


_MAX_TITLE_WORDS = 5
# long verbless titles are common too („Geschichte der Gastronomie im Großen Garten
# von 1800 bis heute“) when they start like a noun phrase or a preposition („Zur
# Geschichte …“): up to 14 words (train, with any start: joint 78.32 -> 78.37,
# speaker 74.23 -> 74.24; 9 words: 78.35)
_MAX_LONG_TITLE_WORDS = 14
_TITLE_START = frozenset({"NN", "NE", "ART", "ADJ(A)", "APPR", "APPRART", "CARD", "FM"})


def _title(words: list[Token]) -> bool:
    """A capitalised phrase without a verb and no statement around it is a title or
    a name („Der Fänger im Roggen“, „Allianz zur Europäischen Integration“). A
    longer one is too when it starts like a noun phrase („Geschichte der
    Gastronomie im Dresdner Großen Garten“, „Gesetz zur Bekämpfung …“); a
    verbless slogan starts otherwise („Nieder mit der Regierung und ihren Helfern“)."""
    words = [w for w in words if w.text[:1].isalnum()]
    if not words or not words[0].text[:1].isupper() or any(w.tag.startswith("V") for w in words):
        return False
    return len(words) <= _MAX_TITLE_WORDS or (len(words) <= _MAX_LONG_TITLE_WORDS and words[0].tag in _TITLE_START)


_MAX_FOREIGN_WORDS = 6


def foreign_name(words: list[Token]) -> bool:
    """A short quoted phrase of names and foreign words is a name or a fixed
    expression, whatever its case: „al-Abdullah bin Dahha“, „con energy ag“,
    „in dubio pro reo“, „United Front for Democracy against Dictatorship“
    (the tagger reads a third or more of their words as names or foreign)."""
    words = [w for w in words if w.text[:1].isalnum()]
    if not words or len(words) > _MAX_FOREIGN_WORDS:
        return False
    return 3 * sum(1 for w in words if w.tag in NAME_TAGS) >= len(words)


def _main_subject(toks: list[Token], start: int, a: int) -> tuple[int, int] | None:
    """The subject of the clause before an orphan quote, when it can speak:
    "Richter Seidling kritisierte Foren, in denen Rechte „mit Füßen getreten“
    wurden" → "Richter Seidling"."""
    if a <= start:
        return None
    sp = clause_subject(toks, start, a, speaking=True)
    return sp if sp is not None and sp[1] <= a and speaking_subject(toks, sp) else None


def _trailing_frame(art: Article, toks: list[Token], b: int, te: int) -> Cue | None:
    """A cue frame closing the sentence after the quote's clause: "X sollen „…“
    erreicht werden, so heißt es in der Erklärung Y" / "…, sagte der Sprecher"."""
    k = next((i for i in range(b, te) if toks[i].text == "," and art.in_quote[i] == -1), None)
    if k is None or k + 2 >= te:
        return None
    j = k + 2 if toks[k + 1].lower == "so" else k + 1
    if not is_finite(toks[j]) or any(art.in_quote[i] != -1 for i in range(j, te)):
        return None
    return find_cue(toks, j, k + 1, te)


def _before_quote(sp: tuple[int, int] | None, a: int) -> tuple[int, int] | None:
    """A speaker phrase never runs into the quote it speaks: "die Richter
    „gravierende Bedenken“" is "die Richter"."""
    if sp is not None and sp[0] < a < sp[1]:
        return (sp[0], a)
    return sp


def _speaker(toks: list[Token], cue: Cue, start: int, end: int) -> tuple[int, int] | None:
    """The cue's speaker; of a passive, its agent ("wird vom Wetterdienst als
    „sehr hoch“ eingestuft"), not "in weiten Teilen" before it."""
    if is_passive(toks, cue):
        agent = passive_agent(toks, cue, start, end)
        if agent is not None:
            return agent
    return speaker_of(toks, cue, start, end)[0]


def _governing_cue(
    art: Article, toks: list[Token], clause: range, a: int, start: int, end: int
) -> tuple[Cue, int] | None:
    """A cue verb whose object the quote is, by the preposition or "als" just
    before it ("sprach von einer „…“", "bezeichnete X als „…“", "Von einem „…“
    sprach er"): the cue and that preposition (the corpus counts it in the cue)."""
    prep = next(
        (
            k
            for k in range(a - 1, max(clause.start, a - 4) - 1, -1)
            if toks[k].lower in _GOVERNORS or toks[k].tag.startswith("APPR")
        ),
        None,
    )
    if prep is None:
        return None
    for i in clause:
        if art.in_quote[i] != -1:
            continue
        cue = find_cue(toks, i, start, end)
        if cue is not None and (
            toks[prep].lower in cue.entry.preps
            or (toks[prep].lower == "als" and cue.entry.lemma in _LABEL_VERBS | _ALS_VERBS)
        ):
            return cue, prep
    if toks[prep].lower == "als":
        # the object may carry a relative clause between verb and "als":
        # "kritisierte die Handlungsweise X', der zum Sturm aufgerufen hatte, als „…“"
        for i in range(clause.start - 1, start - 1, -1):
            cue = find_cue(toks, i, start, end) if art.in_quote[i] == -1 else None
            if cue is not None and cue.entry.lemma in _LABEL_VERBS | _ALS_VERBS:
                return cue, prep
    return None


def _governed(art: Article, a: int, b: int) -> bool:
    """A cue verb of the quote's clause governs it by a preposition or "als"
    ("berichtete von einer „…“"); see :func:`_governing_cue`."""
    toks = art.tokens
    s = art.sentences[toks[a].sent]
    lo, hi = a, b
    while lo > s.start and toks[lo - 1].text not in {",", ";", ":"}:
        lo -= 1
    while hi < s.end and toks[hi].text not in {",", ";", ":"}:
        hi += 1
    return _governing_cue(art, toks, range(lo, hi), a, s.start, s.end) is not None


def _speaker_tokens(found: list[Found], n_tokens: int) -> bytearray:
    """1 for each token inside some statement's speaker phrase."""
    marks = bytearray(n_tokens)
    for f in found:
        if f.speaker is not None:
            for k in range(*f.speaker):
                marks[k] = 1
    return marks


def _speaking_by_sentence(found: list[Found]) -> dict[int, list[Found]]:
    """The statements with a speaker, by sentence, in ``found`` order."""
    out: dict[int, list[Found]] = {}
    for f in found:
        if f.speaker is not None:
            out.setdefault(f.sent, []).append(f)
    return out


_NAMING_NOUNS = (
    "name",
    "titel",
    "film",
    "buch",
    "serie",
    "zeitung",
    "magazin",
    "marke",
    "projekt",
    "sendung",
    "album",
    "lied",
    "song",
    "roman",
    "schiff",
    "programm",
    "operation",
)


def is_name(words: list[Token]) -> bool:
    """A title or name in quotation marks („Die Zeit“, „Grand Theft Auto“), not a quote:
    every word capitalised, and a name among them or more than one word."""
    words = [w for w in words if w.text[:1].isalnum()]
    if not words or len(words) > 6:
        return False
    # inner lower-case joiners of foreign names count as capitalised („Correio da Manhã“)
    if not all(
        w.text[:1].isupper() or w.text[:1].isdigit() or (k > 0 and w.text in name_particles())
        for k, w in enumerate(words)
    ):
        return False
    w = words[0].text
    # one word: a name if tagged so, or shaped like one ("YouTube", "Muslix64", "BD-Live")
    return (
        len(words) > 1
        or words[0].tag in NAME_TAGS
        or not w[:1].isalpha()
        or any(c.isupper() or c.isdigit() for c in w[1:])
    )


def _in_speaker(art: Article, in_speaker: bytearray, a: int) -> bool:
    """A quote inside a speaker phrase names the speaker (Die „Computerwoche“).
    ``in_speaker``: :func:`_speaker_tokens` of the statements."""
    toks = art.tokens
    if any(toks[k].lower.endswith(n) for k in range(max(0, a - 6), a) for n in _NAMING_NOUNS + ("motto", "titel")):
        return True  # "Der Titel der Studie lautet „Gewalt gegen Kinder“"
    return bool(in_speaker[a])
