"""Reading C-CDA R2.1 documents (CCD, Referral Note, Discharge and Transfer Summary, and the
unstructured document that wraps a PDF) into a ``ParsedDocument``.

The XML is first read by defusedxml with DOCTYPEs, entities and external references
forbidden, so XXE and "billion laughs" files are refused before lxml ever parses them; lxml
then parses with entity resolution, DTD loading and the network off. Sections are found by
their LOINC code and read with ElementPath over the HL7 namespace, never with regular
expressions. Anything a section lacks is left empty rather than guessed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as defused_fromstring
from lxml import etree

from second_opinion.domain.enums import ContactKind, ContactRole, RecordKind
from second_opinion.services import health_summary as hs
from second_opinion.services.importing.codes import NPI_OID, system_name
from second_opinion.services.importing.model import (
    Attachment,
    MalformedFile,
    ParsedContact,
    ParsedDocument,
    ParsedPatient,
    UnsafeFile,
    UnsupportedFile,
    parse_hl7_date,
)

HL7 = "urn:hl7-org:v3"
NS = {"h": HL7}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"

#: document type (LOINC) -> the kind of record item it becomes
DOCUMENT_KINDS = {
    "34133-9": RecordKind.VISIT_NOTES,  # Summarization of episode note (CCD)
    "57133-1": RecordKind.VISIT_NOTES,  # Referral note
    "18842-5": RecordKind.DISCHARGE_SUMMARY,
    "18761-7": RecordKind.DISCHARGE_SUMMARY,  # Transfer summary
    "11488-4": RecordKind.VISIT_NOTES,  # Consult note
    "34117-2": RecordKind.VISIT_NOTES,  # History and physical
    "11506-3": RecordKind.VISIT_NOTES,  # Progress note
    "11504-8": RecordKind.OPERATIVE_REPORT,
    "11526-1": RecordKind.PATHOLOGY_REPORT,
    "11502-2": RecordKind.LAB_RESULTS,
    "18748-4": RecordKind.IMAGING_REPORT,
}

SECTION_PROBLEMS = "11450-4"
SECTION_MEDICATIONS = "10160-0"
SECTION_ALLERGIES = "48765-2"
SECTION_PROCEDURES = "47519-4"
SECTION_RESULTS = "30954-2"

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def parse_xml(data: bytes) -> etree._Element:
    """The document's root element; ``UnsafeFile`` or ``MalformedFile`` when it is not safe XML."""
    try:
        defused_fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise UnsafeFile(
            "The file declares a document type or entities, which a portal's document never "
            "does; it was refused to keep your computer safe."
        ) from exc
    except (ParseError, ValueError) as exc:
        raise MalformedFile("The file is not well-formed XML (it may be cut short).") from exc
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise MalformedFile("The file is not well-formed XML (it may be cut short).") from exc


def is_ccda(root: etree._Element) -> bool:
    return bool(root.tag == f"{{{HL7}}}ClinicalDocument")


class _Reader:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self._ids: dict[str, etree._Element] | None = None

    def by_id(self, ref: str) -> etree._Element | None:
        if self._ids is None:
            self._ids = {}
            for el in self.root.iter():
                key = el.get("ID")
                if key:
                    self._ids[key] = el
        return self._ids.get(ref.lstrip("#"))

    def text_of(self, code: etree._Element | None) -> str:
        """What a coded element says in words: its displayName, or its original text."""
        if code is None:
            return ""
        shown = code.get("displayName")
        if shown and shown.strip():
            return str(shown).strip()
        original = code.find("h:originalText", NS)
        if original is not None:
            words = _squeeze("".join(original.itertext()))
            if words:
                return words
            ref = original.find("h:reference", NS)
            if ref is not None and ref.get("value"):
                target = self.by_id(ref.get("value", ""))
                if target is not None:
                    return _squeeze("".join(target.itertext()))
        if code.text and code.text.strip() and len(code) == 0:
            return _squeeze(code.text)
        return ""


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _code(el: etree._Element | None) -> tuple[str, str]:
    if el is None or not el.get("code"):
        return "", ""
    return el.get("code", ""), system_name(el.get("codeSystem", ""), el.get("codeSystemName", ""))


