from saidwhat.corpus import article_to_corpus, corpus_article
from saidwhat.model import Article, Kind, Medium, Span, Statement, merge_spans, spans_text


def test_discontinuous_role_text() -> None:
    text = "Er fügte hinzu."
    assert spans_text([Span(9, 14), Span(3, 8)], text) == "fügte … hinzu"


def test_merge_spans() -> None:
    assert merge_spans([Span(5, 8), Span(0, 3), Span(3, 4)]) == [Span(0, 4), Span(5, 8)]


def test_corpus_round_trip() -> None:
    text = '"Wir kommen", sagte sie gegenüber Reuters.'
    st = Statement(
        kind=Kind.DIRECT,
        quote=[Span(0, 12)],
        speaker=[Span(20, 23)],
        cue=[Span(14, 19)],
        addressee=[Span(34, 41)],
        medium=Medium.SPEECH,
        speaker_entity="Anna Weber",
    )
    doc = article_to_corpus(Article(text=text, statements=[st]), "x - Titel (2024-01-02)")
    assert doc["annotations"][0]["speaker"]["text"] == "sie"
    assert doc["annotations"][0]["type"] == "Direct"
    back = corpus_article(doc)
    assert back.published is not None and back.published.isoformat() == "2024-01-02"
    assert back.statements[0].quote == st.quote
    assert back.statements[0].speaker_entity == "Anna Weber"
