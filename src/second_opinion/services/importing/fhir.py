"""Reading FHIR R4 Bundles (document, collection, transaction, searchset; IPS included) into a
``ParsedDocument``, with careful plain-JSON reading (see docs/design/import.md for why not
fhir.resources): every field is looked up with a type check, so a bundle that is valid JSON
but odd FHIR yields fewer entries, never a traceback.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

from second_opinion.domain.enums import ContactKind, ContactRole, RecordKind
from second_opinion.services import health_summary as hs
from second_opinion.services.importing.codes import NPI_URL, system_name
from second_opinion.services.importing.model import (
    Attachment,
    MalformedFile,
    ParsedContact,
    ParsedDocument,
    ParsedPatient,
    UnsupportedFile,
    parse_hl7_date,
)

BUNDLE_TYPES = ("document", "collection", "transaction", "searchset")

#: Composition.type (LOINC) -> record kind; the C-CDA reader knows the same codes
_DOCUMENT_KINDS = {
    "60591-5": RecordKind.VISIT_NOTES,  # Patient summary (IPS)
    "34133-9": RecordKind.VISIT_NOTES,
    "57133-1": RecordKind.VISIT_NOTES,
    "18842-5": RecordKind.DISCHARGE_SUMMARY,
    "18761-7": RecordKind.DISCHARGE_SUMMARY,
    "11488-4": RecordKind.VISIT_NOTES,
    "11506-3": RecordKind.VISIT_NOTES,
    "11504-8": RecordKind.OPERATIVE_REPORT,
    "11526-1": RecordKind.PATHOLOGY_REPORT,
    "11502-2": RecordKind.LAB_RESULTS,
    "18748-4": RecordKind.IMAGING_REPORT,
}

_SKIPPED_OBSERVATIONS = {"vital-signs", "social-history", "survey", "activity"}


def load_json(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise MalformedFile("The file is not valid JSON (it may be cut short).") from exc


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _concept(value: Any) -> tuple[str, str, str]:
    """(words, code, system) of a CodeableConcept: its text, else the first coding's display."""
    concept = _dict(value)
    codings = [_dict(c) for c in _list(concept.get("coding"))]
    words = _str(concept.get("text"))
    for coding in codings:
        words = words or _str(coding.get("display"))
    for coding in codings:
        if _str(coding.get("code")):
            return words, _str(coding.get("code")), system_name(_str(coding.get("system")))
    return words, "", ""


def _human_name(value: Any, with_titles: bool = True) -> str:
    names = [_dict(n) for n in _list(value)]
    official = [n for n in names if n.get("use") in ("official", "usual")]
    for name in official or names:
        parts = [_str(g) for g in _list(name.get("given"))] + [_str(name.get("family"))]
        parts = [p for p in parts if p]
        if not parts:
            if _str(name.get("text")):
                return _str(name.get("text"))
            continue
        if not with_titles:
            return " ".join(parts)
        prefix = [_str(p) for p in _list(name.get("prefix")) if _str(p)]
        suffix = [_str(s) for s in _list(name.get("suffix")) if _str(s)]
        full = " ".join([*prefix, *parts])
        return f"{full}, {' '.join(suffix)}" if suffix else full
    return ""


