"""The language registry: what is registered, and a clear error for anything else.

An unregistered language used to give an empty article (``lang="fr"``): now
the library, the CLI and the API say which language is unsupported and which
are. Importing the store or the server must not load a language's stages.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from saidwhat import lang
from saidwhat.cli import main
from saidwhat.errors import InputError
from saidwhat.lang import SUPPORTED_LANGUAGES, UnsupportedLanguage
from saidwhat.pipeline import extract


def test_registry_holds_german_and_english() -> None:
    assert SUPPORTED_LANGUAGES == ("de", "en")
    german = lang.get("de")
    assert (german.code, german.name) == ("de", "German")
    assert german.lexicon_folder.joinpath("cue_verbs.txt").is_file()
    english = lang.get("en")
    assert (english.code, english.name) == ("en", "English")
    assert english.lexicon_folder.joinpath("cue_verbs.txt").is_file()
    assert lang.language_names() == {"de": "German", "en": "English"}


@pytest.mark.parametrize("code", ["fr", "xx", "", "DE", "EN", None, 3])
def test_unregistered_language_is_an_input_error_naming_it(code: object) -> None:
    with pytest.raises(UnsupportedLanguage) as got:
        lang.get(code)  # type: ignore[arg-type]
    assert isinstance(got.value, InputError)
    assert repr(code) in str(got.value) and "de (German)" in str(got.value)


def test_extract_refuses_an_unregistered_language() -> None:
    with pytest.raises(UnsupportedLanguage, match="'fr'"):
        extract("« Oui », a-t-il dit.", lang="fr")


def test_german_language_parses_and_finds_statements() -> None:
    german = lang.get("de")
    doc = german.parse(german.sample_text)
    assert doc.lang == "de" and doc.tokens and doc.sentences
    art = extract(german.sample_text, lang="de")
    assert len(art.statements) >= 2


def test_cli_unsupported_language_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--lang", "xx", "-"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "'xx'" in err and "de (German)" in err


def test_cli_help_lists_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["annotate", "--help"])
    assert "de (German)" in capsys.readouterr().out


def _loaded_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize("statement", ["import saidwhat.store", "import saidwhat.web.app", "import saidwhat"])
def test_store_and_server_do_not_load_the_stages(statement: str) -> None:
    loaded = _loaded_after(statement)
    assert statement.split()[-1] in loaded  # the import itself happened
    stages = {m for m in loaded if m.startswith(("saidwhat.lang.de.", "saidwhat.lang.en."))}
    assert not stages, stages
    assert "saidwhat.pipeline" not in loaded


def test_extract_loads_the_stages_on_first_use() -> None:
    loaded = _loaded_after("import saidwhat; saidwhat.extract('„Ja“, sagte er.')")
    assert {"saidwhat.lang.de.stages", "saidwhat.lang.de.cues", "saidwhat.lang.de.tagger"} <= loaded
