"""The typed ORM model of a vault.

Everything that belongs to one person's case hangs off ``Person`` and is deleted with it.
Contacts are shared across people (a caregiver's family often sees the same doctors), so a
contact that is still referred to cannot be deleted: the foreign keys say ``RESTRICT`` and the
contacts service explains what refers to it.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from second_opinion.domain.enums import (
    Carrier,
    ComparedField,
    ContactKind,
    ContactRole,
    MaterialForm,
    Priority,
    QuestionCategory,
    RecordKind,
    RequestState,
    ShipmentDirection,
    StainKind,
    TransferMethod,
    TriState,
    Verdict,
    VisitMode,
    VisitStatus,
)
from second_opinion.domain.types import UTCDateTime, utc_now

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _enum(cls: type) -> Enum:
    # Store the value strings, not the member names, and without a CHECK constraint so that
    # adding a member later needs no table rebuild on SQLite.
    return Enum(
        cls,
        values_callable=lambda members: [m.value for m in members],
        native_enum=False,
        create_constraint=False,
        length=40,
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    date_of_birth: Mapped[dt.date | None] = mapped_column(Date)
    condition: Mapped[str] = mapped_column(Text, default="")
    medications: Mapped[str] = mapped_column(Text, default="")
    allergies: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    # Where the person can be reached: the sender's block of a records request letter.
    address: Mapped[str] = mapped_column(Text, default="", server_default="")
    phone: Mapped[str] = mapped_column(Text, default="", server_default="")
    email: Mapped[str] = mapped_column(Text, default="", server_default="")
    # condition, medications and allergies above are the person's own words as first typed;
    # the structured health summary (HealthCondition ... HealthResult) is what is shown and
    # printed. Migration 0003 copied each line into it and left these texts as they were.

    insurance: Mapped[InsurancePlan | None] = relationship(
        back_populates="person", cascade="all, delete-orphan", uselist=False
    )
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)


class InsurancePlan(Base):
    __tablename__ = "insurance_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), unique=True)
    insurer: Mapped[str] = mapped_column(Text, default="")
    plan_name: Mapped[str] = mapped_column(Text, default="")
    member_id: Mapped[str] = mapped_column(Text, default="")
    group_number: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    second_opinion_covered: Mapped[TriState] = mapped_column(
        _enum(TriState), default=TriState.UNKNOWN
    )
    referral_needed: Mapped[TriState] = mapped_column(_enum(TriState), default=TriState.UNKNOWN)
    prior_authorization_needed: Mapped[TriState] = mapped_column(
        _enum(TriState), default=TriState.UNKNOWN
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship(back_populates="insurance")


class InsuranceCall(Base):
    __tablename__ = "insurance_call"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    called_on: Mapped[dt.date] = mapped_column(Date)
    spoke_with: Mapped[str] = mapped_column(Text, default="")
    reference_number: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[ContactKind] = mapped_column(_enum(ContactKind), default=ContactKind.INDIVIDUAL)
    role: Mapped[ContactRole] = mapped_column(_enum(ContactRole), default=ContactRole.OTHER)
    specialty: Mapped[str] = mapped_column(Text, default="")
    organization: Mapped[str] = mapped_column(Text, default="")
    health_system: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(Text, default="")
    fax: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(Text, default="")
    address: Mapped[str] = mapped_column(Text, default="")
    portal_url: Mapped[str] = mapped_column(Text, default="")
    website: Mapped[str] = mapped_column(Text, default="")
    recommended_by: Mapped[str] = mapped_column(Text, default="")
    in_network: Mapped[TriState] = mapped_column(_enum(TriState), default=TriState.UNKNOWN)
    notes: Mapped[str] = mapped_column(Text, default="")
    #: National Provider Identifier, when an imported document gave one (deduplicates imports)
    npi: Mapped[str] = mapped_column(String(20), default="", server_default="")
    # Digits of phone and fax, kept so "search by any phone number" is an indexed LIKE.
    phone_digits: Mapped[str] = mapped_column(String(64), default="")
    fax_digits: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        Index("ix_contact_role", "role"),
    )


record_request_item = Table(
    "record_request_item",
    Base.metadata,
    Column("request_id", ForeignKey("record_request.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", ForeignKey("record_item.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_record_request_item_item", "item_id"),
)


class RecordItem(Base):
    __tablename__ = "record_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    kind: Mapped[RecordKind] = mapped_column(_enum(RecordKind))
    description: Mapped[str] = mapped_column(Text, default="")
    date_of_service: Mapped[dt.date | None] = mapped_column(Date)
    holder_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="RESTRICT"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")

    holder: Mapped[Contact | None] = relationship()
    requests: Mapped[list[RecordRequest]] = relationship(
        secondary=record_request_item, back_populates="items"
    )


class Authorization(Base):
    __tablename__ = "authorization"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="RESTRICT"))
    recipient_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="RESTRICT"))
    scope: Mapped[str] = mapped_column(Text, default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    signed_on: Mapped[dt.date | None] = mapped_column(Date)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    expiry_event: Mapped[str] = mapped_column(Text, default="")
    revoked_on: Mapped[dt.date | None] = mapped_column(Date)

    holder: Mapped[Contact] = relationship(foreign_keys=[holder_id])
    recipient: Mapped[Contact] = relationship(foreign_keys=[recipient_id])


def due_in_force(due_on: dt.date | None, extended_due_on: dt.date | None) -> dt.date | None:
    """The due date that counts for a request: an extension, once granted, replaces the first."""
    return extended_due_on or due_on


class RecordRequest(Base):
    __tablename__ = "record_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    holder_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="RESTRICT"), index=True
    )
    recipient_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="RESTRICT"), index=True
    )
    authorization_id: Mapped[int | None] = mapped_column(
        ForeignKey("authorization.id", ondelete="SET NULL")
    )
    method: Mapped[TransferMethod] = mapped_column(
        _enum(TransferMethod), default=TransferMethod.PORTAL
    )
    state: Mapped[RequestState] = mapped_column(
        _enum(RequestState), default=RequestState.TO_REQUEST
    )
    requested_on: Mapped[dt.date | None] = mapped_column(Date)
    due_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    extended_due_on: Mapped[dt.date | None] = mapped_column(Date)
    sent_on: Mapped[dt.date | None] = mapped_column(Date)
    received_on: Mapped[dt.date | None] = mapped_column(Date)
    fee_cents: Mapped[int | None] = mapped_column(Integer)
    reference_number: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    #: the day the holder received the request, when known (a mailed request arrives days
    #: after it was sent): the legal clock runs from then
    holder_received_on: Mapped[dt.date | None] = mapped_column(Date)
    #: days after the request was sent on which to call the holder, e.g. "10,20,30"
    follow_up_days: Mapped[str] = mapped_column(String(200), default="10,20,30")

    holder: Mapped[Contact] = relationship(foreign_keys=[holder_id])
    recipient: Mapped[Contact] = relationship(foreign_keys=[recipient_id])
    authorization: Mapped[Authorization | None] = relationship()
    calls: Mapped[list[FollowUpCall]] = relationship(
        back_populates="request", cascade="all, delete-orphan", order_by="FollowUpCall.id"
    )
    shipments: Mapped[list[Shipment]] = relationship(
        back_populates="request", cascade="all, delete-orphan", order_by="Shipment.id"
    )
    items: Mapped[list[RecordItem]] = relationship(
        secondary=record_request_item, back_populates="requests"
    )
    history: Mapped[list[RequestStateChange]] = relationship(
        back_populates="request",
        cascade="all, delete-orphan",
        order_by="RequestStateChange.id",
    )

    __table_args__ = (
        CheckConstraint(
            "due_on IS NULL OR requested_on IS NULL OR due_on >= requested_on",
            name="due_after_request",
        ),
    )

    @property
    def effective_due_on(self) -> dt.date | None:
        return due_in_force(self.due_on, self.extended_due_on)


class RequestStateChange(Base):
    __tablename__ = "request_state_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("record_request.id", ondelete="CASCADE"), index=True
    )
    state: Mapped[RequestState] = mapped_column(_enum(RequestState))
    on: Mapped[dt.date] = mapped_column(Date)
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    note: Mapped[str] = mapped_column(Text, default="")
    #: the due date this change set (a request's due date, or an extension's new one), so an
    #: undo can put back exactly what was there before
    due_on: Mapped[dt.date | None] = mapped_column(Date)

    request: Mapped[RecordRequest] = relationship(back_populates="history")


class Visit(Base):
    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="RESTRICT"))
    starts_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, index=True)
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60)
    mode: Mapped[VisitMode] = mapped_column(_enum(VisitMode), default=VisitMode.IN_PERSON)
    location: Mapped[str] = mapped_column(Text, default="")
    telemedicine_url: Mapped[str] = mapped_column(Text, default="")
    companion_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    referral_needed: Mapped[bool] = mapped_column(default=False)
    referral_obtained: Mapped[bool] = mapped_column(default=False)
    referral_number: Mapped[str] = mapped_column(Text, default="")
    prior_auth_needed: Mapped[bool] = mapped_column(default=False)
    prior_auth_obtained: Mapped[bool] = mapped_column(default=False)
    prior_auth_number: Mapped[str] = mapped_column(Text, default="")
    expected_cost_cents: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[VisitStatus] = mapped_column(_enum(VisitStatus), default=VisitStatus.PLANNED)
    notes: Mapped[str] = mapped_column(Text, default="")

    doctor: Mapped[Contact] = relationship(foreign_keys=[doctor_id])
    companion: Mapped[Contact | None] = relationship(foreign_keys=[companion_id])
    questions: Mapped[list[Question]] = relationship(back_populates="visit")


class Question(Base):
    __tablename__ = "question"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[QuestionCategory] = mapped_column(_enum(QuestionCategory))
    priority: Mapped[int] = mapped_column(Integer, default=int(Priority.NORMAL))
    position: Mapped[int] = mapped_column(Integer, default=0)
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visit.id", ondelete="SET NULL"), index=True
    )
    asked: Mapped[bool] = mapped_column(default=False)
    answer: Mapped[str] = mapped_column(Text, default="")
    # Which starter question this came from, so adding the starters twice adds nothing.
    starter_key: Mapped[str | None] = mapped_column(String(64))

    visit: Mapped[Visit | None] = relationship(back_populates="questions")

    __table_args__ = (
        CheckConstraint("length(trim(text)) > 0", name="text_not_blank"),
        Index("ix_question_person_position", "person_id", "position"),
        UniqueConstraint("person_id", "starter_key", name="uq_question_person_starter"),
    )


class Opinion(Base):
    __tablename__ = "opinion"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    doctor_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="RESTRICT"))
    given_on: Mapped[dt.date] = mapped_column(Date)
    diagnosis: Mapped[str] = mapped_column(Text, default="")
    stage: Mapped[str] = mapped_column(Text, default="")
    recommended_treatment: Mapped[str] = mapped_column(Text, default="")
    alternatives: Mapped[str] = mapped_column(Text, default="")
    benefits: Mapped[str] = mapped_column(Text, default="")
    risks: Mapped[str] = mapped_column(Text, default="")
    urgency: Mapped[str] = mapped_column(Text, default="")
    confidence: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    doctor: Mapped[Contact] = relationship()


class ItemNotNeeded(Base):
    """The person's mark: this record is not needed by this doctor (not listed as missing)."""

    __tablename__ = "item_not_needed"
    __table_args__ = (UniqueConstraint("item_id", "contact_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("record_item.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )


class OpinionVerdict(Base):
    """The person's own verdict on one aspect of two opinions: the same thing in other words,
    or really different. The pair is stored with the lower opinion id first."""

    __tablename__ = "opinion_verdict"
    __table_args__ = (UniqueConstraint("first_id", "second_id", "field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    first_id: Mapped[int] = mapped_column(ForeignKey("opinion.id", ondelete="CASCADE"), index=True)
    second_id: Mapped[int] = mapped_column(ForeignKey("opinion.id", ondelete="CASCADE"), index=True)
    field: Mapped[ComparedField] = mapped_column(_enum(ComparedField))
    verdict: Mapped[Verdict] = mapped_column(_enum(Verdict))

    first: Mapped[Opinion] = relationship(foreign_keys=[first_id])
    second: Mapped[Opinion] = relationship(foreign_keys=[second_id])


class Decision(Base):
    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    decided_on: Mapped[dt.date] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(Text)
    reasons: Mapped[str] = mapped_column(Text, default="")


class GuideProgress(Base):
    __tablename__ = "guide_progress"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    item_key: Mapped[str] = mapped_column(String(80), primary_key=True)
    done_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    #: False: unticked by the person although the data would tick it (it stays unticked)
    done: Mapped[bool] = mapped_column(default=True, server_default=text("1"))


class VaultSetting(Base):
    """Preferences that belong to the vault rather than the computer (e.g. the due-date rule)."""

    __tablename__ = "vault_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Document(Base):
    """A record itself (a PDF, a photo or scan, a text file), kept encrypted in the vault.

    The content is not in the database: it is one file in the vault's ``documents/`` folder,
    encrypted with ``content_key`` (random, this document's own), which only this row holds;
    deleting the row (``secure_delete`` is on) leaves the file unreadable even before it is
    removed. See docs/design/documents-storage.md.
    """

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[RecordKind] = mapped_column(_enum(RecordKind), default=RecordKind.OTHER)
    dated_on: Mapped[dt.date | None] = mapped_column(Date)
    source_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="SET NULL"), index=True
    )
    notes: Mapped[str] = mapped_column(Text, default="")
    media_type: Mapped[str] = mapped_column(String(80))
    original_name: Mapped[str] = mapped_column(Text, default="")
    byte_size: Mapped[int] = mapped_column(Integer)
    page_count: Mapped[int] = mapped_column(Integer, default=1)
    #: of the original file, hex; the same content is kept once per person
    sha256: Mapped[str] = mapped_column(String(64))
    #: the encrypted file's name in documents/ (random, says nothing about the content)
    blob_name: Mapped[str] = mapped_column(String(64), unique=True)
    content_key: Mapped[bytes] = mapped_column(LargeBinary)
    #: False for a damaged file the person chose to keep: it is never rendered
    viewable: Mapped[bool] = mapped_column(default=True)
    problem: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    source: Mapped[Contact | None] = relationship()
    links: Mapped[list[DocumentLink]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="DocumentLink.id"
    )

    __table_args__ = (
        CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),
        UniqueConstraint("person_id", "sha256", name="uq_document_person_sha256"),
    )


