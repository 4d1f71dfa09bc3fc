"""Continuations without a frame of their own: Konjunktiv sentences, "soll" hearsay
and bare quotes, which speaker mention they take, and where the narrator's own
voice resumes. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check, check_case, quote_ranges, run, runs_with_anchor

CASES = [
    # --- which speaker mention a continuation takes
    # "er" in the sentence between only points back to the speaker of the
    # statement before: the continuation takes that statement's mention
    Case(
        why="pronoun sentence between keeps the statements speaker",
        text=(
            "Der Landrat erklärte, die Straße werde im Herbst gesperrt. "
            "Dazu äußerte er sich am Abend erneut. "
            "Die Umleitung führe über das Nachbardorf."
        ),
        fragment="Umleitung",
        quote="Die Umleitung führe über das Nachbardorf.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Der Landrat",
    ),
    Case(
        why="pronoun sentence without statement takes the subject before",
        text=(
            "Am Dienstag kündigte die Bürgermeisterin einen neuen Haushalt an. "
            "Dabei verteidigte sie die Kürzungen. "
            "Außerdem wolle sie die Gebühren senken."
        ),
        fragment="Gebühren",
        quote="Außerdem wolle sie die Gebühren senken.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="die Bürgermeisterin",
    ),
    # the sentence between quotes words: a statement of its own, its "Er" speaks
    Case(
        why="pronoun sentence with a quote keeps its pronoun",
        text=(
            "Der Datenschützer Max Born kritisierte die Pläne. "
            "Er bezeichnete die Pläne als „Rückschritt“. "
            "Bisher sei eine zentrale Datei nie geplant gewesen."
        ),
        fragment="zentrale Datei",
        quote="Bisher sei eine zentrale Datei nie geplant gewesen.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Er",
    ),
    Case(
        why="indicative cue verb still frames",
        text="Ein Sprecher der Stadt sagte, die Halle bleibe zu. Er weiß nicht, wann die Prüfung endet.",
        fragment="wann die Prüfung",
        quote="wann die Prüfung endet",
        kind=Kind.INDIRECT,
        speaker="Er",
    ),
    # no statement before at all: the sentence before has a speaking subject
    # and a verb the cue lexicon lacks; "sei" as the main verb is reported
    Case(
        why="speaking subject before a konjunktiv main verb",
        text="Der Verband der Bäcker sieht den Plan gelassen. Eine der Folgen sei ein stabiler Brotpreis.",
        fragment="stabiler Brotpreis",
        quote="Eine der Folgen sei ein stabiler Brotpreis.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Der Verband der Bäcker",
    ),
    # no statement before; the sentence before has a cue verb but no clause
    Case(
        why="hearsay soll takes the cue sentence before",
        text="Die Sprecherin des Vereins äußerte sich zu den Plänen. Das neue Stadion soll viel zu teuer gewesen sein.",
        fragment="Stadion",
        quote="Das neue Stadion soll viel zu teuer gewesen sein.",
        kind=Kind.FREE_INDIRECT,
        speaker="Die Sprecherin des Vereins",
    ),
    # "gingen" is the preterite as much as the Konjunktiv II: narration
    Case(
        why="preterite plural alike konjunktiv continues nothing",
        text="Der Minister sagte, die Lage sei ruhig. Die Proteste in der Hauptstadt gingen am Abend weiter.",
        fragment="Proteste",
        absent=True,
    ),
    # "erhofft" closing the auxiliary's clause is a participle, whatever its
    # tag: the clause before the comma frames the Konjunktiv itself
    Case(
        why="own frame past a participle tagged finite",
        text=(
            "Der Bürgermeister sagte, der Plan sei gut. Der Verband hatte sich erhofft, dass die Mieten niedrig "
            "bleiben würden."
        ),
        fragment="Mieten",
        kind=Kind.INDIRECT,
        quote="dass die Mieten niedrig bleiben würden",
        speaker="Der Verband",
    ),
    Case(
        why="own frame past an infinitive after zu",
        text=(
            "Der Bürgermeister sagte, der Plan sei gut. Der Verband versuchte zu betonen, dass die Mieten niedrig "
            "bleiben müssten."
        ),
        fragment="Mieten",
        kind=Kind.INDIRECT,
        quote="dass die Mieten niedrig bleiben müssten",
        speaker="Der Verband",
    ),
    Case(
        why="activist is a speaking subject",
        text="Der Stadtrat tagte am Montag. Die Aktivistin zeigte sich besorgt, dass die Mieten steigen würden.",
        fragment="Mieten",
        kind=Kind.INDIRECT,
        quote="dass die Mieten steigen würden",
        speaker="Die Aktivistin",
    ),
    Case(
        why="senate is a speaking subject",
        text="Der Stadtrat tagte am Montag. Der Senat zeigte sich besorgt, dass die Mieten steigen würden.",
        fragment="Mieten",
        kind=Kind.INDIRECT,
        quote="dass die Mieten steigen würden",
        speaker="Der Senat",
    ),
    Case(
        why="coordinated konjunktiv clause still continues",
        text="Der Trainer sagte, die Saison sei vorbei. Sein Knie ist verletzt, und er wolle es nun schonen.",
        fragment="schonen",
        quote="Sein Knie ist verletzt, und er wolle es nun schonen.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Der Trainer",
    ),
    Case(
        why="verb first condition is no indicative main clause",
        text="Der Direktor sagte, der Motor sei fertig. Verläuft der Test gut, werde im Mai ein Flug folgen.",
        fragment="Flug folgen",
        quote="Verläuft der Test gut, werde im Mai ein Flug folgen.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Der Direktor",
    ),
    # "sehen" makes the last sentence look framed; its main verb "sei" is
    # reported, so it continues, and the cue sentence between beats the
    # older report
    Case(
        why="konjunktiv cue sentence takes the cue sentence between",
        text=(
            "Zeugen berichteten von einem lauten Knall. "
            "Der Leiter der Flugrettung, Max Berg, spekulierte über einen toten Winkel als Ursache. "
            "So sei bei einem Hubschrauber die Sicht nach oben eingeschränkt, und die Piloten hätten sich nicht "
            "sehen können."
        ),
        fragment="Hubschrauber",
        quote=(
            "So sei bei einem Hubschrauber die Sicht nach oben eingeschränkt, und die Piloten hätten sich nicht "
            "sehen können."
        ),
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Der Leiter der Flugrettung, Max Berg",
    ),
    # "melden" has no frame of its own: the Konjunktiv main verb "würden"
    # reports it, and the sentence continues the statement before
    Case(
        why="cue verb inside a reported sentence does not stop it",
        text=(
            "Der Bericht der Organisation stellt fest, die Frauen würden oft angegriffen. "
            "Aus Angst würden viele Frauen die Angriffe nicht melden."
        ),
        fragment="Aus Angst",
        quote="Aus Angst würden viele Frauen die Angriffe nicht melden.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Der Bericht der Organisation",
    ),
    Case(
        why="strong konjunktiv ii forms continue",
        text=(
            "Der Sprecher der Kassen sagte, die Studie sei richtig. Die Kassen brächten jedes Jahr viel Geld für Kuren "
            "auf."
        ),
        fragment="Kuren",
        quote="Die Kassen brächten jedes Jahr viel Geld für Kuren auf.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Der Sprecher der Kassen",
    ),
    Case(
        why="hearsay soll right after a statement continues it",
        text="Der Reeder sagte, das Schiff sei fertig. Die Taufe soll am 15. Juni in New York erfolgen.",
        fragment="Taufe",
        quote="Die Taufe soll am 15. Juni in New York erfolgen.",
        kind=Kind.FREE_INDIRECT,
        speaker="Der Reeder",
    ),
    # --- where the narrator's own voice resumes
    # a Konjunktiv I keeps the sentence reported
    Case(
        why="conditional with konjunktiv one still continues",
        text=(
            "Der Virologe Hans Berg warnte vor einer neuen Grippe. "
            "Er sagte, die Lage sei ernst. "
            "Bei einer Pandemie sei mit vielen Kranken zu rechnen."
        ),
        fragment="Pandemie",
        quote="Bei einer Pandemie sei mit vielen Kranken zu rechnen.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Er",
    ),
    # the relative clause in the apposition hid the subject; the noun after
    # the verb ("die Haltung der Regierung") is the object, not the speaker
    # (the relative clause is left out of a prefield subject, as subject_phrase does everywhere)
    Case(
        why="bare quote takes a name with apposition before the verb",
        text=(
            "Der Brief wurde gestern veröffentlicht. "
            "Karl Brandt, einer der Abgeordneten, die den Brief unterschrieben, verurteilte die Haltung der Regierung. "
            "„Diese Regierung hat versagt.“"
        ),
        fragment="versagt",
        quote="„Diese Regierung hat versagt.“",
        kind=Kind.DIRECT,
        speaker="Karl Brandt, einer der Abgeordneten",
    ),
    # --- continuations and bare quotes (more cases)
    # the sentence right before has no statement but a speaking subject of
    # its own: the bare quote is hers, not the older statement's speaker
    Case(
        why="bare quote after narration takes its speaking subject",
        text=(
            "„Wir bauen die Brücke neu“, sagte der Bürgermeister Karl Brandt. "
            "Die Ministerin Eva Roth kritisierte den Plan. "
            "„Das Geld fehlt an den Schulen.“"
        ),
        fragment="Geld fehlt",
        quote="„Das Geld fehlt an den Schulen.“",
        kind=Kind.DIRECT,
        speaker="Die Ministerin Eva Roth",
    ),
    # "nach eigenem Bekunden" only points at its owner, the sentence's subject
    Case(
        why="bare quote after owner source takes the subject",
        text=(
            "Der Trainer des Vereins, Paul Weber, war nach eigenem Bekunden lange in die Pläne eingeweiht. "
            "„Die Mannschaft braucht einen Neuanfang.“"
        ),
        fragment="Neuanfang",
        quote="„Die Mannschaft braucht einen Neuanfang.“",
        kind=Kind.DIRECT,
        speaker="Der Trainer des Vereins, Paul Weber",
    ),
    # "dass sie … ausgingen" is a report inside a sentence that itself continues
    # the statement before ("habe"; "entdeckte" before a noun is no verb): the
    # next Konjunktiv sentence still continues the scientists' statement
    Case(
        why="report inside a konjunktiv sentence does not lend its speaker",
        text=(
            "Bislang gingen die Forscher davon aus, dass die Steine langsam wachsen würden. "
            "Der neu entdeckte Planet dagegen habe sich so schnell entwickelt, dass sie nun von einer anderen "
            "Theorie ausgingen. "
            "In diesem Fall habe sich der Planet aus Gas gebildet."
        ),
        fragment="aus Gas",
        quote="In diesem Fall habe sich der Planet aus Gas gebildet.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="die Forscher",
    ),
    # the bare quote takes its speaker only after the continuation was made:
    # the Konjunktiv sentence after it shares that speaker mention
    Case(
        why="continuation of a bare quote gets the quotes speaker",
        text=(
            "„Die Lage ist ernst“, sagte die Ärztin Maria Stein. "
            "„Wir brauchen mehr Betten.“ "
            "Bei einer Epidemie sei mit vielen Kranken zu rechnen."
        ),
        fragment="Epidemie",
        quote="Bei einer Epidemie sei mit vielen Kranken zu rechnen.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="die Ärztin Maria Stein",
    ),
    # "rate" (Konjunktiv I) is a cue-and-object report that is reported itself:
    # the sentence continues, its speaker the subject of the sentence before
    Case(
        why="konjunktiv report continues with the subject before",
        text=(
            "Der Minister Jürgen Trittin empfahl den Umstieg auf Erdgasautos. "
            "Auch die Fraktionschefin der Grünen, Renate Künast, äußerte sich kritisch gegenüber deutschen Automarken. "
            "Sie rate zum Kauf japanischer Hybridautos."
        ),
        fragment="Hybridautos",
        quote="Sie rate zum Kauf japanischer Hybridautos.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="die Fraktionschefin der Grünen, Renate Künast",
    ),
    # "hätten … verlangt" as the main verb: the report is reported itself
    Case(
        why="hatte report continues the source before",
        text=(
            "Laut einer Meldung des Senders sollen Polizisten die Helfer ermutigt haben. "
            "Sie hätten für die Hilfe Geld verlangt."
        ),
        fragment="Geld verlangt",
        quote="Sie hätten für die Hilfe Geld verlangt.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="einer Meldung des Senders",
    ),
    Case(
        why="a document named with 'in' in the sentence before is the source of a Konjunktiv sentence",
        text=(
            "Der Rücktritt kam überraschend. In einer Analyse der Süddeutschen Zeitung wird der Schritt "
            "als Folge eines langen Streits gesehen. So habe sich der Minister mit dem Vorsitzenden nie gut verstanden."
        ),
        fragment="So habe sich der Minister",
        quote="So habe sich der Minister mit dem Vorsitzenden nie gut verstanden.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="einer Analyse der Süddeutschen Zeitung",
    ),
    Case(
        why="'im' with a compound document noun is a source too",
        text=(
            "Der Rücktritt kam überraschend. Im Jahresbericht der Behörde finden sich dazu mehrere Hinweise. "
            "So habe sich der Minister mit dem Vorsitzenden nie gut verstanden."
        ),
        fragment="So habe sich der Minister",
        quote="So habe sich der Minister mit dem Vorsitzenden nie gut verstanden.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Jahresbericht der Behörde",
    ),
    Case(
        why="a place after 'in' is no source",
        text=(
            "Der Rücktritt kam überraschend. In der Hauptstadt wurde der Schritt lange erwartet. So habe sich der "
            "Minister nie wohlgefühlt."
        ),
        fragment="So habe sich der Minister",
        quote="So habe sich der Minister nie wohlgefühlt.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="",
    ),
    Case(
        why="a Konjunktiv in a relative clause after a preposition does not make a report of its own a continuation",
        text=(
            "Die Ministerin sagte, die Lage sei ernst. Zudem seien nur wenige Fälle aufgeklärt worden. "
            "Als Gründe für die niedrige Quote führt der Bericht schwere Mängel an, für die ein schwaches Gesetz "
            "verantwortlich sei."
        ),
        fragment="Als Gründe für die niedrige Quote",
        quote=(
            "Als Gründe für die niedrige Quote führt der Bericht schwere Mängel an, für die ein schwaches Gesetz "
            "verantwortlich sei"
        ),
        kind=Kind.REPORTED,
        speaker="der Bericht",
    ),
    Case(
        why="a passive 'soll ... werden' right after a statement is that speaker's plan",
        text=(
            "Die Regierung kündigte gestern ein neues Schulgesetz an. Alle Schulen sollen bis 2030 mit Computern "
            "ausgestattet werden."
        ),
        fragment="Alle Schulen sollen",
        quote="Alle Schulen sollen bis 2030 mit Computern ausgestattet werden.",
        kind=Kind.FREE_INDIRECT,
        speaker="Die Regierung",
    ),
    Case(
        why="a passive 'soll ... werden' at the end of a continuation chain keeps the chain's speaker",
        text=(
            "Die Ministerin sagte, die Lage sei ernst. Die Schulen seien schlecht ausgestattet. "
            "Alle Schulen sollen bis 2030 mit Computern ausgestattet werden."
        ),
        fragment="Alle Schulen sollen",
        quote="Alle Schulen sollen bis 2030 mit Computern ausgestattet werden.",
        kind=Kind.FREE_INDIRECT,
        speaker="Die Ministerin",
    ),
    Case(
        why="a passive 'soll ... werden' after narration is the narrator's plan",
        text=(
            "Das neue Schulgesetz tritt im Herbst in Kraft. Alle Schulen sollen bis 2030 mit Computern ausgestattet "
            "werden."
        ),
        fragment="Alle Schulen sollen",
        absent=True,
    ),
    Case(
        why="a passive 'soll ... werden' with 'jetzt' or 'nun' is the narrator's news of a plan",
        text=(
            "Die Regierung kündigte gestern ein neues Schulgesetz an. Jetzt sollen alle Schulen mit Computern "
            "ausgestattet werden."
        ),
        fragment="Jetzt sollen alle Schulen",
        absent=True,
    ),
    Case(
        why="the subject of a passive cue is what was announced, no speaker for the hearsay after it",
        text="Weitere Proteste sind für Montag angekündigt. Dann soll ein Marsch zum Parlament stattfinden.",
        fragment="Dann soll ein Marsch",
        absent=True,
    ),
    Case(
        why="a passive cue with a 'von' agent still lends that agent to the hearsay after it",
        text=(
            "Weitere Proteste wurden von der Gewerkschaft angekündigt. Dann soll ein Marsch zum Parlament stattfinden."
        ),
        fragment="Dann soll ein Marsch",
        quote="Dann soll ein Marsch zum Parlament stattfinden.",
        kind=Kind.FREE_INDIRECT,
        speaker="der Gewerkschaft",
    ),
    Case(
        why="a Konjunktiv I sentence with no source before it is reported speech without a speaker",
        text=(
            "Das Feuer brach am Abend aus. Die Feuerwehr habe 20 Fahrzeuge im Einsatz. Die Polizei habe das Gebiet "
            "abgesperrt."
        ),
        fragment="Die Feuerwehr habe 20 Fahrzeuge im Einsatz. Die Polizei habe",
        quote="Die Feuerwehr habe 20 Fahrzeuge im Einsatz. Die Polizei habe das Gebiet abgesperrt.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="",
    ),
    Case(
        why="a modal Konjunktiv II goes on with a continuation chain",
        text=(
            "Die Ministerin sagte, der Verband sei nicht gefährdet. Die Kasse sei gut gefüllt. Die Mitglieder könnten "
            "jederzeit einspringen."
        ),
        fragment="Die Kasse sei gut gefüllt. Die Mitglieder könnten",
        quote="Die Kasse sei gut gefüllt. Die Mitglieder könnten jederzeit einspringen.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Die Ministerin",
    ),
    Case(
        why="a modal Konjunktiv II with no chain before it is the narrator's",
        text="Das Feuer brach am Abend aus. Die Mitglieder könnten jederzeit einspringen.",
        fragment="Die Mitglieder könnten",
        absent=True,
    ),
    Case(
        why="a chain that took its speaker from the subject of the sentence before goes on past one sentence",
        text=(
            "Der Untersuchungsbericht schildert die Fehlerkette. Techniker hätten den Hebel auf manuell gestellt. "
            "Dadurch sei eine Kette von Warnsignalen ausgelöst worden."
        ),
        fragment="Dadurch sei eine Kette",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Der Untersuchungsbericht",
        quote=(
            "Techniker hätten den Hebel auf manuell gestellt. Dadurch sei eine Kette von Warnsignalen ausgelöst worden."
        ),
    ),
    Case(
        why="a Konjunktiv in a temporal clause after a comma is no frame of its own",
        text=(
            "Laut der Polizei lebte der Mann seit Jahren in der Stadt. Er war den Ermittlern aufgefallen, als er "
            "Waffen gekauft habe."
        ),
        fragment="als er Waffen gekauft habe",
        absent=True,
    ),
    Case(
        why="a Konjunktiv I in a clause inside a Konjunktiv II sentence takes the speaking subject before",
        text=(
            "So nannte der Experte Karl Brandt das Beispiel der Provinz. "
            "Da der Kandidat der Minderheit angehöre, wäre eine Niederlage dort kaum zu erklären."
        ),
        fragment="Da der Kandidat der Minderheit angehöre",
        quote="Da der Kandidat der Minderheit angehöre, wäre eine Niederlage dort kaum zu erklären.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="der Experte Karl Brandt",
    ),
    Case(
        why="a Konjunktiv II alone after a speaking subject stays the narrator's",
        text="Der Experte Karl Brandt sieht den Plan gelassen. Bei einem Sieg wäre die Partei am Ende.",
        fragment="Bei einem Sieg wäre",
        absent=True,
    ),
    Case(
        why="a dean is a speaking subject for the Konjunktiv sentence after him",
        text="Dekan Berg sieht den Streit gelassen. Von den Vorwürfen habe man nichts gewusst.",
        fragment="Von den Vorwürfen habe man",
        quote="Von den Vorwürfen habe man nichts gewusst.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Dekan Berg",
    ),
    Case(
        why="a Konjunktiv sentence with no source before it takes the cue verb's speaking subject right after it",
        text=(
            "Das Beben erschütterte die Insel. Auch seien mehrere Gebäude beschädigt worden. Die Zeitung berichtet vom "
            "Einsturz einer Kirche."
        ),
        fragment="Auch seien mehrere Gebäude",
        quote="Auch seien mehrere Gebäude beschädigt worden.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Die Zeitung",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)


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


def test_no_continuation_from_a_subject_when_only_a_clause_is_konjunktiv() -> None:
    # "hätten" sits in a relative clause; the main verb is indicative
    text = "Der Verband der Bäcker sieht den Plan gelassen. Personen, die Mehl gekauft hätten, bekamen Gutscheine."
    for _, found in runs_with_anchor(text):
        assert not found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the statement is not right before: a narrator's sentence stands between
        pytest.param(
            (
                "Der Reeder sagte, das Schiff sei fertig. "
                "Es bietet Platz für zweitausend Gäste. "
                "Die Taufe soll am 15. Juni in New York erfolgen."
            ),
            Kind.FREE_INDIRECT,
            id="hearsay soll needs the statement right before",
        ),
    ],
)
def test_no_statement_of_kind(text: str, kind: Kind) -> None:
    for _, found in runs_with_anchor(text):
        assert not any(st.kind == kind for st in found)


def test_indicative_main_clause_ends_the_continuation() -> None:
    # the Konjunktiv hangs on an indicative main clause of the narrator's
    text = (
        "Der Minister sagte, der Unfall sei schwer gewesen. "
        "Von der Polizei kam später die Information, bei den Toten handele es sich um Touristen."
    )
    art = run(text)
    check(art, "Unfall", kind=Kind.INDIRECT, quote="der Unfall sei schwer gewesen", speaker="Der Minister")
    assert not any(
        st.kind == Kind.INDIRECT_FREE_INDIRECT and "Touristen" in st.role_text("quote", text) for st in art.statements
    )


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # "Falls …, wäre …" and "Im Falle …, müsste …" after a statement are the
        # narrator's reasoning: no continuation of the statement
        pytest.param(
            (
                "Der Verband kündigte an, gegen das Urteil Berufung einzulegen. "
                "Im Falle einer Niederlage müsste der Verein hohe Strafen zahlen."
            ),
            "Niederlage",
            id="conditional im falle without konjunktiv one is the narrators",
        ),
        pytest.param(
            "Die Regierung erklärte, sie prüfe neue Regeln für den Bergbau. Falls das Gesetz scheitert, wäre der "
            "Plan am Ende.",
            "scheitert",
            id="conditional falls without konjunktiv one is the narrators",
        ),
        pytest.param(
            (
                "Der Fahrer gab an, lediglich ein Glas Wein getrunken zu haben. "
                "Hätte er tatsächlich nur Wein getrunken, so müsste er sehr viel davon getrunken haben."
            ),
            "tatsächlich",
            id="counterfactual with so is the narrators",
        ),
        # "soll … gebildet werden" states a plan even when the commas of a list
        # cut the clause short: no hearsay continuation
        pytest.param(
            (
                "Der Rat erklärte, die Stadt müsse klimaneutral werden. "
                "Dazu soll eine Gruppe aus Ärzten, Forschern, Beamten und Planern gebildet werden."
            ),
            "Planern",
            id="soll with passive after a list is a plan",
        ),
        pytest.param(
            (
                "Die Forscherin Anna Klein warnte vor zu viel Aufregung. "
                "Er hätte zu dem Treffen gerne auch Kritiker eingeladen, hatte aber keine gefunden."
            ),
            "Kritiker",
            id="konjunktiv two with an indicative second verb is the narrators",
        ),
    ],
)
def test_narrators_voice_resumes(text: str, fragment: str) -> None:
    for art, found in runs_with_anchor(text):
        assert not any(fragment in q for q in quote_ranges(art, found))


def test_konjunktiv_cue_with_a_second_statement_is_one_continuation() -> None:
    # "Dieser behaupte, … und habe befürchtet, …": the second cue only
    # coordinates with the first; the whole sentence continues the statement
    text = (
        "Die Anklage gibt an, der Sänger werde durch seinen Fahrer belastet. "
        "Dieser behaupte, der Sänger sei ihm nachts mit einer Waffe entgegengekommen "
        "und habe befürchtet, jemanden verletzt zu haben. Der Prozess beginnt morgen."
    )
    art = run(text)
    st = check(art, "Waffe", kind=Kind.INDIRECT_FREE_INDIRECT, speaker="Die Anklage")
    assert "verletzt" in art.text[st.quote[0].begin : st.quote[-1].end]
    assert sum(1 for s in art.statements if "verletzt" in art.text[s.quote[0].begin : s.quote[-1].end]) == 1


def test_no_continuation_from_a_pronoun_subject_alone() -> None:
    # the pronoun lends no speaker (the Konjunktiv sentence stays reported, speakerless)
    text = "Sie sehen den Plan gelassen. Eine der Folgen sei ein stabiler Brotpreis."
    art = run(text)
    check(
        art,
        "stabiler Brotpreis",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        quote="Eine der Folgen sei ein stabiler Brotpreis.",
        speaker="",
    )
