"""Indirect speech the frame rules used to miss: phrases between cue and
complement, relative clauses inside a complement, nominal sources."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import check, run


def test_phrase_between_cue_and_dass_clause_is_skipped() -> None:
    text = "Am Abend sagte die Ministerin, Anna Beispiel, gegenüber dem Radio, dass die Schulen offen blieben."
    check(run(text), "Schulen", kind=Kind.INDIRECT, quote="dass die Schulen offen blieben", cue="sagte")


def test_apposition_between_cue_and_dass_clause_joins_the_speaker() -> None:
    text = "In einem Brief erklärte der Vermieter, die örtliche Baugesellschaft Muster, dass die Miete steige."
    check(
        run(text), "Miete", kind=Kind.INDIRECT, quote="dass die Miete steige", speaker="der Vermieter, die örtliche Baugesellschaft Muster"
    )


def test_phrase_before_an_indicative_clause_is_no_frame() -> None:
    text = "Der Trainer lobte die Mannschaft, vor allem die Abwehr, die Stürmer spielten schwach."
    assert not [st for st in run(text).statements if "Stürmer" in st.role_text("quote", text)]


def test_relative_clause_read_as_article_is_skipped_before_the_konjunktiv() -> None:
    # "die" before a participle is a relative pronoun, though tagged as an article
    text = "Der Trainer meinte, Max Muster, die gesungen hatte, wären für die Aufgabe perfekt gewesen."
    check(run(text), "perfekt", kind=Kind.INDIRECT, speaker="Der Trainer", cue="meinte")


def test_nominal_source_inside_a_relative_clause_quotes_that_clause() -> None:
    text = "Ein Boot, auf dem sich nach Angaben der Polizei viel Geld befunden haben soll, ist gestern gekentert."
    check(run(text), "viel Geld", kind=Kind.INDIRECT, quote="auf dem sich … viel Geld befunden haben soll", speaker="Angaben der Polizei")


def test_relative_pronoun_after_nach_is_the_source() -> None:
    text = "Das ist eine Folge der Umfragen, nach denen die Hälfte der Wähler den Plan ablehnt."
    check(run(text), "Hälfte", kind=Kind.INDIRECT, quote="die Hälfte der Wähler den Plan ablehnt", speaker="denen", cue="nach")


def test_relative_pronoun_after_laut_names_its_antecedent() -> None:
    text = "Es war ein Schritt für die Pläne der Regierung, laut denen jeder Haushalt ein Radio haben sollte."
    check(run(text), "Haushalt", kind=Kind.INDIRECT, speaker="die Pläne der Regierung", cue="laut")


def test_temporal_nach_der_is_no_source() -> None:
    text = "Das Spiel ging in die Pause, nach der die Gäste etwas stärker wurden."
    assert not run(text).statements


def test_source_opening_the_sentence_fills_the_prefield() -> None:
    text = "Nach Angaben des Bundesamts für Statistik im Land bleibt die Zahl der Geburten niedrig."
    check(
        run(text), "Geburten", kind=Kind.INDIRECT, quote="bleibt die Zahl der Geburten niedrig", speaker="Angaben des Bundesamts für Statistik im Land", cue="Nach"
    )


def test_prefield_source_leaves_out_relative_clause_and_gegenueber() -> None:
    art = run("Nach offiziellen Angaben, die nicht geprüft werden können, waren die meisten Opfer Kinder.")
    check(art, "Opfer", kind=Kind.INDIRECT, quote="waren die meisten Opfer Kinder", speaker="offiziellen Angaben")
    art = run("Nach Angaben der Sprecherin Eva Muster gegenüber der Zeitung ist der Hafen geschlossen.")
    check(art, "Hafen", kind=Kind.INDIRECT, quote="ist der Hafen geschlossen", speaker="Angaben der Sprecherin Eva Muster")


def test_nominal_source_in_a_later_main_clause_quotes_from_that_clause() -> None:
    text = "Der Vater soll zwar davon gewusst haben, diese Taten seien aber laut der Staatsanwältin schon verjährt."
    check(run(text), "Taten", kind=Kind.INDIRECT, quote="diese Taten seien aber … schon verjährt", speaker="der Staatsanwältin", cue="laut")


def test_dative_pronoun_before_zufolge_is_the_source() -> None:
    text = "Die Zahlen stammen aus der Hauptstadt. Ihnen zufolge hat die Opposition die Mehrheit erhalten."
    check(run(text), "Mehrheit", kind=Kind.INDIRECT, speaker="Ihnen", cue="zufolge")


def test_auskunft_plan_and_erfahrungen_are_sources() -> None:
    check(run("Nach Auskunft der Behörde würde der Satellit verglühen."), "verglühen", kind=Kind.INDIRECT, speaker="Auskunft der Behörde")
    check(run("Nach einem Plan der Regierung müssen alle Länder Konzepte vorlegen."), "Konzepte", kind=Kind.INDIRECT, speaker="einem Plan der Regierung")
    check(run("Nach bisherigen Erfahrungen steigt die Zahl der Gebote am Ende."), "Gebote", kind=Kind.INDIRECT, speaker="bisherigen Erfahrungen")


def test_source_phrase_stops_before_a_nominative_article() -> None:
    text = "Beim Eintritt würde nach Auskunft der NASA der größte Teil der Masse verglühen."
    check(run(text), "verglühen", kind=Kind.INDIRECT, quote="Beim Eintritt würde … der größte Teil der Masse verglühen", speaker="Auskunft der NASA")


def test_modal_preterite_after_a_cue_reads_as_konjunktiv() -> None:
    text = "Gegner hatten dem Bürgermeister vorgeworfen, er wollte sich mit dem Bau nur bereichern."
    check(run(text), "bereichern", kind=Kind.INDIRECT, quote="er wollte sich mit dem Bau nur bereichern", speaker="Gegner")


def test_weak_verb_frames_with_wie_and_a_speaking_subject() -> None:
    text = "Wie der Anwalt Max Muster feststellt, ist dies ungewöhnlich."
    check(run(text), "ungewöhnlich", kind=Kind.INDIRECT, quote="ist dies ungewöhnlich", speaker="der Anwalt Max Muster")


def test_wie_er_es_nannte_is_no_frame() -> None:
    text = "Wie er es nannte, war das Konzert ein Fest."
    assert not [st for st in run(text).statements if st.kind == Kind.INDIRECT]


def test_heading_without_final_mark_is_its_own_sentence() -> None:
    text = "Ergebnisse der Wahl \nWie die Wahlleiterin mitteilte, lag die Beteiligung bei 41 Prozent."
    check(run(text), "Beteiligung", kind=Kind.INDIRECT, quote="lag die Beteiligung bei 41 Prozent", speaker="die Wahlleiterin")


def test_line_break_inside_a_sentence_does_not_split_it() -> None:
    from saidwhat.nlp import parse

    doc = parse("Er kritisierte die Speicherung der Daten aller \nBürger und forderte ein Ende.", "de")
    assert len(doc.sentences) == 1


def test_complement_ends_before_a_coordinated_indicative_verb() -> None:
    art = run("Der Präsident sagte, sie müssten ihre Zurückhaltung aufgeben und lobte dann die Arbeit der Helfer.")
    check(art, "Zurückhaltung", kind=Kind.INDIRECT, quote="sie müssten ihre Zurückhaltung aufgeben", speaker="Der Präsident")
    art = run("Der Angeklagte hatte erklärt, er sei unschuldig, erkannte das Gericht nicht an und schwieg.")
    check(art, "unschuldig", kind=Kind.INDIRECT, quote="er sei unschuldig", speaker="Der Angeklagte")


def test_konjunktiv_after_und_stays_in_the_complement() -> None:
    art = run("Die Ärztin sagte, er sei krank und habe hohes Fieber.")
    check(art, "krank", kind=Kind.INDIRECT, quote="er sei krank und habe hohes Fieber")


def test_sentence_initial_gemaess_frames_a_source() -> None:
    text = "Gemäß seiner Aussage werden die neuen Regeln ab Mai gelten."
    check(run(text), "Regeln", kind=Kind.INDIRECT, quote="werden die neuen Regeln ab Mai gelten", speaker="seiner Aussage", cue="Gemäß")


def test_possessive_relative_before_a_source_noun() -> None:
    text = "Die Tasche des Mannes, die nach dessen Angaben eine Bombe enthalten sollte, war leer."
    check(run(text), "Bombe", kind=Kind.INDIRECT, quote="die … eine Bombe enthalten sollte", speaker="dessen Angaben", cue="nach")


def test_impersonal_erwartet_is_no_frame() -> None:
    text = "Es wird erwartet, dass der Komet im November zu sehen ist."
    assert not [st for st in run(text).statements if st.kind == Kind.INDIRECT]


def test_nach_after_a_time_expression_is_temporal() -> None:
    for text in ("Zwei Monate nach dem Urteil des Gerichts liegt nun die Begründung vor.", "Erst nach umfangreichen Ermittlungen war genug Material beisammen."):
        assert not [st for st in run(text).statements if st.role_text("cue", text) == "nach"], text


def test_nach_der_veroeffentlichung_is_temporal() -> None:
    text = "Nach der Veröffentlichung kam es zu Protesten gegen die Regierung."
    assert not [st for st in run(text).statements if st.role_text("cue", text) == "Nach"]


def test_negated_reflexive_or_bracketed_cue_frames_nothing() -> None:
    for text in (
        "Ein Sprecher der Armee wollte nicht bestätigen, dass alle Insassen Soldaten waren.",
        "Damit bestätigt sich die Befürchtung, dass sich das Virus nach Europa ausbreitet.",
        "Ein Entwurf sorgte für Aufsehen (Wikinews berichtete): Er sah vor, alle Hinweise zu streichen.",
    ):
        assert not [st for st in run(text).statements if st.kind == Kind.INDIRECT], text


def test_relative_was_after_an_object_is_no_complement() -> None:
    text = "Darüber hinaus kritisierte er die Rolle der Abgeordneten in der Debatte, was eine Reaktion der Partei zur Folge hatte."
    assert not [st for st in run(text).statements if st.kind == Kind.INDIRECT]
    check(run("Der Reporter fragte, was die Regierung nun plane."), "Regierung", kind=Kind.INDIRECT)


def test_prefield_with_only_a_relative_clause_is_no_quote_first() -> None:
    text = "In einem Essay, das zu seinem Geburtstag erschien, kritisierte er den Stil des Präsidenten."
    assert not [st for st in run(text).statements if st.kind == Kind.INDIRECT and "Essay" in st.role_text("quote", text)]
    check(run("Die Brücke, die alt ist, werde bald erneuert, sagte er."), "Brücke", kind=Kind.INDIRECT, speaker="er")


def test_dies_with_a_weak_verb_is_no_frame() -> None:
    text = "Die Firma teilt ihre Aktien. Dies nennt man einen Aktiensplit."
    assert not [st for st in run(text).statements if st.kind == Kind.INDIRECT]


def test_relative_welches_after_an_object_is_no_complement() -> None:
    text = "Der Veranstalter informierte die Botschaft, welche daraufhin einen Krisenstab einrichtete."
    assert not [st for st in run(text).statements if st.kind == Kind.INDIRECT]


def test_clause_around_a_quoted_fragment_is_an_indirect_statement_too() -> None:
    art = run("Der Sprecher teilte auch mit, der Minister „steht bereit“, sich mit den Vertretern zu treffen, wenn er zurückkehre.")
    check(art, "Vertretern", kind=Kind.INDIRECT, speaker="Der Sprecher", cue="teilte … mit")
    check(art, "steht bereit", kind=Kind.DIRECT, quote="„steht bereit“")
    art = run("Nach einer Wahl könne die Politik Bedingungen schaffen, „dass mehr Wachstum entsteht“, erklärte der Präsident Max Muster.")
    check(art, "Nach einer Wahl", kind=Kind.INDIRECT, speaker="der Präsident Max Muster", cue="erklärte")


def test_colon_quote_after_an_apposition_is_no_mixed_statement() -> None:
    text = "Im Interview sagte Max Muster, der Chef der Firma: „Wir bleiben hier.“"
    assert not [st for st in run(text).statements if st.kind == Kind.INDIRECT]


def test_clause_final_zu_is_the_separable_particle() -> None:
    text = "Den Flüchtlingen sicherte der Präsident kurz vor dem Ende der Mission zu, dass sie bleiben dürften."
    check(run(text), "bleiben", kind=Kind.INDIRECT, quote="dass sie bleiben dürften", speaker="der Präsident", cue="sicherte … zu")


def test_number_with_dot_before_a_quotation_ends_the_sentence() -> None:
    from saidwhat.nlp import parse

    doc = parse("Der Stand ist in Halle 4. „Vielfalt ist Programm“, erklärte er.", "de")
    assert len(doc.sentences) == 2


def test_nominal_source_around_a_quoted_fragment_or_quote_frame() -> None:
    art = run("Das Gros der Nutzer handhabe den Gebrauch jedoch „maßvoll und vorübergehend“, so Eva Muster.")
    check(art, "Das Gros", kind=Kind.INDIRECT, speaker="Eva Muster", cue="so")
    art = run("„Wir bleiben in der Stadt“, sagte der Trainer laut Spiegel Online.")
    check(art, "sagte der Trainer", kind=Kind.INDIRECT, quote="„Wir bleiben in der Stadt“, sagte der Trainer", speaker="Spiegel Online", cue="laut")


def test_short_bracket_before_the_separable_particle() -> None:
    text = "Sie warf dem Minister Max Muster (CDU) vor, die Daten aller Bürger zu missbrauchen."
    check(run(text), "missbrauchen", kind=Kind.INDIRECT, speaker="Sie", cue="warf … vor")


def test_erhoffen_frames_a_dass_clause() -> None:
    text = "Der Senat hatte sich erhofft, dass die Einnahmen in den Haushalt fließen würden."
    check(run(text), "Einnahmen", kind=Kind.INDIRECT, quote="dass die Einnahmen in den Haushalt fließen würden")


def test_mixed_zu_infinitive_with_a_quoted_object() -> None:
    text = "Sie warf dem Minister vor, „die Daten aller Bürger“ zu missbrauchen."
    check(run(text), "zu missbrauchen", kind=Kind.INDIRECT, quote="„die Daten aller Bürger“ zu missbrauchen", speaker="Sie")


def test_danach_after_a_publication_is_a_source() -> None:
    art = run("Das Kinderhilfswerk stellte heute eine Studie vor. Danach bestimmen verschiedene Formen von Gewalt den Alltag vieler Kinder.")
    check(art, "Alltag", kind=Kind.INDIRECT, speaker="Danach", cue="Danach")
    text = "Er traf den Minister in Berlin. Danach fuhr er nach Hause."
    assert not [st for st in run(text).statements if st.role_text("cue", text) == "Danach"]


def test_mixed_quote_complement_runs_to_the_end_of_the_quote() -> None:
    # "und" inside the quotation marks is no coordination of the frame
    text = "Die Ministerin sagte, der Plan „ist und bleibt die beste Lösung für alle“."
    art = run(text)
    assert any(st.role_text("quote", text) == "der Plan „ist und bleibt die beste Lösung für alle“" for st in art.statements)
