"""Indirect speech: cue + clause, trailing frames, nominal frames, continuations."""

from __future__ import annotations

from saidwhat.model import Kind, Medium
from test_de_helpers import check, run


def test_verb_second_konjunktiv() -> None:
    art = run("Stoltenberg sagte, die Invasion sei Teil eines Musters.")
    st = check(art, "Invasion", kind=Kind.INDIRECT, quote="die Invasion sei Teil eines Musters", speaker="Stoltenberg", cue="sagte")
    assert st.role_text("frame", art.text) == "Stoltenberg sagte,"
    assert st.medium == Medium.SPEECH


def test_dass_clause_inverted_subject() -> None:
    art = run("Am Montag erklärte die Polizei, dass niemand verletzt worden sei.")
    check(art, "niemand", kind=Kind.INDIRECT, quote="dass niemand verletzt worden sei", speaker="die Polizei", cue="erklärte")


def test_ob_clause() -> None:
    art = run("Der Reporter fragte, ob die Regierung zurücktreten werde.")
    check(art, "ob die Regierung", kind=Kind.INDIRECT, speaker="Der Reporter", cue="fragte")


def test_zu_infinitive() -> None:
    art = run("Die Firma hat bestritten, die Daten verkauft zu haben.")
    check(art, "verkauft zu haben", kind=Kind.INDIRECT, speaker="Die Firma")


def test_separable_cue_teilte_mit() -> None:
    art = run("Die Stadt teilte am Freitag mit, die Schule bleibe geschlossen.")
    check(art, "Schule", kind=Kind.INDIRECT, speaker="Die Stadt", cue="teilte … mit")


def test_quote_first_trailing_frame() -> None:
    art = run("Dazu gehöre auch eine bessere Ausrüstung, sagte er.")
    check(art, "Ausrüstung", kind=Kind.INDIRECT, quote="Dazu gehöre auch eine bessere Ausrüstung", speaker="er", cue="sagte")


def test_so_x() -> None:
    art = run("Die Verhandlungen gehen in der nächsten Woche weiter, so Stoltenberg.")
    check(art, "Verhandlungen", kind=Kind.INDIRECT, speaker="Stoltenberg", cue="so")


def test_wie_x_mitteilte() -> None:
    art = run("Wie ein Sprecher der Feuerwehr mitteilte, wurden zwei Menschen verletzt.")
    check(art, "zwei Menschen", kind=Kind.INDIRECT, quote="wurden zwei Menschen verletzt", speaker="ein Sprecher der Feuerwehr", cue="Wie … mitteilte")


def test_laut() -> None:
    art = run("Laut der Polizei wurden drei Autos beschädigt.")
    st = check(art, "Autos", kind=Kind.INDIRECT, quote="wurden drei Autos beschädigt", speaker="der Polizei", cue="Laut", entity="Polizei")
    assert st.role_text("frame", art.text) == "Laut der Polizei"


def test_zufolge() -> None:
    art = run("Einem Bericht der Zeitung zufolge sind die Kosten gestiegen.")
    check(art, "Kosten", kind=Kind.INDIRECT, speaker="Einem Bericht der Zeitung", cue="zufolge")


def test_nach_angaben() -> None:
    art = run("Nach Angaben der Behörden starben bei dem Unglück zwölf Menschen.")
    check(art, "zwölf", kind=Kind.INDIRECT, speaker="Angaben der Behörden", cue="Nach", entity="Behörden")


def test_seiner_meinung_nach() -> None:
    art = run("Seiner Meinung nach ist das Gesetz verfassungswidrig.")
    check(art, "Gesetz", kind=Kind.INDIRECT, cue="nach")


def test_heisst_es() -> None:
    art = run("In dem Bericht heißt es, die Anlage sei sicher.")
    check(art, "Anlage", kind=Kind.INDIRECT, cue="heißt es", speaker="dem Bericht")  # corpus: mostly without the preposition


