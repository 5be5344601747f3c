"""first schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "contact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("individual", "org", name="contactkind", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column(
            "role",
            sa.Enum(
                "first_opinion",
                "second_opinion_candidate",
                "second_opinion_chosen",
                "primary_care",
                "specialist",
                "records_department",
                "insurer",
                "support_person",
                "self",
                "other",
                name="contactrole",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("specialty", sa.Text(), nullable=False),
        sa.Column("organization", sa.Text(), nullable=False),
        sa.Column("health_system", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("fax", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("portal_url", sa.Text(), nullable=False),
        sa.Column("website", sa.Text(), nullable=False),
        sa.Column("recommended_by", sa.Text(), nullable=False),
        sa.Column(
            "in_network",
            sa.Enum("unknown", "yes", "no", name="tristate", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("phone_digits", sa.String(length=64), nullable=False),
        sa.Column("fax_digits", sa.String(length=64), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_contact_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact")),
    )
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.create_index("ix_contact_role", ["role"], unique=False)

    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("condition", sa.Text(), nullable=False),
        sa.Column("medications", sa.Text(), nullable=False),
        sa.Column("allergies", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_person_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_table(
        "vault_setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_vault_setting")),
    )
    op.create_table(
        "authorization",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("holder_id", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.Text(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("expiry_event", sa.Text(), nullable=False),
        sa.Column("revoked_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["holder_id"],
            ["contact.id"],
            name=op.f("fk_authorization_holder_id_contact"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_authorization_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["contact.id"],
            name=op.f("fk_authorization_recipient_id_contact"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_authorization")),
    )
    with op.batch_alter_table("authorization", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_authorization_person_id"), ["person_id"], unique=False)

    op.create_table(
        "decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_decision_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision")),
    )
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decision_person_id"), ["person_id"], unique=False)

    op.create_table(
        "guide_progress",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=80), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_guide_progress_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "item_key", name=op.f("pk_guide_progress")),
    )
    op.create_table(
        "insurance_call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("called_on", sa.Date(), nullable=False),
        sa.Column("spoke_with", sa.Text(), nullable=False),
        sa.Column("reference_number", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_insurance_call_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insurance_call")),
    )
    with op.batch_alter_table("insurance_call", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_insurance_call_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "insurance_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("insurer", sa.Text(), nullable=False),
        sa.Column("plan_name", sa.Text(), nullable=False),
        sa.Column("member_id", sa.Text(), nullable=False),
        sa.Column("group_number", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column(
            "second_opinion_covered",
            sa.Enum("unknown", "yes", "no", name="tristate", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column(
            "referral_needed",
            sa.Enum("unknown", "yes", "no", name="tristate", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column(
            "prior_authorization_needed",
            sa.Enum("unknown", "yes", "no", name="tristate", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_insurance_plan_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_insurance_plan")),
        sa.UniqueConstraint("person_id", name=op.f("uq_insurance_plan_person_id")),
    )
    op.create_table(
        "opinion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("diagnosis", sa.Text(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("recommended_treatment", sa.Text(), nullable=False),
        sa.Column("alternatives", sa.Text(), nullable=False),
        sa.Column("benefits", sa.Text(), nullable=False),
        sa.Column("risks", sa.Text(), nullable=False),
        sa.Column("urgency", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["doctor_id"],
            ["contact.id"],
            name=op.f("fk_opinion_doctor_id_contact"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_opinion_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opinion")),
    )
    with op.batch_alter_table("opinion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opinion_person_id"), ["person_id"], unique=False)

    op.create_table(
        "record_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
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
                name="recordkind",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("date_of_service", sa.Date(), nullable=True),
        sa.Column("holder_id", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["holder_id"],
            ["contact.id"],
            name=op.f("fk_record_item_holder_id_contact"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_record_item_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_item")),
    )
    with op.batch_alter_table("record_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_item_holder_id"), ["holder_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_record_item_person_id"), ["person_id"], unique=False)

    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("doctor_id", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column(
            "mode",
            sa.Enum("in_person", "telemedicine", name="visitmode", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("location", sa.Text(), nullable=False),
        sa.Column("telemedicine_url", sa.Text(), nullable=False),
        sa.Column("companion_id", sa.Integer(), nullable=True),
        sa.Column("referral_needed", sa.Boolean(), nullable=False),
        sa.Column("referral_obtained", sa.Boolean(), nullable=False),
        sa.Column("referral_number", sa.Text(), nullable=False),
        sa.Column("prior_auth_needed", sa.Boolean(), nullable=False),
        sa.Column("prior_auth_obtained", sa.Boolean(), nullable=False),
        sa.Column("prior_auth_number", sa.Text(), nullable=False),
        sa.Column("expected_cost_cents", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "planned", "done", "cancelled", name="visitstatus", native_enum=False, length=40
            ),
            nullable=False,
        ),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["companion_id"],
            ["contact.id"],
            name=op.f("fk_visit_companion_id_contact"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["doctor_id"],
            ["contact.id"],
            name=op.f("fk_visit_doctor_id_contact"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_visit_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit")),
    )
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visit_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visit_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "diagnosis",
                "treatment",
                "risks",
                "prognosis",
                "costs",
                "logistics",
                "second_opinion",
                name="questioncategory",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=True),
        sa.Column("asked", sa.Boolean(), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("starter_key", sa.String(length=64), nullable=True),
        sa.CheckConstraint("length(trim(text)) > 0", name=op.f("ck_question_text_not_blank")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_question_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_question_visit_id_visit"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_question")),
        sa.UniqueConstraint("person_id", "starter_key", name="uq_question_person_starter"),
    )
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.create_index(
            "ix_question_person_position", ["person_id", "position"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_question_visit_id"), ["visit_id"], unique=False)

    op.create_table(
        "record_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("holder_id", sa.Integer(), nullable=False),
        sa.Column("recipient_id", sa.Integer(), nullable=False),
        sa.Column("authorization_id", sa.Integer(), nullable=True),
        sa.Column(
            "method",
            sa.Enum(
                "portal",
                "fax",
                "mail",
                "disc",
                "courier",
                "in_person",
                "email",
                name="transfermethod",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column(
            "state",
            sa.Enum(
                "to_request",
                "requested",
                "extended",
                "waiting_on_me",
                "partly_received",
                "sent",
                "received",
                "problem",
                name="requeststate",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("extended_due_on", sa.Date(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("fee_cents", sa.Integer(), nullable=True),
        sa.Column("reference_number", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "due_on IS NULL OR requested_on IS NULL OR due_on >= requested_on",
            name=op.f("ck_record_request_due_after_request"),
        ),
        sa.ForeignKeyConstraint(
            ["authorization_id"],
            ["authorization.id"],
            name=op.f("fk_record_request_authorization_id_authorization"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["holder_id"],
            ["contact.id"],
            name=op.f("fk_record_request_holder_id_contact"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_record_request_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["recipient_id"],
            ["contact.id"],
            name=op.f("fk_record_request_recipient_id_contact"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_request")),
    )
    with op.batch_alter_table("record_request", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_request_due_on"), ["due_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_record_request_holder_id"), ["holder_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_record_request_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_record_request_recipient_id"), ["recipient_id"], unique=False
        )

    op.create_table(
        "record_request_item",
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["record_item.id"],
            name=op.f("fk_record_request_item_item_id_record_item"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["record_request.id"],
            name=op.f("fk_record_request_item_request_id_record_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("request_id", "item_id", name=op.f("pk_record_request_item")),
    )
    with op.batch_alter_table("record_request_item", schema=None) as batch_op:
        batch_op.create_index("ix_record_request_item_item", ["item_id"], unique=False)

    op.create_table(
        "request_state_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            sa.Enum(
                "to_request",
                "requested",
                "extended",
                "waiting_on_me",
                "partly_received",
                "sent",
                "received",
                "problem",
                name="requeststate",
                native_enum=False,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["record_request.id"],
            name=op.f("fk_request_state_change_request_id_record_request"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_state_change")),
    )
    with op.batch_alter_table("request_state_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_request_state_change_request_id"), ["request_id"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("request_state_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_request_state_change_request_id"))

    op.drop_table("request_state_change")
    with op.batch_alter_table("record_request_item", schema=None) as batch_op:
        batch_op.drop_index("ix_record_request_item_item")

    op.drop_table("record_request_item")
    with op.batch_alter_table("record_request", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_request_recipient_id"))
        batch_op.drop_index(batch_op.f("ix_record_request_person_id"))
        batch_op.drop_index(batch_op.f("ix_record_request_holder_id"))
        batch_op.drop_index(batch_op.f("ix_record_request_due_on"))

    op.drop_table("record_request")
    with op.batch_alter_table("question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_question_visit_id"))
        batch_op.drop_index("ix_question_person_position")

    op.drop_table("question")
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visit_starts_at"))
        batch_op.drop_index(batch_op.f("ix_visit_person_id"))

    op.drop_table("visit")
    with op.batch_alter_table("record_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_item_person_id"))
        batch_op.drop_index(batch_op.f("ix_record_item_holder_id"))

    op.drop_table("record_item")
    with op.batch_alter_table("opinion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_opinion_person_id"))

    op.drop_table("opinion")
    op.drop_table("insurance_plan")
    with op.batch_alter_table("insurance_call", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_insurance_call_person_id"))

    op.drop_table("insurance_call")
    op.drop_table("guide_progress")
    with op.batch_alter_table("decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_person_id"))

    op.drop_table("decision")
    with op.batch_alter_table("authorization", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_authorization_person_id"))

    op.drop_table("authorization")
    op.drop_table("vault_setting")
    op.drop_table("person")
    with op.batch_alter_table("contact", schema=None) as batch_op:
        batch_op.drop_index("ix_contact_role")

    op.drop_table("contact")