class DocumentLink(Base):
    """Where a document belongs: exactly one record item, request, visit, opinion or contact."""

    __tablename__ = "document_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    record_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("record_item.id", ondelete="CASCADE"), index=True
    )
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("record_request.id", ondelete="CASCADE"), index=True
    )
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visit.id", ondelete="CASCADE"), index=True
    )
    opinion_id: Mapped[int | None] = mapped_column(
        ForeignKey("opinion.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )

    document: Mapped[Document] = relationship(back_populates="links")

    __table_args__ = (
        CheckConstraint(
            "(record_item_id IS NOT NULL) + (request_id IS NOT NULL) + (visit_id IS NOT NULL)"
            " + (opinion_id IS NOT NULL) + (contact_id IS NOT NULL) = 1",
            name="one_target",
        ),
    )


class _SummaryEntry:
    """Columns every kind of health-summary entry has."""

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    #: a code and its system (e.g. "44054006", "SNOMED CT"); unknown systems kept as written
    code: Mapped[str] = mapped_column(Text, default="")
    code_system: Mapped[str] = mapped_column(Text, default="")
    #: where the entry came from ("" typed, or the document it was imported from)
    source: Mapped[str] = mapped_column(Text, default="")


class HealthCondition(_SummaryEntry, Base):
    __tablename__ = "health_condition"

    onset: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(Text, default="")


class HealthMedication(_SummaryEntry, Base):
    __tablename__ = "health_medication"

    dose: Mapped[str] = mapped_column(Text, default="")
    frequency: Mapped[str] = mapped_column(Text, default="")
    since: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(Text, default="")


class HealthAllergy(_SummaryEntry, Base):
    """``name`` is the substance."""

    __tablename__ = "health_allergy"

    reaction: Mapped[str] = mapped_column(Text, default="")
    severity: Mapped[str] = mapped_column(Text, default="")


class HealthProcedure(_SummaryEntry, Base):
    __tablename__ = "health_procedure"

    performed_on: Mapped[dt.date | None] = mapped_column(Date)


class HealthResult(_SummaryEntry, Base):
    __tablename__ = "health_result"

    value: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(Text, default="")
    observed_on: Mapped[dt.date | None] = mapped_column(Date)
    #: the lab's interpretation ("H", "L", "abnormal"), as the document gave it
    flag: Mapped[str] = mapped_column(Text, default="")


class ImportedDocument(Base):
    """A C-CDA or FHIR document imported for a person, so importing it again adds nothing."""

    __tablename__ = "imported_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    #: the document's own id when it has one, else a hash of the file
    doc_key: Mapped[str] = mapped_column(String(200))
    format: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text, default="")
    record_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("record_item.id", ondelete="SET NULL")
    )
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)

    __table_args__ = (UniqueConstraint("person_id", "doc_key", name="uq_imported_document_key"),)


