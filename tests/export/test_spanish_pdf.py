"""The printed documents in Spanish, read back from the PDF as a reader would.

A Spanish-speaking person types Spanish, so the samples' own text is Spanish too: then any
English left on a page can only be the renderer's, and the checks below find it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from second_opinion.domain.enums import TransferMethod, TriState
from second_opinion.export import render_letter, render_packet
from second_opinion.export.enclosures import render_bundle, render_packet_with_documents
from second_opinion.export.i18n import SPANISH_TEXT, Words
from second_opinion.export.letters import (
    CONDITION_STATEMENT,
    COPY_STATEMENT,
    REDISCLOSURE_STATEMENT,
    REFUSE_STATEMENT,
    REVOKE_STATEMENT,
)
from second_opinion.export.text import long_date, short_date, visit_time
from second_opinion.services import labels, legal_basis
from second_opinion.services.enclosures import BundleData, EnclosedDocument
from second_opinion.services.legal_basis import RequestBasis
from second_opinion.services.packet_data import (
    LETTER_TITLES,
    SECTION_TITLES,
    AuthorizationTerms,
    ContactBlock,
    InsuranceCallLine,
    LetterKind,
    MissingRecord,
    OpinionSummary,
    Paper,
    QuestionLine,
    RecordItemLine,
)
from tests.document_files import pdf_bytes
from tests.export.pdfread import all_text, flat, pages_text
from tests.export.samples import DOCTOR, letter, packet

# Words that give English away; none is a Spanish word.
_ENGLISH_WORDS = re.compile(
    r"\b(the|and|of|to|for|with|your|you|please|this|that|page|date|records?|visit|"
    r"doctor|signature|born|from|none|notes|questions?|missing|enclosed|dear)\b",
    re.IGNORECASE,
)
_ENGLISH_MONTHS = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"
)


def _english_phrases() -> list[str]:
    """Every run of two or more words of the renderers' English that the Spanish changes."""
    phrases: set[str] = set()
    for english, spanish in SPANISH_TEXT.items():
        if english == spanish:
            continue
        for piece in re.split(r"\{[a-z_]+\}|<br/>|[.,:;()·—]", english):
            words = piece.split()
            if len(words) >= 2 and flat(piece) not in flat(spanish):
                phrases.add(" ".join(words))
    return sorted(phrases)


def _no_english(text: str) -> None:
    words = _ENGLISH_WORDS.findall(text)
    assert not words, words
    assert not _ENGLISH_MONTHS.findall(text)
    squeezed = flat(text)
    left = [p for p in _english_phrases() if flat(p) in squeezed]
    assert not left, left


# ------------------------------------------------------------------ Spanish samples


def spanish_letter(kind: LetterKind, **changes: object) -> object:
    fields: dict[str, object] = {
        "language": "es",
        "method_phrase": legal_basis.method_phrase(TransferMethod.DISC, False, "es"),
        "condition": "Cáncer de mama",
        "items": (
            RecordItemLine(
                "Imaging files (disc or link)", "Mamografía y ecografía", dt.date(2026, 10, 2)
            ),
            RecordItemLine(
                "Pathology slides or blocks",
                "Laminillas de la biopsia",
                dt.date(2026, 10, 14),
                physical=True,
            ),
        ),
        "authorization": AuthorizationTerms(
            scope="Estudios de imagen e informes de ambas mamas, de 2024 a hoy.",
            purpose="",
            expires_on=dt.date(2027, 4, 22),
            expiry_event="cuando termine mi segunda opinión",
        ),
    }
    fields.update(changes)
    return letter(kind, **fields)


def spanish_packet(**changes: object) -> object:
    base = packet()
    visit = replace(base.visit, mode="Telemedicine", is_telemedicine=True, location="")
    visit = replace(visit, telemedicine_url="https://video.example/sala-7", status="Planned")
    insurance = replace(
        base.insurance,
        visit_prior_auth="Needed, not obtained yet",
        calls=(
            InsuranceCallLine(
                dt.date(2026, 11, 2),
                "Janet (servicios a miembros)",
                "CALL-5531",
                "La segunda opinión está cubierta dentro de la red con remisión.",
            ),
        ),
    )
    return packet(
        language="es",
        condition="Una masa de 2.1 cm en la mama izquierda; quiero una segunda opinión.",
        visit=visit,
        insurance=insurance,
        records=tuple(replace(r, description="Biopsia con aguja gruesa") for r in base.records),
        missing=(
            MissingRecord(
                "Pathology consult details",
                "Laminillas de la biopsia",
                "Patología Riverside",
                "Falta el número de acceso (accession number)",
            ),
        ),
        questions=(
            QuestionLine("¿Está de acuerdo con el diagnóstico?", "Diagnosis", "Top", True),
            QuestionLine(
                "¿Qué haría usted distinto?", "The second opinion itself", "Normal", False
            ),
        ),
        medications="Lisinopril 10 mg una vez al día",
        allergies="Penicilina (sarpullido)",
        opinions=(
            OpinionSummary(
                "Dr. Peter Holm",
                dt.date(2026, 10, 21),
                diagnosis="Carcinoma ductal invasivo",
                stage="IIA",
                recommended_treatment="Mastectomía",
                urgency="En 4 a 6 semanas",
            ),
        ),
        **changes,
    )


