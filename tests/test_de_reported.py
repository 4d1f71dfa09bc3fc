"""Reported speech: a cue verb with an object ("forderte höhere Löhne"), its
speaker before or after the verb, passives with their agent, and the verbs
that look like cues but report nothing. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check, check_case, run, runs_with_anchor

CASES = [
    # --- the prepositional object need not follow the verb at once
    Case(
        why="sprach von with an adverbial before the object",
        text="Die Feuerwehr sprach am Abend von einem glimpflichen Ausgang.",
        fragment="glimpflichen",
        quote="Die Feuerwehr sprach am Abend von einem glimpflichen Ausgang",
        kind=Kind.REPORTED,
        speaker="Die Feuerwehr",
    ),
    Case(
        why="gewarnt vor after auxiliary and adverbial",
        text="Der Wetterdienst hat am Morgen vor starkem Frost gewarnt.",
        fragment="Frost",
        quote="Der Wetterdienst hat am Morgen vor starkem Frost gewarnt",
        kind=Kind.REPORTED,
        speaker="Der Wetterdienst",
    ),
    Case(
        why="verwies auf",
        text="Eine Sprecherin der Bahn verwies auf die hohen Kosten.",
        fragment="Kosten",
        quote="Eine Sprecherin der Bahn verwies auf die hohen Kosten",
        kind=Kind.REPORTED,
        speaker="Eine Sprecherin der Bahn",
    ),
    Case(
        why="rechnet mit",
        text="Die Ärztin rechnet mit weiteren Fällen in den nächsten Wochen.",
        fragment="Fällen",
        quote="Die Ärztin rechnet mit weiteren Fällen in den nächsten Wochen",
        kind=Kind.REPORTED,
        speaker="Die Ärztin",
    ),
    Case(
        why="zur teilnahme aufgefordert",
        text="Die Gemeinde hat die Bürger zur Teilnahme an der Versammlung aufgefordert.",
        fragment="Teilnahme",
        quote="Die Gemeinde hat die Bürger zur Teilnahme an der Versammlung aufgefordert",
        kind=Kind.REPORTED,
        speaker="Die Gemeinde",
    ),
    Case(
        why="gehen von aus",
        text="Die Forscher gehen von einem langsamen Anstieg der Temperaturen aus.",
        fragment="Anstieg",
        quote="Die Forscher gehen von einem langsamen Anstieg der Temperaturen aus",
        kind=Kind.REPORTED,
        speaker="Die Forscher",
    ),
    Case(
        why="kuendigte an",
        text="Der Verband kündigte eine Klage gegen den Bebauungsplan an.",
        fragment="Klage",
        quote="Der Verband kündigte eine Klage gegen den Bebauungsplan an",
        kind=Kind.REPORTED,
        speaker="Der Verband",
    ),
    Case(
        why="beziffert auf",
        text="Die Versicherung beziffert den Schaden auf zehn Millionen Euro.",
        fragment="Schaden",
        quote="Die Versicherung beziffert den Schaden auf zehn Millionen Euro",
        kind=Kind.REPORTED,
        speaker="Die Versicherung",
    ),
    # --- cue verb + object, and subjects after the verb
    Case(
        why="nominative pronoun after verb is the subject",
        text="Die Entscheidung des Rates bezeichnete er als einen Fehler.",
        fragment="Fehler",
        quote="Die Entscheidung des Rates bezeichnete er als einen Fehler",
        kind=Kind.REPORTED,
        speaker="er",
    ),
    # "Den …" is never nominative: the subject follows the verb
    Case(
        why="object in prefield, subject after the verb",
        text="Den Vorwurf der Bestechung bestritt der Bürgermeister am Montag.",
        fragment="Bestechung",
        quote="Den Vorwurf der Bestechung bestritt der Bürgermeister am Montag",
        kind=Kind.REPORTED,
        speaker="der Bürgermeister",
    ),
    Case(
        why="object in prefield before a colon quote",
        text=(
            "Den Ärger der Anwohner brachte die Sprecherin der Initiative, Anna Berg, zum Ausdruck: „Es reicht jetzt.“"
        ),
        fragment="reicht",
        quote="„Es reicht jetzt.“",
        kind=Kind.DIRECT,
        speaker="die Sprecherin der Initiative, Anna Berg",
    ),
    Case(
        why="gab bekannt with an object",
        text="Die Stadtverwaltung gab am Freitag die Schließung des Hallenbads bekannt.",
        fragment="Hallenbads",
        quote="Die Stadtverwaltung gab am Freitag die Schließung des Hallenbads bekannt",
        kind=Kind.REPORTED,
        speaker="Die Stadtverwaltung",
    ),
    Case(
        why="subject after the verb ends before the cue preposition",
        text="In ihrer Rede sprach die Ministerin von einer schwierigen Lage.",
        fragment="Lage",
        quote="In ihrer Rede sprach die Ministerin von einer schwierigen Lage",
        kind=Kind.REPORTED,
        speaker="die Ministerin",
    ),
    # a stance alone is no report: remeasured on train with later rules, 4 of 15 right
    Case(
        why="sich aussprechen fuer states a stance, no report",
        text="Der Verband sprach sich am Dienstag gegen längere Öffnungszeiten aus.",
        fragment="Öffnungszeiten",
        absent=True,
    ),
    Case(
        why="anregen with an object",
        text="Die Bürgermeisterin regte eine Befragung der Anwohner an.",
        fragment="Befragung",
        quote="Die Bürgermeisterin regte eine Befragung der Anwohner an",
        kind=Kind.REPORTED,
        speaker="Die Bürgermeisterin",
    ),
    # --- nested or label quotes, passives, clauses
    # a title in quotation marks is no quote: the sentence is still reported speech
    Case(
        why="quoted name does not block a report",
        text="Der Stadtrat forderte die Rückgabe der „Goldenen Krone“ an das Museum.",
        fragment="Rückgabe",
        quote="Der Stadtrat forderte die Rückgabe der „Goldenen Krone“ an das Museum",
        kind=Kind.REPORTED,
        speaker="Der Stadtrat",
    ),
    # "kritisierte/verurteilte/stufte … als …": the predicate is what was said
    Case(
        why="kritisierte als reports",
        text="Die Gewerkschaft kritisierte den Plan der Stadtwerke als unsozial.",
        fragment="unsozial",
        quote="Die Gewerkschaft kritisierte den Plan der Stadtwerke als unsozial",
        kind=Kind.REPORTED,
        speaker="Die Gewerkschaft",
    ),
    Case(
        why="passive bewertet als reports",
        text="Von den Anwohnern wurde der Umbau des Platzes als gelungen bewertet.",
        fragment="gelungen",
        quote="Von den Anwohnern wurde der Umbau des Platzes als gelungen bewertet",
        kind=Kind.REPORTED,
        speaker="den Anwohnern",
    ),
    Case(
        why="stufte als ein reports",
        text="Das Umweltamt stufte die Belastung des Flusses als gering ein.",
        fragment="Belastung",
        quote="Das Umweltamt stufte die Belastung des Flusses als gering ein",
        kind=Kind.REPORTED,
        speaker="Das Umweltamt",
    ),
    Case(
        why="report in a temporal clause is that clause",
        text="Die Märkte blieben leer, nachdem die Behörden vor dem Verzehr roher Pilze gewarnt hatten.",
        fragment="Pilze",
        kind=Kind.REPORTED,
        speaker="die Behörden",
        quote="nachdem die Behörden vor dem Verzehr roher Pilze gewarnt hatten",
    ),
    Case(
        why="report after a clause starts with its own clause",
        text="Während die Gäste noch feierten, forderte der Wirt eine frühere Sperrstunde.",
        fragment="Sperrstunde",
        kind=Kind.REPORTED,
        speaker="der Wirt",
        quote="forderte der Wirt eine frühere Sperrstunde",
    ),
    Case(
        why="coordinated report stays one statement",
        text="Die Lehrer fordern kleinere Klassen und beklagen fehlende Stellen.",
        fragment="Klassen",
        kind=Kind.REPORTED,
        speaker="Die Lehrer",
        quote="Die Lehrer fordern kleinere Klassen und beklagen fehlende Stellen",
    ),
    # the agent, not an earlier "im Vergleich" nor the subject before it
    Case(
        why="passive agent is the von phrase, not im vergleich",
        text=(
            "Trotz der im Vergleich zum Vorjahr kleineren Zahl wurde das Fest von den Veranstaltern als Erfolg "
            "gewertet."
        ),
        fragment="Erfolg",
        quote=(
            "Trotz der im Vergleich zum Vorjahr kleineren Zahl wurde das Fest von den Veranstaltern als Erfolg gewertet"
        ),
        kind=Kind.REPORTED,
        speaker="den Veranstaltern",
    ),
    Case(
        why="passive agent is the von phrase in a clause",
        text="Die Messe wächst, während die Schau von ihren Kritikern als überholt eingestuft wird.",
        fragment="überholt",
        quote="während die Schau von ihren Kritikern als überholt eingestuft wird",
        kind=Kind.REPORTED,
        speaker="ihren Kritikern",
    ),
    Case(
        why="label verb before a relative clause governs als",
        text=(
            "Die Ministerin kritisierte den Plan des Bürgermeisters, der die Schule schließen wollte, als „völlig "
            "verfehlt“."
        ),
        fragment="verfehlt",
        quote="„völlig verfehlt“",
        kind=Kind.DIRECT,
        speaker="Die Ministerin",
        cue="kritisierte … als",
    ),
    Case(
        why="passive label speaker is the agent",
        text="In weiten Teilen des Landes wird die Gefahr vom Wetterdienst als „sehr hoch“ eingestuft.",
        fragment="sehr hoch",
        quote="„sehr hoch“",
        kind=Kind.DIRECT,
        speaker="Wetterdienst",
    ),
    Case(
        why="orphan quote takes the speaking subject before it",
        text="Richterin Anna Berg tadelte Foren, in denen die Rechte der Zeugen „mit Füßen getreten“ würden.",
        fragment="Füßen",
        quote="„mit Füßen getreten“",
        kind=Kind.DIRECT,
        speaker="Richterin Anna Berg",
    ),
    # --- more cue verbs with an object
    # the object of "sprach von" may open with a number or "bis zu"
    Case(
        why="spoke of a number",
        text="Die Feuerwehr spricht von 3.000 Helfern.",
        fragment="Helfern",
        quote="Die Feuerwehr spricht von 3.000 Helfern",
        kind=Kind.REPORTED,
        speaker="Die Feuerwehr",
    ),
    Case(
        why="spoke of bis zu a number",
        text="Die Veranstalter sprachen am Abend von bis zu 900 Gästen.",
        fragment="Gästen",
        quote="Die Veranstalter sprachen am Abend von bis zu 900 Gästen",
        kind=Kind.REPORTED,
        speaker="Die Veranstalter",
    ),
    # a short sentence is still a report: subject, cue verb, object
    Case(
        why="three word report",
        text="Anwohner fürchten Lärm.",
        fragment="Lärm",
        quote="Anwohner fürchten Lärm",
        kind=Kind.REPORTED,
        speaker="Anwohner",
    ),
    Case(
        why="considering something reports",
        text="Die Stadt erwog am Montag eine Klage gegen den Betreiber.",
        fragment="Klage",
        quote="Die Stadt erwog am Montag eine Klage gegen den Betreiber",
        kind=Kind.REPORTED,
        speaker="Die Stadt",
    ),
    # "need=vor" of vorwerfen is met by the participle "vorgeworfen" itself
    Case(
        why="fused participle has its needed particle",
        text="Die Opposition hat dem Minister schweres Versagen vorgeworfen.",
        fragment="Versagen",
        quote="Die Opposition hat dem Minister schweres Versagen vorgeworfen",
        kind=Kind.REPORTED,
        speaker="Die Opposition",
    ),
    # --- rows taken out of tests that also check more (see the functions below)
    # the corpus marks only the quoted words, with the preposition or "als" in the cue
    Case(
        why="quoted object of sprach von is a direct quote",
        text="Die Ärztin Eva Lind sprach von einer „Gefahr für die Gäste“ und warnte vor dem Besuch.",
        fragment="Gefahr",
        quote="„Gefahr für die Gäste“",
        kind=Kind.DIRECT,
        speaker="Die Ärztin Eva Lind",
        cue="sprach von",
    ),
    Case(
        why="passive report with its agent",
        text="Von der Opposition wurde eine Untersuchung des Unfalls gefordert.",
        fragment="Untersuchung",
        quote="Von der Opposition wurde eine Untersuchung des Unfalls gefordert",
        kind=Kind.REPORTED,
        speaker="der Opposition",
    ),
    Case(
        why="position with the reflexive is a stance, no report",
        text="Der Bürgermeister sprach sich gegen den Bau der Umgehungsstraße aus.",
        fragment="Umgehungsstraße",
        absent=True,
    ),
    # quoted words of the speaker stay a nested direct quote with the same speaker
    Case(
        why="quoted words inside reported speech stay a nested quote",
        text="Der Sprecher sagte, die Firma habe „ganz bewusst getäuscht“.",
        fragment="bewusst",
        quote="„ganz bewusst getäuscht“",
        kind=Kind.DIRECT,
        speaker="Der Sprecher",
    ),
    Case(
        why="passive with vom agent after an amount",
        text="Es wurde lediglich eine Ablöse von zehn Millionen Euro vom Verein gefordert.",
        fragment="Ablöse",
        quote="Es wurde lediglich eine Ablöse von zehn Millionen Euro vom Verein gefordert",
        kind=Kind.REPORTED,
        speaker="Verein",
    ),
    # "von zehn Millionen Euro" is an amount, no agent: the report has no speaker in it
    Case(
        why="passive without agent keeps no speaker",
        text="Am Ende wurde eine Ablöse von zehn Millionen Euro gefordert.",
        fragment="Ablöse",
        quote="Am Ende wurde eine Ablöse von zehn Millionen Euro gefordert",
        kind=Kind.REPORTED,
        speaker="",
    ),
    Case(
        why="halten fuer with a predicative adjective reports",
        text="Die Richterin hält die Klage der Nachbarn für teilweise begründet.",
        fragment="Klage",
        quote="Die Richterin hält die Klage der Nachbarn für teilweise begründet",
        kind=Kind.REPORTED,
        speaker="Die Richterin",
    ),
    # the clause-final particle still makes the cue
    Case(
        why="warf vor with its clause final particle",
        text="Der Verband warf dem Trainer schwere Fehler vor.",
        fragment="Fehler",
        quote="Der Verband warf dem Trainer schwere Fehler vor",
        kind=Kind.REPORTED,
        speaker="Der Verband",
    ),
    # "sieht in X eine Y" judges
    Case(
        why="seeing in something a judgement reports",
        text="Die Gewerkschaft sieht in der Maßnahme eine Gefahr für die Sicherheit.",
        fragment="Gefahr",
        quote="Die Gewerkschaft sieht in der Maßnahme eine Gefahr für die Sicherheit",
        kind=Kind.REPORTED,
        speaker="Die Gewerkschaft",
    ),
    Case(
        why="bestreiten with accusations is a denial",
        text="Der Konzern hat die Vorwürfe der Behörde bestritten.",
        fragment="Vorwürfe",
        quote="Der Konzern hat die Vorwürfe der Behörde bestritten",
        kind=Kind.REPORTED,
        speaker="Der Konzern",
    ),
    Case(
        why="seeing someone as something reports",
        text="Die Zeitung sah den Kanzler als klaren Sieger der Debatte.",
        fragment="Sieger",
        quote="Die Zeitung sah den Kanzler als klaren Sieger der Debatte",
        kind=Kind.REPORTED,
        speaker="Die Zeitung",
    ),
    # "erinnerte an" (without "sich") reminds, a report
    Case(
        why="erinnerte an without sich reports",
        text="Der Bürgermeister erinnerte an die Opfer des Hochwassers.",
        fragment="Opfer",
        quote="Der Bürgermeister erinnerte an die Opfer des Hochwassers",
        kind=Kind.REPORTED,
        speaker="Der Bürgermeister",
    ),
    Case(
        why="a main clause after a comma may open with its subject's article, not a relative pronoun",
        text=(
            "Im Park entstanden 300 neue Stellen, die Betreiber sprechen schon von bis zu 600 Stellen im nächsten Jahr."
        ),
        fragment="die Betreiber sprechen schon",
        kind=Kind.REPORTED,
        speaker="die Betreiber",
        known_miss=(
            "the quote should be the report alone, 'die Betreiber sprechen schon von bis zu 600 Stellen im "
            "nächsten Jahr'; today it also takes the narrator's clause before the comma"
        ),
    ),
    Case(
        why="a relative clause ending with its cue verb reports nothing",
        text="Der Verein kaufte die Halle, die Kritiker lange gefordert hatten.",
        fragment="Kritiker",
        absent=True,
    ),
    Case(
        why="the clause checks of a report stay inside its sentence",
        text=(
            "Anna Berger vom Mieterbund forderte eine unabhängige Prüfung aller Verträge. Bei dem Brand gab es zwei "
            "Tote, die Feuerwehr war schnell vor Ort."
        ),
        fragment="forderte eine unabhängige Prüfung",
        quote="Anna Berger vom Mieterbund forderte eine unabhängige Prüfung aller Verträge",
        kind=Kind.REPORTED,
        speaker="Anna Berger vom Mieterbund",
    ),
    Case(
        why="an agentless passive naming a cause with als reports the speaker of the sentence before",
        text=(
            "Die Klinik teilte mit, der Sänger sei am Morgen gestorben. Als Todesursache wurde ein Schlaganfall "
            "angegeben."
        ),
        fragment="Als Todesursache wurde",
        quote="Als Todesursache wurde ein Schlaganfall angegeben",
        kind=Kind.REPORTED,
        speaker="Die Klinik",
    ),
    Case(
        why="an agentless naming passive with nobody speaking before has no speaker",
        text="Der Zug hielt zwei Stunden vor Köln. Als Grund wurden Bauarbeiten an der Strecke genannt.",
        fragment="Als Grund wurden",
        quote="Als Grund wurden Bauarbeiten an der Strecke genannt",
        kind=Kind.REPORTED,
        speaker="",
    ),
    Case(
        why="a name given with so is no naming report",
        text="Als „Blauhelme“ werden die Soldaten so genannt.",
        fragment="Soldaten",
        absent=True,
    ),
    Case(
        why="a naming passive whose object is a clause is left to the indirect stage",
        text="Als Grund wurde genannt, dass die Kosten gestiegen seien.",
        fragment="Als Grund wurde genannt",
        absent=True,
    ),
    Case(
        why="a verb after a comma and aber shares the subject of the indicative clause before",
        text="Die Mieter lobten den neuen Plan der Stadt, verlangen aber eine feste Frist für die Sanierung.",
        fragment="verlangen aber eine feste Frist",
        quote="Die Mieter lobten den neuen Plan der Stadt, verlangen aber eine feste Frist für die Sanierung",
        kind=Kind.REPORTED,
        speaker="Die Mieter",
    ),
    Case(
        why="the indicative clause before a verb joined by aber is no quote of the phrase after it",
        text="Die Mieter lobten den neuen Plan der Stadt, verlangen aber eine feste Frist für die Sanierung.",
        fragment="Die Mieter lobten",
        kind=Kind.REPORTED,
        quote="Die Mieter lobten den neuen Plan der Stadt, verlangen aber eine feste Frist für die Sanierung",
    ),
    Case(
        why="after a Konjunktiv clause a verb with aber still frames it",
        text="Der Plan sei zu teuer, sagte aber der Bürgermeister.",
        fragment="Der Plan sei zu teuer",
        quote="Der Plan sei zu teuer",
        kind=Kind.INDIRECT,
        speaker="der Bürgermeister",
    ),
    Case(
        why="a sowohl-als-auch pair before the verb is the subject, with its first word",
        text="Sowohl die Stadtwerke als auch die Feuerwehr kündigten eine genaue Prüfung an.",
        fragment="kündigten eine genaue Prüfung an",
        quote="Sowohl die Stadtwerke als auch die Feuerwehr kündigten eine genaue Prüfung an",
        kind=Kind.REPORTED,
        speaker="Sowohl die Stadtwerke als auch die Feuerwehr",
    ),
    Case(
        why="a report with man as its subject takes the source of the statement before",
        text=(
            "Nach Angaben des Betreibers fiel am Abend der Strom aus. Bis jetzt geht man von einem Defekt in einem "
            "Umspannwerk aus."
        ),
        fragment="Bis jetzt geht man",
        quote="Bis jetzt geht man von einem Defekt in einem Umspannwerk aus",
        kind=Kind.REPORTED,
        speaker="Angaben des Betreibers",
    ),
    Case(
        why="a bracketed reference to an earlier report is no statement",
        text="Den Titel gewann nicht sie, sondern ihre Kollegin Anna Berger (Wikinews berichtete).",
        fragment="Den Titel gewann",
        absent=True,
    ),
    Case(
        why="a prefield phrase with a relative clause belongs to the report after it",
        text=(
            "Für den Umbau der Schule, den der Rat als dringend ansieht, gab die Bürgermeisterin einen Zeitraum von "
            "zwei Jahren an."
        ),
        fragment="gab die Bürgermeisterin",
        kind=Kind.REPORTED,
        quote=(
            "Für den Umbau der Schule, den der Rat als dringend ansieht, gab die Bürgermeisterin einen Zeitraum von "
            "zwei Jahren an"
        ),
    ),
    Case(
        why="a participle phrase between article and noun stays inside the speaker",
        text=(
            "Der noch im Amt befindliche Bürgermeister Karl Huber, der die Stadt lange führte, hat nun seinen Rückzug "
            "angekündigt."
        ),
        fragment="seinen Rückzug angekündigt",
        quote=(
            "Der noch im Amt befindliche Bürgermeister Karl Huber, der die Stadt lange führte, hat nun seinen "
            "Rückzug angekündigt"
        ),
        kind=Kind.REPORTED,
        speaker="Der noch im Amt befindliche Bürgermeister Karl Huber",
    ),
    Case(
        why="a measure phrase between article and noun stays inside the speaker",
        text="Dazu verweist der 80 Seiten starke Bericht auf frühere Fehler der Verwaltung.",
        fragment="verweist der 80 Seiten",
        quote="Dazu verweist der 80 Seiten starke Bericht auf frühere Fehler der Verwaltung",
        kind=Kind.REPORTED,
        speaker="der 80 Seiten starke Bericht",
    ),
    Case(
        why="a negated report verb reports nothing",
        text="Die Höhe des Schadens gab die Versicherung bislang nicht bekannt.",
        fragment="Höhe des Schadens",
        absent=True,
    ),
    Case(
        why="after a negated report the clause that does report stands alone",
        text="Weitere Einzelheiten gab sie nicht bekannt, sie verwies aber auf die laufenden Ermittlungen der Polizei.",
        fragment="sie verwies aber",
        kind=Kind.REPORTED,
        quote="sie verwies aber auf die laufenden Ermittlungen der Polizei",
    ),
    Case(
        why="nicht nur negates no report",
        text="Der Verband warnte nicht nur vor steigenden Preisen, sondern auch vor Engpässen.",
        fragment="Der Verband warnte",
        quote="Der Verband warnte nicht nur vor steigenden Preisen, sondern auch vor Engpässen",
        kind=Kind.REPORTED,
        speaker="Der Verband",
    ),
    Case(
        why="a nicht inside an attribute negates no report",
        text="Ein nicht genannter Vertreter der Firma forderte eine schnelle Entscheidung der Behörde.",
        fragment="forderte eine schnelle Entscheidung",
        quote="Ein nicht genannter Vertreter der Firma forderte eine schnelle Entscheidung der Behörde",
        kind=Kind.REPORTED,
    ),
    Case(
        why="sehen judges only with its in-phrase right before the indefinite object",
        text="Kurz darauf sah der Stürmer Gelb und in der 70. Minute gab es eine gelbe Karte für seinen Kollegen.",
        fragment="sah der Stürmer Gelb",
        absent=True,
    ),
    Case(
        why="sehen in X ein Y is a judgement reported",
        text="Die Umweltverbände sehen in dem neuen Gesetz einen großen Rückschritt für den Naturschutz.",
        fragment="sehen in dem neuen Gesetz",
        quote="Die Umweltverbände sehen in dem neuen Gesetz einen großen Rückschritt für den Naturschutz",
        kind=Kind.REPORTED,
        speaker="Die Umweltverbände",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize(
    "text",
    [
        # "rechnen" reports only with its object ("mit …"); "von" inside the speaker does not count
        pytest.param("Der Kassierer rechnet die Einnahmen des Abends zusammen.", id="rechnen without mit is no report"),
        pytest.param("Die Leiterin von der Schule sprach lange.", id="von inside the speaker is no object"),
        pytest.param("Weitere Proteste sind für Montag angekündigt.", id="passive report needs its agent"),
        # without "als" these verbs are ordinary ones ("betrachtete das Bild")
        pytest.param(
            "Die Besucherin betrachtete das Bild im Museum sehr lange.", id="judging verb without als is no report"
        ),
        # no statement around it: a short quoted noun phrase is a term, with or without a cue verb
        pytest.param(
            "Die Stadt plant einen neuen „Ring für alle“ um die Altstadt.",
            id="quoted term outside statements is no quote",
        ),
        pytest.param(
            "Die Bibliothek zeigt in diesem Jahr „Die Früchte des Zorns“ in einer neuen Ausgabe.",
            id="verbless capitalised orphan is a title",
        ),
    ],
)
def test_no_statement(text: str) -> None:
    for _, found in runs_with_anchor(text):
        assert not found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param(
            "Der Vorsitzende Hans Berg bezeichnete den Besuch als ein „wichtiges Zeichen“.",
            Kind.REPORTED,
            id="quoted object is a direct quote not a report",
        ),
        # "befürchten" with an object fears an event; only with a clause does it frame a statement
        pytest.param(
            "Die Bauern befürchten eine lange Dürre im Sommer.", Kind.REPORTED, id="feared event is no report"
        ),
        # without "sich" the verb utters something else: "sprach eine Warnung gegen … aus"
        pytest.param(
            "Der Verein hat eine Warnung gegen den Händler ausgesprochen.",
            Kind.REPORTED,
            id="position needs the reflexive",
        ),
        pytest.param(
            "Der Verband hat die „Regeln für Gäste“ im Frühjahr angekündigt und eingeführt.",
            Kind.DIRECT,
            id="quoted term beside a cue verb is no quote",
        ),
        # "weil/da/obwohl …": the background of the main clause, not a statement
        pytest.param(
            "Die Händler schlossen früh, weil die Polizei vor Krawallen gewarnt hatte.",
            Kind.REPORTED,
            id="cue in a reason clause is no report",
        ),
        pytest.param(
            "Der Sturm hat in der Nacht mehr als zwanzig Todesopfer gefordert.",
            Kind.REPORTED,
            id="toll of a disaster is no demand",
        ),
        pytest.param(
            "Der Läufer hält seit Jahren den Rekord für die schnellste Meile.",
            Kind.REPORTED,
            id="halten fuer needs a predicative adjective",
        ),
        # "vor der Zweiten" is a preposition: "warf" is no "warf … vor" (accuse)
        pytest.param(
            "Die Werferin warf die Scheibe sehr weit und gewann vor der Zweiten aus Polen.",
            Kind.REPORTED,
            id="preposition with its noun phrase is no particle",
        ),
        # watching or "sich in der Pflicht sehen" does not judge
        pytest.param(
            "Die Zuschauer sahen in der Halle das Finale der Meisterschaft.",
            Kind.REPORTED,
            id="seeing in a place is no report",
        ),
        pytest.param(
            "Viele Eltern sehen sich in der Pflicht einer neuen Rolle.",
            Kind.REPORTED,
            id="sich in der pflicht sehen is no report",
        ),
        # "bestreiten" with a match as object is sport, not a denial
        pytest.param(
            "Die Mannschaft bestreitet ihr zweites Gruppenspiel am Sonntag in Lyon.",
            Kind.REPORTED,
            id="playing a match is no denial",
        ),
        pytest.param(
            "Am Samstag sahen mehr als tausend Zuschauer das Spiel im Stadion.",
            Kind.REPORTED,
            id="seeing a match is no report",
        ),
        # "sich erinnern an" remembers
        pytest.param(
            "Viele Gäste hatten sich sofort an das Fest im Sommer erinnert.",
            Kind.REPORTED,
            id="remembering is no report",
        ),
        pytest.param(
            "Nach dem Lauf klagte der Sportler über starke Kopfschmerzen.",
            Kind.REPORTED,
            id="complaining of pain is no report",
        ),
    ],
)
def test_no_statement_of_kind(text: str, kind: Kind) -> None:
    for _, found in runs_with_anchor(text):
        assert not any(st.kind == kind for st in found)


def test_quoted_object_is_a_direct_quote_not_a_report() -> None:
    # the corpus marks only the quoted words, with the preposition or "als" in the cue
    art = run("Der Vorsitzende Hans Berg bezeichnete den Besuch als ein „wichtiges Zeichen“.")
    st = check(
        art,
        "wichtiges",
        kind=Kind.DIRECT,
        quote="„wichtiges Zeichen“",
        speaker="Der Vorsitzende Hans Berg",
        cue="bezeichnete … als",
    )
    assert st.role_text("frame", art.text) == "Der Vorsitzende Hans Berg bezeichnete den Besuch als ein"


def test_quoted_term_inside_reported_speech_is_no_quote() -> None:
    # a short quoted noun phrase is the writer's distance to a term
    art = run("Der Sprecher sagte, die Firma habe ihre „Mitbewerber“ getäuscht.")
    check(art, "Firma", kind=Kind.INDIRECT, quote="die Firma habe ihre „Mitbewerber“ getäuscht", speaker="Der Sprecher")
    assert not any(st.nested for st in art.statements)


def test_cue_of_a_relative_clause_does_not_speak_for_the_quote() -> None:
    # "erwarten" belongs to the relative clause about Lopez: it is no frame of the quote
    art = run(
        "Das schrieb die Sängerin Ana Lopez, die den Auftritt kaum erwarten könne, um „zu zeigen, was wir können“."
    )
    check(art, "zu zeigen", kind=Kind.DIRECT, quote="„zu zeigen, was wir können“", speaker="die Sängerin Ana Lopez")
    assert not any(st.role_text("speaker", art.text) == "die" for st in art.statements)


def test_speaker_of_a_quote_stops_before_it() -> None:
    art = run("In ihrem Urteil äußerten die Richter „gravierende rechtliche Bedenken“ gegen das Gesetz.")
    check(art, "Bedenken", kind=Kind.DIRECT, quote="„gravierende rechtliche Bedenken“", speaker="die Richter")
    for st in art.statements:
        assert "„" not in st.role_text("speaker", art.text)
