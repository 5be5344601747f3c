"""Documents: the records themselves, and where each belongs.

The content of a document is not in the database: it is a file in the vault's documents/
folder, encrypted with the key kept in ``document.content_key`` (see
docs/design/documents-storage.md). These tables hold what it is and where it is linked.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_RECORD_KINDS = (
    "lab_results",
    "imaging_report",
    "imaging_files",
    "pathology_report",
    "pathology_material",
    "visit_notes",
    "operative_report",
    "discharge_summary",
    "medication_list",
    "other",
)


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(*_RECORD_KINDS, name="recordkind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("dated_on", sa.Date(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("media_type", sa.String(length=80), nullable=False),
        sa.Column("original_name", sa.Text(), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("blob_name", sa.String(length=64), nullable=False),
        sa.Column("content_key", sa.LargeBinary(), nullable=False),
        sa.Column("viewable", sa.Boolean(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_document_title_not_blank")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_document_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["contact.id"],
            name=op.f("fk_document_source_id_contact"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
        sa.UniqueConstraint("blob_name", name=op.f("uq_document_blob_name")),
        sa.UniqueConstraint("person_id", "sha256", name="uq_document_person_sha256"),
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_source_id"), ["source_id"], unique=False)

    op.create_table(
        "document_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("record_item_id", sa.Integer(), nullable=True),
        sa.Column("request_id", sa.Integer(), nullable=True),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("opinion_id", sa.Integer(), nullable=True),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(record_item_id IS NOT NULL) + (request_id IS NOT NULL) + (visit_id IS NOT NULL)"
            " + (opinion_id IS NOT NULL) + (contact_id IS NOT NULL) = 1",
            name=op.f("ck_document_link_one_target"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_document_link_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_item_id"],
            ["record_item.id"],
            name=op.f("fk_document_link_record_item_id_record_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["record_request.id"],
            name=op.f("fk_document_link_request_id_record_request"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_document_link_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opinion_id"],
            ["opinion.id"],
            name=op.f("fk_document_link_opinion_id_opinion"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contact.id"],
            name=op.f("fk_document_link_contact_id_contact"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_link")),
    )
    with op.batch_alter_table("document_link", schema=None) as batch_op:
        for column in (
            "document_id",
            "record_item_id",
            "request_id",
            "visit_id",
            "opinion_id",
            "contact_id",
        ):
            batch_op.create_index(batch_op.f(f"ix_document_link_{column}"), [column], unique=False)


def downgrade() -> None:
    # The encrypted files in documents/ stay behind without their keys (unreadable); the app
    # removes files no row refers to.
    op.drop_table("document_link")
    op.drop_table("document")
