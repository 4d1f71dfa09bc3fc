"""Speakers of cue verbs and direct-quote frames: subjects the verb-second
reading used to miss, and spans the corpus marks (see each test's rule)."""

from __future__ import annotations

from saidwhat.model import Kind
from test_de_helpers import by_quote, check, run


def test_pronoun_with_genitive_in_prefield() -> None:
    # a capitalised determiner opening the sentence is no head: the phrase runs on
    art = run("Einer der vier befragten Lehrer sagte: „Wir wussten von nichts.“")
    check(art, "wussten", kind=Kind.DIRECT, speaker="Einer der vier befragten Lehrer")


def test_participle_tagged_as_present_after_auxiliary() -> None:
    # "betont" is read as present tense; after "hatte" it is the participle
    art = run("Die Ministerin hatte am Montag die Rolle der Länder betont: „Ohne sie geht es nicht.“")
    check(art, "Ohne sie", kind=Kind.DIRECT, speaker="Die Ministerin", cue="hatte … betont")
    art = run("Der Sender hatte im Mai berichtet, in dem Keller seien Waffen gefunden worden.")
    check(art, "Waffen", kind=Kind.INDIRECT, speaker="Der Sender")


def test_von_attribute_is_no_passive_agent() -> None:
    art = run("Nach dem Hochwasser wird der Ausbruch von Seuchen befürchtet, sagte ein Arzt.")
    for st in art.statements:
        assert "Seuchen" not in st.role_text("speaker", art.text)
    art = run("Zudem wurde die Regierung vom Verband aufgefordert, die Grenzen zu schließen.")
    check(art, "Grenzen", kind=Kind.INDIRECT, speaker="Verband")


def test_heading_run_into_the_prefield() -> None:
    # a capitalised adverb inside a verbless prefield: a heading glued to the
    # sentence, so the prefield is no subject and the one after the verb is
    art = run("Rückblick Bereits im Mai hatte die Ministerin verkündet: „Wir bauen neue Schulen.“")
    check(art, "Schulen", kind=Kind.DIRECT, speaker="die Ministerin")


def test_bracket_inside_a_relative_clause() -> None:
    # a short bracket does not end the clause: the relative clause keeps its subject
    text = "Erreicht ist die Grenze, die Gerhard Schröder in seiner Amtszeit (1998 bis 2002) zum Ziel erklärt hatte: „Wir schaffen das bis zum Ende.“"
    check(run(text), "schaffen", kind=Kind.DIRECT, speaker="Gerhard Schröder")


def test_article_apposition_is_no_relative_clause() -> None:
    # ", der Koordinator der Behörde, teilte mit": an apposition of the name before
    art = run("Max Muster, der Koordinator der Behörde, teilte mit, dass bislang niemand geborgen wurde.")
    check(art, "geborgen", kind=Kind.INDIRECT, speaker="Max Muster, der Koordinator der Behörde")


def test_participle_with_bracket_after_auxiliary() -> None:
    art = run("Im Vorfeld hatte das Komitee (OK) der Weltmeisterschaft betont, dass die Karten wichtig seien.")
    check(art, "Karten", kind=Kind.INDIRECT, speaker="das Komitee (OK) der Weltmeisterschaft")


def test_standalone_demonstrative_and_niemand() -> None:
    # "Dieser" is tagged as a determiner; with no noun after it, it is the subject
    art = run("Der Zeuge wurde befragt. Dieser behauptete, er habe nichts gesehen.")
    check(art, "nichts gesehen", kind=Kind.INDIRECT, speaker="Dieser")
    art = run("Damals glaubte niemand, dass der Streit so lange dauern würde.")
    check(art, "Streit", kind=Kind.INDIRECT, speaker="niemand")


def test_possessive_tagged_as_pronoun_or_verb() -> None:
    # "sein" is tagged as the verb, "dessen" as a demonstrative: before a noun both are possessives
    art = run("Wie sein Anwalt Jan Beispiel mitteilte, war er nicht zu Hause.")
    check(art, "nicht zu Hause", kind=Kind.INDIRECT, speaker="sein Anwalt Jan Beispiel")
    art = run("Der Chef war verreist. Daher teilte dessen Stellvertreter mit: „Wir warten ab.“")
    check(art, "warten ab", kind=Kind.DIRECT, speaker="dessen Stellvertreter")


def test_main_clause_joined_by_comma_with_appositions() -> None:
    text = "Die Ministerin wies dies zurück, die Sprecherin der Fraktion, Anna Muster (Grüne), erklärte: „Das ist fehl am Platz.“"
    check(run(text), "fehl am Platz", kind=Kind.DIRECT, speaker="die Sprecherin der Fraktion, Anna Muster (Grüne)")


