"""Stage: statements without a frame of their own.

Reads: sentences, the statements found so far. Writes:

* INDIRECT_FREE_INDIRECT: Konjunktiv sentences right after a reported
  statement continue it ("Dazu gehöre auch …"); consecutive ones form one
  statement, full stops included, as the corpus marks them;
* INDIRECT: a Konjunktiv sentence whose indicative main clause has a speaking
  subject and a verb the cue lexicon lacks ("zeigte sich besorgt, dass …")
  frames itself rather than continuing the statement before;
* INDIRECT_FREE_INDIRECT without a speaker: a Konjunktiv I main verb with no
  source before it ("ifi_orphan"), unless a cue verb right after names one;
* FREE_INDIRECT: sentences whose finite verb is "soll/sollen" (hearsay), and
  passive plans ("soll … werden") right after a statement;
* the speaker of bare direct quotes (a quote filling its own sentences).

All three take the speaker mention of the statement before them (the
corpus points such a statement at that same mention).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...lexicon import load_word_set
from ...model import Kind, Medium, Span
from ...nlp import Sentence, Token
from ...pipeline.found import Found
from ...pipeline.sentences import Article
from .chunks import np_core
from .cues import (
    Cue,
    clause_begin,
    clause_end,
    clause_subject,
    cue_candidates,
    find_cue,
    is_passive,
    speaker_of,
    speaking_subject,
)
from .lexicons import konjunktiv_forms, source_noun_medium, word_class
from .morph import is_finite, is_verb, mood

_MAX_GAP = 1  # sentences between a statement and its continuation


def _konjunktiv_main(art: Article, s: Sentence) -> bool:
    toks = art.tokens
    forms = konjunktiv_forms()
    for i in range(s.start, s.end):
        t = toks[i]
        if art.in_quote[i] != -1 or not (t.tag.endswith("(FIN)") or forms.get(t.lower)):
            continue  # no mood (see morph.mood): this loop runs over every token of every sentence
        m = mood(t, toks[i - 1] if i > 0 else None)
        reported_k2 = m == "k2" and not t.lower.startswith(("könnte", "dürfte")) and t.lower not in _PRETERITE_LIKE
        if m == "k1" or reported_k2:
            return True
    return False


# Konjunktiv II forms that are also the indicative preterite plural: without a
# frame they mark nothing ("Die Proteste gingen unvermindert weiter")
_PRETERITE_LIKE = load_word_set("de", "preterite_like")


def _modal_main(art: Article, s: Sentence) -> bool:
    """The main clause's finite verb is a modal Konjunktiv II ("könnten",
    "dürfte", "müssten") or one that reads like the preterite ("ließen"): on
    its own the narrator's, but right after a continuation it goes on with the
    reported words ("Der Verband sei nicht gefährdet. Die Mitglieder könnten
    jederzeit einspringen."; train: 5 chains lengthened, all right)."""
    toks = art.tokens
    for k in range(s.start, s.end):
        if not is_finite(toks[k]) or art.in_quote[k] != -1:
            continue
        cb = clause_begin(toks, k, s.start)
        if (
            toks[cb].lower in _SUBORDINATORS
            or toks[cb].tag == "KOUS"
            or (cb > s.start and toks[cb].lower in _RELATIVES)
        ):
            continue
        return toks[k].lower in _MODAL_K2
    return False


_MODAL_K2 = load_word_set("de", "modal_konjunktiv2") | _PRETERITE_LIKE


def _any_k1(art: Article, s: Sentence) -> bool:
    """A Konjunktiv I anywhere in the sentence, even in a clause inside it:
    "Da er der Minderheit angehöre, wäre eine Niederlage vergleichbar" is
    reported although its main verb is a Konjunktiv II the narrator also uses."""
    toks = art.tokens
    return any(
        art.in_quote[k] == -1 and is_finite(toks[k]) and mood(toks[k], toks[k - 1] if k > 0 else None) == "k1"
        for k in range(s.start, s.end)
    )


def _hearsay_modal(art: Article, s: Sentence, passive: bool = False) -> bool:
    """ "soll/sollen" as the main clause's verb. Not in a relative or subordinate
    clause ("…, die bestehen soll"), and not with a passive infinitive, which
    states a plan ("Dazu soll eine Arbeitsgruppe gebildet werden"), unless
    ``passive`` lets it count."""
    toks = art.tokens
    for i in range(s.start, s.end):
        if toks[i].lower not in {"soll", "sollen"} or not is_finite(toks[i]) or art.in_quote[i] != -1:
            continue
        cb = clause_begin(toks, i, s.start)
        if cb < i and (toks[cb].lower in _SUBORDINATORS or (cb > s.start and toks[cb].lower in _RELATIVES)):
            continue
        ce = clause_end(toks, i + 1, s.end)
        last = ce - 1
        while last > i and toks[last].tag.startswith("$"):
            last -= 1
        if not passive and toks[last].lower == "werden" and toks[last - 1].tag.endswith("(PP)"):
            continue
        if not passive and _passive_after_list(toks, i, s.end):
            continue
        return True
    return False


def _narrator_plan(art: Article, s: Sentence) -> bool:
    """A plan the narrator reports as news or as the means to an end, not as
    the words before it: "Dazu soll eine Arbeitsgruppe gebildet werden",
    "Jetzt soll die Nutzung ausgedehnt werden", "Am Sonntag soll nun nach
    einer Lösung gesucht werden"."""
    toks = art.tokens
    if toks[s.start].lower in _MEANS_ADVERBS:
        return True
    return any(toks[k].lower in {"nun", "jetzt"} for k in range(s.start, s.end))


_MEANS_ADVERBS = load_word_set("de", "means_adverbs")


def _passive_after_list(toks: list[Token], i: int, end: int) -> bool:
    """The passive infinitive closes the clause past commas of a list that cut
    the clause short: "Dazu soll eine Gruppe aus Ärzten, Forschern und Planern
    gebildet werden." No finite verb may come between."""
    for k in range(i + 1, end):
        if is_finite(toks[k]):
            return False
        if toks[k].lower == "werden" and toks[k - 1].tag.endswith("(PP)"):
            return k + 1 >= end or toks[k + 1].tag.startswith("$")
    return False


# words that open a subordinate clause, and (after a comma) a relative clause
_SUBORDINATORS = word_class("subordinators", "continuation")
_RELATIVES = word_class("relative_pronouns", "continuation")


def _cue_in(art: Article, s: Sentence) -> Cue | None:
    toks = art.tokens
    for i in cue_candidates(toks, s.start, s.end):
        if art.in_quote[i] == -1:
            c = find_cue(toks, i, s.start, s.end)
            if c is not None and not c.entry.weak:
                return c
    return None


def _embedded_cue(art: Article, s: Sentence, c: Cue) -> bool:
    """A cue verb that frames no statement of its own because it is reported
    itself or sits in a clause inside the sentence ("Aus Angst würden viele
    Frauen die Angriffe nicht melden", "…, von denen man glaube, …") does not
    stop a Konjunktiv sentence from continuing the statement before."""
    toks = art.tokens
    fin = c.finite
    cb = clause_begin(toks, fin, s.start)
    # the cue or an auxiliary before it in its clause is Konjunktiv ("würden … melden")
    if any(
        is_finite(toks[j]) and mood(toks[j], toks[j - 1] if j > 0 else None) is not None for j in range(cb, fin + 1)
    ):
        return True
    return cb > s.start and (
        toks[cb].lower in _SUBORDINATORS or toks[cb].lower in _RELATIVES or toks[cb].tag in {"KOUS", "PRELS", "APPR"}
    )


def _cue_sentence(art: Article, s: Sentence) -> Found | None:
    """A speaker for a Konjunktiv sentence from a cue verb in the sentence before.

    The returned item is the speaker mention's carrier; it is not a statement
    itself (``construction`` "speaker_only") and is dropped before output.
    """
    if s.i == 0:
        return None
    prev = art.sentences[s.i - 1]
    c = _cue_in(art, prev)
    if c is None:
        return None
    sp, _ = speaker_of(art.tokens, c, prev.start, art.text_end(prev))
    if sp is None or _passive_subject(art.tokens, c, sp):
        return None
    span = Span(art.tokens[prev.start].begin, art.tokens[prev.start].end)
    return Found(Kind.INDIRECT, [span], "speaker_only", speaker=sp, medium=c.medium, sent=prev.i)


def _passive_subject(toks: list[Token], c: Cue, sp: tuple[int, int]) -> bool:
    """A passive cue's subject is what was said, not who said it: "Weitere
    Aktionen sind für Montag angekündigt." names no speaker."""
    if not is_passive(toks, c, stative=True):
        return False
    return not (sp[0] > 0 and toks[sp[0] - 1].lower in {"von", "vom"}) and sp[0] < c.finite


def _cue_speaker_after(art: Article, s: Sentence) -> tuple[int, int] | None:
    """A Konjunktiv sentence with no source before it may name it right after:
    "Auch seien Gebäude beschädigt worden. Die Zeitung berichtet vom Einsturz
    eines Hauses." → "Die Zeitung" (a speaking subject of a cue verb, not a
    pronoun; train: 1 right, none wrong)."""
    if s.i + 1 >= len(art.sentences):
        return None
    nxt = art.sentences[s.i + 1]
    if any(art.in_quote[i] != -1 for i in range(nxt.start, nxt.end)):
        return None
    c = _cue_in(art, nxt)
    if c is None:
        return None
    sp, _ = speaker_of(art.tokens, c, nxt.start, art.text_end(nxt))
    if sp is None or not speaking_subject(art.tokens, sp) or (sp[1] - sp[0] == 1 and art.tokens[sp[0]].tag == "PPER"):
        return None
    return sp


def _own_frame(art: Article, s: Sentence) -> Found | None:
    """A Konjunktiv sentence whose main clause is indicative, with a subject of its
    own, and whose Konjunktiv (or "dass"/"ob") clause follows a comma: "Die Ärztin
    zeigte sich besorgt, dass …", "Seit Mai vertritt er die These, dass … sei".
    The verb is no cue the lexicon knows, but the main clause frames the rest;
    it does not continue the statement before."""
    toks = art.tokens
    st, te = s.start, art.text_end(s)
    if toks[st].tag == "KOUS" or toks[st].lower in _SUBORDINATORS:
        return None  # "Obwohl X …, sei man …": the main clause is the Konjunktiv one
    f = next((k for k in range(st, te) if is_finite(toks[k]) and art.in_quote[k] == -1), None)
    if f is None or mood(toks[f], toks[f - 1] if f > 0 else None) is not None or toks[f].lower in {"soll", "sollen"}:
        return None
    cb = clause_begin(toks, f, st)
    if cb > st and (toks[cb].lower in _SUBORDINATORS | _RELATIVES):
        return None
    k = f + 1
    while k < te and toks[k].text != ",":
        if (is_finite(toks[k]) and not _nonfinite_misread(toks, f, k)) or art.in_quote[k] != -1:
            return None
        k += 1
    if k >= te - 2:
        return None
    if toks[k + 1].lower in _ADVERBIAL_SUBORDINATORS:
        # "Er war …, als er Kontakt gesucht habe": a time or cause, not what was said (train: 3 speakers fixed)
        return None
    ce = clause_end(toks, k + 1, te)
    comp = toks[k + 1].lower in {"dass", "daß", "ob"} or any(
        is_finite(t) and mood(t, toks[t.i - 1]) is not None for t in toks[k + 1 : ce]
    )
    if not comp:
        return None
    sp = clause_subject(toks, st, k)
    if sp is None or not speaking_subject(toks, sp):
        return None  # a subject that does not speak: "Die Zahlen zeigten, …"
    q1 = te
    while q1 > k + 1 and toks[q1 - 1].text in {".", "!", "?", ":", ";"}:
        q1 -= 1
    cue = [f] + [j for j in range(f + 1, k) if toks[j].tag == "PTKVZ" or (is_verb(toks[j]) and not is_finite(toks[j]))]
    span = Span(toks[k + 1].begin, toks[q1 - 1].end)
    return Found(Kind.INDIRECT, [span], "indirect_own_frame", speaker=sp, cue=cue, frame=[(st, k + 1)], sent=s.i)


_ADVERBIAL_SUBORDINATORS = load_word_set("de", "adverbial_subordinators")


def _nonfinite_misread(toks: list[Token], f: int, k: int) -> bool:
    """A verb tagged finite that cannot be one: after "zu" ("war es wichtig zu
    betonen, dass …") or closing the clause of an auxiliary ("hatte sich
    erhofft, dass …")."""
    if not toks[k].tag.startswith("VV"):
        return False
    if toks[k - 1].lower == "zu":
        return True
    aux = toks[f].tag.startswith("VA")
    return aux and k + 1 < len(toks) and toks[k + 1].text == ","


def _subject_sentence(art: Article, s: Sentence) -> Found | None:
    """The speaking subject of the sentence right before, which has no cue verb
    the lexicon knows: "Der Iran streitet dies ab. Sein Programm diene …"."""
    if s.i == 0:
        return None
    prev = art.sentences[s.i - 1]
    if any(art.in_quote[i] != -1 for i in range(prev.start, prev.end)):
        return None
    toks = art.tokens
    sp = clause_subject(toks, prev.start, art.text_end(prev))
    sp = _name_prefield(art, prev, sp) or sp
    if sp is None or not speaking_subject(toks, sp):
        return None
    span = Span(toks[prev.start].begin, toks[prev.start].end)
    return Found(Kind.INDIRECT, [span], "speaker_only", speaker=sp, sent=prev.i)


def _document_sentence(art: Article, s: Sentence) -> Found | None:
    """A document named with "in" in the sentence before, as the source of a
    Konjunktiv sentence after it: "In einer Analyse der Zeitung wird der Schritt
    als Reaktion gesehen. So vertrage sich der Präsident nicht mit …" → "einer
    Analyse der Zeitung". Only where that sentence quotes nothing and has no
    cue verb or speaking subject (those come first). Train: 4 continuations
    gained or corrected, none wrong."""
    if s.i == 0:
        return None
    prev = art.sentences[s.i - 1]
    toks = art.tokens
    te = art.text_end(prev)
    if any(art.in_quote[i] != -1 for i in range(prev.start, prev.end)):
        return None
    for i in range(prev.start, te - 1):
        if toks[i].lower not in {"in", "im"}:
            continue
        j = np_core(toks, i + 1, te)
        if j == i + 1:
            continue
        head = next((k for k in range(i + 1, j) if toks[k].tag == "NN"), None)
        if head is None or source_noun_medium(toks[head].text) is None:
            continue
        span = Span(toks[prev.start].begin, toks[prev.start].end)
        return Found(Kind.INDIRECT, [span], "speaker_only", speaker=(i + 1, j), medium=Medium.WRITING, sent=prev.i)
    return None


def _name_prefield(art: Article, s: Sentence, sp: tuple[int, int] | None) -> tuple[int, int] | None:
    """A name with an apposition before the verb is the subject, even where a
    relative clause in the apposition hides it and a noun after the verb was
    taken instead: "Karl Brandt, einer der Abgeordneten, die den Brief
    unterschrieben, verurteilte die Haltung der Regierung." → the whole prefield."""
    toks = art.tokens
    st, te = s.start, art.text_end(s)
    if sp is None or toks[st].tag != "NE":
        return None
    k = st
    while k < te and toks[k].tag == "NE":
        k += 1
    if k >= te or toks[k].text != ",":
        return None
    f = next(
        (j for j in range(k, te) if is_finite(toks[j]) and art.in_quote[j] == -1 and toks[j - 1].text == ","), None
    )
    if f is None or sp[0] <= f or any(is_finite(toks[j]) for j in range(st, f)):
        return None
    return (st, f - 1)


def _konjunktiv_cue(art: Article, s: Sentence, f: Found) -> bool:
    """A cue verb in the Konjunktiv as the sentence's main verb is itself
    reported: "Ein Sprecher sagte, … . Er wisse auch nicht, was …" continues
    the statement before rather than framing one of its own (the corpus marks
    the whole sentence as the continuation, speaker the first statement's)."""
    if f.kind != Kind.INDIRECT or not f.cue or not f.construction.startswith("indirect_"):
        return False
    toks = art.tokens
    c = f.cue[0]
    m = mood(toks[c], toks[c - 1] if c > 0 else None)
    if m != "k1" and toks[c].lower not in {"hätte", "hätten", "wäre", "wären"}:
        return False
    first = next((k for k in range(s.start, s.end) if is_finite(toks[k]) and art.in_quote[k] == -1), None)
    return first == c and clause_begin(toks, c, s.start) == s.start


def _konjunktiv_report(art: Article, s: Sentence, f: Found) -> bool:
    """A cue-and-object report whose verb is a Konjunktiv I main verb is
    reported itself: "Künast äußerte sich kritisch. Sie rate zum Kauf von
    Hybridautos." continues the statement before, like a Konjunktiv cue."""
    if f.kind != Kind.REPORTED or f.speaker is None or f.nested:
        return False
    toks = art.tokens
    if f.begin > toks[s.start].begin or f.speaker[0] < s.start:
        return False
    if _reported_main_verb(art, s):
        return True
    # "hätte/wäre" as the first finite verb, as for a Konjunktiv cue ("Sie hätten Geld verlangt")
    first = next((k for k in range(s.start, s.end) if is_finite(toks[k]) and art.in_quote[k] == -1), None)
    return (
        first is not None
        and toks[first].lower in {"hätte", "hätten", "wäre", "wären"}
        and clause_begin(toks, first, s.start) == s.start
    )


def _reported_main_verb(art: Article, s: Sentence, attributive: bool = False) -> bool:
    """The sentence's main verb is a Konjunktiv I, not only a verb in a clause
    inside it: "Eine der Optionen sei ein Börsengang". ("wäre/hätte" also
    state conditions of the narrator's own: "Nach Hessen wäre Sachsen das
    zweite Land …"; allowing them cost speaker F1 on train.) With
    ``attributive``, a participle-like form between a modifier and a noun
    ("Der neu entdeckte Planet habe …") is no verb."""
    toks = art.tokens
    for k in range(s.start, s.end):
        if not is_finite(toks[k]) or art.in_quote[k] != -1:
            continue
        if (
            attributive
            and s.start < k < s.end - 1
            and toks[k - 1].tag in {"ART", "ADJ(D)", "ADV"}
            and toks[k + 1].tag == "NN"
        ):
            continue
        cb = clause_begin(toks, k, s.start)
        if toks[cb].lower in _SUBORDINATORS or (
            cb > s.start and (toks[cb].lower in _RELATIVES or _prep_relative(toks, cb))
        ):
            continue
        m = mood(toks[k], toks[k - 1] if k > 0 else None)
        return m == "k1"
    return False


def _prep_relative(toks: list[Token], cb: int) -> bool:
    """A relative clause opened by a preposition: "…, für die ein Gesetz
    verantwortlich sei", "…, mit dem er …"."""
    if not toks[cb].tag.startswith("APPR") or cb + 2 >= len(toks) or toks[cb + 1].lower not in _RELATIVES:
        return False
    # "für die Bürger" is a phrase of its own: the article has its noun right after it
    return toks[cb + 1].tag != "ART" or toks[cb + 2].tag in {
        "ART",
        "PPER",
        "PIS",
        "PPOSAT",
        "PDS",
        "PRF",
        "PTKNEG",
        "ADV",
    }


def _indicative_main(art: Article, s: Sentence) -> bool:
    """The main clause's finite verb is indicative ("Von der Polizei kam die
    Information, bei den Toten handele es sich …"): the Konjunktiv hangs on it."""
    toks = art.tokens
    first: bool | None = None
    for k in range(s.start, s.end):
        if k == s.start:
            continue  # "Verläuft der Test erfolgreich, würde …": a conditional clause
        if not is_finite(toks[k]) or art.in_quote[k] != -1 or toks[k - 1].tag == "ART":
            continue  # "die beiden verdächtigen Personen": an adjective tagged as a verb
        cb = clause_begin(toks, k, s.start)
        if (
            toks[cb].lower in _SUBORDINATORS
            or toks[cb].tag == "KOUS"
            or (cb > s.start and toks[cb].lower in _RELATIVES)
        ):
            continue
        reported = mood(toks[k], toks[k - 1]) is not None or toks[k].lower in _MODAL_FORMS
        if first is None:
            if reported:
                return False
            first = True
        elif reported and (toks[cb].tag == "KON" or toks[cb - 1].text == ";"):
            return False  # "…, und er wolle sie begleiten": a reported clause of its own
    return bool(first)


_MODAL_FORMS = load_word_set("de", "hearsay_modals")


def _narrator_conditional(art: Article, s: Sentence) -> bool:
    """A sentence opened by a condition and with no Konjunktiv I verb is the
    narrator's own reasoning, not reported speech: "Falls das Gesetz scheitert,
    wäre die Regierung am Ende", "Im Falle einer Absage müsste der Verein
    zahlen", "Bei einem Sieg müssten sie …", "Hätte er recht, so wäre …".
    (A Konjunktiv I anywhere keeps it reported: "Bei einer Krise sei …".)"""
    toks = art.tokens
    st, te = s.start, art.text_end(s)
    if te - st < 3:
        return False
    w0, w1 = toks[st].lower, toks[st + 1].lower
    opened = (
        w0 == "falls"
        or (w0 == "im" and w1 == "falle")
        or (w0 == "bei" and w1 in {"einem", "einer"})
        or (
            mood(toks[st]) == "k2"
            and any(toks[k].text == "," and toks[k + 1].lower == "so" for k in range(st + 1, te - 1))
        )
    )
    if not opened:
        return False
    return not any(
        art.in_quote[k] == -1 and is_finite(toks[k]) and mood(toks[k], toks[k - 1] if k > 0 else None) == "k1"
        for k in range(st, te)
    )


def _reported_head(art: Article, s: Sentence, here: list[Found], head: Found) -> bool:
    """The sentence's first statement is framed by a Konjunktiv cue (or is a
    Konjunktiv report), so the whole sentence is reported. Further statements
    in it, after the first, only coordinate with it: "Dieser behaupte, X sei
    gekommen und habe befürchtet, …" is one continuation, not two statements."""
    if not (_konjunktiv_cue(art, s, head) or _konjunktiv_report(art, s, head)):
        return False
    return all(g is head or (g.kind == Kind.INDIRECT and g.begin > head.begin) for g in here)


def _indicative_second_verb(art: Article, s: Sentence) -> bool:
    """A Konjunktiv II main clause whose subject goes on with an indicative
    verb right after a comma is the narrator's: "Er hätte gerne Gäste
    eingeladen, hatte aber keine gefunden." (Konjunktiv I sentences are
    reported whatever follows.)"""
    toks = art.tokens
    first: int | None = None
    for k in range(s.start, art.text_end(s)):
        if not is_finite(toks[k]) or art.in_quote[k] != -1:
            continue
        m = mood(toks[k], toks[k - 1] if k > 0 else None)
        if first is None:
            if m != "k2" or clause_begin(toks, k, s.start) != s.start:
                return False
            first = k
        elif toks[k - 1].text == "," and m is None and toks[k].lower not in _MODAL_FORMS:
            return True
    return False


def _make_continuation(art: Article, f: Found, parent: Found, s: Sentence) -> None:
    """Turn a statement framed by a Konjunktiv cue into the continuation of ``parent``."""
    toks = art.tokens
    f.kind = Kind.INDIRECT_FREE_INDIRECT
    f.construction = "ifi"
    f.quote = [Span(toks[s.start].begin, toks[s.end - 1].end)]
    f.speaker = parent.speaker
    f.medium = parent.medium
    f.cue = []
    f.frame = []
    f.addressee = None
    f.inherited_from = parent


def _pronoun_speaker(art: Article, f: Found) -> bool:
    """Is the carrier's speaker a lone third-person pronoun ("er", "sie")?"""
    if f.speaker is None or f.speaker[1] - f.speaker[0] != 1:
        return False
    return art.tokens[f.speaker[0]].lower in {"er", "sie", "es"}


def _antecedent_carrier(art: Article, near: Found) -> Found | None:
    """A pronoun in the sentence before a Konjunktiv sentence only points back:
    the corpus gives the continuation the mention the pronoun stands for, the
    speaking subject of the sentence before ("Am Abend kündigte der Minister
    eine Umbildung an. Dabei verteidigte er den Kurs. Außerdem wolle er …"
    → "der Minister"). With no such subject the pronoun stays, and so it does
    where the pronoun's sentence quotes words ("Er nannte die Pläne einen
    „Wortbruch“"): that sentence is a statement of its own."""
    here = art.sentences[near.sent]
    if any(art.in_quote[i] != -1 for i in range(here.start, here.end)):
        return near
    carrier = _subject_sentence(art, here)
    if carrier is None or carrier.speaker is None:
        return near
    a, b = carrier.speaker
    if b - a == 1 and art.tokens[a].tag == "PPER":
        return near
    carrier.medium = near.medium
    return carrier


def _perfect_infinitive(art: Article, s: Sentence) -> bool:
    """ "soll … getötet haben / gewesen sein": the hearsay reading of "sollen"."""
    toks = art.tokens
    for i in range(s.start + 1, s.end):
        if toks[i].lower in {"haben", "sein"} and toks[i - 1].tag.endswith("(PP)"):
            return True
    return False


@dataclass
class _Walk:
    """Where the walk over the sentences stands.

    ``last``: the latest statement (its last sentence ``last_sent``), whose
    speaker a continuation takes; ``current``: the continuation being built,
    extended while the next sentence continues it (its last sentence
    ``current_last``).
    """

    last: Found | None = None
    last_sent: int = -10
    current: Found | None = None
    current_last: int = -10

    def parent(self, sent: int) -> Found | None:
        """The statement a sentence may continue: the latest, at most :data:`_MAX_GAP` sentences back."""
        return self.last if self.last is not None and sent - self.last_sent <= _MAX_GAP + 1 else None

    def chain_open(self, sent: int) -> bool:
        """Whether the continuation being built ended in the sentence just before."""
        return self.current is not None and self.current_last == sent - 1


def find_continuations(art: Article, found: list[Found]) -> tuple[list[Found], list[Found]]:
    """The statements kept and the new ones: ``(kept, added)``.

    ``kept`` is ``found`` (a new list; the argument is not changed) without
    the statements a reported sentence absorbed into its continuation; the
    stage still completes statements in place (a continuation's quote grows,
    a bare quote gets its speaker).
    """
    kept = list(found)
    by_sent, covered = _statements_by_sentence(art, kept)
    walk = _Walk()
    added: list[Found] = []
    for s in art.sentences:
        here = [f for f in by_sent.get(s.i, []) if not f.nested]
        if _reported_sentence_continues(art, s, here, walk, kept, added):
            continue
        if here:
            walk.last = max(here, key=lambda f: f.end)
            walk.last_sent = max(_sentences_of(art, walk.last) or [s.i])
            walk.current = None
            continue
        if s.i not in covered and _worth_reading(art, s):
            _continue_into(art, s, walk, added)
    _lend_speakers_to_bare_quotes(art, sorted(kept + added, key=lambda f: f.begin))
    return kept, added


def _statements_by_sentence(art: Article, found: list[Found]) -> tuple[dict[int, list[Found]], set[int]]:
    """The statements per sentence (reports inside a continuation left out), and the sentences they cover."""
    by_sent: dict[int, list[Found]] = {}
    # the test once per statement: membership in a list of the inner reports was
    # a pair loop (equal statements get the same answer, as the list's == did)
    outer = [f for f in found if not _report_inside_continuation(art, f)]
    for f in outer:
        by_sent.setdefault(f.sent, []).append(f)
    covered = {k for k, fs in by_sent.items() if fs} | {k for f in outer for k in _sentences_of(art, f)}
    return by_sent, covered


def _reported_sentence_continues(
    art: Article, s: Sentence, here: list[Found], walk: _Walk, kept: list[Found], added: list[Found]
) -> bool:
    """A reported statement heading its sentence right after a statement
    continues that one (:func:`_reported_head`): it becomes the continuation,
    or joins the chain before; the sentence's other statements are dropped
    from ``kept``. False when the sentence is no such case."""
    parent = walk.parent(s.i)
    head = min(here, key=lambda g: g.begin) if here else None
    if parent is None or head is None or not _reported_head(art, s, here, head):
        return False
    for g in here:
        if g is not head:
            kept.remove(g)  # a second statement inside the reported sentence
    if walk.current is not None and walk.current_last == s.i - 1:
        # the chain before goes on over this sentence
        walk.current.quote = [Span(walk.current.quote[0].begin, art.tokens[s.end - 1].end)]
        kept.remove(head)
    else:
        if walk.last_sent < s.i - 1:
            # a cue verb or speaking subject in the sentence between beats
            # the older statement, as for any continuation
            near = _cue_sentence(art, s) or _subject_sentence(art, s)
            if near is not None and not _pronoun_speaker(art, near):
                parent = near
                added.append(near)
        _make_continuation(art, head, parent, s)
        walk.current = head
    walk.current_last = walk.last_sent = s.i
    return True


def _worth_reading(art: Article, s: Sentence) -> bool:
    """At least three words, not all inside quotation marks."""
    n_words = sum(1 for t in art.tokens[s.start : s.end] if t.text[:1].isalnum())
    return n_words >= 3 and not all(art.in_quote[i] != -1 for i in range(s.start, s.end))


def _continue_into(art: Article, s: Sentence, walk: _Walk, added: list[Found]) -> None:
    """A sentence without a statement of its own: a Konjunktiv continuation,
    a statement framing itself, an orphan Konjunktiv, or "soll" hearsay."""
    parent = walk.parent(s.i)
    if parent is None and walk.chain_open(s.i) and walk.current is not None and walk.current.inherited_from is not None:
        # a chain whose speaker came from a carrier (a cue verb or speaking
        # subject, no statement) goes on with that carrier
        parent = walk.current.inherited_from
    own_cue = _cue_in(art, s)
    right_after = parent is not None and (walk.last_sent == s.i - 1 or walk.chain_open(s.i))
    if own_cue is not None and right_after and _embedded_cue(art, s, own_cue):
        own_cue = None
    if own_cue is not None:
        walk.current = None  # a sentence with its own cue verb starts something new
    # no statement right before, but a cue verb in the sentence before (with no
    # clause of its own: "Künast äußerte sich kritisch. Sie rate …"); it beats
    # a statement two sentences back
    gap = parent is not None and walk.last_sent < s.i - 1 and not walk.chain_open(s.i)
    konj = _konjunktiv_main(art, s)
    if (parent is None or gap) and own_cue is None and (konj or _hearsay_modal(art, s)):
        near = _carrier_nearby(art, s, konj, gap)
        if near is not None:
            parent = near
            added.append(parent)
    if own_cue is None and _konjunktiv_main(art, s):
        own = _own_frame(art, s)
        if own is not None:
            # the sentence frames its Konjunktiv with a verb of its own:
            # a statement of its own, not a continuation
            added.append(own)
            walk.last, walk.last_sent, walk.current = own, s.i, None
            return
    if (
        parent is not None
        and own_cue is None
        and (_konjunktiv_main(art, s) or (walk.chain_open(s.i) and _modal_main(art, s)))
        and not _indicative_main(art, s)
        and not _narrator_conditional(art, s)
        and not _indicative_second_verb(art, s)
    ):
        if not _extend_chain(art, s, walk):
            walk.current = _inherit(parent, Kind.INDIRECT_FREE_INDIRECT, _sentence_span(art, s), "ifi", s.i)
            added.append(walk.current)
        walk.current_last = walk.last_sent = s.i
        return
    if (
        parent is None
        and own_cue is None
        and _reported_main_verb(art, s)
        and not _indicative_main(art, s)
        and not _narrator_conditional(art, s)
    ):
        # a Konjunktiv I main verb with no statement, cue verb or speaking
        # subject before it is still reported speech, by someone named further
        # back or not at all: the quote without a speaker ("Die Feuerwehr habe
        # 20 Fahrzeuge im Einsatz."; train: 27 of 32 such statements are
        # annotated; the latest statement's speaker was right for 4 of 26)
        if not _extend_chain(art, s, walk):
            walk.current = Found(Kind.INDIRECT_FREE_INDIRECT, [_sentence_span(art, s)], "ifi_orphan", sent=s.i)
            walk.current.speaker = _cue_speaker_after(art, s)
            added.append(walk.current)
        walk.current_last = s.i
        return
    walk.current = None
    _hearsay(art, s, walk, parent, own_cue, added)


def _carrier_nearby(art: Article, s: Sentence, konj: bool, gap: bool) -> Found | None:
    """A speaker carrier for a sentence with no statement right before it:
    a cue verb in the sentence before, else (for a Konjunktiv) a speaking
    subject or a document ("laut dem Bericht") there; a pronoun carrier
    gives way to its antecedent, or (past a gap) to the statement before."""
    near = _cue_sentence(art, s)
    if near is None and konj and (gap or _reported_main_verb(art, s) or _any_k1(art, s)):
        # nor a cue verb: a speaking subject there still beats a statement
        # two sentences back; with no statement before at all, only
        # where the main verb itself is reported
        near = _subject_sentence(art, s)
        if near is not None and not gap and _pronoun_speaker(art, near):
            near = None
    if near is None and konj:
        near = _document_sentence(art, s)
    if near is not None and _pronoun_speaker(art, near):
        near = None if gap else _antecedent_carrier(art, near)
    return near


def _sentence_span(art: Article, s: Sentence) -> Span:
    return Span(art.tokens[s.start].begin, art.tokens[s.end - 1].end)


def _extend_chain(art: Article, s: Sentence, walk: _Walk) -> bool:
    """The continuation being built takes in sentence ``s`` when it ended just before it."""
    if walk.current is None or walk.current_last != s.i - 1:
        return False
    walk.current.quote = [Span(walk.current.quote[0].begin, art.tokens[s.end - 1].end)]
    return True


def _hearsay(
    art: Article, s: Sentence, walk: _Walk, parent: Found | None, own_cue: Cue | None, added: list[Found]
) -> None:
    """ "soll" hearsay and passive plans take the speaker of the statement before."""
    # a passive "soll … werden" states a plan: only a statement in the sentence
    # right before (or the chain that continues it) makes it that speaker's
    # ("Die Regierung kündigte ein Gesetz an. Schulen sollen besser ausgestattet
    # werden."; train: 7 right, 1 wrong speaker, 1 not annotated; "jetzt/nun/dazu" plans
    # left out, see _narrator_plan)
    plan = (
        parent is not None
        and parent is walk.last
        and walk.last_sent == s.i - 1
        and own_cue is None
        and _hearsay_modal(art, s, passive=True)
        and not _narrator_plan(art, s)
    )
    if (plan or _hearsay_modal(art, s)) and (parent is not None or _perfect_infinitive(art, s)):
        # "soll" hearsay two sentences after a statement, past a sentence of
        # narration, is mostly the narrator's plan ("Die Taufe soll am 15.
        # Juni erfolgen"): only a statement or cue sentence right before
        # lends its speaker. (Orphans: right 44% of the time on train, no speaker.)
        if parent is not None and (parent is not walk.last or walk.last_sent >= s.i - 1):
            added.append(_inherit(parent, Kind.FREE_INDIRECT, _sentence_span(art, s), "free_indirect", s.i))


def _lend_speakers_to_bare_quotes(art: Article, ordered: list[Found]) -> None:
    """Bare direct quotes take the speaker of the nearest statement before
    them, and (as the corpus marks them) its cue, frame and addressee too.
    ``ordered``: all statements, by where they begin."""
    prev: Found | None = None
    for f in ordered:
        if f.construction == "direct_bare" and f.speaker is None and _subject_before_bare(art, f, prev):
            pass
        elif (
            f.construction == "direct_colon"
            and f.speaker is None
            and _owner_frame(art, f)
            and prev is not None
            and prev.speaker is not None
            and f.sent - prev.sent <= 1
        ):
            f.speaker = prev.speaker  # "Seine Zuversicht gründet sich auf …: „…“" (see direct._before_frame)
            f.inherited_from = prev
        elif f.construction == "direct_bare" and f.speaker is None and prev is not None and f.sent - prev.sent <= 3:
            f.speaker = prev.speaker
            f.inherited_from = prev
            f.medium = prev.medium
            if prev.kind == Kind.DIRECT and prev.cue and not prev.nested:
                f.cue = list(prev.cue)
                f.frame = list(prev.frame)
                f.addressee = prev.addressee
        elif (
            f.speaker is None
            and f.kind in _CONTINUATIONS
            and f.inherited_from is not None
            and f.inherited_from.speaker is not None
        ):
            # a continuation of a bare quote: that quote got its speaker only
            # just now ("„Wir bleiben.“ Der Rücktritt sei ein Fehler.")
            f.speaker = f.inherited_from.speaker
            f.medium = f.inherited_from.medium
        if f.speaker is not None:
            prev = f


def _subject_before_bare(art: Article, f: Found, prev: Found | None) -> bool:
    """A bare quote right after a sentence of narration takes that sentence's
    speaking subject, not an older statement's speaker: "Die Ministerin
    verurteilte die Entscheidung. „Das ist ein Fehler.“" → "Die Ministerin".
    Sets the speaker and says whether it did."""
    if f.sent == 0:
        return False
    if prev is not None and max(_sentences_of(art, prev) or [prev.sent]) >= f.sent - 1 and not _owner_source(art, prev):
        return False  # a statement in the sentence right before: it speaks on
    carrier = _subject_sentence(art, art.sentences[f.sent])
    if carrier is None or carrier.speaker is None:
        return False
    a, b = carrier.speaker
    toks = art.tokens
    if (
        prev is not None
        and prev.speaker is not None
        and any(
            t.tag == "NE" and t.text in {u.text for u in toks[prev.speaker[0] : prev.speaker[1]]} for t in toks[a:b]
        )
    ):
        return False  # the same person as the statement before: the corpus points at that mention
    if b - a == 1 and toks[a].tag == "PPER":
        return False  # "Er …": whom it stands for is the older statement's speaker
    f.speaker = carrier.speaker
    return True


def _owner_frame(art: Article, f: Found) -> bool:
    """A colon frame opened by a possessive ("Seine Meinung dazu: „…“"): its
    owner is the one who spoke before; so does a frame in the Konjunktiv I."""
    if not f.frame:
        return False
    a, b = f.frame[0]
    k = next((i for i in range(a, b) if not art.tokens[i].tag.startswith("$")), None)
    if k is not None and art.tokens[k].tag == "PPOSAT":
        return True
    # a frame in the Konjunktiv I continues the statement before: "X sei Y zu Dank verpflichtet: „…“"
    fin = next((i for i in range(a, b) if is_finite(art.tokens[i])), None)
    return fin is not None and mood(art.tokens[fin], art.tokens[fin - 1]) == "k1"


def _owner_source(art: Article, f: Found) -> bool:
    """A source named by its owner's possessive ("nach eigenem Bekunden",
    "seiner Meinung nach") only points at the owner, the sentence's subject."""
    if f.speaker is None:
        return False
    t = art.tokens[f.speaker[0]]
    return t.tag == "PPOSAT" or t.lower.startswith("eigene")


def _report_inside_continuation(art: Article, f: Found) -> bool:
    """A reported statement inside a sentence whose own main verb is a
    Konjunktiv I ("Der Planet habe sich so schnell entwickelt, dass sie nun
    von einer anderen Theorie ausgingen") sits inside a continuation: the
    sentence still continues the statement before, and the next one does not
    take the inner report's speaker."""
    if f.kind != Kind.REPORTED or f.nested:
        return False
    s = art.sentences[f.sent]
    if art.tokens[s.start].begin >= f.begin:
        return False
    return _reported_main_verb(art, s, attributive=True)


def _sentences_of(art: Article, f: Found) -> list[int]:
    toks = art.tokens
    a = art.doc.token_at(f.begin)
    b = art.doc.token_at(max(f.end - 1, f.begin))
    if a is None or b is None:
        return [f.sent]
    return list(range(toks[a.i].sent, toks[b.i].sent + 1))


def _inherit(parent: Found, kind: Kind, span: Span, construction: str, sent: int) -> Found:
    return Found(
        kind,
        [span],
        construction,
        speaker=parent.speaker,
        medium=parent.medium,
        sent=sent,
        inherited_from=parent,
    )


_CONTINUATIONS = frozenset({Kind.INDIRECT_FREE_INDIRECT, Kind.FREE_INDIRECT})
