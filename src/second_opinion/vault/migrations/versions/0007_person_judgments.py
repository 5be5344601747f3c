"""The person's own verdicts: two opinions that say the same thing in other words (or really
differ), field by field; and records the person marked "not needed" by a doctor.

New tables only (plain CREATE TABLE): an existing table is never rebuilt, because the search
index's triggers on it would make a rebuild fail.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _enum(*values: str, name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=False, length=40)


def upgrade() -> None:
    op.create_table(
        "opinion_verdict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.Column(
            "field",
            _enum(
                "diagnosis",
                "stage",
                "recommended_treatment",
                "alternatives",
                "benefits",
                "risks",
                "urgency",
                "confidence",
                name="comparedfield",
            ),
            nullable=False,
        ),
        sa.Column("verdict", _enum("same", "different", name="verdict"), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["opinion.id"],
            name=op.f("fk_opinion_verdict_first_id_opinion"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["opinion.id"],
            name=op.f("fk_opinion_verdict_second_id_opinion"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opinion_verdict")),
        sa.UniqueConstraint(
            "first_id", "second_id", "field", name=op.f("uq_opinion_verdict_first_id")
        ),
    )
    op.create_index(
        op.f("ix_opinion_verdict_first_id"), "opinion_verdict", ["first_id"], unique=False
    )
    op.create_index(
        op.f("ix_opinion_verdict_second_id"), "opinion_verdict", ["second_id"], unique=False
    )

    op.create_table(
        "item_not_needed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["record_item.id"],
            name=op.f("fk_item_not_needed_item_id_record_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_item_not_needed_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_item_not_needed")),
        sa.UniqueConstraint("item_id", "contact_id", name=op.f("uq_item_not_needed_item_id")),
    )
    op.create_index(
        op.f("ix_item_not_needed_item_id"), "item_not_needed", ["item_id"], unique=False
    )
    op.create_index(
        op.f("ix_item_not_needed_contact_id"), "item_not_needed", ["contact_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_item_not_needed_contact_id"), table_name="item_not_needed")
    op.drop_index(op.f("ix_item_not_needed_item_id"), table_name="item_not_needed")
    op.drop_table("item_not_needed")
    op.drop_index(op.f("ix_opinion_verdict_second_id"), table_name="opinion_verdict")
    op.drop_index(op.f("ix_opinion_verdict_first_id"), table_name="opinion_verdict")
    op.drop_table("opinion_verdict")