class FollowUpCall(Base):
    """A call to a records holder about a request: who said what, and what happens next."""

    __tablename__ = "follow_up_call"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("record_request.id", ondelete="CASCADE"), index=True
    )
    called_on: Mapped[dt.date] = mapped_column(Date)
    spoke_with: Mapped[str] = mapped_column(Text, default="")
    what_they_said: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")

    request: Mapped[RecordRequest] = relationship(back_populates="calls")


class Shipment(Base):
    """A parcel that carries records (a disc, slides) one way, with its tracking number."""

    __tablename__ = "shipment"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("record_request.id", ondelete="CASCADE"), index=True
    )
    direction: Mapped[ShipmentDirection] = mapped_column(
        _enum(ShipmentDirection), default=ShipmentDirection.OUTBOUND
    )
    carrier: Mapped[Carrier] = mapped_column(_enum(Carrier), default=Carrier.OTHER)
    tracking_number: Mapped[str] = mapped_column(String(80), default="")
    shipped_on: Mapped[dt.date | None] = mapped_column(Date)
    delivered_on: Mapped[dt.date | None] = mapped_column(Date)
    signed_for_by: Mapped[str] = mapped_column(Text, default="")

    request: Mapped[RecordRequest] = relationship(back_populates="shipments")

    __table_args__ = (
        CheckConstraint(
            "delivered_on IS NULL OR shipped_on IS NULL OR delivered_on >= shipped_on",
            name="delivered_after_shipped",
        ),
    )