def test_verb_sharing_the_subject_of_the_clause_before() -> None:
    # "…, teilten jedoch mit, …": no subject after the verb, the first clause's serves
    art = run("Die Vereinten Nationen bestätigten den Vorfall, teilten jedoch mit, es sei unklar, wer geschossen habe.")
    check(art, "unklar", kind=Kind.INDIRECT, speaker="Die Vereinten Nationen")
    art = run("Internationale Beobachter monieren Mängel, sprechen aber davon, dass die Wahl fair verlaufen sei.")
    check(art, "fair verlaufen", kind=Kind.INDIRECT, speaker="Internationale Beobachter")


def test_coordinated_verb_after_a_subordinate_clause() -> None:
    # the shared subject is the main clause's, not the "Als"-clause's
    art = run("Als ein Helfer kam, biss der Mann den Helfer und rief: „Lasst mich gehen!“")
    check(art, "Lasst mich", kind=Kind.DIRECT, speaker="der Mann")


def test_zitieren_names_the_quoted_person() -> None:
    # the corpus marks who is quoted: the passive's subject, the object after "man"
    art = run("„Wir sind unerwünschte Zeugen“, zitierte man Anna Muster vom Sender XY.")
    check(art, "Zeugen", kind=Kind.DIRECT, speaker="Anna Muster vom Sender XY")
    art = run("„Ich sah heute viele Kommentare dazu“, wird Panetta zitiert.")
    check(art, "Kommentare", kind=Kind.DIRECT, speaker="Panetta")


def test_cue_after_the_quote_beats_the_colon_frame() -> None:
    # "X äußerte sich zu …: „…“, sagte er": the corpus takes the adjacent "sagte er"
    text = "Besorgt äußerte sich auch die Vorsitzende des Vereins, Anna Muster, zu den Vorgängen: „Wir fürchten das Schlimmste“, sagte sie dem Radio."
    check(run(text), "Schlimmste", kind=Kind.DIRECT, speaker="sie", cue="sagte")


def test_speaker_phrase_stops_before_object_words() -> None:
    # quoted words opening with a lower-case adjective are no name in the phrase
    art = run("Dagegen äußerten die Richter „schwere rechtliche Bedenken“ gegen das Gesetz.")
    for st in art.statements:
        assert "Bedenken" not in st.role_text("speaker", art.text)
    # an adjective with no noun after it is a verb form ("veröffentlichte")
    art = run("Laut nachrichten.de veröffentlichte das Ministerium kürzlich einen Bericht, der Fehler enthält.")
    check(art, "Ministerium", kind=Kind.INDIRECT, speaker="nachrichten.de")
    # a genitive plural after a source noun ends in -er: "weitere" opens the object
    art = run("Die Firma plant nach eigenen Angaben weitere Projekte in Asien.")
    check(art, "Projekte", kind=Kind.INDIRECT, speaker="eigenen Angaben")


def test_adverbial_is_no_part_of_the_speaker() -> None:
    art = run("„Die Lage ist ruhig“, sagte Max Muster, Kommandeur des Einsatzes am Montag.")
    check(art, "Lage", kind=Kind.DIRECT, speaker="Max Muster, Kommandeur des Einsatzes")
    art = run("Die Sängerin Anna Muster zur neuen Heimat: „Hier fühle ich mich wohl.“")
    check(art, "wohl", kind=Kind.DIRECT, speaker="Die Sängerin Anna Muster")


def test_quoted_name_opens_the_prefield() -> None:
    art = run("„Radio Nord“ berichtet, im Hafen seien zwei Schiffe gesunken.")
    check(art, "Schiffe", kind=Kind.INDIRECT, speaker="„Radio Nord“")


def test_article_phrase_after_comma_with_adverb_is_a_subject() -> None:
    # "die" opens a noun phrase here, not a relative clause
    art = run("Die Opposition macht die Regierung verantwortlich, die staatliche Agentur „Nord“ dagegen sagt, es sei ein Unfall gewesen.")
    check(art, "Unfall", kind=Kind.INDIRECT, speaker="die staatliche Agentur „Nord“")


def test_fuer_attribute_names_a_remit() -> None:
    art = run("Die Zahl der Arbeitslosen sei gesunken, sagte der Chef der Agentur für Arbeit.")
    check(art, "Arbeitslosen", kind=Kind.INDIRECT, speaker="der Chef der Agentur für Arbeit")


def test_definite_place_phrase_after_a_body() -> None:
    art = run("Die Lage sei ernst, sagte die Sprecherin der Fraktion im Landtag.")
    check(art, "Lage", kind=Kind.INDIRECT, speaker="die Sprecherin der Fraktion im Landtag")
    # not after a person's name, not an indefinite "in einem Interview"
    art = run("Die Lage sei ernst, sagte der Minister in einem Interview.")
    check(art, "Lage", kind=Kind.INDIRECT, speaker="der Minister")


