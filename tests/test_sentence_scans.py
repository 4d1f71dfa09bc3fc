"""Linear-time sentence scans (issue 12): same answers as the scans they
replace, and work that grows linearly with the sentence.

The reference functions below are the per-cue scans the stages used before
(``"Er sagte, " * 3000`` took 17 s): the fast versions must agree with them on
random token sequences. The growth tests count token reads, not seconds
(speed itself is measured by ``bench/long_sentences.py``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from types import SimpleNamespace

import pytest

from saidwhat import extract
from saidwhat.lang.de import cues, indirect, reported
from saidwhat.lang.de.morph import CLAUSE_STARTERS, is_finite, is_verb, mood
from saidwhat.nlp import Token
from saidwhat.pipeline.scans import BOUNDARY, scans

_VOCAB = [
    (",", "$,"), (":", "$."), (";", "$."), ("(", "$("), (")", "$("), ("–", "$("),
    ("und", "KON"), ("sowie", "KON"), ("doch", "KON"), ("aber", "KON"), ("so", "ADV"), ("sehr", "ADV"),
    ("nicht", "PTKNEG"), ("der", "ART"), ("Die", "ART"), ("Das", "ART"), ("ein", "ART"), ("Mann", "NN"),
    ("Zahlen", "NN"), ("Merkel", "NE"), ("er", "PPER"), ("neue", "ADJ(A)"), ("sagte", "VV(FIN)"),
    ("ist", "VA(FIN)"), ("sei", "VA(FIN)"), ("erklärte", "VV(FIN)"), ("gesagt", "VV(PP)"), ("mit", "APPR"),
    ("mit", "PTKVZ"), ("zu", "PTKZU"), ("als", "KOKOM"), ("davon", "PROAV"), ("vor", "APPR"), ("dass", "KOUS"),
    ("hat", "VA(FIN)"), ("kann", "VM(FIN)"), ("gehen", "VV(INF)"), ("wie", "KOKOM"), ("betont", "VV(FIN)"),
]  # fmt: skip


def _random_tokens(rng: random.Random, n: int) -> list[Token]:
    toks = []
    for i in range(n):
        text, pos = rng.choice(_VOCAB)
        toks.append(Token(i, text, 2 * i, 2 * i + 1, tag=pos, lemma=text.lower()))
    return toks


def _old_clause_end(toks: list[Token], i: int, end: int) -> int:
    j = i
    while j < end and toks[j].text not in BOUNDARY:
        j += 1
    return j


def _old_clause_begin(toks: list[Token], i: int, start: int) -> int:
    j = i
    while j > start:
        if toks[j - 1].text == ")":
            k = j - 2
            while k > start and j - k <= 12 and toks[k].text not in BOUNDARY:
                k -= 1
            if k > start and toks[k].text == "(" and toks[k - 1].text not in BOUNDARY:
                j = k
                continue
        if toks[j - 1].text in BOUNDARY:
            break
        j -= 1
    return j


def _old_run_on_sentence(toks: list[Token], start: int, f: int) -> int | None:
    for k in range(f - 2, start + 1, -1):
        if (
            toks[k].text in {"Die", "Der", "Das"}
            and toks[k].tag == "ART"
            and toks[k - 1].tag in {"NN", "NE"}
            and toks[k + 1].tag in {"NN", "NE", "ADJ(A)"}
        ):
            if any(is_finite(t) for t in toks[start : k - 1]) and not any(t.tag.startswith("$") for t in toks[start:f]):
                return k
    return None


def _old_quote_end(toks: list[Token], k: int, te: int, cue_starts: set[int], in_quote: list[int]) -> int:
    for j in range(k + 2, te):
        if in_quote[j] != -1:
            continue
        if j in cue_starts:
            p = j - 1
            while p > k and (
                toks[p].text in {",", "und", "sowie", "so"}
                or toks[p].tag in {"ADV", "PTKNEG"}
                and toks[p].text != "nicht"
            ):
                if toks[p].text in {",", "und", "sowie"}:
                    return indirect._trim_end(toks, k, p)
                p -= 1
            p = j - 1
            while p > k and j - p <= 8 and toks[p].tag in {"ART", "NN", "NE", "ADJ(A)", "PPER", "PPOSAT"}:
                p -= 1
            if (
                p < j - 1
                and p > k
                and toks[p].lower in {"doch", "aber", "sondern", "während"}
                and toks[p - 1].text == ","
            ):
                return indirect._trim_end(toks, k, p - 1)
        if (
            toks[j].lower == "so"
            and toks[j - 1].text == ","
            and j + 1 < te
            and toks[j + 1].tag in {"NE", "ART", "NN", "PPER", "PPOSAT"}
        ):
            return indirect._trim_end(toks, k, j - 1)
        t = toks[j]
        if is_finite(t) and not mood(t, toks[j - 1]) and toks[j - 1].lower in {"und", ","} and j + 1 < te:
            if toks[j + 1].text not in {",", ".", ";", ":"} and t.lower not in {
                "ist",
                "sind",
                "war",
                "waren",
                "hat",
                "haben",
                "wird",
                "werden",
            }:
                if any(is_finite(x) for x in toks[k : j - 1]):
                    return indirect._trim_end(toks, k, j - 1)
    return te


def _old_particle(toks: list[Token], i: int, ce: int, particle: str) -> int | None:
    return next((k for k in range(i + 1, ce) if toks[k].lower == particle and cues._particle_tag(toks, k, ce)), None)


@pytest.mark.parametrize("seed", range(40))
def test_clause_bounds_agree_with_the_scans_they_replace(seed: int) -> None:
    rng = random.Random(seed)
    toks = _random_tokens(rng, rng.randint(1, 60))
    n = len(toks)
    for start in sorted({0, rng.randrange(n), rng.randrange(n)}):
        for i in range(start, n + 1):
            assert cues.clause_begin(toks, i, start) == _old_clause_begin(toks, i, start), (seed, start, i)
        for end in {n, rng.randint(start, n)}:
            for i in range(start, end + 1):
                assert cues.clause_end(toks, i, end) == _old_clause_end(toks, i, end), (seed, i, end)


@pytest.mark.parametrize("seed", range(40))
def test_run_on_and_particle_search_agree_with_the_scans_they_replace(seed: int) -> None:
    rng = random.Random(100 + seed)
    toks = _random_tokens(rng, rng.randint(3, 60))
    n = len(toks)
    for start in {0, rng.randrange(n)}:
        for f in range(start, n):
            assert cues._run_on_sentence(toks, start, f) == _old_run_on_sentence(toks, start, f), (seed, start, f)
    for i in range(n):
        for ce in range(i + 1, n + 1):
            for particle in ("mit", "zu", "ein", "vor"):
                assert cues._separable_particle(toks, i, ce, particle) == _old_particle(toks, i, ce, particle), (
                    seed,
                    i,
                    ce,
                )


@pytest.mark.parametrize("seed", range(60))
def test_complement_ends_agree_with_the_scan_they_replace(seed: int) -> None:
    rng = random.Random(200 + seed)
    toks = _random_tokens(rng, rng.randint(3, 50))
    n = len(toks)
    st = rng.randrange(n // 2 + 1)
    te = rng.randint(st + 1, n)
    in_quote = [0 if rng.random() < 0.15 else -1 for _ in range(n)]
    cue_starts = {j for j in range(st, te) if toks[j].tag.startswith("V") or rng.random() < 0.1}
    standalone = {0} if rng.random() < 0.5 else set()
    stops = indirect._ComplementStops(toks, st, te, cue_starts, in_quote, standalone)
    for k in range(st, te):
        assert indirect._quote_end(toks, k, te, stops) == _old_quote_end(toks, k, te, cue_starts, in_quote), (seed, k)
        for sp in (None, (k, min(te, k + 3)), (max(st, k - 2), k + 1)):
            assert stops.frame_broken(k, sp) == _old_frame_broken(toks, k, te, sp, in_quote, standalone), (seed, k, sp)


@pytest.mark.parametrize("seed", range(40))
def test_quote_start_agrees_with_the_walk_it_replaces(seed: int) -> None:
    rng = random.Random(500 + seed)
    toks = _random_tokens(rng, rng.randint(3, 40))
    n = len(toks)
    in_quote, k = [-1] * n, 0
    quote_tokens: list[tuple[int, int]] = []
    while k < n:  # a few quotes of a few tokens, some standalone
        if rng.random() < 0.2:
            e = min(n, k + rng.randint(1, 5))
            for j in range(k, e):
                in_quote[j] = len(quote_tokens)
            quote_tokens.append((k, e))
            k = e
        else:
            k += 1
    standalone = {qi for qi in range(len(quote_tokens)) if rng.random() < 0.6}
    art = SimpleNamespace(in_quote=in_quote, quote_tokens=quote_tokens)
    st = rng.randrange(n)
    stops = indirect._ComplementStops(toks, st, n, set(), in_quote, standalone)
    for q1 in range(st, n + 1):
        for mixed in (False, True):
            want = st
            for j in range(q1 - 1, st - 1, -1):
                if toks[j].text == ":" or (
                    in_quote[j] in standalone and not (mixed and quote_tokens[in_quote[j]][1] == q1)
                ):
                    want = j + 1
                    break
            assert stops.quote_start(art, st, q1, mixed) == want, (seed, q1, mixed)  # type: ignore[arg-type]


def _old_frame_broken(
    toks: list[Token], a: int, te: int, sp: tuple[int, int] | None, in_quote: list[int], standalone: set[int]
) -> bool:
    for j in range(a, te):
        if toks[j].text in {",", ":"} and not (sp and sp[0] <= j < sp[1]):
            if j + 1 < te and toks[j + 1].lower in CLAUSE_STARTERS | {"dass"}:
                return True
        if in_quote[j] in standalone:
            return True
    return False


def _old_finite_before(toks: list[Token], i: int, start: int) -> int | None:
    k = i - 1
    while k >= start and toks[k].text not in {":", ";"}:
        if (
            is_finite(toks[k])
            and (toks[k].tag.startswith("VA") or toks[k].tag.startswith("VM"))
            and not (k > start and toks[k - 1].tag == "PTKZU")
        ):
            return k
        if (
            toks[k].text == ","
            and k + 1 < len(toks)
            and (toks[k + 1].lower in cues._SUBORDINATORS | cues._RELATIVES or toks[k + 1].tag.startswith("APPR"))
        ):
            break
        if (
            toks[k].text == ","
            and k - 2 >= start
            and is_finite(toks[k - 1])
            and toks[k - 2].tag.endswith(("(PP)", "(INF)"))
        ):
            break
        if is_verb(toks[k]) and k < i - 1 and toks[k].tag.endswith(("(PP)", "(INF)", "(IZU)")):
            break
        k -= 1
    if i + 1 < len(toks) and is_finite(toks[i + 1]) and toks[i + 1].lemma in {"haben", "sein", "werden"}:
        return i + 1
    return None


@pytest.mark.parametrize("seed", range(40))
def test_auxiliary_search_agrees_with_the_walk_it_replaces(seed: int) -> None:
    rng = random.Random(300 + seed)
    toks = _random_tokens(rng, rng.randint(1, 50))
    for start in {0, 1, rng.randrange(len(toks))}:
        for i in range(start, len(toks)):
            assert cues._finite_before(toks, i, start) == _old_finite_before(toks, i, start), (seed, start, i)


def test_scans_are_kept_per_token_list_and_follow_a_new_list() -> None:
    toks = _random_tokens(random.Random(7), 30)
    assert scans(toks) is scans(toks)
    copy = list(toks)
    assert scans(copy) is not scans(toks)
    copy[0] = Token(0, ",", 0, 1, tag="$,")
    assert cues.clause_begin(copy, 1, 0) == 1  # the copy's own arrays: its comma ends a clause


def _old_quoted_name_at(toks: list[Token], b: int, f: int) -> bool:
    return toks[b].text in {"„", "»", '"'} and any(t.text in {"“", "«", '"'} for t in toks[b + 2 : f])


def _old_prefield_begin(toks: list[Token], start: int, f: int) -> int:
    b = start
    while b < f and (
        toks[b].lower in cues._COORD
        or (toks[b].tag == "$(" and not _old_quoted_name_at(toks, b, f))
        or (toks[b].tag in {"ADV", "ADJ(D)"} and b + 1 < f and toks[b + 1].tag in cues._FOCUS_BEFORE)
    ):
        b += 1
    return b


def _old_particle_after_apposition(toks: list[Token], ce: int, end: int, particle: str) -> int | None:
    for k in range(ce, end):
        if is_verb(toks[k]) or toks[k].text in {":", ";", "(", ")"}:
            return None
        if (
            toks[k].lower == particle
            and (k + 1 >= end or toks[k + 1].text in {",", ".", ":", ";"})
            and toks[k - 1].text == ","
        ):
            return k
    return None


_LEADING = [
    ("„", "$("),
    ("“", "$("),
    ('"', "$("),
    ("(", "$("),
    ("und", "KON"),
    ("auch", "ADV"),
    ("doch", "ADV"),
    ("der", "ART"),
]


@pytest.mark.parametrize("seed", range(60))
def test_prefield_lookups_agree_with_the_walks_they_replace(seed: int) -> None:
    rng = random.Random(400 + seed)
    toks = _random_tokens(rng, rng.randint(2, 40))
    for k in range(rng.randint(0, len(toks))):  # runs of marks, conjunctions and adverbs
        text, pos = rng.choice(_LEADING)
        toks[k] = Token(k, text, 2 * k, 2 * k + 1, tag=pos, lemma=text)
    n = len(toks)
    for start in {0, 1, rng.randrange(n)}:
        for f in range(start, n + 1):
            assert cues._prefield_begin(toks, start, f) == _old_prefield_begin(toks, start, f), (seed, start, f)
    for ce in range(1, n):
        for end in range(ce, n + 1):
            for particle in ("mit", "vor", "so"):
                got = cues._particle_after_apposition(toks, ce - 1, ce, end, particle)
                assert got == _old_particle_after_apposition(toks, ce, end, particle), (seed, ce, end, particle)


# words with the lemmas the cue lexicon knows: "und"/"sowie" before a cue,
# and "heißen"/"hervorgehen", whose cue test looks back to the clause start
_CUE_VOCAB = [
    (",", "$,", ","), ("und", "KON", "und"), ("sowie", "KON", "sowie"), ("sagte", "VV(FIN)", "sagen"),
    ("behauptet", "VV(PP)", "behaupten"), ("bestritten", "VV(PP)", "bestreiten"), ("heißt", "VV(FIN)", "heißen"),
    ("hieß", "VV(FIN)", "heißen"), ("es", "PPER", "es"), ("geht", "VV(FIN)", "gehen"), ("hervor", "PTKVZ", "hervor"),
    ("aus", "APPR", "aus"), ("Bericht", "NN", "Bericht"), ("warf", "VV(FIN)", "werfen"), ("vor", "PTKVZ", "vor"),
    ("er", "PPER", "er"), ("wie", "KOKOM", "wie"), ("(", "$(", "("), (")", "$(", ")"), ("hat", "VA(FIN)", "haben"),
    ("zu", "PTKZU", "zu"), ("Merkel", "NE", "Merkel"), ("gut", "ADJ(D)", "gut"), ("teilte", "VV(FIN)", "teilen"),
    ("mit", "PTKVZ", "mit"),
]  # fmt: skip


def _old_coordination_end(toks: list[Token], v: int, te: int) -> int:
    for j in range(v + 1, te - 1):
        if toks[j].lower in {"und", "sowie"} and any(
            cues.find_cue(toks, k, v, te) for k in range(j + 1, min(j + 3, te))
        ):
            e = j
            while e > v and toks[e - 1].text == ",":
                e -= 1
            return e
    return te


@pytest.mark.parametrize("seed", range(60))
def test_coordination_end_agrees_with_the_walk_it_replaces(seed: int) -> None:
    rng = random.Random(600 + seed)
    n = rng.randint(3, 50)
    toks = []
    for i in range(n):
        text, pos, lemma = rng.choice(_CUE_VOCAB)
        toks.append(Token(i, text, 2 * i, 2 * i + 1, tag=pos, lemma=lemma))
    coordination = reported._Coordination(toks)  # one per article: asked for every cue, in any order
    asked = [(v, te) for te in {n, rng.randint(2, n)} for v in range(te)]
    rng.shuffle(asked)
    for v, te in asked:
        assert coordination.end(v, te) == _old_coordination_end(toks, v, te), (seed, v, te)


@pytest.mark.parametrize("seed", range(20))
def test_word_lookup_agrees_with_a_scan(seed: int) -> None:
    rng = random.Random(700 + seed)
    toks = _random_tokens(rng, rng.randint(1, 40))
    n = len(toks)
    for words in (("als",), ("und", "sowie"), ("so", "nicht", "von"), ("mann", "der"), ()):
        for a in range(n + 1):
            for b in range(a, n + 1):
                assert scans(toks).has_word(words, a, b) == any(t.lower in words for t in toks[a:b]), (seed, a, b)


def _old_negated(toks: list[Token], lo: int, hi: int) -> bool:
    return any(
        toks[k].lower == "nicht"
        and not (k + 1 < hi and (toks[k + 1].lower in {"nur", "zuletzt", "zum"} or toks[k + 1].tag == "ADJ(A)"))
        for k in range(lo, hi)
    )


_NEGATIONS = [("nicht", "PTKNEG"), ("nur", "ADV"), ("zum", "APPRART"), ("neue", "ADJ(A)")]


@pytest.mark.parametrize("seed", range(20))
def test_negation_lookup_agrees_with_the_scan_it_replaces(seed: int) -> None:
    rng = random.Random(800 + seed)
    toks = _random_tokens(rng, rng.randint(1, 40))
    for k in range(len(toks)):
        if rng.random() < 0.4:
            text, pos = rng.choice(_NEGATIONS)
            toks[k] = Token(k, text, 2 * k, 2 * k + 1, tag=pos, lemma=text)
    n = len(toks)
    for lo in range(n + 1):
        for hi in range(lo, n + 1):
            assert reported._negated(toks, lo, hi) == _old_negated(toks, lo, hi), (seed, lo, hi)


class _Reads:
    """Counts reads of ``Token.lower``, the word test every scan makes.

    ``lower`` is a stored slot: the stand-in property keeps each token's value
    beside it (by the token's id, for the one extraction it watches).
    """

    def __init__(self) -> None:
        self.count = 0
        self.values: dict[int, str] = {}

    def get(self, t: Token) -> str:
        self.count += 1
        return self.values[id(t)]

    def set(self, t: Token, value: str) -> None:
        self.values[id(t)] = value


def _reads(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    reads = _Reads()
    with monkeypatch.context() as m:
        m.setattr(Token, "lower", property(reads.get, reads.set))
        extract(text, learned=False)
    return reads.count


_UNPUNCTUATED = (
    "der Minister hat am Montag in Berlin die neue Regelung für den Verkehr vorgestellt und die Kritik zurückgewiesen"
).split()

# sentences made of many cue frames: each doubled in length, the token reads
# of the pipeline must about double (they grew fourfold: every cue rescanned
# the sentence for its clause, its speaker, "als", the complement's end, …)
_GROWING: dict[str, Callable[[int], str]] = {
    "sagte-comma": lambda n: "Er sagte, " * n + "es sei gut.",
    "leading-und": lambda n: "und " * n + "Er sagte, " * n + "es sei gut.",
    "leading-marks": lambda n: "„ " * n + "Er sagte, " * n + "es sei gut.",
    "teilte-mit": lambda n: "Er teilte " * n + ", " + "gut " * n + "mit.",
    "es-heisst": lambda n: "Es heißt, " * n + "es sei gut.",
    "many-dass": lambda n: "Der Minister sagte, dass " * n + "es gut sei.",
    "many-quotes": lambda n: "„Das ist gut“, sagte er, " * n + "und ging.",
    "wie-frames": lambda n: "wie der Sprecher mitteilte, " * n + "sei es gut.",
    # the reported stage asked per cue for the words it needs, a coordinated
    # verb after it and a quoted fragment in its clause; relay scanned the frame
    "unpunctuated": lambda n: " ".join((_UNPUNCTUATED * n)[: 5 * n]),
    "haelt-moeglich": lambda n: "Er hält es für möglich, dass " * n + "es gut sei.",
    "warf-vor": lambda n: "Er warf ihm vor, " * n + "es sei gut.",
    "negation-at-end": lambda n: "der Minister berichtete über die Lage " * n + "nicht.",
    "passive-without-agent": lambda n: "der Plan wurde kritisiert " * n + "gut.",
    "relayed-quotes": lambda n: "„Gut“, wird Panetta zitiert, " * n + "und ging.",
    "run-on": lambda n: (
        "Die Polizei meldete am Montag neue Zahlen Die Regierung sagte der Zeitung das Projekt sei " * (n // 4) + "gut."
    ),
}


@pytest.mark.parametrize("name", sorted(_GROWING))
def test_work_on_a_long_sentence_grows_linearly(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    make = _GROWING[name]
    extract(make(400), learned=False)  # tag the word forms once: only the pipeline is counted
    small = _reads(monkeypatch, make(200))
    large = _reads(monkeypatch, make(400))
    assert small > 0  # the stages did read the sentence (no extraction reads nothing)
    assert large <= 2.4 * small, (small, large)
