"""handoffs and handoff templates

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 09:30:00

Hand-written. Questions live inside the handoff row as JSON (not a table of their own): one
row per handoff keeps one version per handoff, so the generic per-row conflict check covers
asking, answering and every transition.
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The default templates as this revision ships them, copied here (not imported) so the
# migration keeps making the same rows when the domain's defaults change later. A test
# checks they equal renkei.domain.handoff.DEFAULT_TEMPLATES.
DEFAULT_TEMPLATES = (
    (
        "lead",
        "Lead",
        ("company", "contact", "need", "budget", "timeline", "decision_maker", "source", "consent"),
        1,
        "Marketing",
        "Sales",
    ),
    (
        "deal",
        "Deal",
        (
            "company",
            "contact",
            "contract_scope",
            "decision_maker",
            "success_criteria",
            "key_users",
            "go_live_date",
            "budget",
            "consent",
            "risks",
        ),
        1,
        "Sales",
        "Customer Success",
    ),
    (
        "request",
        "Request",
        ("requester", "goal", "audience", "deadline", "budget", "assets"),
        1,
        None,
        "Marketing",
    ),
)


def upgrade() -> None:
    templates = op.create_table(
        "handoff_templates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("label", sa.String(length=100), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("sla_business_days", sa.Integer(), nullable=False),
        sa.Column("from_team", sa.String(length=60), nullable=True),
        sa.Column("to_team", sa.String(length=60), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handoff_templates")),
        sa.UniqueConstraint("name", name=op.f("uq_handoff_templates_name")),
    )
    op.create_table(
        "handoffs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("task_id", sa.Integer(), nullable=False),
        sa.Column("template", sa.String(length=40), nullable=False),
        sa.Column("sender_id", sa.Integer(), nullable=False),
        sa.Column("sender_team_id", sa.Integer(), nullable=True),
        sa.Column("receiver_id", sa.Integer(), nullable=False),
        sa.Column("receiver_team_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("reason", sa.String(length=40), nullable=True),
        sa.Column("returned_missing", sa.Text(), nullable=False),
        sa.Column("questions", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["task_id"], ["tasks.id"], name=op.f("fk_handoffs_task_id_tasks")),
        sa.ForeignKeyConstraint(
            ["sender_id"], ["people.id"], name=op.f("fk_handoffs_sender_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["sender_team_id"], ["teams.id"], name=op.f("fk_handoffs_sender_team_id_teams")
        ),
        sa.ForeignKeyConstraint(
            ["receiver_id"], ["people.id"], name=op.f("fk_handoffs_receiver_id_people")
        ),
        sa.ForeignKeyConstraint(
            ["receiver_team_id"], ["teams.id"], name=op.f("fk_handoffs_receiver_team_id_teams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handoffs")),
    )
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.create_index("ix_handoffs_task_id", ["task_id"], unique=False)

    op.bulk_insert(
        templates,
        [
            {
                "name": name,
                "label": label,
                "items": json.dumps(list(items)),
                "sla_business_days": sla,
                "from_team": from_team,
                "to_team": to_team,
                "version": 1,
            }
            for name, label, items, sla, from_team, to_team in DEFAULT_TEMPLATES
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("handoffs", schema=None) as batch_op:
        batch_op.drop_index("ix_handoffs_task_id")
    op.drop_table("handoffs")
    op.drop_table("handoff_templates")
