"""The wording catalogue: one definition of every sentence Python and the book's script share."""

from __future__ import annotations

import pytest

from valued_contributors.content import scoring
from valued_contributors.content.model import CONFIDENCE_LABELS
from valued_contributors.core import wording
from valued_contributors.record.model import progress_text, rating_words
from valued_contributors.record.text import duration


def _leaves(tree, path=()):
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from _leaves(value, (*path, str(key)))
        else:
            yield ".".join((*path, str(key))), value


def test_every_entry_is_a_sentence_with_no_stray_spaces():
    leaves = dict(_leaves(wording.catalogue()))
    assert len(leaves) > 60
    for key, sentence in leaves.items():
        assert isinstance(sentence, str), key
        assert sentence, key
        assert "  " not in sentence, key
        assert "\n" not in sentence, key
        if key != "record.assessed" and key != "record.choices_joined":
            assert sentence == sentence.strip(), key


def test_plurals_have_exactly_two_forms_each_with_its_count():
    for key, forms in [
        ("answers_panel.exported", None),
        ("answers_panel.imported", None),
        ("answers_panel.deleted", None),
        ("record.share_saved", None),
        ("duration.hours", None),
        ("duration.minutes", None),
    ]:
        forms = wording.entry(key)
        assert set(forms) == {"one", "other"}, key
        assert "{count}" in forms["one"], key
        assert "{count}" in forms["other"], key
        assert wording.plural(key, 1) != wording.plural(key, 2), key


def test_python_takes_its_sentences_from_the_catalogue():
    assert scoring.RIGHT == wording.text("verdict.right") == "Correct."
    assert scoring.SUMMARY.format(score=2, out_of=3) == "You got 2 of 3 right."
    assert CONFIDENCE_LABELS[1] == "Not at all confident"
    assert sorted(CONFIDENCE_LABELS) == [
        1,
        2,
        3,
        4,
        5,
    ]
    assert progress_text(1, 1) == "1 of 1 activity done"
    assert progress_text(3, 5) == "3 of 5 activities done"
    assert rating_words(None) == "Not rated"
    assert rating_words(4) == "4 – Confident"
    assert duration(61) == "1 hour 1 minute"
    assert duration(0) == "0 minutes"
    assert duration(125) == "2 hours 5 minutes"


def test_an_unknown_key_or_the_wrong_shape_is_refused_by_name():
    with pytest.raises(KeyError, match="no entry 'verdict.nope'"):
        wording.text("verdict.nope")
    with pytest.raises(KeyError, match="not one sentence"):
        wording.text("duration.hours")
    with pytest.raises(KeyError, match="not a plural"):
        wording.plural("verdict.right", 2)
