"""Names for the code systems portals use; any other system is kept as written (OID or URL)."""

from __future__ import annotations

_BY_OID = {
    "2.16.840.1.113883.6.96": "SNOMED CT",
    "2.16.840.1.113883.6.88": "RxNorm",
    "2.16.840.1.113883.6.1": "LOINC",
    "2.16.840.1.113883.6.90": "ICD-10-CM",
    "2.16.840.1.113883.6.103": "ICD-9-CM",
    "2.16.840.1.113883.6.4": "ICD-10-PCS",
    "2.16.840.1.113883.6.12": "CPT",
    "2.16.840.1.113883.6.285": "HCPCS",
    "2.16.840.1.113883.4.9": "UNII",
    "2.16.840.1.113883.3.26.1.1": "NCI Thesaurus",
    "2.16.840.1.113883.6.69": "NDC",
    "2.16.840.1.113883.12.292": "CVX",
}

_BY_URL = {
    "http://snomed.info/sct": "SNOMED CT",
    "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm",
    "http://loinc.org": "LOINC",
    "http://hl7.org/fhir/sid/icd-10-cm": "ICD-10-CM",
    "http://hl7.org/fhir/sid/icd-10": "ICD-10",
    "http://hl7.org/fhir/sid/icd-9-cm": "ICD-9-CM",
    "http://www.ama-assn.org/go/cpt": "CPT",
    "http://fdasis.nlm.nih.gov": "UNII",
    "http://hl7.org/fhir/sid/ndc": "NDC",
    "http://hl7.org/fhir/sid/cvx": "CVX",
}

NPI_OID = "2.16.840.1.113883.4.6"
NPI_URL = "http://hl7.org/fhir/sid/us-npi"


def system_name(system: str, fallback_name: str = "") -> str:
    """A readable name for a code system; an unknown one as the document gave it."""
    system = system.strip()
    return _BY_OID.get(system) or _BY_URL.get(system.rstrip("/")) or fallback_name or system
