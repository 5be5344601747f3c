"""A structured health summary beside the free text it replaces.

Conditions, medications, allergies, procedures and results get a table each. Every non-blank
line of a person's old free text (condition, medications, allergies) becomes one entry, with
the source "profile text"; the text itself stays in its column, untouched, so not a single
character is lost (line breaks, blank lines and surrounding spaces included). Contacts gain an
NPI column (imports deduplicate by it), and imported documents are remembered so that
importing the same file twice adds nothing.

Revision ID: see ``revision`` below (the one place it is written)
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: the ``source`` of an entry copied from a line of the old text (services.health_summary
#: uses the same words to keep those entries in step with the text)
FROM_TEXT = "profile text"

_ENTRY_TABLES: dict[str, list[sa.Column[Any]]] = {
    "health_condition": [
        sa.Column("onset", sa.Date(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
    ],
    "health_medication": [
        sa.Column("dose", sa.Text(), nullable=False),
        sa.Column("frequency", sa.Text(), nullable=False),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("status", sa.Text(), nullable=False),
    ],
    "health_allergy": [
        sa.Column("reaction", sa.Text(), nullable=False),
        sa.Column("severity", sa.Text(), nullable=False),
    ],
    "health_procedure": [sa.Column("performed_on", sa.Date(), nullable=True)],
    "health_result": [
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("observed_on", sa.Date(), nullable=True),
        sa.Column("flag", sa.Text(), nullable=False),
    ],
}

#: old text column -> (table, the empty values of its other text columns)
_FROM_COLUMN = {
    "condition": ("health_condition", {"status": ""}),
    "medications": ("health_medication", {"dose": "", "frequency": "", "status": ""}),
    "allergies": ("health_allergy", {"reaction": "", "severity": ""}),
}


def lines_of(text: str | None) -> list[str]:
    """The entries one free text becomes: each non-blank line, without the spaces around it."""
    return [line.strip() for line in (text or "").split("\n") if line.strip()]


def upgrade() -> None:
    for table, columns in _ENTRY_TABLES.items():
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("person_id", sa.Integer(), nullable=False),
            sa.Column("name", sa.Text(), nullable=False),
            sa.Column("code", sa.Text(), nullable=False),
            sa.Column("code_system", sa.Text(), nullable=False),
            sa.Column("source", sa.Text(), nullable=False),
            *columns,
            sa.ForeignKeyConstraint(
                ["person_id"],
                ["person.id"],
                name=op.f(f"fk_{table}_person_id_person"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_person_id"), ["person_id"])
    op.create_table(
        "imported_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("doc_key", sa.String(length=200), nullable=False),
        sa.Column("format", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("record_item_id", sa.Integer(), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_imported_document_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_item_id"],
            ["record_item.id"],
            name=op.f("fk_imported_document_record_item_id_record_item"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_document")),
        sa.UniqueConstraint("person_id", "doc_key", name="uq_imported_document_key"),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("npi", sa.String(length=20), nullable=False, server_default="")
        )

    conn = op.get_bind()
    people = conn.execute(sa.text("SELECT id, condition, medications, allergies FROM person"))
    rows: dict[str, list[dict[str, object]]] = {table: [] for table, _ in _FROM_COLUMN.values()}
    for person_id, *texts in people.all():
        for column, text in zip(_FROM_COLUMN, texts, strict=True):
            table, empty = _FROM_COLUMN[column]
            rows[table] += [
                {"person_id": person_id, "name": line, **empty} for line in lines_of(text)
            ]
    for table, entries in rows.items():
        if not entries:
            continue
        extra = [name for name in entries[0] if name not in ("person_id", "name")]
        names = ", ".join(["person_id", "name", "code", "code_system", "source", *extra])
        values = ", ".join([":person_id", ":name", "''", "''", f"'{FROM_TEXT}'"])
        values += "".join(f", :{name}" for name in extra)
        conn.execute(sa.text(f"INSERT INTO {table} ({names}) VALUES ({values})"), entries)


def downgrade() -> None:
    # The old text never left its columns, so going back only drops what was added (entries
    # typed or imported since are lost with their tables).
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_column("npi")
    op.drop_table("imported_document")
    for table in reversed(_ENTRY_TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_person_id"))
        op.drop_table(table)