def _telecoms(resource: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in _list(resource.get("telecom")):
        item = _dict(item)
        field = {"phone": "phone", "fax": "fax", "email": "email"}.get(_str(item.get("system")))
        if field and _str(item.get("value")) and field not in found:
            found[field] = _str(item.get("value"))
    return found


def _address(resource: dict[str, Any]) -> str:
    for addr in _list(resource.get("address")):
        addr = _dict(addr)
        if _str(addr.get("text")):
            return _str(addr.get("text"))
        lines = [_str(x) for x in _list(addr.get("line"))]
        place = " ".join(_str(addr.get(k)) for k in ("city", "state", "postalCode"))
        return ", ".join(p for p in [*lines, place.strip()] if p)
    return ""


def _npi(resource: dict[str, Any]) -> str:
    for ident in _list(resource.get("identifier")):
        ident = _dict(ident)
        if _str(ident.get("system")).rstrip("/") == NPI_URL and _str(ident.get("value")):
            return _str(ident.get("value"))
    return ""


def _date(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _period_start(resource: dict[str, Any], *names: str) -> str | None:
    for name in names:
        value = resource.get(name)
        if isinstance(value, str):
            return value
        if isinstance(value, dict) and isinstance(value.get("start"), str):
            return str(value["start"])
    return None


class _Bundle:
    def __init__(self, bundle: dict[str, Any]) -> None:
        self.resources: list[dict[str, Any]] = []
        self._by_ref: dict[str, dict[str, Any]] = {}
        for entry in _list(bundle.get("entry")):
            resource = _dict(_dict(entry).get("resource"))
            kind = _str(resource.get("resourceType"))
            if not kind:
                continue
            self.resources.append(resource)
            full_url = _str(_dict(entry).get("fullUrl"))
            if full_url:
                self._by_ref[full_url] = resource
            if _str(resource.get("id")):
                self._by_ref[f"{kind}/{resource['id']}"] = resource

    def of(self, kind: str) -> list[dict[str, Any]]:
        return [r for r in self.resources if r.get("resourceType") == kind]

    def resolve(self, reference: Any) -> dict[str, Any]:
        ref = _str(_dict(reference).get("reference"))
        if not ref:
            return {}
        found = self._by_ref.get(ref)
        if found is None and "/" in ref:
            # an absolute URL ending in Type/id
            found = self._by_ref.get("/".join(ref.rsplit("/", 2)[-2:]))
        return found or {}


def is_fhir_bundle(data: Any) -> bool:
    return isinstance(data, dict) and data.get("resourceType") == "Bundle"


def parse_fhir(raw: bytes, data: Any = None) -> ParsedDocument:
    if data is None:
        data = load_json(raw)
    if not isinstance(data, dict) or not _str(data.get("resourceType")):
        raise UnsupportedFile("The JSON file is not a FHIR resource.")
    if data.get("resourceType") != "Bundle":
        raise UnsupportedFile("The FHIR file is not a Bundle; only Bundles can be imported.")
    if data.get("type") not in BUNDLE_TYPES:
        raise UnsupportedFile(
            "This kind of FHIR Bundle cannot be imported (document, collection, transaction "
            "or searchset can)."
        )
    bundle = _Bundle(data)
    compositions = bundle.of("Composition")
    composition = compositions[0] if compositions else {}
    words, code, _ = _concept(composition.get("type"))
    title = _str(composition.get("title")) or words
    if not title:
        title = "Health records (FHIR bundle)"
    doc = ParsedDocument(
        format="FHIR",
        doc_key=_doc_key(data, raw),
        title=title,
        kind=_DOCUMENT_KINDS.get(code, RecordKind.OTHER),
        date=parse_hl7_date(
            _date(composition.get("date"))
            or _date(data.get("timestamp"))
            or _date(_dict(data.get("meta")).get("lastUpdated"))
        ),
        patient=_patient(bundle, composition),
        original=raw,
    )
    custodian = bundle.resolve(composition.get("custodian"))
    if custodian:
        doc.holder = doc.add_contact(_organization(custodian, ContactRole.RECORDS_DEPARTMENT))
    _contacts(bundle, doc)
    for resource in bundle.resources:
        reader = _READERS.get(_str(resource.get("resourceType")))
        if reader is None:
            continue
        entry = reader(bundle, resource)
        if entry is None:
            continue
        if entry.name:
            doc.entries.append(entry)
        else:
            doc.warnings.append("An entry without a name was left out.")
    for reference in bundle.of("DocumentReference"):
        _attachments(reference, doc)
    return doc


def _doc_key(data: dict[str, Any], raw: bytes) -> str:
    ident = _dict(data.get("identifier"))
    if _str(ident.get("value")):
        return f"fhir:{_str(ident.get('system'))}|{_str(ident.get('value'))}"[:200]
    if data.get("type") == "document" and _str(data.get("id")):
        return f"fhir:Bundle/{_str(data.get('id'))}"[:200]
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def _patient(bundle: _Bundle, composition: dict[str, Any]) -> ParsedPatient | None:
    patient = bundle.resolve(composition.get("subject"))
    if not patient:
        patients = bundle.of("Patient")
        if not patients:
            return None
        patient = patients[0]
    return ParsedPatient(
        _human_name(patient.get("name"), with_titles=False),
        parse_hl7_date(_date(patient.get("birthDate"))),
    )


def _organization(org: dict[str, Any], role: ContactRole) -> ParsedContact | None:
    name = _str(org.get("name"))
    if not name or org.get("resourceType") != "Organization":
        return None
    return ParsedContact(
        name=name,
        kind=ContactKind.ORGANIZATION,
        role=role,
        npi=_npi(org),
        address=_address(org),
        **_telecoms(org),
    )


def _contacts(bundle: _Bundle, doc: ParsedDocument) -> None:
    for org in bundle.of("Organization"):
        doc.add_contact(_organization(org, ContactRole.OTHER))
    roles = {}
    for role in bundle.of("PractitionerRole"):
        practitioner = bundle.resolve(role.get("practitioner"))
        if practitioner:
            roles[id(practitioner)] = role
    for practitioner in bundle.of("Practitioner"):
        name = _human_name(practitioner.get("name"))
        if not name:
            continue
        role = roles.get(id(practitioner), {})
        org = bundle.resolve(role.get("organization"))
        specialty = ""
        for concept in _list(role.get("specialty")):
            specialty = specialty or _concept(concept)[0]
        telecoms = _telecoms(role) or _telecoms(practitioner)
        doc.add_contact(
            ParsedContact(
                name=name,
                organization=_str(org.get("name")),
                npi=_npi(practitioner),
                address=_address(practitioner),
                specialty=specialty,
                phone=telecoms.get("phone", ""),
                fax=telecoms.get("fax", ""),
                email=telecoms.get("email", ""),
            )
        )


def _condition(bundle: _Bundle, r: dict[str, Any]) -> hs.EntryData:
    words, code, system = _concept(r.get("code"))
    status = _concept(r.get("clinicalStatus"))
    return hs.Condition(
        name=words,
        onset=parse_hl7_date(_period_start(r, "onsetDateTime", "onsetPeriod", "recordedDate")),
        status=status[0] or status[1],
        code=code,
        code_system=system,
    )


def _medication(bundle: _Bundle, r: dict[str, Any]) -> hs.EntryData:
    concept = r.get("medicationCodeableConcept")
    if concept is None:
        concept = bundle.resolve(r.get("medicationReference")).get("code")
    words, code, system = _concept(concept)
    dosages = _list(r.get("dosage")) or _list(r.get("dosageInstruction"))
    dosage = _dict(dosages[0]) if dosages else {}
    dose = ""
    for rate in _list(dosage.get("doseAndRate")):
        quantity = _dict(_dict(rate).get("doseQuantity"))
        if quantity.get("value") is not None:
            dose = f"{quantity.get('value')} {_str(quantity.get('unit'))}".strip()
            break
    repeat = _dict(_dict(dosage.get("timing")).get("repeat"))
    frequency = ""
    if repeat.get("frequency") is not None and repeat.get("period") is not None:
        frequency = (
            f"{repeat.get('frequency')} times every {repeat.get('period')} "
            f"{_str(repeat.get('periodUnit'))}".strip()
        )
    frequency = frequency or _str(dosage.get("text"))
    return hs.Medication(
        name=words,
        dose=dose,
        frequency=frequency,
        since=parse_hl7_date(
            _period_start(r, "effectivePeriod", "effectiveDateTime", "authoredOn")
        ),
        status=_str(r.get("status")),
        code=code,
        code_system=system,
    )


def _allergy(bundle: _Bundle, r: dict[str, Any]) -> hs.EntryData:
    words, code, system = _concept(r.get("code"))
    reactions = [_dict(x) for x in _list(r.get("reaction"))]
    reaction = severity = ""
    if reactions:
        manifestations = _list(reactions[0].get("manifestation"))
        reaction = _concept(manifestations[0])[0] if manifestations else ""
        severity = _str(reactions[0].get("severity"))
    severity = severity or _str(r.get("criticality"))
    return hs.Allergy(words, reaction, severity, code, system)


def _procedure(bundle: _Bundle, r: dict[str, Any]) -> hs.EntryData:
    words, code, system = _concept(r.get("code"))
    return hs.Procedure(
        name=words,
        performed_on=parse_hl7_date(_period_start(r, "performedDateTime", "performedPeriod")),
        code=code,
        code_system=system,
    )


def _observation(bundle: _Bundle, r: dict[str, Any]) -> hs.EntryData | None:
    categories = {
        _str(_dict(c).get("code"))
        for cat in _list(r.get("category"))
        for c in _list(_dict(cat).get("coding"))
    }
    if categories & _SKIPPED_OBSERVATIONS:
        return None
    words, code, system = _concept(r.get("code"))
    value = unit = ""
    quantity = _dict(r.get("valueQuantity"))
    if quantity.get("value") is not None:
        value, unit = str(quantity.get("value")), _str(quantity.get("unit"))
    elif "valueCodeableConcept" in r:
        value = _concept(r.get("valueCodeableConcept"))[0]
    else:
        for key in ("valueString", "valueInteger", "valueBoolean"):
            if r.get(key) is not None:
                value = str(r.get(key))
                break
    flag = ""
    for interpretation in _list(r.get("interpretation")):
        words_flag, code_flag, _ = _concept(interpretation)
        flag = flag or code_flag or words_flag
    return hs.Result(
        name=words,
        value=value,
        unit=unit,
        observed_on=parse_hl7_date(
            _period_start(r, "effectiveDateTime", "effectivePeriod", "issued")
        ),
        flag=flag,
        code=code,
        code_system=system,
    )


_READERS: dict[str, Any] = {
    "Condition": _condition,
    "MedicationStatement": _medication,
    "MedicationRequest": _medication,
    "AllergyIntolerance": _allergy,
    "Procedure": _procedure,
    "Observation": _observation,
}


def _attachments(reference: dict[str, Any], doc: ParsedDocument) -> None:
    for content in _list(reference.get("content")):
        attachment = _dict(_dict(content).get("attachment"))
        data = attachment.get("data")
        if not isinstance(data, str):
            continue
        try:
            payload = base64.b64decode("".join(data.split()), validate=True)
        except (binascii.Error, ValueError):
            doc.warnings.append("An embedded file could not be decoded and was left out.")
            continue
        media = _str(attachment.get("contentType")) or "application/octet-stream"
        suffix = ".pdf" if media == "application/pdf" else ".bin"
        doc.attachments.append(Attachment(f"embedded{suffix}", media, payload))