# ------------------------------------------------------------------ dates


def test_dates_and_times_are_written_the_spanish_way() -> None:
    day = dt.date(2026, 12, 3)
    assert long_date(day, "es") == "3 de diciembre de 2026"
    assert short_date(day, "es") == "3 dic. 2026"
    assert short_date(dt.date(2026, 5, 9), "es") == "9 mayo 2026"
    assert long_date(day) == "December 3, 2026" and short_date(day) == "Dec 3, 2026"
    starts = packet().visit.starts_at
    assert visit_time(starts, "America/Chicago", "es") == (
        "jueves, 3 de diciembre de 2026, 9:30 a. m. CST"
    )
    assert visit_time(starts, "America/Chicago") == "Thursday, December 3, 2026, 9:30 AM CST"


def test_every_label_a_document_prints_has_spanish() -> None:
    printed = [
        *SECTION_TITLES.values(),
        *LETTER_TITLES.values(),
        *(
            label
            for table in (
                labels.CONTACT_ROLE,
                labels.TRI_STATE,
                labels.RECORD_KIND,
                labels.TRANSFER_METHOD,
                labels.REQUEST_STATE,
                labels.VISIT_MODE,
                labels.VISIT_STATUS,
                labels.QUESTION_CATEGORY,
                labels.PRIORITY,
            )
            for label in table.values()  # type: ignore[attr-defined]
        ),
    ]
    # what the packet says of a referral or prior authorization, in every case it knows
    from second_opinion.services.packet import _need

    printed += [
        _need(needed, obtained, plan)
        for needed in (True, False)
        for obtained in (True, False)
        for plan in (TriState.YES, TriState.NO, TriState.UNKNOWN, None)
    ]
    missing = [text for text in printed if text not in SPANISH_TEXT]
    assert missing == []
    # every slot of the English is in the Spanish, so nothing is lost when it is filled in
    for english, spanish in SPANISH_TEXT.items():
        assert set(re.findall(r"\{\w+\}", english)) == set(re.findall(r"\{\w+\}", spanish))


# ------------------------------------------------------------------ the authorization


def test_the_spanish_authorization_has_every_required_element() -> None:
    pdf = render_letter(spanish_letter(LetterKind.AUTHORIZATION))  # type: ignore[arg-type]
    text = all_text(pdf)
    squeezed = flat(text)
    t = Words("es").t
    # 45 CFR 164.508(c)(1): what, who discloses, who receives, purpose, expiry, signature+date,
    # and a representative's authority
    for snippet in (
        "Autorización para divulgar información médica",
        "4. Qué información se puede divulgar",
        "Estudios de imagen e informes de ambas mamas",
        "Laminillas de la biopsia",
        "2. Quién puede divulgar los datos",
        "Springfield Imaging",
        "3. Quién puede recibir los datos",
        "Dr. Ana Rao",
        "Propósito",
        "Una segunda opinión médica, a petición mía.",
        "Esta autorización vence",
        "el 22 de abril de 2027",
        "cuando ocurra lo siguiente: cuando termine mi segunda opinión",
        "lo que ocurra primero",
        "Firma del paciente o de su representante personal",
        "Fecha",
        "Su autoridad para actuar en nombre del paciente",
        "Fecha de nacimiento",
        "12 de abril de 1968",
    ):
        assert flat(snippet) in squeezed, snippet
    # 164.508(c)(2): revoke in writing, conditioning, redisclosure; (c)(4) and the statements
    # "I may refuse to sign" and "I am entitled to a copy"
    for statement in (
        REVOKE_STATEMENT,
        CONDITION_STATEMENT,
        REDISCLOSURE_STATEMENT,
        REFUSE_STATEMENT,
        COPY_STATEMENT,
    ):
        assert flat(t(statement)) in squeezed, statement
    assert "por escrito" in t(REVOKE_STATEMENT)
    assert "Puedo negarme a firmar" in t(REFUSE_STATEMENT)
    assert "Tengo derecho a recibir una copia" in t(COPY_STATEMENT)
    assert "volver a divulgarla" in t(REDISCLOSURE_STATEMENT)
    assert "no puede condicionar mi tratamiento" in t(CONDITION_STATEMENT)
    _no_english(text)
    assert "Página 1 de" in text and "Información médica confidencial" in text


