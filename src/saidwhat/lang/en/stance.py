"""Stage: the stance of each English statement, the kind of speech act it is (docs/stance.md).

Reads: the finished statements and the tokens. Writes: ``Statement.stance``.
Nothing else changes.

The stance is lexicon data (``lang/en/stance_cues.txt``: a cue word and its
``stance=``, ``negated=``, ``with=`` flags, as in the German cue verbs); this
step only finds the entry that speaks for a statement, in its cue span:

1. the cue words are matched against the entries, an entry's first word in
   any of its inflections ("denied", "denies"), the rest as written ("called
   for"); the longest entry found wins;
2. a word of the entry's ``with=`` list right after the cue changes the stance
   ("declined to comment": refuse, "asked whether": question);
3. a negation right before the cue word or inside the cue gives the entry's
   ``negated=`` stance ("did not deny": confirm);
4. otherwise the entry's stance;
5. a statement whose cue matches no entry ("said", "according to") or that
   has no cue shows its stance in its words (``stance_words.txt``: "„That is
   a disgrace,“ he said" criticises), else it is say.

It needs only token texts and offsets (no tagger): a lemma, when the tokens
have one, is matched too.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from ...lexicon import load_lexicon
from ...model import Span, Stance, Statement
from ...nlp import Doc, Token
from .lexicons import forms_of

# words that negate the cue ("did not deny", "never denied", "didn't deny")
NEGATIONS = frozenset({"not", "n't", "n’t", "never", "no"})
# how many words before the cue word a negation may stand ("did not really deny")
NEGATION_WINDOW = 3
# how many words after the cue a with= word may stand ("declined to immediately comment")
WITH_WINDOW = 4


@dataclass(frozen=True)
class CueEntry:
    """One row of stance_cues.txt: its words and what it does."""

    words: tuple[str, ...]
    stance: Stance
    negated: Stance = Stance.SAY
    stance_with: tuple[tuple[frozenset[str], Stance], ...] = ()


def assign_stances(doc: Doc, statements: list[Statement]) -> None:
    """Set ``stance`` on every statement from its cue."""
    begins = [t.begin for t in doc.tokens]
    for st in statements:
        st.stance = statement_stance(doc.tokens, begins, st)


def statement_stance(tokens: list[Token], begins: list[int], st: Statement) -> Stance:
    cue = _covered(tokens, begins, st.cue)
    found = _find_entry(tokens, cue)
    if found is None:
        return _word_vote(tokens, _covered(tokens, begins, st.quote))
    entry, first, last = found
    after = {tokens[k].text.lower() for k in range(last + 1, min(len(tokens), last + 1 + WITH_WINDOW))}
    for words, stance in entry.stance_with:
        if after & words:
            return stance
    if _negated(tokens, cue, first):
        return entry.negated
    return entry.stance


def _covered(tokens: list[Token], begins: list[int], spans: list[Span]) -> list[int]:
    """Indices of the tokens inside the spans, in text order."""
    out: list[int] = []
    for sp in sorted(spans, key=lambda s: s.begin):
        i = bisect_left(begins, sp.begin)
        while i < len(tokens) and tokens[i].end <= sp.end:
            out.append(i)
            i += 1
    return out


def _find_entry(tokens: list[Token], cue: list[int]) -> tuple[CueEntry, int, int] | None:
    """The longest entry whose words run in the cue: (entry, index of its first token, of its last)."""
    best: tuple[CueEntry, int, int] | None = None
    entries = cue_entries()
    for n, i in enumerate(cue):
        t = tokens[i]
        for key in {t.text.lower(), t.lemma.lower()} - {""}:
            for entry in entries.get(key, ()):
                rest = [tokens[k].text.lower() for k in cue[n + 1 : n + len(entry.words)]]
                if rest == list(entry.words[1:]) and (best is None or len(entry.words) > len(best[0].words)):
                    best = (entry, i, cue[n + len(entry.words) - 1])
    return best


def _negated(tokens: list[Token], cue: list[int], first: int) -> bool:
    """A negation inside the cue before its word, or just before the cue word ("has not denied")."""
    before = [k for k in cue if k < first] + list(range(max(0, first - NEGATION_WINDOW), first))
    return any(tokens[k].text.lower() in NEGATIONS for k in set(before))


def _word_vote(tokens: list[Token], quote: list[int]) -> Stance:
    """The stance most stance words in the quote point to (ties: the first found), else say."""
    words = stance_words()
    votes: dict[Stance, int] = {}
    for n, i in enumerate(quote):
        word = tokens[i].text.lower()
        previous = tokens[quote[n - 1]].text.lower() if n > 0 else ""
        stance = words.get((previous, word)) if previous else None
        if stance is None and previous not in NEGATIONS:
            stance = words.get((word,))
        if stance is not None:
            votes[stance] = votes.get(stance, 0) + 1
    # dicts keep insertion order: max() returns the first of equal counts
    return max(votes, key=lambda s: votes[s]) if votes else Stance.SAY


@cache
def stance_words() -> dict[tuple[str, ...], Stance]:
    """stance_words.txt: (word,) or (word, word) → stance."""
    return {
        tuple(row[0].lower().split()): _stance(row[1], f"lang/en/stance_words.txt: {row[0]!r}")
        for row in load_lexicon("en", "stance_words")
    }


@cache
def cue_entries() -> dict[str, tuple[CueEntry, ...]]:
    """Entries of stance_cues.txt by each inflected form of their first word."""
    by_form: dict[str, list[CueEntry]] = {}
    for row in load_lexicon("en", "stance_cues"):
        entry, forms = _entry(row)
        for form in forms:
            by_form.setdefault(form, []).append(entry)
    return {form: tuple(entries) for form, entries in by_form.items()}


def _entry(row: tuple[str, ...]) -> tuple[CueEntry, set[str]]:
    words = tuple(row[0].lower().split())
    where = f"lang/en/stance_cues.txt: {row[0]!r}"
    flags: dict[str, Stance] = {}
    with_: list[tuple[frozenset[str], Stance]] = []
    forms = set(forms_of(words[0]))
    for flag in row[1:]:
        name, _, value = flag.partition("=")
        if name == "forms":
            forms |= set(value.lower().split("/"))
        elif name == "with":
            listed, _, stance = value.rpartition(":")
            with_.append((frozenset(listed.lower().split("/")), _stance(stance, where)))
        elif name in ("stance", "negated"):
            flags[name] = _stance(value, where)
        else:
            raise ValueError(f"{where}: unknown flag {flag!r}")
    entry = CueEntry(words, flags.get("stance", Stance.SAY), flags.get("negated", Stance.SAY), tuple(with_))
    return entry, forms


def _stance(value: str, where: str) -> Stance:
    try:
        return Stance(value)
    except ValueError:
        raise ValueError(f"{where}: unknown stance {value!r}") from None
