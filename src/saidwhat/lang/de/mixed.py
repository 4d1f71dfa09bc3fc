"""Demanded objects around a quoted fragment: "Er forderte einen „offensiven
Umgang mit dem Thema“", "Die Organisation verlangte eine Untersuchung der
„Szenen der Gewalt“". The corpus marks the whole object noun phrase as an
indirect statement (speaker and cue of the verb) beside the direct fragment;
the direct stage only finds the fragment.
"""

from __future__ import annotations

from ...lexicon import load_word_set
from ...model import Kind, Span
from ...pipeline.found import Found
from ...pipeline.sentences import Article

# verbs whose object is the content demanded; "empfiehlt einen „…“" and
# "nannte X einen „…“" are not marked this way in the corpus
_DEMAND_LEMMAS = frozenset({"fordern", "verlangen"})
_DETERMINERS = frozenset({"ART", "PPOSAT", "PIAT", "PDAT"})
_GENITIVE_ARTICLES = load_word_set("de", "genitive_articles")


def demanded_objects(art: Article, direct: list[Found]) -> list[Found]:
    """An indirect statement over "einen „…“" for each direct fragment that is
    (the end of) the object of a demand verb and closes its sentence."""
    out: list[Found] = []
    for f in direct:
        a = _object_start(art, f)
        if a is not None:
            quote = [Span(art.tokens[a].begin, f.end)]
            out.append(
                Found(
                    Kind.INDIRECT,
                    quote,
                    "indirect_mixed",
                    speaker=f.speaker,
                    cue=list(f.cue),
                    frame=list(f.frame),
                    medium=f.medium,
                    sent=f.sent,
                )
            )
    return out


def _object_start(art: Article, f: Found) -> int | None:
    """The first token of the object noun phrase around the fragment: a
    determiner right after the verb, optionally a noun and a genitive article
    ("eine Untersuchung der „…“"); None if the fragment is not such an object."""
    toks = art.tokens
    if f.kind != Kind.DIRECT or len(f.quote) != 1 or not f.cue:
        return None
    verb = max(f.cue)
    if toks[verb].lemma.lower() not in _DEMAND_LEMMAS:
        return None
    first = art.doc.token_at(f.begin)
    last = art.doc.token_at(f.end - 1)
    if first is None or last is None or first.i <= verb or art.in_quote[first.i] == -1:
        return None
    between = toks[verb + 1 : first.i]
    if not between or between[0].tag not in _DETERMINERS:
        return None
    rest = between[1:]
    while rest and rest[0].tag.startswith("ADJ"):
        rest = rest[1:]
    if rest and not (len(rest) == 2 and rest[0].tag == "NN" and rest[1].lower in _GENITIVE_ARTICLES):
        return None
    after = last.i + 1
    if after < len(toks) and toks[after].text not in {".", "!", ";"}:
        return None  # the phrase must end with the fragment
    return verb + 1
