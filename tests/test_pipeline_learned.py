"""The learned stage is opt-in: off by default, on with learned=True or SAIDWHAT_LEARNED=1."""

from __future__ import annotations

import pytest

from saidwhat import extract
from saidwhat.lang.de.learn import statements as learned_stage
from saidwhat.pipeline import learned_stage_enabled

TEXT = "„Wir bauen die Brücke neu“, sagte Bürgermeisterin Anna Weber am Montag. Die Kosten seien gedeckt."


def test_default_is_rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAIDWHAT_LEARNED", raising=False)
    assert not learned_stage_enabled()
    monkeypatch.setenv("SAIDWHAT_LEARNED", "1")
    assert learned_stage_enabled()


@pytest.mark.skipif(not learned_stage.has_model(), reason="learned model folder not installed")
def test_learned_stage_keeps_a_clear_direct_quote() -> None:
    art = extract(TEXT, learned=True)
    direct = [st for st in art.statements if st.kind.value == "direct"]
    assert direct, [st.role_text("quote", TEXT) for st in art.statements]
    assert direct[0].role_text("quote", TEXT) == "„Wir bauen die Brücke neu“"
    assert direct[0].speaker_entity == "Anna Weber"
    rules = extract(TEXT, learned=False)
    assert [s.role_text("quote", TEXT) for s in rules.statements if s.kind.value == "direct"] == [
        "„Wir bauen die Brücke neu“"
    ]