@pytest.mark.parametrize("paper", list(Paper))
def test_the_spanish_authorization_fits_one_sheet_where_the_english_does(paper: Paper) -> None:
    english = letter(LetterKind.AUTHORIZATION, paper=paper)
    assert len(pages_text(render_letter(english))) == 1
    terms = AuthorizationTerms(
        scope="Estudios de imagen e informes de ambas mamas, de 2024 a hoy.",
        expires_on=dt.date(2027, 4, 22),
    )
    spanish = replace(english, language="es", authorization=terms)
    text = pages_text(render_letter(spanish))
    assert len(text) == 1
    assert "7. Firma" in text[0] and "Página 1 de 1" in text[0]


def test_the_spanish_authorization_without_terms_leaves_blanks_in_spanish() -> None:
    data = spanish_letter(LetterKind.AUTHORIZATION, authorization=None)
    text = all_text(render_letter(data))  # type: ignore[arg-type]
    assert flat("en esta fecha:") in flat(text)
    assert flat("o cuando ocurra lo siguiente:") in flat(text)
    _no_english(text)


# ------------------------------------------------------------------ the letters


@pytest.mark.parametrize(
    ("basis", "recipient_is_sender", "expected"),
    [
        (RequestBasis.OWN_COPIES, True, "solo permite un cobro razonable y basado en el costo"),
        (
            RequestBasis.DIRECTED_ELECTRONIC,
            False,
            "copias electrónicas de los documentos de mi expediente",
        ),
        (RequestBasis.HOLDER_POLICY, False, "cuándo piensan enviarlas y si tienen algún cobro"),
    ],
)
def test_the_spanish_request_letter_claims_what_its_basis_gives(
    basis: RequestBasis, recipient_is_sender: bool, expected: str
) -> None:
    method = TransferMethod.MAIL if basis is RequestBasis.HOLDER_POLICY else TransferMethod.DISC
    data = spanish_letter(
        LetterKind.REQUEST,
        basis=basis,
        recipient_is_sender=recipient_is_sender,
        method_phrase=legal_basis.method_phrase(method, recipient_is_sender, "es"),
    )
    pdf = render_letter(data)  # type: ignore[arg-type]
    text = all_text(pdf)
    squeezed = flat(text)
    assert flat(expected) in squeezed
    assert flat("Solicitud de copias de mi expediente médico: Maria Example") in squeezed
    assert flat("Fecha: 22 de octubre de 2026") in squeezed
    assert flat("Su número de referencia: ROI-88123") in squeezed
    assert flat("Laminillas o bloques de patología") in squeezed
    assert flat("muchas veces como préstamo") in squeezed
    clock = flat("a más tardar 30 días calendario después de recibirla")
    assert (clock in squeezed) is (basis is not RequestBasis.HOLDER_POLICY)
    if basis is not RequestBasis.HOLDER_POLICY:
        assert flat("una sola vez, por no más de 30 días adicionales") in squeezed
        assert flat("me informan por escrito, dentro de los primeros 30 días") in squeezed
    # the fee limit is claimed only for copies given to the person
    fee_limit = flat("solo permite un cobro razonable")
    assert (fee_limit in squeezed) is (basis is RequestBasis.OWN_COPIES)
    _no_english(text)
    assert len(pages_text(pdf)) <= 2


def test_the_spanish_letter_to_the_current_doctor() -> None:
    text = all_text(render_letter(spanish_letter(LetterKind.CURRENT_DOCTOR)))  # type: ignore[arg-type]
    squeezed = flat(text)
    for snippet in (
        "Sobre mi atención: una segunda opinión — Maria Example",
        "Estimado(a) Springfield Imaging:",
        "La segunda opinión será con Dr. Ana Rao (Lakeside University Cancer Center)",
        "en un disco (CD o DVD) enviado por correo postal",
        "sin una autorización firmada",
        "Con agradecimiento,",
    ):
        assert flat(snippet) in squeezed, snippet
    _no_english(text)


