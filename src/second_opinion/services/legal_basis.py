"""Which US rule a records request rests on, so letters and deadlines claim no more than it gives.

Under HIPAA (45 CFR 164.524) a person may ask for copies of their own records: the holder
must act within 30 calendar days of receiving the request (one extension of at most 30 days,
announced in writing within the first 30), and a fee for copies given to the person must be
reasonable and cost-based. The person may also direct that *electronic* copies of records
kept in an electronic health record go straight to someone else; the same clock applies, but
since Ciox Health v. Azar (D.D.C. 2020) the fee limit does not. Paper copies sent to a doctor
are a request the holder may time and price under its own policy, and provider-to-provider
transfers for treatment have no HIPAA deadline. Pathology slides and blocks are physical
material, not copies of information: labs release them, usually at a doctor's request, often
as a loan to be returned.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from second_opinion.domain.enums import RecordKind, TransferMethod

#: methods that deliver electronic copies (a disc carries files, not paper)
ELECTRONIC_METHODS = frozenset({TransferMethod.PORTAL, TransferMethod.EMAIL, TransferMethod.DISC})


class RequestBasis(enum.StrEnum):
    #: the person's own copies, under the right of access
    OWN_COPIES = "own_copies"
    #: electronic copies the person directs to a third party, under the right of access
    DIRECTED_ELECTRONIC = "directed_electronic"
    #: paper copies to a third party: the holder's own policy sets time and price
    HOLDER_POLICY = "holder_policy"


def basis_for(recipient_is_person: bool, method: TransferMethod) -> RequestBasis:
    if recipient_is_person:
        return RequestBasis.OWN_COPIES
    if method in ELECTRONIC_METHODS:
        return RequestBasis.DIRECTED_ELECTRONIC
    return RequestBasis.HOLDER_POLICY


def has_access_deadline(basis: RequestBasis) -> bool:
    """Whether the 30-day right-of-access clock applies to the request."""
    return basis in (RequestBasis.OWN_COPIES, RequestBasis.DIRECTED_ELECTRONIC)


def fee_limit_applies(basis: RequestBasis) -> bool:
    """Whether the reasonable, cost-based fee limit applies (copies given to the person)."""
    return basis is RequestBasis.OWN_COPIES


def is_physical_material(kind: RecordKind) -> bool:
    """Slides and blocks are lent, not copied: never asked for under the right of access."""
    return kind is RecordKind.PATHOLOGY_MATERIAL


def methods_for(recipient_is_person: bool) -> list[TransferMethod]:
    """The methods that fit: a patient portal delivers to the patient, not to another doctor."""
    if recipient_is_person:
        return list(TransferMethod)
    return [m for m in TransferMethod if m is not TransferMethod.PORTAL]


def method_phrase(method: TransferMethod, recipient_is_person: bool, language: str = "en") -> str:
    """How a letter says the method after "Please send …", in the letter's language."""
    spanish = language == "es"
    if method is TransferMethod.PORTAL:
        if recipient_is_person:
            return "a través del portal del paciente" if spanish else "through the patient portal"
        return (
            "por un medio electrónico seguro de los que usan para enviar expedientes a otros "
            "médicos"
            if spanish
            else "by a secure electronic method you use to send records to other doctors"
        )
    if method is TransferMethod.IN_PERSON:
        if recipient_is_person:
            return "para que yo las recoja en persona" if spanish else "for me to collect in person"
        return "en persona" if spanish else "in person"
    if spanish:
        return {
            TransferMethod.FAX: "por fax",
            TransferMethod.MAIL: "por correo postal",
            TransferMethod.DISC: "en un disco (CD o DVD) enviado por correo postal",
            TransferMethod.COURIER: "por servicio de mensajería",
            TransferMethod.EMAIL: "por correo electrónico seguro",
        }[method]
    return {
        TransferMethod.FAX: "by fax",
        TransferMethod.MAIL: "by mail",
        TransferMethod.DISC: "on a disc (CD or DVD) sent by mail",
        TransferMethod.COURIER: "by courier",
        TransferMethod.EMAIL: "by secure e-mail",
    }[method]


def split_physical(kinds: Iterable[RecordKind]) -> tuple[list[RecordKind], list[RecordKind]]:
    """(copies of information, physical material)."""
    copies: list[RecordKind] = []
    material: list[RecordKind] = []
    for kind in kinds:
        (material if is_physical_material(kind) else copies).append(kind)
    return copies, material
