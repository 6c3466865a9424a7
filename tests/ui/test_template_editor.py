"""The handoff template editor: one SetFields with only the changed fields, or one Create."""

from __future__ import annotations

import pytest

from renkei.app.errors import StorageError
from renkei.domain.commands import Create, SetFields
from renkei.ui.dialogs.template_editor import TemplateEditor, parse_items


@pytest.fixture
def recorded(demo_session, monkeypatch):
    """Every batch the session applies, as (commands, label); still applied for real."""
    batches = []
    apply_all = demo_session.apply_all

    def spy(commands, label="", *args, **kwargs):
        batches.append((list(commands), label))
        return apply_all(commands, label, *args, **kwargs)

    monkeypatch.setattr(demo_session, "apply_all", spy)
    return batches


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(
        TemplateEditor, "show_error", classmethod(lambda cls, p, t: shown.append(t))
    )
    return shown


@pytest.fixture
def editor(demo_session, monkeypatch, qtbot):
    # Closing with unsaved changes asks first; the tests' teardown closes without asking.
    monkeypatch.setattr(TemplateEditor, "confirm_discard", classmethod(lambda cls, p, n: True))
    dialog = TemplateEditor(demo_session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_lists_the_boards_templates_and_shows_the_first(demo_session, editor):
    lead = demo_session.board.template("lead")
    names = [editor.template_list.item(i).text() for i in range(editor.template_list.count())]
    assert names == ["Lead (lead)", "Deal (deal)", "Request (request)"]
    assert editor.name_label.text() == "lead"
    assert editor.label_edit.text() == "Lead"
    assert editor.items_edit.toPlainText().splitlines() == list(lead.items)
    assert editor.sla_spin.value() == lead.sla_business_days
    assert editor.from_team_edit.text() == "Marketing"
    assert editor.to_team_edit.text() == "Sales"
    assert editor.items_hint.text() == "One item per line, e.g. budget"
    assert not editor.save_button.isEnabled()  # nothing changed yet

    editor.select_template("request")
    assert editor.name_label.text() == "request"
    assert editor.from_team_edit.text() == ""  # any team


def test_editing_lead_writes_one_setfields_with_only_the_changed_fields(
    demo_session, editor, recorded, errors
):
    lead = demo_session.board.template("lead")
    items = (*lead.items, "industry")
    editor.items_edit.setPlainText("\n".join(items) + "\n\n  consent \n")  # blank, duplicate
    editor.sla_spin.setValue(2)
    assert editor.save_button.isEnabled()
    assert editor.save()

    assert errors == []
    assert recorded == [
        (
            [
                SetFields(
                    "handoff_template",
                    lead.id,
                    (("items", items), ("sla_business_days", 2)),
                    (("items", lead.items), ("sla_business_days", lead.sla_business_days)),
                )
            ],
            "Edit handoff template",
        )
    ]
    saved = demo_session.board.template("lead")
    assert saved.items == items
    assert saved.sla_business_days == 2
    assert (saved.label, saved.from_team, saved.to_team) == ("Lead", "Marketing", "Sales")
    assert demo_session.store.load().template("lead").items == items
    # The form now shows what is stored; there is nothing left to save.
    assert not editor.save_button.isEnabled()
    assert editor.items_edit.toPlainText().splitlines() == list(items)


def test_clearing_a_team_stores_none(demo_session, editor, recorded, errors):
    lead = demo_session.board.template("lead")
    editor.from_team_edit.setText("   ")
    editor.label_edit.setText("Marketing lead")
    assert editor.save()
    command = recorded[0][0][0]
    assert command.values == (("label", "Marketing lead"), ("from_team", None))
    assert command.base == (("label", "Lead"), ("from_team", "Marketing"))
    saved = demo_session.board.template("lead")
    assert (saved.label, saved.from_team, saved.items) == ("Marketing lead", None, lead.items)


def test_no_items_means_no_save(demo_session, editor, recorded):
    editor.items_edit.setPlainText("  \n\n")
    assert not editor.save_button.isEnabled()
    assert editor.message_label.text() == "Name at least one item."
    assert not editor.save()
    assert recorded == []
    editor.items_edit.setPlainText("x" * 41)
    assert not editor.save_button.isEnabled()
    assert "too long" in editor.message_label.text()


def test_creating_a_template(demo_session, editor, recorded, errors, monkeypatch):
    monkeypatch.setattr(TemplateEditor, "ask_name", classmethod(lambda cls, parent: " renewal "))
    before = set(demo_session.board.handoff_templates)
    editor.new_button.click()
    assert editor.name_label.text() == "renewal"
    assert editor.items_edit.toPlainText() == ""
    assert not editor.save_button.isEnabled()  # no items yet
    editor.label_edit.setText("  Renewal ")
    editor.items_edit.setPlainText("renewal_date\n\n  contract_scope \nrenewal_date\nrisks")
    editor.sla_spin.setValue(3)
    editor.to_team_edit.setText("Customer Success")
    assert editor.save()

    assert errors == []
    assert recorded == [
        (
            [
                Create(
                    "handoff_template",
                    (
                        ("name", "renewal"),
                        ("label", "Renewal"),
                        ("items", ("renewal_date", "contract_scope", "risks")),
                        ("sla_business_days", 3),
                        ("from_team", None),
                        ("to_team", "Customer Success"),
                    ),
                )
            ],
            "Edit handoff template",
        )
    ]
    created = demo_session.board.template("renewal")
    assert created is not None and created.id not in before
    assert created.items == ("renewal_date", "contract_scope", "risks")
    assert (created.sla_business_days, created.from_team, created.to_team) == (
        3,
        None,
        "Customer Success",
    )
    texts = [editor.template_list.item(i).text() for i in range(editor.template_list.count())]
    assert texts[-1] == "Renewal (renewal)"
    assert editor.template_list.currentRow() == len(texts) - 1
    assert not editor.save_button.isEnabled()


def test_a_name_already_taken_shows_the_error_and_writes_nothing(
    demo_session, editor, recorded, errors, monkeypatch
):
    monkeypatch.setattr(TemplateEditor, "ask_name", classmethod(lambda cls, parent: "LEAD"))
    revision = demo_session.store.load().revision
    editor.new_button.click()
    assert errors == ["A template called “LEAD” already exists."]
    assert editor.name_label.text() == "lead"  # still showing lead, no draft
    assert editor.template_list.count() == 3
    assert recorded == []
    assert demo_session.store.load().revision == revision


def test_a_refused_create_shows_the_error_and_writes_nothing(
    demo_session, editor, errors, monkeypatch
):
    """Someone else creates the same name meanwhile: the store refuses, the dialog says so."""
    monkeypatch.setattr(TemplateEditor, "ask_name", classmethod(lambda cls, parent: "renewal"))
    editor.new_button.click()
    editor.items_edit.setPlainText("renewal_date")
    other = Create("handoff_template", (("name", "Renewal"), ("items", ("contract",))))
    demo_session.store.apply(other, demo_session.actor_id)
    revision = demo_session.store.load().revision

    assert not editor.save()
    assert len(errors) == 1 and "already exists" in errors[0]
    stored = demo_session.store.load()
    assert stored.revision == revision
    assert stored.template("Renewal").items == ("contract",)
    assert stored.template("renewal") is None
    assert demo_session.board.template("renewal") is None
    assert editor.name_label.text() == "renewal"  # the draft stays to be renamed or dropped


def test_someone_elses_edit_of_the_same_field_is_a_conflict(demo_session, editor, errors):
    lead = demo_session.board.template("lead")
    editor.sla_spin.setValue(5)
    theirs = SetFields("handoff_template", lead.id, (("sla_business_days", 2),))
    demo_session.store.apply(theirs, demo_session.actor_id)
    assert not editor.save()
    assert len(errors) == 1 and "changed meanwhile" in errors[0]
    assert demo_session.store.load().template("lead").sla_business_days == 2


def test_switching_away_from_unsaved_changes_asks(demo_session, editor, monkeypatch):
    answers = []
    monkeypatch.setattr(
        TemplateEditor,
        "confirm_discard",
        classmethod(lambda cls, parent, name: answers.pop(0)),
    )
    editor.sla_spin.setValue(4)
    answers.append(False)
    editor.template_list.setCurrentRow(1)
    assert editor.name_label.text() == "lead" and editor.sla_spin.value() == 4
    assert editor.template_list.currentRow() == 0
    answers.append(True)
    editor.template_list.setCurrentRow(1)
    assert editor.name_label.text() == "deal"
    assert demo_session.board.template("lead").sla_business_days == 1  # nothing written


def test_parse_items_strips_blanks_and_duplicates():
    assert parse_items(" budget\n\ncontact \nbudget\n  \nneed") == ("budget", "contact", "need")


def test_closing_with_unsaved_changes_asks_first(editor, monkeypatch):
    monkeypatch.setattr(
        TemplateEditor, "confirm_discard", classmethod(lambda cls, parent, name: False)
    )
    editor.label_edit.setText("Hot lead")
    editor.close_button.click()
    assert editor.isVisible()
    monkeypatch.setattr(
        TemplateEditor, "confirm_discard", classmethod(lambda cls, parent, name: True)
    )
    editor.close_button.click()
    assert not editor.isVisible()


def test_the_sla_reads_in_days_as_the_number_asks(editor):
    """The suffix follows the number: 1 business day, 3 business days."""
    editor.sla_spin.setValue(1)
    assert editor.sla_spin.suffix() == " business day"
    editor.sla_spin.setValue(3)
    assert editor.sla_spin.suffix() == " business days"


def test_a_board_out_of_reach_shows_the_error_and_keeps_the_edit(
    demo_session, editor, errors, monkeypatch
):
    """The save cannot reach the board: said in the editor's words; the form stays dirty."""

    def unreachable(*args, **kwargs):
        raise StorageError("The board could not be reached: disk I/O error")

    monkeypatch.setattr(demo_session.store, "apply_all", unreachable)
    editor.sla_spin.setValue(2)
    assert not editor.save()

    assert errors == ["Could not save the template: The board could not be reached: disk I/O error"]
    assert editor.is_dirty()
    assert demo_session.board.template("lead").sla_business_days != 2