def test_konjunktiv_continuation_shares_speaker() -> None:
    text = "Die Ministerin sagte, das Projekt werde teurer. Die Kosten lägen bei zwei Millionen Euro. Man habe alles geprüft."
    art = run(text)
    first = check(art, "Projekt", kind=Kind.INDIRECT, speaker="Die Ministerin")
    cont = check(art, "Kosten", kind=Kind.INDIRECT_FREE_INDIRECT)
    assert "alles geprüft." in cont.role_text("quote", text)  # consecutive sentences form one statement
    assert cont.speaker == first.speaker and cont.speaker_entity == "Ministerin"


def test_free_indirect_sollen() -> None:
    text = "Die Polizei sagte, der Mann sei geflohen. Er soll zuvor eine Bank überfallen haben."
    art = run(text)
    check(art, "Bank", kind=Kind.FREE_INDIRECT)


def test_reported_object() -> None:
    art = run("Die Gewerkschaft forderte höhere Löhne für alle Beschäftigten.")
    check(art, "Löhne", kind=Kind.REPORTED, speaker="Die Gewerkschaft")


def test_coordinated_cues_share_subject() -> None:
    text = "Russland hat die Vorwürfe bestritten und behauptet, es habe nur Soldaten geschützt."
    art = run(text)
    check(art, "nur Soldaten", kind=Kind.INDIRECT, speaker="Russland", cue="behauptet")
    check(art, "Vorwürfe", kind=Kind.REPORTED, speaker="Russland")


def test_thought_medium() -> None:
    art = run("Die Bewohner befürchten, dass der Damm bricht.")
    st = check(art, "Damm", kind=Kind.INDIRECT, speaker="Die Bewohner", cue="befürchten")
    assert st.medium in (Medium.THOUGHT, Medium.SPEECH_THOUGHT)


def test_addressee_gegenueber() -> None:
    art = run("Der Manager sagte gegenüber Reuters, die Fabrik werde geschlossen.")
    check(art, "Fabrik", kind=Kind.INDIRECT, speaker="Der Manager", addressee="Reuters")


def test_no_statement_without_cue() -> None:
    assert run("Die Brücke wurde im Jahr 1920 gebaut und ist 300 Meter lang.").statements == []


def test_addressee_dative_after_cue() -> None:
    art = run("Der Minister sagte der Zeitung, die Steuern würden sinken. „Wir helfen“, sagte er dem Sender.")
    check(art, "Steuern", kind=Kind.INDIRECT, speaker="Der Minister", addressee="der Zeitung")
    check(art, "helfen", kind=Kind.DIRECT, speaker="er", addressee="dem Sender")


def test_so_x_set_off_in_the_middle() -> None:
    art = run("Trotzdem, so Berger, habe der Verein seine Pflicht erfüllt.")
    check(art, "Pflicht", kind=Kind.INDIRECT, speaker="Berger", cue="so")
    art = run("Der Schritt sei wichtig – so die Sprecherin –, doch fehle weiter Geld.")
    check(art, "Geld", kind=Kind.INDIRECT, speaker="die Sprecherin", cue="so")
    # "so" as an adverb with a verb after it is no frame
    assert not run("Die Stadt will, so scheint es, sparen.").statements


def test_soll_hearsay_only_in_the_main_clause() -> None:
    art = run("Der Bürgermeister sagte, der Markt sei geschlossen worden. Der Betreiber soll die Miete nicht bezahlt haben.")
    check(art, "Miete", kind=Kind.FREE_INDIRECT, speaker="Der Bürgermeister")
    # in a relative clause, or with a passive infinitive (a plan), "soll" is no hearsay
    art = run("Der Bürgermeister sagte, der Markt sei geschlossen worden. Es gibt einen Plan, der bis Mai umgesetzt werden soll.")
    assert not any(st.kind == Kind.FREE_INDIRECT for st in art.statements)
    art = run("Der Bürgermeister sagte, der Markt sei geschlossen worden. Dazu soll eine Arbeitsgruppe gebildet werden.")
    assert not any(st.kind == Kind.FREE_INDIRECT for st in art.statements)


