"""Rules that find indirect statements the extractor used to miss (helper q)."""

from __future__ import annotations

import pytest

from saidwhat.model import Kind
from test_de_helpers import Case, case_id, check_case

CASES = [
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
        kind=Kind.INDIRECT,
        speaker="Die Forscherin",
        cue="wagte … die Prognose",
    ),
    Case(
        why="statement noun after 'zur': the preposition joins the cue",
        text="Der Minister machte es zur Bedingung, dass die Streiks sofort enden.",
        fragment="dass die Streiks sofort enden",
        kind=Kind.INDIRECT,
        speaker="Der Minister",
        cue="machte … zur Bedingung",
    ),
    Case(
        why="'hieß es' takes its source from its own clause, not from the statement",
        text="Wichtig sei vor allem der Schutz der Bevölkerung in Syrien, hieß es vom Sprecher des Ministeriums.",
        fragment="Wichtig sei vor allem der Schutz",
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
        kind=Kind.INDIRECT,
        speaker="",
    ),
    Case(
        why="'besagen' frames a dass-clause",
        text="Die neue Satzung besagt, dass der Vorstand jedes Jahr gewählt wird.",
        fragment="dass der Vorstand jedes Jahr gewählt wird",
        kind=Kind.INDIRECT,
        speaker="Die neue Satzung",
    ),
    Case(
        why="'sich einigen darauf' frames a dass-clause",
        text="Die beiden Parteien einigten sich darauf, dass die Gespräche im Mai fortgesetzt werden.",
        fragment="dass die Gespräche im Mai fortgesetzt werden",
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
        kind=Kind.INDIRECT,
        speaker="Der Trainer",
    ),
    Case(
        why="'Einigkeit besteht darüber, dass': no one named as the speaker",
        text="Einigkeit besteht darüber, dass die Brücke saniert werden muss.",
        fragment="dass die Brücke saniert werden muss",
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
        kind=Kind.INDIRECT,
        cue="Wie es hieß",
    ),
    Case(
        why="'Wie aus X hervorgeht,' frames the main clause, X the source",
        text="Wie aus einem Bericht der Polizei hervorgeht, wurden bei dem Unfall drei Menschen verletzt.",
        fragment="wurden bei dem Unfall drei Menschen verletzt",
        kind=Kind.INDIRECT,
        speaker="einem Bericht der Polizei",
    ),
    Case(
        why="'Wie eine Umfrage ergab,' frames the main clause",
        text="Wie eine Umfrage ergab, sind die meisten Bürger mit dem Nahverkehr zufrieden.",
        fragment="sind die meisten Bürger mit dem Nahverkehr zufrieden",
        kind=Kind.INDIRECT,
        speaker="eine Umfrage",
    ),
    Case(
        why="a short slogan after 'Parolen wie' is a quote, not a term",
        text="Die Menge skandierte vor dem Rathaus Parolen wie „Korruption stoppen“ und zog dann weiter.",
        fragment="Korruption stoppen",
        kind=Kind.DIRECT,
        speaker="Die Menge",
        cue="skandierte",
    ),
    Case(
        why="a preterite before 'dabei' is the verb, not an adjective",
        text="Die Fans zogen durch die Stadt und skandierten dabei Parolen wie „Wir wollen den Titel“.",
        fragment="Wir wollen den Titel",
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
        kind=Kind.INDIRECT,
        speaker="der Opposition",
        cue="der Vorwurf",
    ),
    Case(
        why="statement noun: a name in apposition to the genitive speaker",
        text="Trotz der Ankündigung ihres Trainers, Max Beispiel, den Verein im Sommer zu verlassen, gewann die Mannschaft.",
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
]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_case(case: Case) -> None:
    check_case(case)
