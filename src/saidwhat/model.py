"""The typed core of saidwhat: spans, statements and articles.

Every span is a pair of character offsets into the *original* article text
(``text[begin:end]``), never into a normalised copy, so that a statement can
always be shown in the article it came from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """How a statement is rendered (the corpus' ``type``)."""

    DIRECT = "direct"  # quotation marks: „Wir wissen nicht …“, sagte er.
    INDIRECT = "indirect"  # framed reported speech: sagte er, die Invasion sei …
    FREE_INDIRECT = "free_indirect"  # no frame, modal: Er soll … haben.
    INDIRECT_FREE_INDIRECT = "indirect_free_indirect"  # Konjunktiv continuing a report
    REPORTED = "reported"  # cue + object: Russland hat die Behauptungen bestritten.

    @property
    def corpus_name(self) -> str:
        return _KIND_TO_CORPUS[self]

    @classmethod
    def from_corpus(cls, name: str) -> Kind:
        try:
            return _CORPUS_TO_KIND[name]
        except KeyError:
            raise ValueError(f"unknown quotation type {name!r}") from None


_KIND_TO_CORPUS = {
    Kind.DIRECT: "Direct",
    Kind.INDIRECT: "Indirect",
    Kind.FREE_INDIRECT: "FreeIndirect",
    Kind.INDIRECT_FREE_INDIRECT: "IndirectFreeIndirect",
    Kind.REPORTED: "Reported",
}
_CORPUS_TO_KIND = {v: k for k, v in _KIND_TO_CORPUS.items()}


class Medium(StrEnum):
    """Whether the statement was spoken, thought or written (or a mix)."""

    SPEECH = "speech"
    THOUGHT = "thought"
    WRITING = "writing"
    SPEECH_THOUGHT = "speech_thought"
    SPEECH_WRITING = "speech_writing"
    THOUGHT_WRITING = "thought_writing"
    NONE = "none"

    @property
    def corpus_name(self) -> str:
        return _MEDIUM_TO_CORPUS[self]

    @classmethod
    def from_corpus(cls, name: str) -> Medium:
        try:
            return _CORPUS_TO_MEDIUM[name]
        except KeyError:
            raise ValueError(f"unknown medium {name!r}") from None


_MEDIUM_TO_CORPUS = {
    Medium.SPEECH: "Speech",
    Medium.THOUGHT: "Thought",
    Medium.WRITING: "Writing",
    Medium.SPEECH_THOUGHT: "ST",
    Medium.SPEECH_WRITING: "SW",
    Medium.THOUGHT_WRITING: "TW",
    Medium.NONE: "none",
}
_CORPUS_TO_MEDIUM = {v: k for k, v in _MEDIUM_TO_CORPUS.items()}


class Stance(StrEnum):
    """The speech act a statement performs (docs/stance.md): what kind of statement it is."""

    SAY = "say"  # neutral: reports, describes, explains
    CLAIM = "claim"  # asserts something contested or unproven: behauptet, angeblich
    DENY = "deny"  # says something is not true: bestreitet, dementiert
    REJECT = "reject"  # refuses to accept an accusation, demand or proposal: weist zurück, lehnt ab
    CONFIRM = "confirm"  # confirms or concedes: bestätigt, räumt ein, bestreitet nicht
    ANNOUNCE = "announce"  # makes a decision, plan or coming event public: kündigt an, gibt bekannt
    DEMAND = "demand"  # calls on someone to act: fordert, verlangt, ruft auf, empfiehlt
    WARN = "warn"  # warns of a danger or threatens: warnt, droht, befürchtet
    CRITICISE = "criticise"  # criticises, accuses, blames: kritisiert, wirft vor
    PRAISE = "praise"  # approves, welcomes, commends: lobt, begrüßt
    PROMISE = "promise"  # commits to do something: verspricht, sagt zu
    REFUSE = "refuse"  # declines to comment: lehnte einen Kommentar ab
    QUESTION = "question"  # asks or casts doubt: fragt, bezweifelt
    ESTIMATE = "estimate"  # estimates, forecasts, expects: schätzt, rechnet mit, geht davon aus


class SpeakerKind(StrEnum):
    """What the speaker is (docs/entity-gold.md): who ``speaker_entity`` names."""

    PERSON = "person"  # a named person, or one a description or pronoun refers back to
    ORGANISATION = "organisation"  # a named or identifiable body: company, ministry, police, country, government
    GROUP = "group"  # several people or bodies: "Demonstranten", "AFP und Reuters"
    ANONYMOUS = "anonymous"  # generic or no source: "Beobachter", "Berichten zufolge", no speaker
    DESCRIPTION = "description"  # one unnamed person or body: "eine Augenzeugin"


ROLES: tuple[str, ...] = ("quote", "speaker", "cue", "addressee", "frame")


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[begin, end)`` into the original text."""

    begin: int
    end: int

    def __post_init__(self) -> None:
        if self.begin < 0 or self.end < self.begin:
            raise ValueError(f"invalid span [{self.begin}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.begin

    def text(self, source: str) -> str:
        return source[self.begin : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.begin < other.end and other.begin < self.end


def spans_text(spans: Iterable[Span], source: str) -> str:
    """The text of a (possibly discontinuous) role, gaps shown as ``…``."""
    spans = list(spans)
    if len(spans) == 1:  # most roles: no sorting, no join
        return source[spans[0].begin : spans[0].end]
    return " … ".join(s.text(source) for s in sorted(spans))


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Sort spans and merge those that overlap or touch."""
    merged: list[Span] = []
    for s in sorted(spans):
        if merged and s.begin <= merged[-1].end:
            last = merged[-1]
            merged[-1] = Span(last.begin, max(last.end, s.end))
        else:
            merged.append(s)
    return merged


@dataclass
class Statement:
    """One attributed statement: who said what, to whom, how.

    Each role is a list of spans because roles may be discontinuous
    ("fügte … hinzu"); an absent role is an empty list.
    """

    kind: Kind
    quote: list[Span]
    speaker: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    addressee: list[Span] = field(default_factory=list)
    frame: list[Span] = field(default_factory=list)
    medium: Medium = Medium.SPEECH
    speaker_entity: str | None = None
    # What the speaker is (None: not decided, e.g. a statement read from a corpus file without it).
    speaker_kind: SpeakerKind | None = None
    confidence: float = 1.0
    # A statement nested in another (a direct quote inside reported speech).
    nested: bool = False
    # When the text dates the statement itself ("am Montag"): ISO date.
    said_on: str | None = None
    # What kind of statement (set by the stance step, pipeline/stance.py).
    stance: Stance = Stance.SAY
    # The text the spans point into, once the statement belongs to an Article (see bind).
    source_text: str | None = field(default=None, init=False, repr=False, compare=False)

    def bind(self, text: str) -> Statement:
        """Let the statement know the text its spans point into (an :class:`Article` does this for its own)."""
        self.source_text = text
        return self

    def _text(self) -> str:
        if self.source_text is None:
            raise ValueError("this statement belongs to no article: use role_text(role, text), or put it in an Article")
        return self.source_text

    @property
    def quote_text(self) -> str:
        """What was said, as written (discontinuous parts joined with " … ")."""
        return self.role_text("quote", self._text())

    @property
    def speaker_text(self) -> str:
        """Who said it, as written ("" if the text does not say)."""
        return self.role_text("speaker", self._text())

    @property
    def cue_text(self) -> str:
        return self.role_text("cue", self._text())

    @property
    def addressee_text(self) -> str:
        return self.role_text("addressee", self._text())

    @property
    def frame_text(self) -> str:
        return self.role_text("frame", self._text())

    def role(self, name: str) -> list[Span]:
        if name not in ROLES:
            raise KeyError(name)
        spans: list[Span] = getattr(self, name)
        return spans

    @property
    def start(self) -> int:
        return min(s.begin for s in self.quote) if self.quote else 0

    def role_text(self, name: str, source: str) -> str:
        return spans_text(self.role(name), source)

    def to_dict(self, source: str) -> dict[str, Any]:
        """saidwhat's own JSON form (CLI ``--format json``, API)."""
        out: dict[str, Any] = {
            "kind": self.kind.value,
            "medium": self.medium.value,
            "speaker_entity": self.speaker_entity,
            "speaker_kind": self.speaker_kind.value if self.speaker_kind else None,
            "confidence": round(self.confidence, 3),
            "nested": self.nested,
            "said_on": self.said_on,
            "stance": self.stance.value,
        }
        for name in ROLES:
            spans = self.role(name)
            out[name] = {
                "text": spans_text(spans, source),
                "spans": [[s.begin, s.end] for s in spans],
            }
        return out


@dataclass
class Article:
    """An article and the statements found in it."""

    text: str
    lang: str = "de"
    published: date | None = None
    statements: list[Statement] = field(default_factory=list)
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    # how ``lang`` was chosen: "given", "detected" or "fallback" (saidwhat.lang.choice)
    lang_origin: str = "given"

    def __post_init__(self) -> None:
        self._bind()

    def __setattr__(self, name: str, value: Any) -> None:
        # A new list of statements (the pipeline assigns one) or a new text: the statements learn the text.
        super().__setattr__(name, value)
        if name in ("statements", "text") and "statements" in self.__dict__ and "text" in self.__dict__:
            self._bind()

    def _bind(self) -> None:
        for st in self.statements:
            st.source_text = self.text

    def __iter__(self) -> Iterator[Statement]:
        self._bind()  # statements appended to the list since
        return iter(self.statements)

    def __len__(self) -> int:
        return len(self.statements)

    def span_errors(self) -> list[str]:
        """Where a statement breaks the promise that its roles are character
        ranges inside ``text``, and its quote is one at least; empty when all hold."""
        errors: list[str] = []
        for i, st in enumerate(self.statements):
            if not st.quote:
                errors.append(f"statement {i}: no quote span")
            for name in ROLES:
                for span in st.role(name):
                    if span.end > len(self.text):
                        errors.append(f"statement {i}: {name} [{span.begin}, {span.end}) past the text's end")
        return errors

    def to_dict(self) -> dict[str, Any]:
        """Self-contained: the text with the statements whose spans point into it."""
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "lang": self.lang,
            "lang_origin": self.lang_origin,
            "published": self.published.isoformat() if self.published else None,
            "text": self.text,
            "statements": [s.to_dict(self.text) for s in self.statements],
        }