def _name(el: etree._Element | None, with_titles: bool = True) -> str:
    """A person's name from an HL7 PN (prefix, given names, family, suffix)."""
    if el is None:
        return ""
    parts = [_squeeze(p.text or "") for p in el.findall("h:given", NS)]
    parts += [_squeeze(p.text or "") for p in el.findall("h:family", NS)]
    parts = [p for p in parts if p]
    if not parts:
        return _squeeze("".join(el.itertext()))
    if with_titles:
        prefix = [_squeeze(p.text or "") for p in el.findall("h:prefix", NS)]
        suffix = [_squeeze(p.text or "") for p in el.findall("h:suffix", NS)]
        name = " ".join([*(p for p in prefix if p), *parts])
        suffix = [s for s in suffix if s]
        return f"{name}, {' '.join(suffix)}" if suffix else name
    return " ".join(parts)


def _date_of(el: etree._Element | None) -> str | None:
    """The timestamp of an effectiveTime: its value, or its low bound."""
    if el is None:
        return None
    if el.get("value"):
        return str(el.get("value"))
    low = el.find("h:low", NS)
    return str(low.get("value")) if low is not None and low.get("value") else None


def _telecoms(el: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for tel in el.findall("h:telecom", NS):
        value = (tel.get("value") or "").strip()
        scheme, _, rest = value.partition(":")
        field = {"tel": "phone", "fax": "fax", "mailto": "email"}.get(scheme.lower())
        if field and rest and field not in found:
            found[field] = rest.strip()
    return found


def _address(el: etree._Element) -> str:
    addr = el.find("h:addr", NS)
    if addr is None:
        return ""
    lines = [_squeeze(x.text or "") for x in addr.findall("h:streetAddressLine", NS)]
    place = " ".join(
        _squeeze(x.text or "")
        for tag in ("city", "state", "postalCode")
        for x in addr.findall(f"h:{tag}", NS)
    )
    return ", ".join(p for p in [*lines, place] if p)


def _npi(el: etree._Element) -> str:
    for ident in el.findall("h:id", NS):
        if ident.get("root") == NPI_OID and ident.get("extension"):
            return str(ident.get("extension", "")).strip()
    return ""


def _organization(org: etree._Element | None, role: ContactRole) -> ParsedContact | None:
    if org is None:
        return None
    name = " ".join(_squeeze(n.text or "") for n in org.findall("h:name", NS)).strip()
    if not name:
        return None
    return ParsedContact(
        name=name,
        kind=ContactKind.ORGANIZATION,
        role=role,
        npi=_npi(org),
        address=_address(org),
        **_telecoms(org),
    )


def _assigned(entity: etree._Element, role: ContactRole, doc: ParsedDocument) -> None:
    """An assignedAuthor/assignedEntity: the person (if any) and their organization."""
    org = _organization(entity.find("h:representedOrganization", NS), ContactRole.OTHER)
    doc.add_contact(org)
    person = entity.find("h:assignedPerson/h:name", NS)
    if person is None:
        return
    name = _name(person)
    if name:
        specialty = _reader_text(entity.find("h:code", NS))
        doc.add_contact(
            ParsedContact(
                name=name,
                role=role,
                organization=org.name if org else "",
                npi=_npi(entity),
                address=_address(entity),
                specialty=specialty,
                **_telecoms(entity),  # type: ignore[arg-type]
            )
        )


def _reader_text(code: etree._Element | None) -> str:
    return (code.get("displayName") or "").strip() if code is not None else ""


def parse_ccda(data: bytes, root: etree._Element | None = None) -> ParsedDocument:
    """Read a C-CDA document; ``UnsupportedFile`` if the XML is some other kind of file."""
    if root is None:
        root = parse_xml(data)
    if not is_ccda(root):
        raise UnsupportedFile("The XML file is not a C-CDA clinical document.")
    reader = _Reader(root)
    type_code = root.find("h:code", NS)
    code = type_code.get("code", "") if type_code is not None else ""
    title_el = root.find("h:title", NS)
    title = _squeeze("".join(title_el.itertext())) if title_el is not None else ""
    title = title or reader.text_of(type_code) or "Clinical document"
    doc = ParsedDocument(
        format="C-CDA",
        doc_key=_doc_key(root, data),
        title=title,
        kind=DOCUMENT_KINDS.get(code, RecordKind.OTHER),
        date=parse_hl7_date(_date_of(root.find("h:effectiveTime", NS))),
        patient=_patient(root),
        original=data,
    )
    custodian = root.find("h:custodian/h:assignedCustodian/h:representedCustodianOrganization", NS)
    doc.holder = doc.add_contact(_organization(custodian, ContactRole.RECORDS_DEPARTMENT))
    for author in root.findall("h:author/h:assignedAuthor", NS):
        _assigned(author, ContactRole.OTHER, doc)
    for performer in root.findall("h:documentationOf/h:serviceEvent/h:performer", NS):
        entity = performer.find("h:assignedEntity", NS)
        if entity is None:
            continue
        function = performer.find("h:functionCode", NS)
        is_pcp = function is not None and function.get("code") == "PCP"
        _assigned(entity, ContactRole.PRIMARY_CARE if is_pcp else ContactRole.OTHER, doc)
    legal = root.find("h:legalAuthenticator/h:assignedEntity", NS)
    if legal is not None:
        _assigned(legal, ContactRole.OTHER, doc)
    _body(reader, root, doc)
    return doc


def _doc_key(root: etree._Element, data: bytes) -> str:
    ident = root.find("h:id", NS)
    if ident is not None and ident.get("root"):
        return f"cda:{ident.get('root')}^{ident.get('extension', '')}"[:200]
    return "sha256:" + hashlib.sha256(data).hexdigest()


def _patient(root: etree._Element) -> ParsedPatient | None:
    patient = root.find("h:recordTarget/h:patientRole/h:patient", NS)
    if patient is None:
        return None
    names = patient.findall("h:name", NS)
    legal = [n for n in names if "L" in (n.get("use") or "L").split()]
    name = _name((legal or names or [None])[0], with_titles=False)
    birth = patient.find("h:birthTime", NS)
    return ParsedPatient(name, parse_hl7_date(birth.get("value") if birth is not None else None))


def _body(reader: _Reader, root: etree._Element, doc: ParsedDocument) -> None:
    unstructured = root.find("h:component/h:nonXMLBody/h:text", NS)
    if unstructured is not None:
        _embedded(unstructured, doc)
        return
    handlers = {
        SECTION_PROBLEMS: _problems,
        SECTION_MEDICATIONS: _medications,
        SECTION_ALLERGIES: _allergies,
        SECTION_PROCEDURES: _procedures,
        SECTION_RESULTS: _results,
    }
    for section in root.iterfind("h:component/h:structuredBody/h:component/h:section", NS):
        code = section.find("h:code", NS)
        handler = handlers.get(code.get("code", "") if code is not None else "")
        if handler is None:
            continue
        for entry in section.findall("h:entry", NS):
            for data in handler(reader, entry):
                if data.name:
                    doc.entries.append(data)
                else:
                    doc.warnings.append("An entry without a name was left out.")


def _embedded(text: etree._Element, doc: ParsedDocument) -> None:
    media = text.get("mediaType") or "text/plain"
    if text.get("representation") == "B64":
        try:
            payload = base64.b64decode("".join((text.text or "").split()), validate=True)
        except (binascii.Error, ValueError):
            doc.warnings.append("The embedded file could not be decoded and was left out.")
            return
    else:
        payload = "".join(text.itertext()).encode("utf-8")
    extension = {"application/pdf": ".pdf", "text/plain": ".txt", "text/rtf": ".rtf"}
    doc.attachments.append(Attachment(f"embedded{extension.get(media, '.bin')}", media, payload))


def _negated(el: etree._Element) -> bool:
    return (el.get("negationInd") or "").lower() == "true"


_CONCERN_STATUS = {"active": "active", "completed": "resolved", "suspended": "inactive"}


def _problems(reader: _Reader, entry: etree._Element) -> list[hs.EntryData]:
    act = entry.find("h:act", NS)
    observations = (
        act.findall("h:entryRelationship/h:observation", NS)
        if act is not None
        else entry.findall("h:observation", NS)
    )
    concern = act.find("h:statusCode", NS) if act is not None else None
    out: list[hs.EntryData] = []
    for obs in observations:
        if _negated(obs):
            continue
        value = obs.find("h:value", NS)
        code, system = _code(value)
        status = ""
        for nested in obs.findall("h:entryRelationship/h:observation", NS):
            nested_code = nested.find("h:code", NS)
            if nested_code is not None and nested_code.get("code") == "33999-4":
                status = reader.text_of(nested.find("h:value", NS))
        if not status and concern is not None:
            status = _CONCERN_STATUS.get(concern.get("code", ""), concern.get("code", ""))
        out.append(
            hs.Condition(
                name=reader.text_of(value) or reader.text_of(obs.find("h:text", NS)),
                onset=parse_hl7_date(_date_of(obs.find("h:effectiveTime", NS))),
                status=status,
                code=code,
                code_system=system,
            )
        )
    return out


_UNITS = {"h": "hours", "d": "days", "wk": "weeks", "min": "minutes", "mo": "months"}


def _medications(reader: _Reader, entry: etree._Element) -> list[hs.EntryData]:
    sa = entry.find("h:substanceAdministration", NS)
    if sa is None or _negated(sa):
        return []
    material = sa.find("h:consumable/h:manufacturedProduct/h:manufacturedMaterial", NS)
    code_el = material.find("h:code", NS) if material is not None else None
    name = reader.text_of(code_el)
    if not name and material is not None:
        name = _squeeze("".join(material.findtext("h:name", "", NS)))
    code, system = _code(code_el)
    since = ""
    frequency = ""
    for et in sa.findall("h:effectiveTime", NS):
        kind = (et.get(XSI_TYPE) or "IVL_TS").rpartition(":")[2]
        if kind == "PIVL_TS":
            period = et.find("h:period", NS)
            if period is not None and period.get("value"):
                unit = _UNITS.get(period.get("unit", ""), period.get("unit", ""))
                frequency = f"every {period.get('value')} {unit}".strip()
        elif kind == "IVL_TS" and not since:
            since = _date_of(et) or ""
    dose = sa.find("h:doseQuantity", NS)
    dose_text = ""
    if dose is not None and dose.get("value"):
        unit = dose.get("unit", "")
        dose_text = f"{dose.get('value')} {unit if unit != '1' else ''}".strip()
    status = sa.find("h:statusCode", NS)
    return [
        hs.Medication(
            name=name,
            dose=dose_text,
            frequency=frequency,
            since=parse_hl7_date(since),
            status=status.get("code", "") if status is not None else "",
            code=code,
            code_system=system,
        )
    ]


def _allergies(reader: _Reader, entry: etree._Element) -> list[hs.EntryData]:
    out: list[hs.EntryData] = []
    for obs in entry.findall("h:act/h:entryRelationship/h:observation", NS):
        if _negated(obs):
            continue
        substance = obs.find("h:participant/h:participantRole/h:playingEntity/h:code", NS)
        name = reader.text_of(substance)
        if not name:
            name = _squeeze(
                obs.findtext("h:participant/h:participantRole/h:playingEntity/h:name", "", NS)
            )
        code, system = _code(substance)
        reaction = severity = ""
        for nested in obs.iter(f"{{{HL7}}}observation"):
            if nested is obs:
                continue
            nested_code = nested.find("h:code", NS)
            if nested_code is not None and nested_code.get("code") == "SEV":
                severity = severity or reader.text_of(nested.find("h:value", NS))
            elif not reaction and nested.getparent() is not None:
                relation = nested.getparent()
                if relation is not None and relation.get("typeCode") == "MFST":
                    reaction = reader.text_of(nested.find("h:value", NS))
        out.append(hs.Allergy(name, reaction, severity, code, system))
    return out


def _procedures(reader: _Reader, entry: etree._Element) -> list[hs.EntryData]:
    for tag in ("procedure", "act", "observation"):
        el = entry.find(f"h:{tag}", NS)
        if el is not None and not _negated(el):
            code_el = el.find("h:code", NS)
            code, system = _code(code_el)
            return [
                hs.Procedure(
                    name=reader.text_of(code_el),
                    performed_on=parse_hl7_date(_date_of(el.find("h:effectiveTime", NS))),
                    code=code,
                    code_system=system,
                )
            ]
    return []


def _results(reader: _Reader, entry: etree._Element) -> list[hs.EntryData]:
    organizer = entry.find("h:organizer", NS)
    observations = (
        organizer.findall("h:component/h:observation", NS)
        if organizer is not None
        else entry.findall("h:observation", NS)
    )
    panel_date = _date_of(organizer.find("h:effectiveTime", NS)) if organizer is not None else None
    out: list[hs.EntryData] = []
    for obs in observations:
        code_el = obs.find("h:code", NS)
        code, system = _code(code_el)
        value_el = obs.find("h:value", NS)
        value = unit = ""
        if value_el is not None:
            kind = (value_el.get(XSI_TYPE) or "").rpartition(":")[2]
            if kind in ("PQ", "INT", "REAL"):
                value = value_el.get("value", "")
                unit = value_el.get("unit", "") if value_el.get("unit") != "1" else ""
            elif kind in ("CD", "CE", "CO", "CV"):
                value = reader.text_of(value_el) or value_el.get("code", "")
            else:
                value = _squeeze("".join(value_el.itertext())) or value_el.get("value", "")
        interpretation = obs.find("h:interpretationCode", NS)
        flag = ""
        if interpretation is not None:
            flag = interpretation.get("code") or reader.text_of(interpretation)
        out.append(
            hs.Result(
                name=reader.text_of(code_el),
                value=value,
                unit=unit,
                observed_on=parse_hl7_date(_date_of(obs.find("h:effectiveTime", NS)) or panel_date),
                flag=flag,
                code=code,
                code_system=system,
            )
        )
    return out
