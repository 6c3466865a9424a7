"""A refusal's values told in the sentence's language: a field's label (Marked), a list of
names (a sentence inside), a state word; English by str() for logs, tests and --json."""

from datetime import UTC, datetime

import pytest

from renkei.app.field_input import FieldInputError, listing, parse_value
from renkei.domain import fields
from renkei.domain.commands import ValidationError
from renkei.domain.dates import parse_date
from renkei.domain.field_text import field_name
from renkei.domain.i18n import Marked, ValueRefused
from renkei.domain.model import Board

JAPANESE = {
    ("Field", "Due date"): "期限",
    ("Refusal", "%1 must be a date"): "%1は日付で入力してください",
    ("Refusal", "%1: %2"): "%1：%2",
    ("Refusal", "one of: %1"): "候補：%1",
    ("Refusal", "no team called %1 on this board (%2)"): (
        "このボードに %1 というチームはありません（%2）"
    ),
}


def japanese(context: str, text: str, n: int = -1) -> str:
    return JAPANESE.get((context, text), text)


def test_a_field_is_named_by_its_label_in_the_sentences_language():
    assert field_name("due") == Marked("Field", "Due date")
    assert field_name("sent_at") == "sent_at"  # nobody types it: its stored name
    with pytest.raises(ValidationError) as caught:
        fields.check_value("task", "due", "2026-12-01")
    assert str(caught.value) == "Due date must be a date"
    assert caught.value.said(japanese) == "期限は日付で入力してください"


def test_a_typed_value_names_the_field_then_the_reason_in_one_language():
    board = Board("b", 1)
    with pytest.raises(FieldInputError) as caught:
        parse_value(board, "team", "Ops", now=datetime(2026, 12, 1, tzinfo=UTC))
    assert str(caught.value) == "team=Ops: no team called 'Ops' on this board (there are none yet)"
    assert isinstance(caught.value, ValueError)
    said = caught.value.said(japanese)
    assert said == "team=Ops：このボードに 'Ops' というチームはありません（there are none yet）"


def test_a_list_of_names_is_a_sentence_of_its_own():
    assert str(listing(["Ana", "Ben"])) == "one of: Ana, Ben"
    assert listing(["Ana", "Ben"]).said(japanese) == "候補：Ana, Ben"
    assert str(listing([])) == "there are none yet"


def test_a_date_that_is_not_one_is_a_value_error_told_like_a_sentence():
    with pytest.raises(ValueError) as caught:
        parse_date("2026-02-30")
    assert isinstance(caught.value, ValueRefused)
    assert str(caught.value) == "not a date in the calendar: '2026-02-30' (use YYYY-MM-DD)"