class PathologyMaterial(Base):
    """The details of a pathology record item: which case, blocks and slides, and their loan."""

    __tablename__ = "pathology_material"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("record_item.id", ondelete="CASCADE"), unique=True
    )
    accession_number: Mapped[str] = mapped_column(Text, default="")
    block_ids: Mapped[str] = mapped_column(Text, default="")
    slide_ids: Mapped[str] = mapped_column(Text, default="")
    form: Mapped[MaterialForm] = mapped_column(_enum(MaterialForm), default=MaterialForm.RECUTS)
    consult_question: Mapped[str] = mapped_column(Text, default="")
    return_by: Mapped[dt.date | None] = mapped_column(Date, index=True)
    #: the day the consulting lab sent the material back
    returned_on: Mapped[dt.date | None] = mapped_column(Date)
    #: the day the lending lab confirmed it has it back
    return_confirmed_on: Mapped[dt.date | None] = mapped_column(Date)

    stains: Mapped[list[PathologyStain]] = relationship(
        back_populates="material", cascade="all, delete-orphan", order_by="PathologyStain.id"
    )


class PathologyStain(Base):
    __tablename__ = "pathology_stain"

    id: Mapped[int] = mapped_column(primary_key=True)
    material_id: Mapped[int] = mapped_column(
        ForeignKey("pathology_material.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[StainKind] = mapped_column(_enum(StainKind))
    #: the marker of an IHC stain (ER, HER2, ...); empty for H&E and unstained
    marker: Mapped[str] = mapped_column(Text, default="")
    count: Mapped[int] = mapped_column(Integer, default=1)

    material: Mapped[PathologyMaterial] = relationship(back_populates="stains")

    __table_args__ = (CheckConstraint("count > 0", name="count_positive"),)


class DiscInventory(Base):
    """What a check of an imaging disc found (the images stay on the disc, never in the vault)."""

    __tablename__ = "disc_inventory"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("record_item.id", ondelete="CASCADE"), unique=True
    )
    checked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utc_now)
    file_count: Mapped[int] = mapped_column(Integer, default=0)
    image_count: Mapped[int] = mapped_column(Integer, default=0)
    unreadable_count: Mapped[int] = mapped_column(Integer, default=0)
    has_dicomdir: Mapped[bool] = mapped_column(default=False)
    viewer_only: Mapped[bool] = mapped_column(default=False)
    has_viewer: Mapped[bool] = mapped_column(default=False)
    #: the patient names found on the disc, one a line
    patient_names: Mapped[str] = mapped_column(Text, default="")
    name_mismatch: Mapped[bool] = mapped_column(default=False)

    studies: Mapped[list[DiscStudy]] = relationship(
        back_populates="inventory", cascade="all, delete-orphan", order_by="DiscStudy.id"
    )


class DiscStudy(Base):
    __tablename__ = "disc_study"

    id: Mapped[int] = mapped_column(primary_key=True)
    inventory_id: Mapped[int] = mapped_column(
        ForeignKey("disc_inventory.id", ondelete="CASCADE"), index=True
    )
    study_date: Mapped[dt.date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text, default="")
    #: e.g. "CT, PT"
    modalities: Mapped[str] = mapped_column(Text, default="")
    series_count: Mapped[int] = mapped_column(Integer, default=0)
    image_count: Mapped[int] = mapped_column(Integer, default=0)

    inventory: Mapped[DiscInventory] = relationship(back_populates="studies")
