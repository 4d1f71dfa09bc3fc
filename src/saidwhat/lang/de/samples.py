"""A few short, invented German news articles for demos, tests and benchmarks.

They are written for this project (no real outlet's text) and cover direct
and indirect speech, pronoun speakers and addressees. ``sample_store(path)``
extracts and stores them (plus one hand-annotated article), which is what
the web tests start from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Sample:
    title: str
    text: str
    published: date
    url: str
    source: str = "Beispielzeitung"


SAMPLES: tuple[Sample, ...] = (
    Sample(
        title="Kliniken in Neustadt am Limit",
        published=date(2024, 3, 4),
        url="https://example.org/neustadt/kliniken",
        text=(
            "Die Bürgermeisterin von Neustadt, Anna Berger, hat vor einer Überlastung der Kliniken gewarnt.\n\n"
            '"Wir stehen kurz vor dem Punkt, an dem wir Patienten abweisen müssen", sagte Berger am Montag '
            "vor Journalisten.\n\n"
            'Gesundheitsminister Karl Lenz widersprach. "Die Lage ist ernst, aber beherrschbar", sagte Lenz '
            "der Zeitung.\n\n"
            "Berger sagte, die Stadt brauche dringend mehr Pflegepersonal."
        ),
    ),
    Sample(
        title="Streit um den Haushalt",
        published=date(2024, 3, 12),
        url="https://example.org/neustadt/haushalt",
        text=(
            "Im Stadtrat von Neustadt ist der Streit um den Haushalt eskaliert.\n\n"
            '"Dieser Haushalt ist auf Sand gebaut", sagte der Fraktionschef der Opposition, Peter Vogel.\n\n'
            '"Wir sparen, wo es vertretbar ist, und investieren, wo es nötig ist", entgegnete Anna Berger.\n\n'
            "Vogel kündigte an, gegen den Entwurf zu stimmen."
        ),
    ),
    Sample(
        title="Neue Buslinie für den Norden",
        published=date(2024, 4, 2),
        url="https://example.org/neustadt/bus",
        text=(
            "Der Norden von Neustadt bekommt eine neue Buslinie.\n\n"
            '"Das ist ein guter Tag für alle Pendler", sagte Anna Berger bei der Eröffnung.\n\n'
            '"Wir haben lange darauf gewartet", sagte eine Anwohnerin.'
        ),
    ),
    Sample(
        title="Hochwasserschutz wird teurer",
        published=date(2024, 4, 23),
        url="https://example.org/neustadt/hochwasser",
        text=(
            "Der Ausbau des Hochwasserschutzes am Fluss wird deutlich teurer als geplant.\n\n"
            '"Wir können uns keine weiteren Verzögerungen leisten", sagte Karl Lenz am Dienstag.\n\n'
            '"Die Kosten müssen offen auf den Tisch", sagte Peter Vogel.'
        ),
    ),
)


# Hostile input for escaping tests: markup, attribute breaking and a javascript: URL
# in the text, title, source and URL. The page must show all of it as text.
XSS_SCRIPT = "<script>alert('xss-script')</script>"
XSS_ATTR = '"><img src=x onerror="alert(1)">'
HOSTILE = Sample(
    title="<img src=x onerror=alert('xss-title')> Titel",
    published=date(2024, 4, 24),
    url="javascript:alert('xss-url')",
    source='"><svg onload=alert(1)>',
    text=(
        "Ein Test mit Markup im Text " + XSS_SCRIPT + ".\n\n"
        "„Wir lassen uns nicht einschüchtern " + XSS_ATTR + "“, sagte Peter Vogel.\n\n"
        '"Alles bleibt Text <b>fett</b> javascript:alert(2)", sagte Anna Berger.'
    ),
)


# An article with hand-made statements (spans found by string search), so that
# speakers, cues and addressees exist whatever the extractor finds.
ANNOTATED = Sample(
    title="Berger im Interview: Mehr Geld für Pflege",
    published=date(2024, 3, 20),
    url="https://example.org/neustadt/interview",
    text=(
        "Im Interview mit der Beispielzeitung hat Anna Berger mehr Geld für die Pflege gefordert.\n\n"
        '"Ohne zusätzliches Personal wird das nicht gehen", sagte Berger den Lesern.\n\n'
        "Die Bürgermeisterin erklärte dem Landtag, die Kommunen seien überfordert.\n\n"
        "Karl Lenz sagte, man prüfe die Vorschläge."
    ),
)
ANNOTATIONS: tuple[dict[str, str], ...] = (
    {
        "kind": "direct",
        "quote": '"Ohne zusätzliches Personal wird das nicht gehen"',
        "speaker": "Berger",
        "cue": "sagte",
        "addressee": "den Lesern",
        "entity": "Anna Berger",
    },
    {
        "kind": "indirect",
        "quote": "die Kommunen seien überfordert",
        "speaker": "Die Bürgermeisterin",
        "cue": "erklärte",
        "addressee": "dem Landtag",
        "entity": "Anna Berger",
    },
    {
        "kind": "indirect",
        "quote": "man prüfe die Vorschläge",
        "speaker": "Karl Lenz",
        "cue": "sagte",
        "addressee": "",
        "entity": "Karl Lenz",
    },
)


def annotated_article(sample: Sample = ANNOTATED, annotations: tuple[dict[str, str], ...] = ANNOTATIONS) -> Any:
    """``sample`` as an :class:`~saidwhat.model.Article` with the given statements.

    Each role's span is the first occurrence of its text at or after the
    previous statement's quote start.
    """
    from ...model import Article, Kind, Span, Statement

    text = sample.text
    statements = []
    for ann in annotations:
        anchor = text.index(ann["quote"])
        sentence_start = text.rfind("\n", 0, anchor) + 1

        def find(part: str, anchor: int = sentence_start) -> list[Span]:
            if not part:
                return []
            b = text.index(part, anchor)
            return [Span(b, b + len(part))]

        statements.append(
            Statement(
                kind=Kind(ann["kind"]),
                quote=find(ann["quote"]),
                speaker=find(ann["speaker"]),
                cue=find(ann["cue"]),
                addressee=find(ann["addressee"]),
                speaker_entity=ann.get("entity") or None,
                confidence=0.9,
            )
        )
    return Article(text=text, lang="de", published=sample.published, statements=statements)


def sample_store(path: str | Path, samples: tuple[Sample, ...] = SAMPLES) -> list[str]:
    """Extract the samples with :func:`saidwhat.extract` into a new store at ``path``; their ids."""
    from ...pipeline import extract
    from ...store import Store

    ids: list[str] = []
    with Store(path) as store:
        for s in samples:
            article = extract(s.text, lang="de", published=s.published)
            ids.append(store.add_article(article, url=s.url, title=s.title, source=s.source))
        a = ANNOTATED
        ids.append(store.add_article(annotated_article(), url=a.url, title=a.title, source=a.source))
    return ids


def as_dicts(samples: tuple[Sample, ...] = SAMPLES) -> list[dict[str, Any]]:
    return [
        {"title": s.title, "text": s.text, "published": s.published.isoformat(), "url": s.url, "source": s.source}
        for s in samples
    ]