def test_konjunktiv_continues_a_report() -> None:
    art = run("Die Ärztin warnte vor einer neuen Welle. Die Kliniken seien schon jetzt voll.")
    check(art, "Kliniken", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Die Ärztin")


def test_cue_sentence_right_before_beats_an_older_statement() -> None:
    text = (
        "Der Trainer sagte, die Mannschaft sei bereit. "
        "Der Verein äußerte sich am Abend kritisch. "
        "Die Zahlungen seien korrekt verbucht worden."
    )
    art = run(text)
    check(art, "Zahlungen", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Der Verein")


def test_indicative_main_clause_frames_its_konjunktiv() -> None:
    # a verb the lexicon does not know as a cue, but its clause has a speaking
    # subject and the Konjunktiv follows the comma: a statement of its own
    text = "Der Stadtrat tagte am Montag. Die Ärztin Anna Berg zeigte sich besorgt, dass die Wartezeiten weiter steigen würden."
    art = run(text)
    check(art, "Wartezeiten", kind=Kind.INDIRECT, quote="dass die Wartezeiten weiter steigen würden", speaker="Die Ärztin Anna Berg")


def test_indicative_main_clause_needs_a_speaking_subject() -> None:
    text = "Die Zahlen zeigten im Mai, dass der Umsatz gesunken sei."
    assert not run(text).statements


def test_indicative_second_clause_is_no_complement() -> None:
    # after the comma an indicative main clause goes on: the narrator's, not the cue's
    text = "Die Feuerwehr bestätigte den Brand, ein Verfahren wurde bereits eingeleitet."
    assert not run(text).statements


def test_continuation_takes_the_nearer_speaking_subject() -> None:
    # the sentence between has no cue verb but a subject that can speak: the
    # Konjunktiv goes on from it, not from the statement two sentences back
    text = "Der Bürgermeister sagte, die Brücke werde im Mai fertig. Die Sprecherin des Vereins hat einen anderen Plan. Er koste viel weniger Geld."
    check(run(text), "weniger Geld", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Die Sprecherin des Vereins")


def test_weak_preterite_is_also_konjunktiv() -> None:
    # "kämpften" is a weak verb's preterite and its Konjunktiv II alike
    text = "Der Trainer sagte, die Spieler kämpften bis zum Schluss."
    check(run(text), "Spieler", kind=Kind.INDIRECT, speaker="Der Trainer", cue="sagte")


def test_nominal_source_inside_another_statement() -> None:
    # the corpus marks both: the "erklärte" statement and the "laut" source inside its quote
    art = run("Der Minister erklärte, laut einer neuen Umfrage seien die meisten Bürger zufrieden.")
    laut = [st for st in art.statements if st.role_text("cue", art.text) == "laut"]
    assert len(laut) == 1
    assert laut[0].role_text("speaker", art.text) == "einer neuen Umfrage"
    assert "die meisten Bürger zufrieden" in laut[0].role_text("quote", art.text)
    said = [st for st in art.statements if st.role_text("cue", art.text) == "erklärte"]
    assert len(said) == 1 and said[0].role_text("speaker", art.text) == "Der Minister"


def test_particle_ein_read_as_article() -> None:
    # the tagger reads the clause-final particle "ein" as an article
    art = run("Die Ministerin räumte ein, es könnten Stellen verloren gehen.")
    check(art, "Stellen", kind=Kind.INDIRECT, quote="es könnten Stellen verloren gehen", speaker="Die Ministerin", cue="räumte ein")


def test_wie_frame_after_a_conjunction() -> None:
    art = run("Denn wie die Zeitung am Montag berichtete, leidet der Sänger an einer schweren Krankheit.")
    check(art, "Krankheit", kind=Kind.INDIRECT, speaker="die Zeitung", cue="wie … berichtete")


def test_complement_ends_before_a_direct_quotes_cue() -> None:
    art = run("Die Trainerin sagte, das Team sei gut vorbereitet und fügte hinzu: „Wir wollen gewinnen.“")
    check(art, "vorbereitet", kind=Kind.INDIRECT, quote="das Team sei gut vorbereitet", speaker="Die Trainerin", cue="sagte")
    check(art, "gewinnen", kind=Kind.DIRECT, cue="fügte hinzu")