def test_an_english_letter_stays_english_for_a_spanish_reader_who_asks_for_it() -> None:
    text = all_text(render_letter(letter(LetterKind.AUTHORIZATION)))
    assert "Authorization to disclose health information" in text
    assert "Autorización" not in text and "Página" not in text


# ------------------------------------------------------------------ the packet


def test_the_spanish_packet_prints_no_english() -> None:
    pdf = render_packet(spanish_packet())  # type: ignore[arg-type]
    text = all_text(pdf)
    squeezed = flat(text)
    for snippet in (
        "PAQUETE PARA LA VISITA · SEGUNDA OPINIÓN",
        "Fecha de nacimiento: 12 de abril de 1968",
        "jueves, 3 de diciembre de 2026, 9:30 a. m. CST",
        "60 minutos",
        "Telemedicina",
        "Enlace de video",
        "Seguro, remisión y autorización previa",
        "Necesaria, todavía no obtenida",
        "Necesaria, ya obtenida · número REF-2026-1187",
        "Equipo de atención",
        "Esta visita",
        "Médico de la primera opinión",
        "Expediente enviado a este médico",
        "Atrasado",
        "Pedido: 22 oct. 2026",
        "Datos para la consulta de patología",
        "Preguntas para esta visita",
        "Máxima prioridad",
        "La segunda opinión en sí",
        "Resumen de salud",
        "Opiniones anteriores",
        "21 de octubre de 2026",
        "Notas",
        "Preparado el 26 de noviembre de 2026",
        "Información médica confidencial",
    ):
        assert flat(snippet) in squeezed, snippet
    pages = pages_text(pdf)
    assert all(f"de {len(pages)}" in page for page in pages)
    _no_english(text)


def test_the_spanish_health_summary_section() -> None:
    from second_opinion.services import health_summary as hs

    summary = hs.HealthSummary(
        conditions=[], medications=[], allergies=[], procedures=[], results=[]
    )
    text = all_text(render_packet(spanish_packet(health_summary=summary)))  # type: ignore[arg-type]
    for snippet in ("Problemas de salud", "Medicamentos", "Alergias", "Procedimientos"):
        assert flat(snippet) in flat(text)
    _no_english(text)


def _document(number: int) -> EnclosedDocument:
    return EnclosedDocument(
        id=number,
        title=f"Informe {number}",
        dated_on=dt.date(2026, 10, number),
        source_name="Laboratorio Riverbend",
        media_type="application/pdf",
        pages=2,
        viewable=True,
        problem="",
        load=lambda: pdf_bytes(2, marker="contenido"),
    )


def test_the_spanish_packet_with_documents_and_the_bundle() -> None:
    pdf = render_packet_with_documents(spanish_packet(), [_document(1)])  # type: ignore[arg-type]
    text = all_text(pdf)
    for snippet in ("Índice", "Documentos", "Documento adjunto", "Siguen 2 páginas"):
        assert flat(snippet) in flat(text), snippet
    assert flat("De: Laboratorio Riverbend") in flat(text)
    _no_english(text.replace("contenido page", "contenido"))

    bundle = BundleData(
        paper=DOCTOR and packet().paper,
        person_name="Maria Example",
        date_of_birth=dt.date(1968, 4, 12),
        sender=ContactBlock(name="Maria Example", address="8 Elm Street"),
        recipient=DOCTOR,
        holder=ContactBlock(name="Laboratorio Riverbend"),
        request_id=4,
        reference_number="R-77",
        today=dt.date(2026, 12, 1),
        documents=(_document(1), _document(2)),
        language="es",
    )
    text = all_text(render_bundle(bundle))
    for snippet in (
        "1 de diciembre de 2026",
        "Expediente médico de Maria Example, fecha de nacimiento: 12 de abril de 1968",
        "Estimado(a) Dr. Ana Rao:",
        "2 documentos (unas 4 páginas)",
        "Documentos adjuntos",
        "página 3",
    ):
        assert flat(snippet) in flat(text), snippet
    _no_english(text.replace("contenido page", "contenido"))


def test_the_english_phrase_list_is_not_empty() -> None:
    # the check above would pass trivially if the catalogue were read wrongly
    phrases = _english_phrases()
    assert "Confidential health information" in phrases
    assert "I may refuse to sign this authorization" in phrases
    assert len(phrases) > 150
