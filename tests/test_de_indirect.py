"""Indirect speech: cue + clause, trailing and inserted frames, nominal sources
("laut X", "nach Angaben X"), complements after inserted phrases and clauses.
Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from saidwhat.lang.de.tagger import parse
from saidwhat.model import Kind, Medium
from test_de_helpers import Case, case_id, check, check_case, run, runs_with_anchor

CASES = [
    # --- cue + clause, trailing frames, nominal frames
    Case(
        why="dass clause inverted subject",
        text="Am Montag erklärte die Polizei, dass niemand verletzt worden sei.",
        fragment="niemand",
        kind=Kind.INDIRECT,
        speaker="die Polizei",
        cue="erklärte",
        quote="dass niemand verletzt worden sei",
    ),
    Case(
        why="ob clause",
        text="Der Reporter fragte, ob die Regierung zurücktreten werde.",
        fragment="ob die Regierung",
        quote="ob die Regierung zurücktreten werde",
        kind=Kind.INDIRECT,
        speaker="Der Reporter",
        cue="fragte",
    ),
    Case(
        why="zu infinitive",
        text="Die Firma hat bestritten, die Daten verkauft zu haben.",
        fragment="verkauft zu haben",
        quote="die Daten verkauft zu haben",
        kind=Kind.INDIRECT,
        speaker="Die Firma",
    ),
    Case(
        why="separable cue teilte mit",
        text="Die Stadt teilte am Freitag mit, die Schule bleibe geschlossen.",
        fragment="Schule",
        quote="die Schule bleibe geschlossen",
        kind=Kind.INDIRECT,
        speaker="Die Stadt",
        cue="teilte … mit",
    ),
    Case(
        why="quote first trailing frame",
        text="Dazu gehöre auch eine bessere Ausrüstung, sagte er.",
        fragment="Ausrüstung",
        kind=Kind.INDIRECT,
        speaker="er",
        cue="sagte",
        quote="Dazu gehöre auch eine bessere Ausrüstung",
    ),
    Case(
        why="so x",
        text="Die Verhandlungen gehen in der nächsten Woche weiter, so Stoltenberg.",
        fragment="Verhandlungen",
        quote="Die Verhandlungen gehen in der nächsten Woche weiter",
        kind=Kind.INDIRECT,
        speaker="Stoltenberg",
        cue="so",
    ),
    Case(
        why="wie x mitteilte",
        text="Wie ein Sprecher der Feuerwehr mitteilte, wurden zwei Menschen verletzt.",
        fragment="zwei Menschen",
        kind=Kind.INDIRECT,
        speaker="ein Sprecher der Feuerwehr",
        cue="Wie … mitteilte",
        quote="wurden zwei Menschen verletzt",
    ),
    Case(
        why="zufolge",
        text="Einem Bericht der Zeitung zufolge sind die Kosten gestiegen.",
        fragment="Kosten",
        quote="sind die Kosten gestiegen",
        kind=Kind.INDIRECT,
        speaker="Einem Bericht der Zeitung",
        cue="zufolge",
    ),
    Case(
        why="nach angaben",
        text="Nach Angaben der Behörden starben bei dem Unglück zwölf Menschen.",
        fragment="zwölf",
        quote="starben bei dem Unglück zwölf Menschen",
        kind=Kind.INDIRECT,
        speaker="Angaben der Behörden",
        cue="Nach",
        entity="Behörden",
    ),
    Case(
        why="seiner meinung nach",
        text="Seiner Meinung nach ist das Gesetz verfassungswidrig.",
        fragment="Gesetz",
        quote="ist das Gesetz verfassungswidrig",
        kind=Kind.INDIRECT,
        cue="nach",
    ),
    # corpus: mostly without the preposition
    Case(
        why="heisst es",
        text="In dem Bericht heißt es, die Anlage sei sicher.",
        fragment="Anlage",
        quote="die Anlage sei sicher",
        kind=Kind.INDIRECT,
        speaker="dem Bericht",
        cue="heißt es",
    ),
    Case(
        why="free indirect sollen",
        text="Die Polizei sagte, der Mann sei geflohen. Er soll zuvor eine Bank überfallen haben.",
        fragment="Bank",
        quote="Er soll zuvor eine Bank überfallen haben.",
        kind=Kind.FREE_INDIRECT,
    ),
    Case(
        why="reported object",
        text="Die Gewerkschaft forderte höhere Löhne für alle Beschäftigten.",
        fragment="Löhne",
        quote="Die Gewerkschaft forderte höhere Löhne für alle Beschäftigten",
        kind=Kind.REPORTED,
        speaker="Die Gewerkschaft",
    ),
    Case(
        why="coordinated cues share subject, indirect",
        text="Russland hat die Vorwürfe bestritten und behauptet, es habe nur Soldaten geschützt.",
        fragment="nur Soldaten",
        quote="es habe nur Soldaten geschützt",
        kind=Kind.INDIRECT,
        speaker="Russland",
        cue="behauptet",
    ),
    Case(
        why="coordinated cues share subject, reported",
        text="Russland hat die Vorwürfe bestritten und behauptet, es habe nur Soldaten geschützt.",
        fragment="Vorwürfe",
        quote="Russland hat die Vorwürfe bestritten",
        kind=Kind.REPORTED,
        speaker="Russland",
    ),
    Case(
        why="addressee gegenueber",
        text="Der Manager sagte gegenüber Reuters, die Fabrik werde geschlossen.",
        fragment="Fabrik",
        quote="die Fabrik werde geschlossen",
        kind=Kind.INDIRECT,
        speaker="Der Manager",
        addressee="Reuters",
    ),
    Case(
        why="addressee dative after cue, indirect",
        text="Der Minister sagte der Zeitung, die Steuern würden sinken. „Wir helfen“, sagte er dem Sender.",
        fragment="Steuern",
        quote="die Steuern würden sinken",
        kind=Kind.INDIRECT,
        speaker="Der Minister",
        addressee="der Zeitung",
    ),
    Case(
        why="addressee dative after cue, direct",
        text="Der Minister sagte der Zeitung, die Steuern würden sinken. „Wir helfen“, sagte er dem Sender.",
        fragment="helfen",
        quote="„Wir helfen“",
        kind=Kind.DIRECT,
        speaker="er",
        addressee="dem Sender",
    ),
    Case(
        why="konjunktiv continues a report",
        text="Die Ärztin warnte vor einer neuen Welle. Die Kliniken seien schon jetzt voll.",
        fragment="Kliniken",
        quote="Die Kliniken seien schon jetzt voll.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Die Ärztin",
    ),
    Case(
        why="cue sentence right before beats an older statement",
        text=(
            "Der Trainer sagte, die Mannschaft sei bereit. "
            "Der Verein äußerte sich am Abend kritisch. "
            "Die Zahlungen seien korrekt verbucht worden."
        ),
        fragment="Zahlungen",
        quote="Die Zahlungen seien korrekt verbucht worden.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Der Verein",
    ),
    # a verb the lexicon does not know as a cue, but its clause has a speaking
    # subject and the Konjunktiv follows the comma: a statement of its own
    Case(
        why="indicative main clause frames its konjunktiv",
        text=(
            "Der Stadtrat tagte am Montag. Die Ärztin Anna Berg zeigte sich besorgt, dass die Wartezeiten weiter "
            "steigen würden."
        ),
        fragment="Wartezeiten",
        kind=Kind.INDIRECT,
        speaker="Die Ärztin Anna Berg",
        quote="dass die Wartezeiten weiter steigen würden",
    ),
    # the sentence between has no cue verb but a subject that can speak: the
    # Konjunktiv goes on from it, not from the statement two sentences back
    Case(
        why="continuation takes the nearer speaking subject",
        text=(
            "Der Bürgermeister sagte, die Brücke werde im Mai fertig. Die Sprecherin des Vereins hat einen anderen "
            "Plan. Er koste viel weniger Geld."
        ),
        fragment="weniger Geld",
        quote="Er koste viel weniger Geld.",
        kind=Kind.INDIRECT_FREE_INDIRECT,
        speaker="Die Sprecherin des Vereins",
    ),
    # "kämpften" is a weak verb's preterite and its Konjunktiv II alike
    Case(
        why="weak preterite is also konjunktiv",
        text="Der Trainer sagte, die Spieler kämpften bis zum Schluss.",
        fragment="Spieler",
        quote="die Spieler kämpften bis zum Schluss",
        kind=Kind.INDIRECT,
        speaker="Der Trainer",
        cue="sagte",
    ),
    # the tagger reads the clause-final particle "ein" as an article
    Case(
        why="particle ein read as article",
        text="Die Ministerin räumte ein, es könnten Stellen verloren gehen.",
        fragment="Stellen",
        kind=Kind.INDIRECT,
        speaker="Die Ministerin",
        cue="räumte ein",
        quote="es könnten Stellen verloren gehen",
    ),
    Case(
        why="wie frame after a conjunction",
        text="Denn wie die Zeitung am Montag berichtete, leidet der Sänger an einer schweren Krankheit.",
        fragment="Krankheit",
        quote="leidet der Sänger an einer schweren Krankheit",
        kind=Kind.INDIRECT,
        speaker="die Zeitung",
        cue="wie … berichtete",
    ),
    Case(
        why="complement ends before a direct quotes cue",
        text="Die Trainerin sagte, das Team sei gut vorbereitet und fügte hinzu: „Wir wollen gewinnen.“",
        fragment="vorbereitet",
        kind=Kind.INDIRECT,
        speaker="Die Trainerin",
        cue="sagte",
        quote="das Team sei gut vorbereitet",
    ),
    Case(
        why="direct quote after the complement keeps its cue",
        text="Die Trainerin sagte, das Team sei gut vorbereitet und fügte hinzu: „Wir wollen gewinnen.“",
        fragment="gewinnen",
        quote="„Wir wollen gewinnen.“",
        kind=Kind.DIRECT,
        cue="fügte hinzu",
    ),
    # --- phrases between cue and complement, relative clauses inside a complement, nominal sources
    Case(
        why="phrase between cue and dass clause is skipped",
        text="Am Abend sagte die Ministerin, Anna Beispiel, gegenüber dem Radio, dass die Schulen offen blieben.",
        fragment="Schulen",
        kind=Kind.INDIRECT,
        cue="sagte",
        quote="dass die Schulen offen blieben",
    ),
    Case(
        why="apposition between cue and dass clause joins the speaker",
        text="In einem Brief erklärte der Vermieter, die örtliche Baugesellschaft Muster, dass die Miete steige.",
        fragment="Miete",
        kind=Kind.INDIRECT,
        speaker="der Vermieter, die örtliche Baugesellschaft Muster",
        quote="dass die Miete steige",
    ),
    # "die" before a participle is a relative pronoun, though tagged as an article
    Case(
        why="relative clause read as article is skipped before the konjunktiv",
        text="Der Trainer meinte, Max Muster, die gesungen hatte, wären für die Aufgabe perfekt gewesen.",
        fragment="perfekt",
        quote="Max Muster, die gesungen hatte, wären für die Aufgabe perfekt gewesen",
        kind=Kind.INDIRECT,
        speaker="Der Trainer",
        cue="meinte",
    ),
    Case(
        why="nominal source inside a relative clause quotes that clause",
        text="Ein Boot, auf dem sich nach Angaben der Polizei viel Geld befunden haben soll, ist gestern gekentert.",
        fragment="viel Geld",
        kind=Kind.INDIRECT,
        speaker="Angaben der Polizei",
        quote="auf dem sich … viel Geld befunden haben soll",
    ),
    Case(
        why="relative pronoun after nach is the source",
        text="Das ist eine Folge der Umfragen, nach denen die Hälfte der Wähler den Plan ablehnt.",
        fragment="Hälfte",
        kind=Kind.INDIRECT,
        speaker="denen",
        cue="nach",
        quote="die Hälfte der Wähler den Plan ablehnt",
    ),
    Case(
        why="relative pronoun after laut names its antecedent",
        text="Es war ein Schritt für die Pläne der Regierung, laut denen jeder Haushalt ein Radio haben sollte.",
        fragment="Haushalt",
        quote="jeder Haushalt ein Radio haben sollte",
        kind=Kind.INDIRECT,
        speaker="die Pläne der Regierung",
        cue="laut",
    ),
    Case(
        why="source opening the sentence fills the prefield",
        text="Nach Angaben des Bundesamts für Statistik im Land bleibt die Zahl der Geburten niedrig.",
        fragment="Geburten",
        kind=Kind.INDIRECT,
        speaker="Angaben des Bundesamts für Statistik im Land",
        cue="Nach",
        quote="bleibt die Zahl der Geburten niedrig",
    ),
    Case(
        why="prefield source leaves out a relative clause",
        text="Nach offiziellen Angaben, die nicht geprüft werden können, waren die meisten Opfer Kinder.",
        fragment="Opfer",
        kind=Kind.INDIRECT,
        speaker="offiziellen Angaben",
        quote="waren die meisten Opfer Kinder",
    ),
    Case(
        why="prefield source leaves out gegenueber",
        text="Nach Angaben der Sprecherin Eva Muster gegenüber der Zeitung ist der Hafen geschlossen.",
        fragment="Hafen",
        kind=Kind.INDIRECT,
        speaker="Angaben der Sprecherin Eva Muster",
        quote="ist der Hafen geschlossen",
    ),
    Case(
        why="nominal source in a later main clause quotes from that clause",
        text="Der Vater soll zwar davon gewusst haben, diese Taten seien aber laut der Staatsanwältin schon verjährt.",
        fragment="Taten",
        kind=Kind.INDIRECT,
        speaker="der Staatsanwältin",
        cue="laut",
        quote="diese Taten seien aber … schon verjährt",
    ),
    Case(
        why="dative pronoun before zufolge is the source",
        text="Die Zahlen stammen aus der Hauptstadt. Ihnen zufolge hat die Opposition die Mehrheit erhalten.",
        fragment="Mehrheit",
        quote="hat die Opposition die Mehrheit erhalten",
        kind=Kind.INDIRECT,
        speaker="Ihnen",
        cue="zufolge",
    ),
    Case(
        why="nach auskunft is a source",
        text="Nach Auskunft der Behörde würde der Satellit verglühen.",
        fragment="verglühen",
        quote="würde der Satellit verglühen",
        kind=Kind.INDIRECT,
        speaker="Auskunft der Behörde",
    ),
    Case(
        why="nach einem plan is a source",
        text="Nach einem Plan der Regierung müssen alle Länder Konzepte vorlegen.",
        fragment="Konzepte",
        quote="müssen alle Länder Konzepte vorlegen",
        kind=Kind.INDIRECT,
        speaker="einem Plan der Regierung",
    ),
    Case(
        why="nach erfahrungen is a source",
        text="Nach bisherigen Erfahrungen steigt die Zahl der Gebote am Ende.",
        fragment="Gebote",
        quote="steigt die Zahl der Gebote am Ende",
        kind=Kind.INDIRECT,
        speaker="bisherigen Erfahrungen",
    ),
    Case(
        why="source phrase stops before a nominative article",
        text="Beim Eintritt würde nach Auskunft der NASA der größte Teil der Masse verglühen.",
        fragment="verglühen",
        kind=Kind.INDIRECT,
        speaker="Auskunft der NASA",
        quote="Beim Eintritt würde … der größte Teil der Masse verglühen",
    ),
    Case(
        why="modal preterite after a cue reads as konjunktiv",
        text="Gegner hatten dem Bürgermeister vorgeworfen, er wollte sich mit dem Bau nur bereichern.",
        fragment="bereichern",
        kind=Kind.INDIRECT,
        speaker="Gegner",
        quote="er wollte sich mit dem Bau nur bereichern",
    ),
    Case(
        why="weak verb frames with wie and a speaking subject",
        text="Wie der Anwalt Max Muster feststellt, ist dies ungewöhnlich.",
        fragment="ungewöhnlich",
        kind=Kind.INDIRECT,
        speaker="der Anwalt Max Muster",
        quote="ist dies ungewöhnlich",
    ),
    Case(
        why="heading without final mark is its own sentence",
        text="Ergebnisse der Wahl \nWie die Wahlleiterin mitteilte, lag die Beteiligung bei 41 Prozent.",
        fragment="Beteiligung",
        kind=Kind.INDIRECT,
        speaker="die Wahlleiterin",
        quote="lag die Beteiligung bei 41 Prozent",
    ),
    Case(
        why="complement ends before a coordinated indicative verb with und",
        text="Der Präsident sagte, sie müssten ihre Zurückhaltung aufgeben und lobte dann die Arbeit der Helfer.",
        fragment="Zurückhaltung",
        kind=Kind.INDIRECT,
        speaker="Der Präsident",
        quote="sie müssten ihre Zurückhaltung aufgeben",
    ),
    Case(
        why="complement ends before a coordinated indicative verb after a comma",
        text="Der Angeklagte hatte erklärt, er sei unschuldig, erkannte das Gericht nicht an und schwieg.",
        fragment="unschuldig",
        kind=Kind.INDIRECT,
        speaker="Der Angeklagte",
        quote="er sei unschuldig",
    ),
    Case(
        why="konjunktiv after und stays in the complement",
        text="Die Ärztin sagte, er sei krank und habe hohes Fieber.",
        fragment="krank",
        kind=Kind.INDIRECT,
        quote="er sei krank und habe hohes Fieber",
    ),
    Case(
        why="sentence initial gemaess frames a source",
        text="Gemäß seiner Aussage werden die neuen Regeln ab Mai gelten.",
        fragment="Regeln",
        kind=Kind.INDIRECT,
        speaker="seiner Aussage",
        cue="Gemäß",
        quote="werden die neuen Regeln ab Mai gelten",
    ),
    Case(
        why="possessive relative before a source noun",
        text="Die Tasche des Mannes, die nach dessen Angaben eine Bombe enthalten sollte, war leer.",
        fragment="Bombe",
        kind=Kind.INDIRECT,
        speaker="dessen Angaben",
        cue="nach",
        quote="die … eine Bombe enthalten sollte",
    ),
    Case(
        why="clause around a quoted fragment is an indirect statement too",
        text=(
            "Der Sprecher teilte auch mit, der Minister „steht bereit“, sich mit den Vertretern zu treffen, wenn er "
            "zurückkehre."
        ),
        fragment="Vertretern",
        quote="der Minister „steht bereit“, sich mit den Vertretern zu treffen, wenn er zurückkehre",
        kind=Kind.INDIRECT,
        speaker="Der Sprecher",
        cue="teilte … mit",
    ),
    Case(
        why="quoted fragment inside the clause is a direct quote",
        text=(
            "Der Sprecher teilte auch mit, der Minister „steht bereit“, sich mit den Vertretern zu treffen, wenn er "
            "zurückkehre."
        ),
        fragment="steht bereit",
        kind=Kind.DIRECT,
        quote="„steht bereit“",
    ),
    Case(
        why="clause around a quoted fragment before a trailing frame",
        text=(
            "Nach einer Wahl könne die Politik Bedingungen schaffen, „dass mehr Wachstum entsteht“, erklärte der "
            "Präsident Max Muster."
        ),
        fragment="Nach einer Wahl",
        quote="Nach einer Wahl könne die Politik Bedingungen schaffen, „dass mehr Wachstum entsteht“",
        kind=Kind.INDIRECT,
        speaker="der Präsident Max Muster",
        cue="erklärte",
    ),
    Case(
        why="clause final zu is the separable particle",
        text="Den Flüchtlingen sicherte der Präsident kurz vor dem Ende der Mission zu, dass sie bleiben dürften.",
        fragment="bleiben",
        kind=Kind.INDIRECT,
        speaker="der Präsident",
        cue="sicherte … zu",
        quote="dass sie bleiben dürften",
    ),
    Case(
        why="nominal source around a quoted fragment",
        text="Das Gros der Nutzer handhabe den Gebrauch jedoch „maßvoll und vorübergehend“, so Eva Muster.",
        fragment="Das Gros",
        quote="Das Gros der Nutzer handhabe den Gebrauch jedoch „maßvoll und vorübergehend“",
        kind=Kind.INDIRECT,
        speaker="Eva Muster",
        cue="so",
    ),
    Case(
        why="nominal source around a quote and its frame",
        text="„Wir bleiben in der Stadt“, sagte der Trainer laut Spiegel Online.",
        fragment="sagte der Trainer",
        kind=Kind.INDIRECT,
        speaker="Spiegel Online",
        cue="laut",
        quote="„Wir bleiben in der Stadt“, sagte der Trainer",
    ),
    Case(
        why="short bracket before the separable particle",
        text="Sie warf dem Minister Max Muster (CDU) vor, die Daten aller Bürger zu missbrauchen.",
        fragment="missbrauchen",
        quote="die Daten aller Bürger zu missbrauchen",
        kind=Kind.INDIRECT,
        speaker="Sie",
        cue="warf … vor",
    ),
    Case(
        why="erhoffen frames a dass clause",
        text="Der Senat hatte sich erhofft, dass die Einnahmen in den Haushalt fließen würden.",
        fragment="Einnahmen",
        kind=Kind.INDIRECT,
        quote="dass die Einnahmen in den Haushalt fließen würden",
    ),
    Case(
        why="mixed zu infinitive with a quoted object",
        text="Sie warf dem Minister vor, „die Daten aller Bürger“ zu missbrauchen.",
        fragment="zu missbrauchen",
        kind=Kind.INDIRECT,
        speaker="Sie",
        quote="„die Daten aller Bürger“ zu missbrauchen",
    ),
    # --- frames after the statement and complements after an inserted clause
    Case(
        why="dies frame particle after apposition",
        text="Der Zug fährt ab Montag wieder stündlich. Dies teilte die Sprecherin der Bahn, Eva Lind, mit.",
        fragment="stündlich",
        quote="Der Zug fährt ab Montag wieder stündlich … Dies",
        kind=Kind.INDIRECT,
        speaker="die Sprecherin der Bahn, Eva Lind",
        cue="teilte … mit",
    ),
    Case(
        why="dies frame source after aus",
        text="In der Nacht wurden drei Autos beschädigt. Dies geht aus einem Bericht der Polizei hervor.",
        fragment="Autos",
        quote="In der Nacht wurden drei Autos beschädigt … Dies",
        kind=Kind.INDIRECT,
        speaker="einem Bericht der Polizei",
        cue="geht … hervor",
    ),
    Case(
        why="resuming das in the same sentence",
        text="Die Brücke bleibt bis Ende Mai gesperrt, das teilte das Bauamt am Freitag mit.",
        fragment="Brücke",
        kind=Kind.INDIRECT,
        speaker="das Bauamt",
        cue="teilte … mit",
        quote="Die Brücke bleibt bis Ende Mai gesperrt",
    ),
    Case(
        why="complement after inserted relative clause",
        text="Die Direktorin erklärte, in den Klassen, in denen Tablets genutzt würden, seien die Noten besser.",
        fragment="Tablets",
        quote="in den Klassen, in denen Tablets genutzt würden, seien die Noten besser",
        kind=Kind.INDIRECT,
        speaker="Die Direktorin",
        cue="erklärte",
    ),
    Case(
        why="nach with document source",
        text="Nach einer Stellungnahme der Armee befand sich der Hubschrauber auf dem Rückflug.",
        fragment="Hubschrauber",
        quote="befand sich der Hubschrauber auf dem Rückflug",
        kind=Kind.INDIRECT,
        speaker="einer Stellungnahme der Armee",
        cue="Nach",
    ),
    Case(
        why="laut with extended attribute",
        text="Laut einer am Freitag veröffentlichten Mitteilung des Vereins wurden 300 Bäume gepflanzt.",
        fragment="Bäume",
        quote="wurden 300 Bäume gepflanzt",
        kind=Kind.INDIRECT,
        speaker="einer am Freitag veröffentlichten Mitteilung des Vereins",
        cue="Laut",
        entity="Vereins",
    ),
    Case(
        why="second frame after doch ends the first quote",
        text="Der Bürgermeister sagte, die Halle sei sicher, doch der Gutachter erklärte, sie müsse saniert werden.",
        fragment="Halle",
        kind=Kind.INDIRECT,
        speaker="Der Bürgermeister",
        quote="die Halle sei sicher",
    ),
    Case(
        why="second frame after doch has its own speaker",
        text="Der Bürgermeister sagte, die Halle sei sicher, doch der Gutachter erklärte, sie müsse saniert werden.",
        fragment="saniert",
        quote="sie müsse saniert werden",
        kind=Kind.INDIRECT,
        speaker="der Gutachter",
        cue="erklärte",
    ),
    Case(
        why="title in marks inside the frame",
        text="Der Trainer sagte dem „Kurier“, die Mannschaft habe gut gespielt.",
        fragment="Mannschaft",
        quote="die Mannschaft habe gut gespielt",
        kind=Kind.INDIRECT,
        speaker="Der Trainer",
        cue="sagte",
    ),
    Case(
        why="relative clause between cue and complement",
        text="Die Sängerin schrieb in einer Erklärung, die am Abend veröffentlicht wurde, sie wolle eine Pause machen.",
        fragment="Pause",
        kind=Kind.INDIRECT,
        speaker="Die Sängerin",
        cue="schrieb",
        quote="sie wolle eine Pause machen",
    ),
    Case(
        why="wie frame with apposition",
        text="Das Bad bleibt geschlossen, wie Anna Berg, Sprecherin der Stadt, mitteilte.",
        fragment="Bad",
        quote="Das Bad bleibt geschlossen",
        kind=Kind.INDIRECT,
        speaker="Anna Berg, Sprecherin der Stadt",
        cue="wie … mitteilte",
    ),
    Case(
        why="judgement frame haelt es fuer moeglich",
        text="Die Forscher halten es für möglich, dass der Komet im Mai sichtbar wird.",
        fragment="Komet",
        kind=Kind.INDIRECT,
        speaker="Die Forscher",
        cue="halten es für möglich",
        quote="dass der Komet im Mai sichtbar wird",
    ),
    Case(
        why="cue verb fanden heraus",
        text="Die Forscher fanden heraus, dass die Bienen den Weg anhand der Sonne finden.",
        fragment="Bienen",
        quote="dass die Bienen den Weg anhand der Sonne finden",
        kind=Kind.INDIRECT,
        speaker="Die Forscher",
        cue="fanden heraus",
    ),
    Case(
        why="cue verb prangerte an",
        text="Der Verband prangerte an, dass die Löhne seit Jahren sinken.",
        fragment="Löhne",
        quote="dass die Löhne seit Jahren sinken",
        kind=Kind.INDIRECT,
        speaker="Der Verband",
        cue="prangerte an",
    ),
    Case(
        why="quoted phrase after a statement in its sentence",
        text=(
            "„Wir sind zufrieden“, sagte der Trainer nach dem Spiel; die Stimmung im Stadion war „einfach ganz "
            "großartig heute“."
        ),
        fragment="großartig",
        quote="„einfach ganz großartig heute“",
        kind=Kind.DIRECT,
        speaker="der Trainer",
    ),
    Case(
        why="nach with a ruling as source",
        text="Nach dem Urteil des Gerichts muss die Gemeinde die Gebühren zurückzahlen.",
        fragment="Gebühren",
        quote="muss die Gemeinde die Gebühren zurückzahlen",
        kind=Kind.INDIRECT,
        speaker="dem Urteil des Gerichts",
        cue="Nach",
    ),
    # --- rows taken out of tests that also check more (see the functions below)
    Case(
        why="so x set off by commas in the middle",
        text="Trotzdem, so Berger, habe der Verein seine Pflicht erfüllt.",
        fragment="Pflicht",
        quote="Trotzdem … habe der Verein seine Pflicht erfüllt",
        kind=Kind.INDIRECT,
        speaker="Berger",
        cue="so",
    ),
    Case(
        why="so x set off by dashes in the middle",
        text="Der Schritt sei wichtig – so die Sprecherin –, doch fehle weiter Geld.",
        fragment="Geld",
        quote="Der Schritt sei wichtig … doch fehle weiter Geld",
        kind=Kind.INDIRECT,
        speaker="die Sprecherin",
        cue="so",
    ),
    Case(
        why="soll hearsay in the main clause continues",
        text=(
            "Der Bürgermeister sagte, der Markt sei geschlossen worden. Der Betreiber soll die Miete nicht bezahlt "
            "haben."
        ),
        fragment="Miete",
        quote="Der Betreiber soll die Miete nicht bezahlt haben.",
        kind=Kind.FREE_INDIRECT,
        speaker="Der Bürgermeister",
    ),
    Case(
        why="relative was after a cue is a complement",
        text="Der Reporter fragte, was die Regierung nun plane.",
        fragment="Regierung",
        quote="was die Regierung nun plane",
        kind=Kind.INDIRECT,
    ),
    Case(
        why="prefield with a relative clause before a trailing frame is quoted",
        text="Die Brücke, die alt ist, werde bald erneuert, sagte er.",
        fragment="Brücke",
        quote="Die Brücke, die alt ist, werde bald erneuert",
        kind=Kind.INDIRECT,
        speaker="er",
    ),
    Case(
        why="danach after a publication is a source",
        text=(
            "Das Kinderhilfswerk stellte heute eine Studie vor. Danach bestimmen verschiedene Formen von Gewalt den "
            "Alltag vieler Kinder."
        ),
        fragment="Alltag",
        quote="bestimmen verschiedene Formen von Gewalt den Alltag vieler Kinder",
        kind=Kind.INDIRECT,
        speaker="Danach",
        cue="Danach",
    ),
    # "und" inside the quotation marks is no coordination of the frame
    Case(
        why="mixed quote complement runs to the end of the quote",
        text="Die Ministerin sagte, der Plan „ist und bleibt die beste Lösung für alle“.",
        fragment="der Plan „ist und bleibt",
        kind=Kind.INDIRECT,
        quote="der Plan „ist und bleibt die beste Lösung für alle“",
    ),
    # three or more quoted words with no statement or cue around them: a direct quote, speaker open
    Case(
        why="quoted phrase without frame",
        text="Die Lage im Hafen sei „völlig außer Kontrolle geraten“ und werde schlimmer.",
        fragment="Kontrolle",
        kind=Kind.DIRECT,
        quote="„völlig außer Kontrolle geraten“",
        speaker="",
    ),
    Case(
        why="opinion frame ist der meinung",
        text="Die Ärztin ist der Meinung, dass die Station zu klein sei.",
        fragment="Station",
        quote="dass die Station zu klein sei",
        kind=Kind.INDIRECT,
        speaker="Die Ärztin",
        cue="ist der Meinung",
        addressee="",
    ),
    Case(
        why="opinion frame vertreten die auffassung",
        text="Die Verbände vertreten die Auffassung, die Reform komme zu spät.",
        fragment="Reform",
        quote="die Reform komme zu spät",
        kind=Kind.INDIRECT,
        speaker="Die Verbände",
        cue="vertreten die Auffassung",
    ),
    Case(
        why="phrase before an indicative clause is no frame",
        text="Der Trainer lobte die Mannschaft, vor allem die Abwehr, die Stürmer spielten schwach.",
        fragment="Stürmer",
        absent=True,
    ),
    Case(
        why="statement noun with a genitive speaker and a zu-infinitive",
        text="Die Partei reagierte kühl auf die Forderung des Landrats Max Beispiel, die Schule im Dorf zu erhalten.",
        fragment="die Schule im Dorf zu erhalten",
        kind=Kind.INDIRECT,
        speaker="des Landrats Max Beispiel",
        cue="die Forderung",
        quote="die Schule im Dorf zu erhalten",
    ),
    Case(
        why="statement noun with a Konjunktiv complement",
        text="Nach Wochen kam nur der Hinweis, der Antrag werde noch geprüft.",
        fragment="der Antrag werde noch geprüft",
        kind=Kind.INDIRECT,
        cue="der Hinweis",
        quote="der Antrag werde noch geprüft",
    ),
    Case(
        why="statement noun complement ends where the matrix clause resumes",
        text="Trotz der Warnung der Feuerwehr, die Fenster geschlossen zu halten, öffneten viele Anwohner ihre Türen.",
        fragment="die Fenster geschlossen zu halten",
        kind=Kind.INDIRECT,
        speaker="der Feuerwehr",
        quote="die Fenster geschlossen zu halten",
    ),
    Case(
        why="statement noun as the object: the verb's subject holds it",
        text="Die Forscherin wagte im Bericht die Prognose, dass sich das Klima schneller ändere.",
        fragment="dass sich das Klima schneller ändere",
        quote="dass sich das Klima schneller ändere",
        kind=Kind.INDIRECT,
        speaker="Die Forscherin",
        cue="wagte … die Prognose",
    ),
    Case(
        why="statement noun after 'zur': the preposition joins the cue",
        text="Der Minister machte es zur Bedingung, dass die Streiks sofort enden.",
        fragment="dass die Streiks sofort enden",
        quote="dass die Streiks sofort enden",
        kind=Kind.INDIRECT,
        speaker="Der Minister",
        cue="machte … zur Bedingung",
    ),
    Case(
        why="'hieß es' takes its source from its own clause, not from the statement",
        text="Wichtig sei vor allem der Schutz der Bevölkerung in Syrien, hieß es vom Sprecher des Ministeriums.",
        fragment="Wichtig sei vor allem der Schutz",
        quote="Wichtig sei vor allem der Schutz der Bevölkerung in Syrien",
        kind=Kind.INDIRECT,
        speaker="vom Sprecher des Ministeriums",
    ),
    Case(
        why="'hatte es geheißen': the 'es' before the participle",
        text="Am Morgen hatte es noch geheißen, die Fähre werde planmäßig fahren.",
        fragment="die Fähre werde planmäßig fahren",
        kind=Kind.INDIRECT,
        quote="die Fähre werde planmäßig fahren",
    ),
    Case(
        why="'…, so heißt es in …' frames the clause before it",
        text="Die Kosten sollen bis zum Sommer deutlich sinken, so heißt es in einer Erklärung des Vorstands.",
        fragment="Die Kosten sollen bis zum Sommer deutlich sinken",
        kind=Kind.INDIRECT,
        quote="Die Kosten sollen bis zum Sommer deutlich sinken",
    ),
    Case(
        why="an impersonal 'Wie … bekannt wurde,' prefix frames the main clause",
        text="Wie am Abend bekannt wurde, ist der Bürgermeister der Stadt zurückgetreten.",
        fragment="ist der Bürgermeister der Stadt zurückgetreten",
        quote="ist der Bürgermeister der Stadt zurückgetreten",
        kind=Kind.INDIRECT,
        speaker="",
    ),
    Case(
        why="'besagen' frames a dass-clause",
        text="Die neue Satzung besagt, dass der Vorstand jedes Jahr gewählt wird.",
        fragment="dass der Vorstand jedes Jahr gewählt wird",
        quote="dass der Vorstand jedes Jahr gewählt wird",
        kind=Kind.INDIRECT,
        speaker="Die neue Satzung",
    ),
    Case(
        why="'sich einigen darauf' frames a dass-clause",
        text="Die beiden Parteien einigten sich darauf, dass die Gespräche im Mai fortgesetzt werden.",
        fragment="dass die Gespräche im Mai fortgesetzt werden",
        quote="dass die Gespräche im Mai fortgesetzt werden",
        kind=Kind.INDIRECT,
        speaker="Die beiden Parteien",
    ),
    Case(
        why="'einigen' is weak: an indicative main clause after it is no complement",
        text="Die Minister einigten sich schnell, die Sitzung war nach einer Stunde vorbei.",
        fragment="die Sitzung war nach einer Stunde vorbei",
        absent=True,
    ),
    Case(
        why="'darüber, dass' announces what the subject complained about",
        text="Der Trainer beschwerte sich darüber, dass der Platz zu nass gewesen sei.",
        fragment="dass der Platz zu nass gewesen sei",
        quote="dass der Platz zu nass gewesen sei",
        kind=Kind.INDIRECT,
        speaker="Der Trainer",
    ),
    Case(
        why="'Einigkeit besteht darüber, dass': no one named as the speaker",
        text="Einigkeit besteht darüber, dass die Brücke saniert werden muss.",
        fragment="dass die Brücke saniert werden muss",
        quote="dass die Brücke saniert werden muss",
        kind=Kind.INDIRECT,
        speaker="",
    ),
    Case(
        why="'ist wütend darüber, dass' is a feeling, no statement",
        text="Die Mutter ist wütend darüber, dass die Schule geschlossen wurde.",
        fragment="dass die Schule geschlossen wurde",
        absent=True,
    ),
    Case(
        why="'Wie es hieß,' frames the main clause after it",
        text="Wie es hieß, plant der Konzern den Verkauf seiner Sparte.",
        fragment="plant der Konzern den Verkauf seiner Sparte",
        quote="plant der Konzern den Verkauf seiner Sparte",
        kind=Kind.INDIRECT,
        cue="Wie es hieß",
    ),
    Case(
        why="'Wie aus X hervorgeht,' frames the main clause, X the source",
        text="Wie aus einem Bericht der Polizei hervorgeht, wurden bei dem Unfall drei Menschen verletzt.",
        fragment="wurden bei dem Unfall drei Menschen verletzt",
        quote="wurden bei dem Unfall drei Menschen verletzt",
        kind=Kind.INDIRECT,
        speaker="einem Bericht der Polizei",
    ),
    Case(
        why="'Wie eine Umfrage ergab,' frames the main clause",
        text="Wie eine Umfrage ergab, sind die meisten Bürger mit dem Nahverkehr zufrieden.",
        fragment="sind die meisten Bürger mit dem Nahverkehr zufrieden",
        quote="sind die meisten Bürger mit dem Nahverkehr zufrieden",
        kind=Kind.INDIRECT,
        speaker="eine Umfrage",
    ),
    Case(
        why="a short slogan after 'Parolen wie' is a quote, not a term",
        text="Die Menge skandierte vor dem Rathaus Parolen wie „Korruption stoppen“ und zog dann weiter.",
        fragment="Korruption stoppen",
        quote="„Korruption stoppen“",
        kind=Kind.DIRECT,
        speaker="Die Menge",
        cue="skandierte",
    ),
    Case(
        why="a preterite before 'dabei' is the verb, not an adjective",
        text="Die Fans zogen durch die Stadt und skandierten dabei Parolen wie „Wir wollen den Titel“.",
        fragment="Wir wollen den Titel",
        quote="„Wir wollen den Titel“",
        kind=Kind.DIRECT,
        cue="skandierten",
    ),
    Case(
        why="impersonal passive 'wurde eingewandt' frames a Konjunktiv clause",
        text="Gegen den Plan wurde eingewandt, er sei zu teuer und komme zu spät.",
        fragment="er sei zu teuer und komme zu spät",
        kind=Kind.INDIRECT,
        quote="er sei zu teuer und komme zu spät",
    ),
    Case(
        why="statement noun with the one addressed ('an X') before its complement",
        text="Bekannt ist nur der Vorwurf der Opposition an den Minister, er habe das Parlament getäuscht.",
        fragment="er habe das Parlament getäuscht",
        quote="er habe das Parlament getäuscht",
        kind=Kind.INDIRECT,
        speaker="der Opposition",
        cue="der Vorwurf",
    ),
    Case(
        why="statement noun: a name in apposition to the genitive speaker",
        text=(
            "Trotz der Ankündigung ihres Trainers, Max Beispiel, den Verein im Sommer zu verlassen, gewann die "
            "Mannschaft."
        ),
        fragment="den Verein im Sommer zu verlassen",
        kind=Kind.INDIRECT,
        speaker="ihres Trainers, Max Beispiel",
        quote="den Verein im Sommer zu verlassen",
    ),
    Case(
        why="'so X' vouches for what follows a colon before it, not the narrator's clause",
        text="Der Richter blieb hart: Eine mildere Strafe sei nicht vertretbar, so Max Beispiel.",
        fragment="Eine mildere Strafe sei nicht vertretbar",
        kind=Kind.INDIRECT,
        speaker="Max Beispiel",
        quote="Eine mildere Strafe sei nicht vertretbar",
    ),
    Case(
        why="'…, so X weiter: „…“' frames the clause before it",
        text="Auch dieser Fehler habe wohl Methode, so Krause weiter: „Das ist in anderen Firmen nicht anders.“",
        fragment="Auch dieser Fehler habe wohl Methode",
        kind=Kind.INDIRECT,
        speaker="Krause",
        quote="Auch dieser Fehler habe wohl Methode",
    ),
    Case(
        why="direct quote after '…, so X weiter:' is X's",
        text="Auch dieser Fehler habe wohl Methode, so Krause weiter: „Das ist in anderen Firmen nicht anders.“",
        fragment="Das ist in anderen Firmen nicht anders.",
        quote="„Das ist in anderen Firmen nicht anders.“",
        kind=Kind.DIRECT,
        speaker="Krause",
        cue="so",
    ),
    Case(
        why="a zu-infinitive complement written without its comma",
        text="Wegen des Rauchs wurden die Anwohner aufgefordert Fenster und Türen geschlossen zu halten.",
        fragment="Fenster und Türen geschlossen zu halten",
        kind=Kind.INDIRECT,
        quote="Fenster und Türen geschlossen zu halten",
    ),
    Case(
        why="a purpose clause without comma after a cue is no complement",
        text="Der Minister sagte den Termin ab um Zeit zu sparen.",
        fragment="Zeit zu sparen",
        absent=True,
    ),
    Case(
        why="a relative clause after a statement noun is no complement",
        text="Die Forderung, die der Verband im Mai erhoben hatte, wurde abgelehnt.",
        fragment="die der Verband im Mai erhoben hatte",
        absent=True,
    ),
    Case(
        why="a prepositional relative clause after a statement noun is no complement",
        text="Die Bedingung, unter der der Vertrag gelten solle, ist streng.",
        fragment="unter der der Vertrag gelten solle",
        absent=True,
    ),
    # verbs of saying from a general list, with a clause complement only
    Case(
        why="monieren frames a Konjunktiv clause",
        text="Der Verband monierte, die Regeln seien unklar.",
        fragment="Regeln",
        quote="die Regeln seien unklar",
        kind=Kind.INDIRECT,
        speaker="Der Verband",
        cue="monierte",
    ),
    Case(
        why="praezisieren frames a dass clause",
        text="Die Ministerin präzisierte, dass die Frist im Mai ende.",
        fragment="Frist",
        quote="dass die Frist im Mai ende",
        kind=Kind.INDIRECT,
        speaker="Die Ministerin",
    ),
    Case(
        why="weak wiederholen frames a Konjunktiv clause",
        text="Der Sprecher wiederholte, man werde nicht nachgeben.",
        fragment="nachgeben",
        quote="man werde nicht nachgeben",
        kind=Kind.INDIRECT,
        speaker="Der Sprecher",
    ),
    Case(
        why="weak enthuellen with an object is no statement",
        text="Der Bürgermeister enthüllte am Montag ein Denkmal für die Opfer.",
        fragment="Denkmal",
        absent=True,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Die Brücke wurde im Jahr 1920 gebaut und ist 300 Meter lang.", id="no statement without cue"),
        # "so" as an adverb with a verb after it is no frame
        pytest.param("Die Stadt will, so scheint es, sparen.", id="so with a verb after it is no frame"),
        pytest.param(
            "Die Zahlen zeigten im Mai, dass der Umsatz gesunken sei.",
            id="indicative main clause needs a speaking subject",
        ),
        # after the comma an indicative main clause goes on: the narrator's, not the cue's
        pytest.param(
            "Die Feuerwehr bestätigte den Brand, ein Verfahren wurde bereits eingeleitet.",
            id="indicative second clause is no complement",
        ),
        pytest.param(
            "Das Spiel ging in die Pause, nach der die Gäste etwas stärker wurden.", id="temporal nach der is no source"
        ),
        # a short term in marks is no statement
        pytest.param("Das Projekt „Grüne Welle“ startet im Mai.", id="short term in marks is no statement"),
    ],
)
def test_no_statement(text: str) -> None:
    for _, found in runs_with_anchor(text):
        assert not found


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # in a relative clause, or with a passive infinitive (a plan), "soll" is no hearsay
        pytest.param(
            "Der Bürgermeister sagte, der Markt sei geschlossen worden. Es gibt einen Plan, der bis Mai umgesetzt "
            "werden soll.",
            Kind.FREE_INDIRECT,
            id="soll in a relative clause is no hearsay",
        ),
        pytest.param(
            "Der Bürgermeister sagte, der Markt sei geschlossen worden. Dazu soll eine Arbeitsgruppe gebildet werden.",
            Kind.FREE_INDIRECT,
            id="soll with a passive infinitive is no hearsay",
        ),
        pytest.param("Wie er es nannte, war das Konzert ein Fest.", Kind.INDIRECT, id="wie er es nannte is no frame"),
        pytest.param(
            "Es wird erwartet, dass der Komet im November zu sehen ist.",
            Kind.INDIRECT,
            id="impersonal erwartet is no frame",
        ),
        pytest.param(
            "Ein Sprecher der Armee wollte nicht bestätigen, dass alle Insassen Soldaten waren.",
            Kind.INDIRECT,
            id="negated cue frames nothing",
        ),
        pytest.param(
            "Damit bestätigt sich die Befürchtung, dass sich das Virus nach Europa ausbreitet.",
            Kind.INDIRECT,
            id="reflexive cue frames nothing",
        ),
        pytest.param(
            "Ein Entwurf sorgte für Aufsehen (Wikinews berichtete): Er sah vor, alle Hinweise zu streichen.",
            Kind.INDIRECT,
            id="bracketed cue frames nothing",
        ),
        pytest.param(
            "Darüber hinaus kritisierte er die Rolle der Abgeordneten in der Debatte, was eine Reaktion der Partei "
            "zur Folge hatte.",
            Kind.INDIRECT,
            id="relative was after an object is no complement",
        ),
        pytest.param(
            "Die Firma teilt ihre Aktien. Dies nennt man einen Aktiensplit.",
            Kind.INDIRECT,
            id="dies with a weak verb is no frame",
        ),
        pytest.param(
            "Der Veranstalter informierte die Botschaft, welche daraufhin einen Krisenstab einrichtete.",
            Kind.INDIRECT,
            id="relative welches after an object is no complement",
        ),
        pytest.param(
            "Im Interview sagte Max Muster, der Chef der Firma: „Wir bleiben hier.“",
            Kind.INDIRECT,
            id="colon quote after an apposition is no mixed statement",
        ),
        # an indicative list after the comma is no reported clause
        pytest.param(
            "Der Trainer erklärte, in den Ferien, in denen die Halle schließt, trainiert die Mannschaft draußen.",
            Kind.INDIRECT,
            id="no complement without konjunktiv",
        ),
    ],
)
def test_no_statement_of_kind(text: str, kind: Kind) -> None:
    for _, found in runs_with_anchor(text):
        assert not any(st.kind == kind for st in found)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        pytest.param(
            "Zwei Monate nach dem Urteil des Gerichts liegt nun die Begründung vor.",
            "nach",
            id="nach after a time span is temporal",
        ),
        pytest.param(
            "Erst nach umfangreichen Ermittlungen war genug Material beisammen.",
            "nach",
            id="nach after erst is temporal",
        ),
        pytest.param(
            "Nach der Veröffentlichung kam es zu Protesten gegen die Regierung.",
            "Nach",
            id="nach der veroeffentlichung is temporal",
        ),
        pytest.param(
            "Er traf den Minister in Berlin. Danach fuhr er nach Hause.",
            "Danach",
            id="danach after a meeting is temporal",
        ),
    ],
)
def test_no_statement_with_cue(text: str, cue: str) -> None:
    for art, found in runs_with_anchor(text):
        assert not [st for st in found if st.role_text("cue", art.text) == cue], text


def test_verb_second_konjunktiv() -> None:
    art = run("Stoltenberg sagte, die Invasion sei Teil eines Musters.")
    st = check(
        art,
        "Invasion",
        kind=Kind.INDIRECT,
        quote="die Invasion sei Teil eines Musters",
        speaker="Stoltenberg",
        cue="sagte",
    )
    assert st.role_text("frame", art.text) == "Stoltenberg sagte,"
    assert st.medium == Medium.SPEECH


def test_laut() -> None:
    art = run("Laut der Polizei wurden drei Autos beschädigt.")
    st = check(
        art,
        "Autos",
        kind=Kind.INDIRECT,
        quote="wurden drei Autos beschädigt",
        speaker="der Polizei",
        cue="Laut",
        entity="Polizei",
    )
    assert st.role_text("frame", art.text) == "Laut der Polizei"


def test_konjunktiv_continuation_shares_speaker() -> None:
    text = (
        "Die Ministerin sagte, das Projekt werde teurer. Die Kosten lägen bei zwei Millionen Euro. Man habe alles "
        "geprüft."
    )
    art = run(text)
    first = check(art, "Projekt", kind=Kind.INDIRECT, speaker="Die Ministerin")
    cont = check(art, "Kosten", kind=Kind.INDIRECT_FREE_INDIRECT)
    assert "alles geprüft." in cont.role_text("quote", text)  # consecutive sentences form one statement
    assert cont.speaker == first.speaker and cont.speaker_entity == "Ministerin"


def test_thought_medium() -> None:
    art = run("Die Bewohner befürchten, dass der Damm bricht.")
    st = check(art, "Damm", kind=Kind.INDIRECT, speaker="Die Bewohner", cue="befürchten")
    assert st.medium in (Medium.THOUGHT, Medium.SPEECH_THOUGHT)


def test_nominal_source_inside_another_statement() -> None:
    # the corpus marks both: the "erklärte" statement and the "laut" source inside its quote
    art = run("Der Minister erklärte, laut einer neuen Umfrage seien die meisten Bürger zufrieden.")
    laut = [st for st in art.statements if st.role_text("cue", art.text) == "laut"]
    assert len(laut) == 1
    assert laut[0].role_text("speaker", art.text) == "einer neuen Umfrage"
    assert "die meisten Bürger zufrieden" in laut[0].role_text("quote", art.text)
    said = [st for st in art.statements if st.role_text("cue", art.text) == "erklärte"]
    assert len(said) == 1 and said[0].role_text("speaker", art.text) == "Der Minister"


def test_prefield_with_only_a_relative_clause_is_no_quote_first() -> None:
    text = "In einem Essay, das zu seinem Geburtstag erschien, kritisierte er den Stil des Präsidenten."
    for _, found in runs_with_anchor(text):
        assert not [st for st in found if st.kind == Kind.INDIRECT and "Essay" in st.role_text("quote", text)]


def test_line_break_inside_a_sentence_does_not_split_it() -> None:
    doc = parse("Er kritisierte die Speicherung der Daten aller \nBürger und forderte ein Ende.")
    assert len(doc.sentences) == 1


def test_number_with_dot_before_a_quotation_ends_the_sentence() -> None:
    doc = parse("Der Stand ist in Halle 4. „Vielfalt ist Programm“, erklärte er.")
    assert len(doc.sentences) == 2
