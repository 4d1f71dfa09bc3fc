"""Speakers: the phrase a cue verb or frame names, where it starts and stops, and its entity.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from saidwhat.lang.de.chunks import speaker_forward
from saidwhat.lang.de.tagger import parse
from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check, check_case, run, runs_with_anchor

CASES = [
    # --- speaker phrases and their entities: appositions, pronouns, descriptions
    Case(
        why="apposition with name",
        text="Ein Sprecher der Polizei, Lars Beringer, sagte, die Straße bleibe gesperrt.",
        fragment="Straße",
        quote="die Straße bleibe gesperrt",
        kind=Kind.INDIRECT,
        speaker="Ein Sprecher der Polizei, Lars Beringer",
        entity="Lars Beringer",
    ),
    Case(
        why="trailing apposition with relative clause",
        text=(
            "„Das ist die größte Krise seit Jahrzehnten“, sagte Stoltenberg, 63, ein ehemaliger Ministerpräsident "
            "Norwegens, der seit 2014 NATO-Chef ist."
        ),
        fragment="Krise",
        quote="„Das ist die größte Krise seit Jahrzehnten“",
        kind=Kind.DIRECT,
        speaker="Stoltenberg, 63, ein ehemaliger Ministerpräsident Norwegens, der seit 2014 NATO-Chef ist",
        entity="Stoltenberg",
    ),
    Case(
        why="pronoun resolves to last speaker",
        text="Merkel sagte, die Lage sei ernst. Später erklärte sie, man werde helfen.",
        fragment="man werde",
        quote="man werde helfen",
        kind=Kind.INDIRECT,
        speaker="sie",
        entity="Merkel",
    ),
    Case(
        why="sie meaning a state",
        text="Russland hat die Vorwürfe zurückgewiesen. Sie hat bestritten, Truppen geschickt zu haben.",
        fragment="Truppen",
        quote="Truppen geschickt zu haben",
        kind=Kind.INDIRECT,
        speaker="Sie",
        entity="Russland",
    ),
    Case(
        why="es refers to subject",
        text="Russland schickte Truppen, was es als „besondere Operation“ bezeichnete.",
        fragment="besondere",
        quote="„besondere Operation“",
        kind=Kind.DIRECT,
        speaker="es",
        entity="Russland",
    ),
    Case(
        why="description links to named role",
        text=(
            "„Wir stehen zusammen“, sagte Stoltenberg, der seit 2014 NATO-Chef ist. "
            "Der NATO-Chef sagte außerdem, das Bündnis sei stark."
        ),
        fragment="Bündnis",
        quote="das Bündnis sei stark",
        kind=Kind.INDIRECT,
        speaker="Der NATO-Chef",
        entity="Stoltenberg",
    ),
    Case(
        why="description head noun entity",
        text="Die dortigen Bündnismitglieder befürchten, dass sie das nächste Ziel sein könnten.",
        fragment="Ziel",
        quote="dass sie das nächste Ziel sein könnten",
        kind=Kind.INDIRECT,
        entity="Bündnismitglieder",
    ),
    Case(
        why="passive agent is speaker",
        text="Von den Behörden wird angenommen, dass der Schmuggel zu dem Unfall führte.",
        fragment="Schmuggel",
        quote="dass der Schmuggel zu dem Unfall führte",
        kind=Kind.INDIRECT,
        speaker="den Behörden",
    ),
    Case(
        why="relative pronoun speaker",
        text="Es gibt eine Theorie, die davon ausgeht, die Erde sei flach.",
        fragment="Erde",
        quote="die Erde sei flach",
        kind=Kind.INDIRECT,
        speaker="die",
    ),
    # the sentence's prefield is no phrase; the cue's own clause has its subject
    Case(
        why="subject of a later main clause after a comma",
        text="Der Bürgermeister wurde am Montag gewählt, andere Quellen berichten, dass die Wahl erst am Dienstag war.",
        fragment="die Wahl e",
        quote="dass die Wahl erst am Dienstag war",
        kind=Kind.INDIRECT,
        speaker="andere Quellen",
    ),
    Case(
        why="subject of a later main clause after und",
        text=(
            "Es war nicht das erste Hochwasser im Ort und die Anwohner befürchten, dass es nicht das letzte sein wird."
        ),
        fragment="es nicht d",
        quote="dass es nicht das letzte sein wird",
        kind=Kind.INDIRECT,
        speaker="die Anwohner",
    ),
    # --- subjects the verb-second reading used to miss, and spans the corpus marks
    # a capitalised determiner opening the sentence is no head: the phrase runs on
    Case(
        why="pronoun with genitive in prefield",
        text="Einer der vier befragten Lehrer sagte: „Wir wussten von nichts.“",
        fragment="wussten",
        quote="„Wir wussten von nichts.“",
        kind=Kind.DIRECT,
        speaker="Einer der vier befragten Lehrer",
    ),
    # "betont" is read as present tense; after "hatte" it is the participle
    Case(
        why="participle tagged as present after auxiliary, colon frame",
        text="Die Ministerin hatte am Montag die Rolle der Länder betont: „Ohne sie geht es nicht.“",
        fragment="Ohne sie",
        quote="„Ohne sie geht es nicht.“",
        kind=Kind.DIRECT,
        speaker="Die Ministerin",
        cue="hatte … betont",
    ),
    Case(
        why="participle tagged as present after auxiliary, comma frame",
        text="Der Sender hatte im Mai berichtet, in dem Keller seien Waffen gefunden worden.",
        fragment="Waffen",
        quote="in dem Keller seien Waffen gefunden worden",
        kind=Kind.INDIRECT,
        speaker="Der Sender",
    ),
    Case(
        why="von attribute is no passive agent, vom Verband is",
        text="Zudem wurde die Regierung vom Verband aufgefordert, die Grenzen zu schließen.",
        fragment="Grenzen",
        quote="die Grenzen zu schließen",
        kind=Kind.INDIRECT,
        speaker="Verband",
    ),
    # a capitalised adverb inside a verbless prefield: a heading glued to the
    # sentence, so the prefield is no subject and the one after the verb is
    Case(
        why="heading run into the prefield",
        text="Rückblick Bereits im Mai hatte die Ministerin verkündet: „Wir bauen neue Schulen.“",
        fragment="Schulen",
        quote="„Wir bauen neue Schulen.“",
        kind=Kind.DIRECT,
        speaker="die Ministerin",
    ),
    # a short bracket does not end the clause: the relative clause keeps its subject
    Case(
        why="bracket inside a relative clause",
        text=(
            "Erreicht ist die Grenze, die Gerhard Schröder in seiner Amtszeit (1998 bis 2002) zum Ziel erklärt hatte: "
            "„Wir schaffen das bis zum Ende.“"
        ),
        fragment="schaffen",
        quote="„Wir schaffen das bis zum Ende.“",
        kind=Kind.DIRECT,
        speaker="Gerhard Schröder",
    ),
    # ", der Koordinator der Behörde, teilte mit": an apposition of the name before
    Case(
        why="article apposition is no relative clause",
        text="Max Muster, der Koordinator der Behörde, teilte mit, dass bislang niemand geborgen wurde.",
        fragment="geborgen",
        quote="dass bislang niemand geborgen wurde",
        kind=Kind.INDIRECT,
        speaker="Max Muster, der Koordinator der Behörde",
    ),
    Case(
        why="participle with bracket after auxiliary",
        text="Im Vorfeld hatte das Komitee (OK) der Weltmeisterschaft betont, dass die Karten wichtig seien.",
        fragment="Karten",
        quote="dass die Karten wichtig seien",
        kind=Kind.INDIRECT,
        speaker="das Komitee (OK) der Weltmeisterschaft",
    ),
    # "Dieser" is tagged as a determiner; with no noun after it, it is the subject
    Case(
        why="standalone demonstrative is the subject",
        text="Der Zeuge wurde befragt. Dieser behauptete, er habe nichts gesehen.",
        fragment="nichts gesehen",
        quote="er habe nichts gesehen",
        kind=Kind.INDIRECT,
        speaker="Dieser",
    ),
    Case(
        why="niemand is the subject",
        text="Damals glaubte niemand, dass der Streit so lange dauern würde.",
        fragment="Streit",
        quote="dass der Streit so lange dauern würde",
        kind=Kind.INDIRECT,
        speaker="niemand",
    ),
    # "sein" is tagged as the verb, "dessen" as a demonstrative: before a noun both are possessives
    Case(
        why="possessive sein tagged as a verb",
        text="Wie sein Anwalt Jan Beispiel mitteilte, war er nicht zu Hause.",
        fragment="nicht zu Hause",
        quote="war er nicht zu Hause",
        kind=Kind.INDIRECT,
        speaker="sein Anwalt Jan Beispiel",
    ),
    Case(
        why="possessive dessen tagged as a pronoun",
        text="Der Chef war verreist. Daher teilte dessen Stellvertreter mit: „Wir warten ab.“",
        fragment="warten ab",
        quote="„Wir warten ab.“",
        kind=Kind.DIRECT,
        speaker="dessen Stellvertreter",
    ),
    Case(
        why="main clause joined by comma with appositions",
        text=(
            "Die Ministerin wies dies zurück, die Sprecherin der Fraktion, Anna Muster (Grüne), erklärte: „Das ist "
            "fehl am Platz.“"
        ),
        fragment="fehl am Platz",
        quote="„Das ist fehl am Platz.“",
        kind=Kind.DIRECT,
        speaker="die Sprecherin der Fraktion, Anna Muster (Grüne)",
    ),
    # "…, teilten jedoch mit, …": no subject after the verb, the first clause's serves
    Case(
        why="verb sharing the subject of the clause before, teilten jedoch mit",
        text="Die Vereinten Nationen bestätigten den Vorfall, teilten jedoch mit, es sei unklar, wer geschossen habe.",
        fragment="unklar",
        quote="es sei unklar, wer geschossen habe",
        kind=Kind.INDIRECT,
        speaker="Die Vereinten Nationen",
    ),
    Case(
        why="verb sharing the subject of the clause before, sprechen aber davon",
        text="Internationale Beobachter monieren Mängel, sprechen aber davon, dass die Wahl fair verlaufen sei.",
        fragment="fair verlaufen",
        quote="dass die Wahl fair verlaufen sei",
        kind=Kind.INDIRECT,
        speaker="Internationale Beobachter",
    ),
    # the shared subject is the main clause's, not the "Als"-clause's
    Case(
        why="coordinated verb after a subordinate clause",
        text="Als ein Helfer kam, biss der Mann den Helfer und rief: „Lasst mich gehen!“",
        fragment="Lasst mich",
        quote="„Lasst mich gehen!“",
        kind=Kind.DIRECT,
        speaker="der Mann",
    ),
    # the corpus marks who is quoted: the passive's subject, the object after "man"
    Case(
        why="zitieren names the quoted person, object after man",
        text="„Wir sind unerwünschte Zeugen“, zitierte man Anna Muster vom Sender XY.",
        fragment="Zeugen",
        quote="„Wir sind unerwünschte Zeugen“",
        kind=Kind.DIRECT,
        speaker="Anna Muster vom Sender XY",
    ),
    Case(
        why="zitieren names the quoted person, passive subject",
        text="„Ich sah heute viele Kommentare dazu“, wird Panetta zitiert.",
        fragment="Kommentare",
        quote="„Ich sah heute viele Kommentare dazu“",
        kind=Kind.DIRECT,
        speaker="Panetta",
    ),
    # "X äußerte sich zu …: „…“, sagte er": the corpus takes the adjacent "sagte er"
    Case(
        why="cue after the quote beats the colon frame",
        text=(
            "Besorgt äußerte sich auch die Vorsitzende des Vereins, Anna Muster, zu den Vorgängen: „Wir fürchten das "
            "Schlimmste“, sagte sie dem Radio."
        ),
        fragment="Schlimmste",
        quote="„Wir fürchten das Schlimmste“",
        kind=Kind.DIRECT,
        speaker="sie",
        cue="sagte",
    ),
    # an adjective with no noun after it is a verb form ("veröffentlichte")
    Case(
        why="speaker phrase stops before a verb read as adjective",
        text="Laut nachrichten.de veröffentlichte das Ministerium kürzlich einen Bericht, der Fehler enthält.",
        fragment="Ministerium",
        quote="veröffentlichte das Ministerium kürzlich einen Bericht, der Fehler enthält",
        kind=Kind.INDIRECT,
        speaker="nachrichten.de",
    ),
    # a genitive plural after a source noun ends in -er: "weitere" opens the object
    Case(
        why="speaker phrase stops before weitere opening the object",
        text="Die Firma plant nach eigenen Angaben weitere Projekte in Asien.",
        fragment="Projekte",
        quote="Die Firma plant … weitere Projekte in Asien",
        kind=Kind.INDIRECT,
        speaker="eigenen Angaben",
    ),
    Case(
        why="adverbial is no part of the speaker after an apposition",
        text="„Die Lage ist ruhig“, sagte Max Muster, Kommandeur des Einsatzes am Montag.",
        fragment="Lage",
        quote="„Die Lage ist ruhig“",
        kind=Kind.DIRECT,
        speaker="Max Muster, Kommandeur des Einsatzes",
    ),
    Case(
        why="adverbial is no part of the speaker in a verbless frame",
        text="Die Sängerin Anna Muster zur neuen Heimat: „Hier fühle ich mich wohl.“",
        fragment="wohl",
        quote="„Hier fühle ich mich wohl.“",
        kind=Kind.DIRECT,
        speaker="Die Sängerin Anna Muster",
    ),
    Case(
        why="quoted name opens the prefield",
        text="„Radio Nord“ berichtet, im Hafen seien zwei Schiffe gesunken.",
        fragment="Schiffe",
        quote="im Hafen seien zwei Schiffe gesunken",
        kind=Kind.INDIRECT,
        speaker="„Radio Nord“",
    ),
    # "die" opens a noun phrase here, not a relative clause
    Case(
        why="article phrase after comma with adverb is a subject",
        text=(
            "Die Opposition macht die Regierung verantwortlich, die staatliche Agentur „Nord“ dagegen sagt, es sei ein "
            "Unfall gewesen."
        ),
        fragment="Unfall",
        quote="es sei ein Unfall gewesen",
        kind=Kind.INDIRECT,
        speaker="die staatliche Agentur „Nord“",
    ),
    Case(
        why="fuer attribute names a remit",
        text="Die Zahl der Arbeitslosen sei gesunken, sagte der Chef der Agentur für Arbeit.",
        fragment="Arbeitslosen",
        quote="Die Zahl der Arbeitslosen sei gesunken",
        kind=Kind.INDIRECT,
        speaker="der Chef der Agentur für Arbeit",
    ),
    Case(
        why="definite place phrase after a body",
        text="Die Lage sei ernst, sagte die Sprecherin der Fraktion im Landtag.",
        fragment="Lage",
        quote="Die Lage sei ernst",
        kind=Kind.INDIRECT,
        speaker="die Sprecherin der Fraktion im Landtag",
    ),
    # not after a person's name, not an indefinite "in einem Interview"
    Case(
        why="indefinite place phrase after a person is no attribute",
        text="Die Lage sei ernst, sagte der Minister in einem Interview.",
        fragment="Lage",
        quote="Die Lage sei ernst",
        kind=Kind.INDIRECT,
        speaker="der Minister",
    ),
    Case(
        why="subject of an indem clause",
        text="Der Präsident widersprach, indem er sagte, eine engere Zusammenarbeit sei nicht geplant.",
        fragment="Zusammenarbeit",
        quote="eine engere Zusammenarbeit sei nicht geplant",
        kind=Kind.INDIRECT,
        speaker="er",
    ),
    Case(
        why="subject of a prepositional relative clause",
        text="Der Täter hinterließ einen Zettel, in dem er verlangte, dass keine Polizei gerufen werde.",
        fragment="Polizei",
        quote="dass keine Polizei gerufen werde",
        kind=Kind.INDIRECT,
        speaker="er",
    ),
    Case(
        why="subject of a relative clause with in dessen Folge",
        text=(
            "Es folgte ein Skandal, in dessen Folge das Gericht festgestellt hatte, die Regierung habe richtig "
            "gehandelt."
        ),
        fragment="richtig gehandelt",
        quote="die Regierung habe richtig gehandelt",
        kind=Kind.INDIRECT,
        speaker="das Gericht",
    ),
    # "als" is tagged as a preposition: before "er" it opens a clause
    Case(
        why="als before a pronoun opens a clause",
        text="Er entschuldigte sich später, als er die Fans dafür kritisierte, dass sie gepfiffen hatten.",
        fragment="gepfiffen",
        quote="dass sie gepfiffen hatten",
        kind=Kind.INDIRECT,
        speaker="er",
    ),
    Case(
        why="article tagged as pronoun before quoted name",
        text="Das „Zentrum für Stürme“ der USA geht davon aus, dass der Sturm stärker wird.",
        fragment="Sturm stärker",
        quote="dass der Sturm stärker wird",
        kind=Kind.INDIRECT,
        speaker="Das „Zentrum für Stürme“ der USA",
    ),
    Case(
        why="focus word before the subject",
        text="Einzig Sony gab bekannt, ein Update anbieten zu wollen.",
        fragment="Update",
        quote="ein Update anbieten zu wollen",
        kind=Kind.INDIRECT,
        speaker="Sony",
    ),
    Case(
        why="truncated coordination after the subject",
        text="Muster hatte besonders die Rolle der Landes- und Bundesregierung betont: „Beide müssen handeln.“",
        fragment="handeln",
        quote="„Beide müssen handeln.“",
        kind=Kind.DIRECT,
        speaker="Muster",
    ),
    # the corpus keeps "aus"/"vom" in the source of "hieß es" (not "in")
    Case(
        why="heissen source keeps vom",
        text="„Wir prüfen alle Hinweise“, hieß es vom Sprecher der Behörde.",
        fragment="Hinweise",
        quote="„Wir prüfen alle Hinweise“",
        kind=Kind.DIRECT,
        speaker="vom Sprecher der Behörde",
    ),
    Case(
        why="heissen source keeps aus",
        text="Aus Berlin hieß es, man prüfe alle Hinweise.",
        fragment="Hinweise",
        quote="man prüfe alle Hinweise",
        kind=Kind.INDIRECT,
        speaker="Aus Berlin",
    ),
    Case(
        why="wie frame with relative clause on the name",
        text=(
            "Wie Anna Muster, die als Beobachterin bei der Anhörung anwesend war, dazu feststellt, fehlen „die nötigen "
            "Beweise für eine Verschwörung“."
        ),
        fragment="Beweise",
        quote="„die nötigen Beweise für eine Verschwörung“",
        kind=Kind.DIRECT,
        speaker="Anna Muster",
    ),
    Case(
        why="passive source after in must be a source",
        text="In einem Bericht der Zeitung wurde vermutet, dass niemand überlebt hat.",
        fragment="niemand",
        quote="dass niemand überlebt hat",
        kind=Kind.INDIRECT,
        speaker="einem Bericht der Zeitung",
    ),
    # "im Jahr 2020" is a time, not who said it
    Case(
        why="passive after in with a time has no speaker",
        text="Im Jahr 2020 wurde vermutet, dass niemand überlebt hat.",
        fragment="niemand",
        quote="dass niemand überlebt hat",
        kind=Kind.INDIRECT,
        speaker="",
    ),
    # "bezeichnet" after "Er" is finite, though tagged as a participle
    Case(
        why="coordination after present tagged as participle",
        text="Er bezeichnet die Proteste als rechtmäßig und forderte Anna Muster dazu auf, Ruhe zu bewahren.",
        fragment="Ruhe",
        quote="Ruhe zu bewahren",
        kind=Kind.INDIRECT,
        speaker="Er",
    ),
    Case(
        why="pluperfect passive finds its source",
        text="Von Seiten der Delegation war den USA vorgeworfen worden, den Bericht verwässert zu haben.",
        fragment="verwässert",
        quote="den Bericht verwässert zu haben",
        kind=Kind.INDIRECT,
        speaker="Seiten der Delegation",
    ),
    Case(
        why="participle after subject with apposition",
        text="Das sei eine echte Chance, wird Max Muster, Manager für Video, zitiert.",
        fragment="echte Chance",
        quote="Das sei eine echte Chance",
        kind=Kind.INDIRECT,
        speaker="Max Muster, Manager für Video",
    ),
    Case(
        why="quoted name closes a source before wonach",
        text=(
            "Ein Bericht der Agentur „Nordpost“, wonach der Politiker festgenommen worden sein soll, wurde dementiert."
        ),
        fragment="festgenommen",
        quote="der Politiker festgenommen worden sein soll",
        kind=Kind.INDIRECT,
        speaker="Ein Bericht der Agentur „Nordpost“",
    ),
    Case(
        why="name particle zu opening the sentence",
        text="Zu Guttenberg hatte Fehler eingeräumt und angegeben, er habe nicht sorgfältig gearbeitet.",
        fragment="sorgfältig",
        quote="er habe nicht sorgfältig gearbeitet",
        kind=Kind.INDIRECT,
        speaker="Zu Guttenberg",
    ),
    Case(
        why="name particle von der opening the sentence",
        text="Von der Leyen sagte, die Truppe sei gut ausgerüstet.",
        fragment="Truppe",
        quote="die Truppe sei gut ausgerüstet",
        kind=Kind.INDIRECT,
        speaker="Von der Leyen",
    ),
    # --- negated attributes, object prefields, sources
    # "nicht" inside the noun phrase belongs to it: "Ein nicht genannter Vertreter"
    Case(
        why="negated attribute in speaker phrase",
        text="Ein nicht genannter Vertreter der Stadtwerke bezeichnet den Plan als „mutig“ und lobt die Planer.",
        fragment="mutig",
        quote="„mutig“",
        kind=Kind.DIRECT,
        speaker="Ein nicht genannter Vertreter der Stadtwerke",
    ),
    # "Aus … verlautete": the "aus" phrase is the source, not the subject
    Case(
        why="verlauten source after aus",
        text="Aus Kreisen der Stadtverwaltung verlautete, der Markt werde im Mai eröffnet.",
        fragment="Markt",
        quote="der Markt werde im Mai eröffnet",
        kind=Kind.INDIRECT,
        speaker="Kreisen der Stadtverwaltung",
    ),
    # "der Bürgermeister" after the verb is nominative: the prefield is the object
    Case(
        why="object prefield with der subject after verb",
        text="Die Pläne, die gestern vorgestellt wurden, nannte der Bürgermeister als Kompromiss „tragfähig“.",
        fragment="tragfähig",
        quote="„tragfähig“",
        kind=Kind.DIRECT,
        speaker="der Bürgermeister",
    ),
    # "Die jungen Fahrer" is plural, "beschrieb" singular: the subject follows the verb
    Case(
        why="plural object prefield with singular verb",
        text="Die jungen Fahrer, die sich beteiligt hatten, beschrieb die Agentur als „aggressiv“.",
        fragment="aggressiv",
        quote="„aggressiv“",
        kind=Kind.DIRECT,
        speaker="die Agentur",
    ),
    Case(
        why="subject prefield keeps its object",
        text="Die Gewerkschaft bezeichnete die Kürzungen als „unzumutbar“.",
        fragment="unzumutbar",
        quote="„unzumutbar“",
        kind=Kind.DIRECT,
        speaker="Die Gewerkschaft",
    ),
    # "unterschrieben" ends the relative clause as a finite plural, not a participle
    Case(
        why="apposition with relative clause in strong preterite",
        text="Erik Beispiel, einer der Stadträte, die den Aufruf unterschrieben, sagte, der Beschluss sei feige.",
        fragment="Beschluss",
        quote="der Beschluss sei feige",
        kind=Kind.INDIRECT,
        speaker="Erik Beispiel, einer der Stadträte",
    ),
    # the text lacks a full stop after "Satzung": "Der Verein" opens the next sentence
    Case(
        why="missing full stop before capitalised article",
        text=(
            "Der Verein stützte sich auf Paragraf 7 der Satzung Der Verein hatte vorher erklärt, er werde die "
            "Mitglieder befragen."
        ),
        fragment="Mitglieder",
        quote="er werde die Mitglieder befragen",
        kind=Kind.INDIRECT,
        speaker="Der Verein",
    ),
    # "gestärkt aus der Krise hervorgegangen" is no cue: the speaker is "Sie" of "meint"
    Case(
        why="hervorgehen without source is no cue",
        text=(
            "Sie meint, dass der Verein gestärkt aus der Krise hervorgegangen sei: „Wir sind jetzt viel besser "
            "aufgestellt.“"
        ),
        fragment="aufgestellt",
        quote="„Wir sind jetzt viel besser aufgestellt.“",
        kind=Kind.DIRECT,
        speaker="Sie",
    ),
    Case(
        why="hervorgehen with source keeps it",
        text="Aus einem Bericht der Behörde geht hervor, dass die Brücke marode sei.",
        fragment="Brücke",
        quote="dass die Brücke marode sei",
        kind=Kind.INDIRECT,
        speaker="einem Bericht der Behörde",
    ),
    # "hat" closes the relative clause; "erklärt" is the main clause's own finite verb
    Case(
        why="auxiliary of preceding relative clause is not the cues",
        text="Im Schreiben, das Erik Beispiel an den Rat geschickt hat, erklärt sie: „Wir brauchen mehr Zeit.“",
        fragment="Zeit",
        quote="„Wir brauchen mehr Zeit.“",
        kind=Kind.DIRECT,
        speaker="sie",
    ),
    # --- subordinators, object "es" and other cases the verb-second reading got wrong
    # "zumal" is a subordinator: its clause's subject stands right after it
    Case(
        why="zumal opens a verb final clause",
        text=(
            "Er wolle das Urteil prüfen, zumal Anwältin Maria Beispiel mehrfach betont hatte, der Zeuge sei "
            "unglaubwürdig."
        ),
        fragment="Zeuge",
        quote="der Zeuge sei unglaubwürdig",
        kind=Kind.INDIRECT,
        speaker="Anwältin Maria Beispiel",
    ),
    # "sah es … als erwiesen an": "es" is the object, the subject follows it
    Case(
        why="object es before the subject",
        text="Am Ende sah es das Landgericht als erwiesen an, dass der Händler die Ware gestohlen habe.",
        fragment="Händler",
        quote="dass der Händler die Ware gestohlen habe",
        kind=Kind.INDIRECT,
        speaker="das Landgericht",
    ),
    # "Drei Tage nach …" is an adverbial: the subject follows the verb
    Case(
        why="duration in the prefield is no subject",
        text="Drei Tage nach dem Unglück meldete die Agentur Beispielpresse, die Zahl der Opfer sei gestiegen.",
        fragment="Opfer",
        quote="die Zahl der Opfer sei gestiegen",
        kind=Kind.INDIRECT,
        speaker="die Agentur Beispielpresse",
    ),
    # "das finanziell angeschlagene Land": the adverbial adjective belongs to the phrase
    Case(
        why="adverbial adjective inside the subject",
        text="Das wirtschaftlich geschwächte Beispielland teilte mit, es werde die Schulden bezahlen.",
        fragment="Schulden",
        quote="es werde die Schulden bezahlen",
        kind=Kind.INDIRECT,
        speaker="Das wirtschaftlich geschwächte Beispielland",
    ),
    # "X, so vermutet die Zeitung, …": the subject follows the verb, "so" is part of the cue
    Case(
        why="inserted so clause has its subject after the verb",
        text="Der Grund für den Streit, so vermutet die Zeitung Beispielbote, dürfte das Geld gewesen sein.",
        fragment="Geld",
        kind=Kind.INDIRECT,
        speaker="die Zeitung Beispielbote",
        cue="so vermutet",
        known_miss=(
            "the quote should be 'Der Grund für den Streit … dürfte das Geld gewesen sein' (both sides of the "
            "inserted so clause, as with 'Trotzdem, so Berger, habe …'); today it leaves out the part before"
        ),
    ),
    # "einen Brief in dem sie forderte, …": the comma before "in dem" is missing
    Case(
        why="prepositional relative without its comma",
        text="Die Frau schrieb einen Brief in dem sie forderte, dass die Schule geschlossen werde.",
        fragment="Schule",
        quote="dass die Schule geschlossen werde",
        kind=Kind.INDIRECT,
        speaker="sie",
    ),
    # "…, Bundestrainer Hans Beispiel bezeichnete X als …": a title before a name
    # opens the clause's own prefield, so it is the subject, not the object after the verb
    Case(
        why="title and name open a main clause after a comma",
        text=(
            "Der Stürmer nannte den Platzverweis „überzogen“, Bundestrainer Hans Beispiel bezeichnete acht Gelbe "
            "Karten in einem Spiel als „übertrieben“."
        ),
        fragment="übertrieben",
        quote="„übertrieben“",
        kind=Kind.DIRECT,
        speaker="Bundestrainer Hans Beispiel",
    ),
    # --- speaker phrase boundaries
    Case(
        why="source noun with genitive plural",
        text="Nach Angaben libanesischer Sicherheitskreise wurden zwei Soldaten verletzt.",
        fragment="Soldaten",
        quote="wurden zwei Soldaten verletzt",
        kind=Kind.INDIRECT,
        speaker="Angaben libanesischer Sicherheitskreise",
    ),
    Case(
        why="genitive with quantifier",
        text="Nach Meinung der beiden Gutachter ist die Brücke sicher.",
        fragment="Brücke",
        quote="ist die Brücke sicher",
        kind=Kind.INDIRECT,
        speaker="Meinung der beiden Gutachter",
    ),
    Case(
        why="nominal frame with apposition",
        text="Nach Angaben des Direktors der Fluglinie, Jan Ohm, sei die Maschine gewartet worden.",
        fragment="Maschine",
        quote="sei die Maschine gewartet worden",
        kind=Kind.INDIRECT,
        speaker="Angaben des Direktors der Fluglinie, Jan Ohm",
    ),
    Case(
        why="adverb after prefield subject",
        text="Die Armee hingegen erklärte, die Lage sei ruhig.",
        fragment="Lage",
        quote="die Lage sei ruhig",
        kind=Kind.INDIRECT,
        speaker="Die Armee",
    ),
    Case(
        why="heisst es source without preposition",
        text="In der Mitteilung des Vereins heißt es, das Turnier werde verschoben.",
        fragment="Turnier",
        quote="das Turnier werde verschoben",
        kind=Kind.INDIRECT,
        speaker="der Mitteilung des Vereins",
    ),
    Case(
        why="possessive ihr opens a speaker phrase",
        text="Ihr Vorsitzender Jan Ohm erklärte: „Wir sind noch nicht zufrieden.“",
        fragment="zufrieden",
        quote="„Wir sind noch nicht zufrieden.“",
        kind=Kind.DIRECT,
        speaker="Ihr Vorsitzender Jan Ohm",
        cue="erklärte",
    ),
    Case(
        why="colon frame subject after second place verb",
        text="Hier sparte der Bürgermeister nicht mit Kritik: „So geht es nicht weiter mit der Stadt.“",
        fragment="Stadt",
        quote="„So geht es nicht weiter mit der Stadt.“",
        kind=Kind.DIRECT,
        speaker="der Bürgermeister",
    ),
    Case(
        why="website as speaker",
        text="Wie t-online.de berichtet, ist der Dienst seit Stunden gestört.",
        fragment="Dienst",
        quote="ist der Dienst seit Stunden gestört",
        kind=Kind.INDIRECT,
        speaker="t-online.de",
        cue="Wie … berichtet",
    ),
    Case(
        why="adjective used as noun written small",
        text="Am Montag sagte der 81-jährige in einem Interview, die Maus sei tot gewesen.",
        fragment="Maus",
        quote="die Maus sei tot gewesen",
        kind=Kind.INDIRECT,
        speaker="der 81-jährige",
    ),
    Case(
        why="focus adverb before quantifier",
        text="Auch einige kleinere Parteien haben angekündigt, die Wahl zu boykottieren.",
        fragment="boykottieren",
        quote="die Wahl zu boykottieren",
        kind=Kind.INDIRECT,
        speaker="einige kleinere Parteien",
    ),
    Case(
        why="genitive prefield is no subject",
        text="Des Weiteren erklärte die Polizei, die Straße bleibe gesperrt.",
        fragment="Straße",
        quote="die Straße bleibe gesperrt",
        kind=Kind.INDIRECT,
        speaker="die Polizei",
    ),
    # "Hoff" and "Lahm" look like a verb and an adjective; after a given name they are surnames
    Case(
        why="surname read as a verb",
        text="„Wir bauen die Halle weiter“, sagte die Stadträtin Elke Hoff.",
        fragment="Halle",
        quote="„Wir bauen die Halle weiter“",
        kind=Kind.DIRECT,
        speaker="die Stadträtin Elke Hoff",
    ),
    Case(
        why="surname read as an adjective",
        text="„Das Spiel war schwer“, sagte Peter Lahm nach dem Abpfiff.",
        fragment="Spiel",
        quote="„Das Spiel war schwer“",
        kind=Kind.DIRECT,
        speaker="Peter Lahm",
    ),
    # "in Bonn" belongs to "die Organisation"; after a person's name it says where they spoke
    Case(
        why="place attribute after a noun",
        text="Die Organisation in Bonn teilte mit, die Spenden seien gestiegen.",
        fragment="Spenden",
        quote="die Spenden seien gestiegen",
        kind=Kind.INDIRECT,
        speaker="Die Organisation in Bonn",
    ),
    Case(
        why="place phrase after a name is not the speakers",
        text="„Wir bleiben dabei“, sagte Meier in Bonn.",
        fragment="dabei",
        quote="„Wir bleiben dabei“",
        kind=Kind.DIRECT,
        speaker="Meier",
    ),
    Case(
        why="object prefield that cannot speak, name after the verb",
        text="Eine Erhöhung der Gebühren bezeichnete Müller als unvermeidlich, weil die Kosten stark gestiegen seien.",
        fragment="weil die Kosten",
        quote="weil die Kosten stark gestiegen seien",
        kind=Kind.INDIRECT,
        speaker="Müller",
    ),
    Case(
        why="object prefield with a name inside an attribute, colon frame",
        text=(
            "Jede Verantwortung für den Skandal im Verband der SPD weist Schneider von sich: „Ich habe davon nichts "
            "gewusst und nichts unterschrieben.“"
        ),
        fragment="nichts gewusst",
        quote="„Ich habe davon nichts gewusst und nichts unterschrieben.“",
        kind=Kind.DIRECT,
        speaker="Schneider",
    ),
    Case(
        why="a prefield title with its name stays the subject",
        text="Das Magazin Focus bezeichnete Huber in einem Artikel als „Schattenminister der Regierung“.",
        fragment="Schattenminister",
        quote="„Schattenminister der Regierung“",
        kind=Kind.DIRECT,
        speaker="Das Magazin Focus",
    ),
    Case(
        why="a speaker noun in the prefield stays the subject",
        text="Polizeichef Karl Weber forderte Peter Schmidt auf, sich sofort bei der Polizei zu stellen.",
        fragment="sich sofort",
        quote="sich sofort bei der Polizei zu stellen",
        kind=Kind.INDIRECT,
        speaker="Polizeichef Karl Weber",
    ),
    Case(
        why="heißt es auf the web page: the page is the source",
        text=(
            "Geehrt werden Menschen, „die sich um die Freiheit der Presse verdient gemacht haben“, heißt es auf der "
            "Webseite der Stiftung."
        ),
        fragment="Freiheit der Presse",
        quote="„die sich um die Freiheit der Presse verdient gemacht haben“",
        kind=Kind.DIRECT,
        speaker="der Webseite der Stiftung",
    ),
    Case(
        why="auf inside the quote before heißt es is no source",
        text="Die Studie wertet viele Daten aus. Die meisten Fälle entfallen auf Asien und Afrika, heißt es.",
        fragment="Die meisten Fälle",
        quote="Die meisten Fälle entfallen auf Asien und Afrika",
        kind=Kind.INDIRECT,
        speaker="",
    ),
    Case(
        why="a possessive colon frame takes the speaker of the statement before",
        text=(
            "In einem Interview äußerte sich die Ministerin Anna Berg zuversichtlich: „Wir werden eine Lösung finden.“ "
            "Ihre Zuversicht stützt sich auf frühere Verhandlungen: „Am Ende hat man sich immer geeinigt.“"
        ),
        fragment="immer geeinigt",
        quote="„Am Ende hat man sich immer geeinigt.“",
        kind=Kind.DIRECT,
        speaker="die Ministerin Anna Berg",
    ),
    Case(
        why="a colon frame past a quoted term takes the sentence's cue and subject",
        text=(
            "In einer Erklärung rechtfertigte das Ministerium den Einsatz als „notwendige Maßnahme“: „Wir mussten die "
            "Bürger schützen und haben richtig gehandelt.“"
        ),
        fragment="Bürger schützen",
        quote="„Wir mussten die Bürger schützen und haben richtig gehandelt.“",
        kind=Kind.DIRECT,
        speaker="das Ministerium",
    ),
    Case(
        why="a time phrase in the prefield is no subject",
        text="Ende März 2007 verkündete der Verband schließlich, dass er sich um die Ausrichtung bewerben werde.",
        fragment="bewerben werde",
        quote="dass er sich um die Ausrichtung bewerben werde",
        kind=Kind.INDIRECT,
        speaker="der Verband",
    ),
    Case(
        why="a passive cue in a prepositional relative clause speaks through its antecedent",
        text=(
            "Der Verein veröffentlichte gestern ein Schreiben der Stadtverwaltung, in dem er darüber informiert wird, "
            "dass die Halle bis zum Sommer geschlossen bleibe."
        ),
        fragment="die Halle",
        quote="dass die Halle bis zum Sommer geschlossen bleibe",
        kind=Kind.INDIRECT,
        speaker="ein Schreiben der Stadtverwaltung",
    ),
    Case(
        why="a cue verb right after a sentence quote whose comma is missing",
        text=(
            "Der Verband fordert mehr Schutz. „Wenn Beamte Fehler machen, müssen sie dafür geradestehen wie alle "
            "anderen auch“ heißt es in einer Mitteilung des Verbandes."
        ),
        fragment="Fehler machen",
        quote="„Wenn Beamte Fehler machen, müssen sie dafür geradestehen wie alle anderen auch“",
        kind=Kind.DIRECT,
        speaker="einer Mitteilung des Verbandes",
    ),
    Case(
        why="a modal after a quoted name is no frame of the name",
        text=(
            "Nach dem Absturz einer Trägerrakete „Falcon 1“, will Elon Musk, Gründer der Firma SpaceX, nun die "
            "Ursachen erforschen lassen."
        ),
        fragment="Falcon 1",
        absent=True,
    ),
    Case(
        why="a colon frame in the Konjunktiv I continues the statement before",
        text=(
            "Wie die Ministerin Eva Roth erklärte, werde das Land sofort Helfer schicken. Man sei den Nachbarn zu Dank "
            "verpflichtet: „Sie haben uns damals auch geholfen, und das vergessen wir nicht.“"
        ),
        fragment="damals auch geholfen",
        quote="„Sie haben uns damals auch geholfen, und das vergessen wir nicht.“",
        kind=Kind.DIRECT,
        speaker="die Ministerin Eva Roth",
    ),
    Case(
        why="an orphan quote takes the frame closing its sentence",
        text=(
            "Die Kosten sollen „durch bessere Planung und weniger Bürokratie“ gesenkt werden, so heißt es in einer "
            "Erklärung des Betriebsrates."
        ),
        fragment="bessere Planung",
        quote="„durch bessere Planung und weniger Bürokratie“",
        kind=Kind.DIRECT,
        speaker="einer Erklärung des Betriebsrates",
    ),
    Case(
        why="a cue frame cut short by a quoted name takes its subject from the whole sentence",
        text=(
            "Nach langer Fahrt steuerte er das Boot „Möwe“ in den Hafen und meldete sich mit den Worten: „Wir sind "
            "endlich wieder zu Hause angekommen.“"
        ),
        fragment="wieder zu Hause",
        quote="„Wir sind endlich wieder zu Hause angekommen.“",
        kind=Kind.DIRECT,
        speaker="er",
    ),
    Case(
        why="an adverb with its phrase in the prefield is no subject",
        text="Stellvertretend für die Regierung empfahl der Minister Karl Haas, die Verhandlungen sofort aufzunehmen.",
        fragment="Verhandlungen sofort",
        quote="die Verhandlungen sofort aufzunehmen",
        kind=Kind.INDIRECT,
        speaker="der Minister Karl Haas",
    ),
    Case(
        why="a so-insertion closing a colon frame names the speaker",
        text=(
            "Auch dieses Schweigen habe möglicherweise System, so Karl Berger weiter: „Das ist in vielen Firmen üblich "
            "und wird kaum hinterfragt.“"
        ),
        fragment="vielen Firmen",
        quote="„Das ist in vielen Firmen üblich und wird kaum hinterfragt.“",
        kind=Kind.DIRECT,
        speaker="Karl Berger",
        cue="so",
    ),
    Case(
        why="a second main clause with aber after a comma shares the first subject",
        text=(
            "Die Gewerkschaften begrüßten den Vorschlag der Regierung, fordern aber eine schnelle Umsetzung der Reform."
        ),
        fragment="eine schnelle Umsetzung",
        quote=(
            "Die Gewerkschaften begrüßten den Vorschlag der Regierung, fordern aber eine schnelle Umsetzung der Reform"
        ),
        kind=Kind.REPORTED,
        speaker="Die Gewerkschaften",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)


def test_every_speaker_has_an_entity() -> None:
    text = "Er sagte, es werde regnen. Laut Experten wird es kälter. „Gut so“, meinte man."
    art = run(text)
    assert art.statements
    assert all(st.speaker_entity for st in art.statements if st.speaker)


def test_confidence_is_a_probability() -> None:
    art = run("Laut der Polizei wurden drei Autos beschädigt. Der Mann soll geflohen sein.")
    check(art, "Autos", kind=Kind.INDIRECT, quote="wurden drei Autos beschädigt", speaker="der Polizei")
    check(art, "geflohen", kind=Kind.FREE_INDIRECT, quote="Der Mann soll geflohen sein.", entity="Polizei")
    assert all(0.0 < st.confidence <= 1.0 for st in art.statements)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the object of the opinion cue is no subject: the prefield is, even a quantifier
        ("Einige Förster vertreten die Auffassung, der Wald erhole sich nur langsam.", "Einige Förster"),
        ("Manche Fachleute halten es für möglich, dass die Brücke schon im Mai öffnet.", "Manche Fachleute"),
        ("Zwölf Prozent sind der gegenteiligen Auffassung, dass der Markt zu klein sei.", "Zwölf Prozent"),
        # "man" names nobody: the statement stays, with no speaker
        ("Man geht davon aus, dass die Brücke im Mai fertig wird.", ""),
    ],
    ids=[
        "speaker is never part of the opinion cue vertreten die auffassung",
        "speaker is never part of the cue halten es fuer moeglich",
        "quantifier prefield is the speaker of sind der auffassung",
        "man is no speaker",
    ],
)
def test_one_statement_with_its_speaker(text: str, speaker: str) -> None:
    art = run(text)
    assert len(art.statements) == 1
    assert art.statements[0].role_text("speaker", text) == speaker


def test_narrator_ich_is_no_statement() -> None:
    for _, found in runs_with_anchor("Ich glaube, dass die Brücke im Mai fertig wird."):
        assert not found


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Nach dem Hochwasser wird der Ausbruch von Seuchen befürchtet, sagte ein Arzt.", "Seuchen"),
        # quoted words opening with a lower-case adjective are no name in the phrase
        ("Dagegen äußerten die Richter „schwere rechtliche Bedenken“ gegen das Gesetz.", "Bedenken"),
    ],
    ids=["von attribute is no passive agent", "speaker phrase stops before quoted object words"],
)
def test_word_is_in_no_speaker(text: str, word: str) -> None:
    for art, found in runs_with_anchor(text):
        for st in found:
            assert word not in st.role_text("speaker", art.text)


def test_backward_phrase_stops_at_its_article() -> None:
    art = run("Der Präsident sagte dem „Kurier“ zufolge, er werde nicht zurücktreten.")
    st = next(s for s in art.statements if s.role_text("cue", art.text) == "zufolge")
    assert st.role_text("speaker", art.text) == "dem „Kurier“"


def test_name_parts_mistagged_inside_a_name() -> None:
    toks = parse("Der Sprecher der Gruppe Parti du Peuple sagte nichts.").tokens
    assert [t.tag for t in toks if t.text == "du"] == ["NE"]
    # a capitalised word read as a verb before another capitalised word is a name
    toks = parse("Der Historiker Henk Jaap Beispiel sagte nichts.").tokens
    assert [t.tag for t in toks if t.text == "Henk"] == ["NE"]


def test_number_starts_the_object() -> None:
    doc = parse("meldete die Polizei 40 Verletzte")
    assert speaker_forward(doc.tokens, 1, len(doc.tokens), appositions=False) == (1, 3)
