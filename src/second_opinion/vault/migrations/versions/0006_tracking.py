"""Tracking records as they move: pathology material, disc inventories, shipments, follow-up
calls, and the request's follow-up plan and the day the holder received it.

The revision ids are set once, below (the lead renumbers parallel migrations at merge time).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "disc_inventory",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.Column("file_count", sa.Integer(), nullable=False),
        sa.Column("image_count", sa.Integer(), nullable=False),
        sa.Column("unreadable_count", sa.Integer(), nullable=False),
        sa.Column("has_dicomdir", sa.Boolean(), nullable=False),
        sa.Column("viewer_only", sa.Boolean(), nullable=False),
        sa.Column("has_viewer", sa.Boolean(), nullable=False),
        sa.Column("patient_names", sa.Text(), nullable=False),
        sa.Column("name_mismatch", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["record_item.id"],
            name=op.f("fk_disc_inventory_item_id_record_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disc_inventory")),
        sa.UniqueConstraint("item_id", name=op.f("uq_disc_inventory_item_id")),
    )
    op.create_table(
        "pathology_material",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("accession_number", sa.Text(), nullable=False),
        sa.Column("block_ids", sa.Text(), nullable=False),
        sa.Column("slide_ids", sa.Text(), nullable=False),
        sa.Column(
            "form",
            sa.Enum("originals", "recuts", name="materialform", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("consult_question", sa.Text(), nullable=False),
        sa.Column("return_by", sa.Date(), nullable=True),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("return_confirmed_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["record_item.id"],
            name=op.f("fk_pathology_material_item_id_record_item"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pathology_material")),
        sa.UniqueConstraint("item_id", name=op.f("uq_pathology_material_item_id")),
    )
    with op.batch_alter_table("pathology_material", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pathology_material_return_by"), ["return_by"], unique=False
        )

    op.create_table(
        "disc_study",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inventory_id", sa.Integer(), nullable=False),
        sa.Column("study_date", sa.Date(), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("modalities", sa.Text(), nullable=False),
        sa.Column("series_count", sa.Integer(), nullable=False),
        sa.Column("image_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["inventory_id"],
            ["disc_inventory.id"],
            name=op.f("fk_disc_study_inventory_id_disc_inventory"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disc_study")),
    )
    with op.batch_alter_table("disc_study", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_disc_study_inventory_id"), ["inventory_id"], unique=False
        )

    op.create_table(
        "follow_up_call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("called_on", sa.Date(), nullable=False),
        sa.Column("spoke_with", sa.Text(), nullable=False),
        sa.Column("what_they_said", sa.Text(), nullable=False),
        sa.Column("next_step", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["record_request.id"],
            name=op.f("fk_follow_up_call_request_id_record_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_call")),
    )
    with op.batch_alter_table("follow_up_call", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_follow_up_call_request_id"), ["request_id"], unique=False
        )

    op.create_table(
        "pathology_stain",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("he", "ihc", "unstained", name="stainkind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("marker", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.CheckConstraint("count > 0", name=op.f("ck_pathology_stain_count_positive")),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["pathology_material.id"],
            name=op.f("fk_pathology_stain_material_id_pathology_material"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pathology_stain")),
    )
    with op.batch_alter_table("pathology_stain", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pathology_stain_material_id"), ["material_id"], unique=False
        )

    op.create_table(
        "shipment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column(
            "direction",
            sa.Enum("outbound", "return", name="shipmentdirection", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column(
            "carrier",
            sa.Enum(
                "usps",
                "ups",
                "fedex",
                "dhl",
                "courier",
                "other",
                name="carrier",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("tracking_number", sa.String(length=80), nullable=False),
        sa.Column("shipped_on", sa.Date(), nullable=True),
        sa.Column("delivered_on", sa.Date(), nullable=True),
        sa.Column("signed_for_by", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "delivered_on IS NULL OR shipped_on IS NULL OR delivered_on >= shipped_on",
            name=op.f("ck_shipment_delivered_after_shipped"),
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["record_request.id"],
            name=op.f("fk_shipment_request_id_record_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipment")),
    )
    with op.batch_alter_table("shipment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_shipment_request_id"), ["request_id"], unique=False)

    # Plain ALTER TABLE, not a batch: a batch rebuilds the table (copy, drop, rename), and
    # SQLite refuses to rename while the search index's triggers (0005) name the table.
    op.add_column("record_request", sa.Column("holder_received_on", sa.Date(), nullable=True))
    op.add_column(
        "record_request",
        sa.Column(
            "follow_up_days", sa.String(length=200), nullable=False, server_default="10,20,30"
        ),
    )


def downgrade() -> None:
    # SQLite drops a column in place (3.35 and later); see upgrade() for why not a batch.
    op.execute("ALTER TABLE record_request DROP COLUMN follow_up_days")
    op.execute("ALTER TABLE record_request DROP COLUMN holder_received_on")

    with op.batch_alter_table("shipment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipment_request_id"))

    op.drop_table("shipment")
    with op.batch_alter_table("pathology_stain", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pathology_stain_material_id"))

    op.drop_table("pathology_stain")
    with op.batch_alter_table("follow_up_call", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_up_call_request_id"))

    op.drop_table("follow_up_call")
    with op.batch_alter_table("disc_study", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_disc_study_inventory_id"))

    op.drop_table("disc_study")
    with op.batch_alter_table("pathology_material", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pathology_material_return_by"))

    op.drop_table("pathology_material")
    op.drop_table("disc_inventory")
