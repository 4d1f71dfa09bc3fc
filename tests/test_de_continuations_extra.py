"""Continuations without a frame of their own: which speaker mention they take."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_pronoun_sentence_between_keeps_the_statements_speaker() -> None:
    # "er" in the sentence between only points back to the speaker of the
    # statement before: the continuation takes that statement's mention
    text = (
        "Der Landrat erklärte, die Straße werde im Herbst gesperrt. "
        "Dazu äußerte er sich am Abend erneut. "
        "Die Umleitung führe über das Nachbardorf."
    )
    check(run(text), "Umleitung", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Der Landrat")


def test_pronoun_sentence_without_statement_takes_the_subject_before() -> None:
    text = (
        "Am Dienstag kündigte die Bürgermeisterin einen neuen Haushalt an. "
        "Dabei verteidigte sie die Kürzungen. "
        "Außerdem wolle sie die Gebühren senken."
    )
    check(run(text), "Gebühren", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="die Bürgermeisterin")


def test_pronoun_sentence_with_a_quote_keeps_its_pronoun() -> None:
    # the sentence between quotes words: a statement of its own, its "Er" speaks
    text = (
        "Der Datenschützer Max Born kritisierte die Pläne. "
        "Er bezeichnete die Pläne als „Rückschritt“. "
        "Bisher sei eine zentrale Datei nie geplant gewesen."
    )
    check(run(text), "zentrale Datei", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Er")


def test_konjunktiv_cue_verb_continues_the_statement_before() -> None:
    # "wisse" is reported itself: the sentence continues the spokesman's
    # statement, with his mention, and the next Konjunktiv joins it
    text = (
        "Ein Sprecher der Stadt sagte, dass die Halle geschlossen bleiben müsse. "
        "Er wisse auch nicht, wann die Prüfung ende. "
        "Die Vereine seien aber schon informiert worden."
    )
    art = run(text)
    st = check(art, "Er wisse", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Ein Sprecher der Stadt")
    assert st.role_text("quote", text).endswith("informiert worden.")
    assert not st.cue


def test_indicative_cue_verb_still_frames() -> None:
    text = "Ein Sprecher der Stadt sagte, die Halle bleibe zu. Er weiß nicht, wann die Prüfung endet."
    check(run(text), "wann die Prüfung", kind=Kind.INDIRECT, speaker="Er")


def test_speaking_subject_before_a_konjunktiv_main_verb() -> None:
    # no statement before at all: the sentence before has a speaking subject
    # and a verb the cue lexicon lacks; "sei" as the main verb is reported
    text = "Der Verband der Bäcker sieht den Plan gelassen. Eine der Folgen sei ein stabiler Brotpreis."
    check(run(text), "stabiler Brotpreis", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Der Verband der Bäcker")


def test_no_continuation_from_a_subject_when_only_a_clause_is_konjunktiv() -> None:
    # "hätten" sits in a relative clause; the main verb is indicative
    text = "Der Verband der Bäcker sieht den Plan gelassen. Personen, die Mehl gekauft hätten, bekamen Gutscheine."
    assert not run(text).statements


def test_no_continuation_from_a_pronoun_subject_alone() -> None:
    # the pronoun lends no speaker (the Konjunktiv sentence stays reported, speakerless)
    text = "Sie sehen den Plan gelassen. Eine der Folgen sei ein stabiler Brotpreis."
    art = run(text)
    assert not any(st.kind == Kind.INDIRECT_FREE_INDIRECT and st.speaker for st in art.statements)


def test_hearsay_soll_takes_the_cue_sentence_before() -> None:
    # no statement before; the sentence before has a cue verb but no clause
    text = "Die Sprecherin des Vereins äußerte sich zu den Plänen. Das neue Stadion soll viel zu teuer gewesen sein."
    check(run(text), "Stadion", kind=Kind.FREE_INDIRECT, speaker="Die Sprecherin des Vereins")


def test_preterite_plural_alike_konjunktiv_continues_nothing() -> None:
    # "gingen" is the preterite as much as the Konjunktiv II: narration
    text = "Der Minister sagte, die Lage sei ruhig. Die Proteste in der Hauptstadt gingen am Abend weiter."
    assert not any("Proteste" in st.role_text("quote", text) for st in run(text).statements)


def test_own_frame_past_a_participle_tagged_finite() -> None:
    # "erhofft" closing the auxiliary's clause is a participle, whatever its
    # tag: the clause before the comma frames the Konjunktiv itself
    text = "Der Bürgermeister sagte, der Plan sei gut. Der Verband hatte sich erhofft, dass die Mieten niedrig bleiben würden."
    check(run(text), "Mieten", kind=Kind.INDIRECT, quote="dass die Mieten niedrig bleiben würden", speaker="Der Verband")


def test_own_frame_past_an_infinitive_after_zu() -> None:
    text = "Der Bürgermeister sagte, der Plan sei gut. Der Verband versuchte zu betonen, dass die Mieten niedrig bleiben müssten."
    check(run(text), "Mieten", kind=Kind.INDIRECT, quote="dass die Mieten niedrig bleiben müssten", speaker="Der Verband")


def test_activist_and_senate_are_speaking_subjects() -> None:
    text = "Der Stadtrat tagte am Montag. Die Aktivistin zeigte sich besorgt, dass die Mieten steigen würden."
    check(run(text), "Mieten", kind=Kind.INDIRECT, quote="dass die Mieten steigen würden", speaker="Die Aktivistin")
    text = "Der Stadtrat tagte am Montag. Der Senat zeigte sich besorgt, dass die Mieten steigen würden."
    check(run(text), "Mieten", kind=Kind.INDIRECT, quote="dass die Mieten steigen würden", speaker="Der Senat")


def test_indicative_main_clause_ends_the_continuation() -> None:
    # the Konjunktiv hangs on an indicative main clause of the narrator's
    text = (
        "Der Minister sagte, der Unfall sei schwer gewesen. "
        "Von der Polizei kam später die Information, bei den Toten handele es sich um Touristen."
    )
    assert not any(
        st.kind == Kind.INDIRECT_FREE_INDIRECT and "Touristen" in st.role_text("quote", text) for st in run(text).statements
    )


def test_coordinated_konjunktiv_clause_still_continues() -> None:
    text = "Der Trainer sagte, die Saison sei vorbei. Sein Knie ist verletzt, und er wolle es nun schonen."
    check(run(text), "schonen", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Der Trainer")


def test_verb_first_condition_is_no_indicative_main_clause() -> None:
    text = "Der Direktor sagte, der Motor sei fertig. Verläuft der Test gut, werde im Mai ein Flug folgen."
    check(run(text), "Flug folgen", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Der Direktor")


def test_konjunktiv_cue_sentence_takes_the_cue_sentence_between() -> None:
    # "sehen" makes the last sentence look framed; its main verb "sei" is
    # reported, so it continues, and the cue sentence between beats the
    # older report
    text = (
        "Zeugen berichteten von einem lauten Knall. "
        "Der Leiter der Flugrettung, Max Berg, spekulierte über einen toten Winkel als Ursache. "
        "So sei bei einem Hubschrauber die Sicht nach oben eingeschränkt, und die Piloten hätten sich nicht sehen können."
    )
    check(run(text), "Hubschrauber", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Der Leiter der Flugrettung, Max Berg")


def test_cue_verb_inside_a_reported_sentence_does_not_stop_it() -> None:
    # "melden" has no frame of its own: the Konjunktiv main verb "würden"
    # reports it, and the sentence continues the statement before
    text = (
        "Der Bericht der Organisation stellt fest, die Frauen würden oft angegriffen. "
        "Aus Angst würden viele Frauen die Angriffe nicht melden."
    )
    check(run(text), "Aus Angst", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Der Bericht der Organisation")


def test_strong_konjunktiv_ii_forms_continue() -> None:
    text = "Der Sprecher der Kassen sagte, die Studie sei richtig. Die Kassen brächten jedes Jahr viel Geld für Kuren auf."
    check(run(text), "Kuren", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Der Sprecher der Kassen")


def test_hearsay_soll_needs_the_statement_right_before() -> None:
    text = (
        "Der Reeder sagte, das Schiff sei fertig. "
        "Es bietet Platz für zweitausend Gäste. "
        "Die Taufe soll am 15. Juni in New York erfolgen."
    )
    assert not any(st.kind == Kind.FREE_INDIRECT for st in run(text).statements)
    text = "Der Reeder sagte, das Schiff sei fertig. Die Taufe soll am 15. Juni in New York erfolgen."
    check(run(text), "Taufe", kind=Kind.FREE_INDIRECT, speaker="Der Reeder")