def test_subordinate_and_prepositional_relative_clauses() -> None:
    art = run("Der Präsident widersprach, indem er sagte, eine engere Zusammenarbeit sei nicht geplant.")
    check(art, "Zusammenarbeit", kind=Kind.INDIRECT, speaker="er")
    art = run("Der Täter hinterließ einen Zettel, in dem er verlangte, dass keine Polizei gerufen werde.")
    check(art, "Polizei", kind=Kind.INDIRECT, speaker="er")
    art = run("Es folgte ein Skandal, in dessen Folge das Gericht festgestellt hatte, die Regierung habe richtig gehandelt.")
    check(art, "richtig gehandelt", kind=Kind.INDIRECT, speaker="das Gericht")
    # "als" is tagged as a preposition: before "er" it opens a clause
    art = run("Er entschuldigte sich später, als er die Fans dafür kritisierte, dass sie gepfiffen hatten.")
    check(art, "gepfiffen", kind=Kind.INDIRECT, speaker="er")


def test_article_tagged_as_pronoun_before_quoted_name() -> None:
    art = run('Das „Zentrum für Stürme“ der USA geht davon aus, dass der Sturm stärker wird.')
    check(art, "Sturm stärker", kind=Kind.INDIRECT, speaker="Das „Zentrum für Stürme“ der USA")


def test_focus_word_and_truncated_coordination_before_the_subject() -> None:
    art = run("Einzig Sony gab bekannt, ein Update anbieten zu wollen.")
    check(art, "Update", kind=Kind.INDIRECT, speaker="Sony")
    art = run("Muster hatte besonders die Rolle der Landes- und Bundesregierung betont: „Beide müssen handeln.“")
    check(art, "handeln", kind=Kind.DIRECT, speaker="Muster")


def test_heissen_source_keeps_aus_and_vom() -> None:
    # the corpus keeps "aus"/"vom" in the source of "hieß es" (not "in")
    art = run("„Wir prüfen alle Hinweise“, hieß es vom Sprecher der Behörde.")
    check(art, "Hinweise", kind=Kind.DIRECT, speaker="vom Sprecher der Behörde")
    art = run("Aus Berlin hieß es, man prüfe alle Hinweise.")
    check(art, "Hinweise", kind=Kind.INDIRECT, speaker="Aus Berlin")


def test_wie_frame_with_relative_clause_on_the_name() -> None:
    text = "Wie Anna Muster, die als Beobachterin bei der Anhörung anwesend war, dazu feststellt, fehlen „die nötigen Beweise für eine Verschwörung“."
    check(run(text), "Beweise", kind=Kind.DIRECT, speaker="Anna Muster")


def test_passive_source_after_in_must_be_a_source() -> None:
    art = run("In einem Bericht der Zeitung wurde vermutet, dass niemand überlebt hat.")
    check(art, "niemand", kind=Kind.INDIRECT, speaker="einem Bericht der Zeitung")
    # "im Jahr 2020" is a time, not who said it
    art = run("Im Jahr 2020 wurde vermutet, dass niemand überlebt hat.")
    assert by_quote(art, "niemand").role_text("speaker", art.text) == ""


def test_coordination_after_present_tagged_as_participle() -> None:
    # "bezeichnet" after "Er" is finite, though tagged as a participle
    art = run("Er bezeichnet die Proteste als rechtmäßig und forderte Anna Muster dazu auf, Ruhe zu bewahren.")
    check(art, "Ruhe", kind=Kind.INDIRECT, speaker="Er")


def test_pluperfect_passive_finds_its_source() -> None:
    art = run("Von Seiten der Delegation war den USA vorgeworfen worden, den Bericht verwässert zu haben.")
    st = by_quote(art, "verwässert")
    assert st.role_text("speaker", art.text) == "Seiten der Delegation"


def test_participle_after_subject_with_apposition() -> None:
    art = run("Das sei eine echte Chance, wird Max Muster, Manager für Video, zitiert.")
    check(art, "echte Chance", kind=Kind.INDIRECT, speaker="Max Muster, Manager für Video")


def test_quoted_name_closes_a_source_before_wonach() -> None:
    text = "Ein Bericht der Agentur „Nordpost“, wonach der Politiker festgenommen worden sein soll, wurde dementiert."
    check(run(text), "festgenommen", kind=Kind.INDIRECT, speaker="Ein Bericht der Agentur „Nordpost“")


def test_backward_phrase_stops_at_its_article() -> None:
    art = run("Der Präsident sagte dem „Kurier“ zufolge, er werde nicht zurücktreten.")
    st = next(s for s in art.statements if s.role_text("cue", art.text) == "zufolge")
    assert st.role_text("speaker", art.text) == "dem „Kurier“"


def test_name_particle_opening_the_sentence() -> None:
    art = run("Zu Guttenberg hatte Fehler eingeräumt und angegeben, er habe nicht sorgfältig gearbeitet.")
    check(art, "sorgfältig", kind=Kind.INDIRECT, speaker="Zu Guttenberg")
    art = run("Von der Leyen sagte, die Truppe sei gut ausgerüstet.")
    check(art, "Truppe", kind=Kind.INDIRECT, speaker="Von der Leyen")
