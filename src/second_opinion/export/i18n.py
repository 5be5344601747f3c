"""The printed documents' words in English and Spanish, chosen per export.

Every fixed word a renderer prints goes through ``Words.t``: the English text is the key, and
the Spanish catalogue below gives its translation (``{name}`` slots are filled in after). The
names of the app's values (record kinds, states, methods ...) come from ``services/labels.py``
in English and are translated here too, so a Spanish packet prints no English label. What the
person typed is never translated.

The language is a document's own (``PacketData.language``, ``LetterData.language``,
``BundleData.language``), not the app's: the person may read Spanish while the records office
wants English. See docs/translation-printed.md for the glossary.
"""

from __future__ import annotations

import datetime as dt

from second_opinion.services import printed_words
from second_opinion.services.printed_words import ENGLISH, LANGUAGES, SPANISH, language_of

__all__ = ["ENGLISH", "LANGUAGES", "SPANISH", "SPANISH_TEXT", "Words", "language_of"]

#: English -> Spanish for every fixed text of the printed documents.
SPANISH_TEXT: dict[str, str] = {
    # ---- every page (export/base.py, export/enclosures.py footers)
    "Confidential health information": "Información médica confidencial",
    "Page {page} of {total}": "Página {page} de {total}",
    "Document": "Documento",
    # ---- letters and the authorization form (export/letters.py)
    "Request for copies of health records": "Solicitud de copias del expediente médico",
    "Authorization to disclose health information": (
        "Autorización para divulgar información médica"
    ),
    "Letter to my doctor about a second opinion": "Carta a mi médico sobre una segunda opinión",
    "I may revoke this authorization at any time by writing to the provider named in "
    "section 2. Revoking it does not undo a disclosure the provider has already made in "
    "reliance on this authorization. The provider's notice of privacy practices also "
    "explains how to revoke.": (
        "Puedo revocar (anular) esta autorización en cualquier momento, por escrito, ante el "
        "proveedor de la sección 2. Revocarla no deshace lo que el proveedor ya haya divulgado "
        "con base en ella. Su aviso de prácticas de privacidad también explica cómo revocarla."
    ),
    "The provider named in section 2 may not condition my treatment, payment, enrollment in a "
    "health plan or eligibility for benefits on whether I sign this authorization.": (
        "El proveedor nombrado en la sección 2 no puede condicionar mi tratamiento, el pago, "
        "mi inscripción en un plan de salud ni mi derecho a recibir beneficios a que yo firme "
        "o no esta autorización."
    ),
    "Information disclosed under this authorization may be disclosed again by the recipient "
    "and may then no longer be protected by the federal privacy rules.": (
        "Quien reciba la información divulgada con esta autorización puede volver a "
        "divulgarla, y entonces es posible que ya no esté protegida por las normas federales "
        "de privacidad."
    ),
    "I may refuse to sign this authorization.": "Puedo negarme a firmar esta autorización.",
    "I am entitled to a copy of this signed authorization.": (
        "Tengo derecho a recibir una copia de esta autorización firmada."
    ),
    "This authorization does not cover psychotherapy notes.": (
        "Esta autorización no incluye las notas de psicoterapia."
    ),
    "A second medical opinion, at my request.": "Una segunda opinión médica, a petición mía.",
    "The HIPAA Privacy Rule (45 CFR 164.524) asks you to act on this request no later than "
    "30 calendar days after you receive it. If you cannot, you may extend that time once, by "
    "no more than 30 more days, and only by telling me in writing within the first 30 days "
    "why, and the date by which you will act.": (
        "La Regla de Privacidad de HIPAA (45 CFR 164.524) les pide responder a esta solicitud "
        "a más tardar 30 días calendario después de recibirla. Si no pueden, pueden extender "
        "ese plazo una sola vez, por no más de 30 días adicionales, y solo si me informan por "
        "escrito, dentro de los primeros 30 días, el motivo y la fecha en que responderán."
    ),
    "If there is a fee, please tell me before you send the copies; for copies given to me, the "
    "rule allows only a reasonable, cost-based fee.": (
        "Si hay algún cobro, por favor avísenme antes de enviar las copias; por las copias que "
        "se me entregan a mí, la regla solo permite un cobro razonable y basado en el costo."
    ),
    "If there is a fee, please tell me before you send the copies.": (
        "Si hay algún cobro, por favor avísenme antes de enviar las copias."
    ),
    "Please let me know when you expect to send the copies, and whether there is a fee, before "
    "you send them.": (
        "Por favor, antes de enviar las copias, avísenme cuándo piensan enviarlas y si tienen "
        "algún cobro."
    ),
    "The second doctor's pathologist would also like to review the pathology material listed "
    "below. I understand that slides and blocks are usually released at a doctor's request, "
    "often as a loan. Please tell me what you need from the second doctor's office, whether "
    "recuts can be sent instead of originals, and by what date the material must be "
    "returned.": (
        "El patólogo del segundo médico también quisiera revisar el material de patología que "
        "se indica abajo. Entiendo que las laminillas y los bloques normalmente se entregan a "
        "petición de un médico, muchas veces como préstamo. Por favor, díganme qué necesitan "
        "del consultorio del segundo médico, si pueden enviar cortes nuevos en lugar de los "
        "originales y para qué fecha hay que devolver el material."
    ),
    "Providers may share records with one another for treatment without a signed "
    "authorization. If your office nevertheless needs one, please let me know and I will "
    "sign it promptly.": (
        "Los proveedores pueden compartir el expediente médico entre sí para el tratamiento sin "
        "una autorización firmada. Si aun así su consultorio necesita una, por favor avíseme y "
        "la firmaré de inmediato."
    ),
    "Phone": "Teléfono",
    "Fax": "Fax",
    "{label}: {value}": "{label}: {value}",
    "E-mail: {email}": "Correo electrónico: {email}",
    "Date of birth: {date}": "Fecha de nacimiento: {date}",
    "Address: {blank}": "Dirección: {blank}",
    "Phone: {phone}": "Teléfono: {phone}",
    "Date: {date}": "Fecha: {date}",
    "The records (please describe them and their dates):": (
        "Los documentos del expediente (por favor, descríbalos e indique sus fechas):"
    ),
    "Record": "Documento",
    "Description": "Descripción",
    "Date of service": "Fecha de atención",
    "Sincerely,": "Atentamente,",
    "With thanks,": "Con agradecimiento,",
    "Signature": "Firma",
    "Date": "Fecha",
    "Request for copies of my health records: {name}": (
        "Solicitud de copias de mi expediente médico: {name}"
    ),
    ", born {date}": ", fecha de nacimiento: {date}",
    "Your reference: {reference}": "Su número de referencia: {reference}",
    "To the records department,": "Al departamento de expedientes médicos:",
    "I am getting a second medical opinion, and I ask you to send copies of the records listed "
    "below to the doctor named further down.": (
        "Estoy pidiendo una segunda opinión médica, y les pido que envíen copias de los "
        "documentos de mi expediente que se indican abajo al médico que se nombra más adelante."
    ),
    "Under my right of access to my own health information, I ask you to send electronic "
    "copies of the records listed below directly to the doctor named further down.": (
        "En uso de mi derecho de acceso a mi propia información médica, les pido que envíen "
        "copias electrónicas de los documentos de mi expediente que se indican abajo "
        "directamente al médico que se nombra más adelante."
    ),
    "Under my right of access to my own health information, I ask for copies of the records "
    "listed below.": (
        "En uso de mi derecho de acceso a mi propia información médica, les pido copias de los "
        "documentos de mi expediente que se indican abajo."
    ),
    "Where a record includes images, please send the images themselves (for example on a "
    "disc or by secure link) as well as the written report.": (
        "Cuando un documento incluya imágenes, por favor envíen las imágenes mismas (por "
        "ejemplo, en un disco o con un enlace seguro), además del informe escrito."
    ),
    "Please send the copies to me, at the address above, {method}.": (
        "Por favor, envíenme las copias a la dirección de arriba, {method}."
    ),
    "Please send them to this doctor, {method}:": "Por favor, envíenlas a este médico, {method}:",
    "If your office needs its own form, please send it to me and I will complete it straight "
    "away. Thank you for your help.": (
        "Si su oficina necesita su propio formulario, por favor envíenmelo y lo llenaré de "
        "inmediato. Gracias por su ayuda."
    ),
    "About my care: a second opinion — {name}": "Sobre mi atención: una segunda opinión — {name}",
    "Dear {name},": "Estimado(a) {name}:",
    "Doctor": "Médico",
    "Dear Doctor,": "Estimado(a) doctor(a):",
    "I am writing to let you know that I am getting a second opinion about my diagnosis and "
    "treatment options. I want to be confident in the decisions ahead, and I value your care "
    "and would like you to stay involved.": (
        "Le escribo para informarle que voy a pedir una segunda opinión sobre mi diagnóstico y "
        "mis opciones de tratamiento. Quiero tomar con confianza las decisiones que vienen; "
        "valoro su atención y me gustaría que usted siga participando en mi cuidado."
    ),
    "Could you please send me copies of these records:": (
        "Le pido, por favor, que me envíe copias de estos documentos de mi expediente:"
    ),
    "The second opinion is with {who}. Could you please send these records to them, {method}:": (
        "La segunda opinión será con {who}. Le pido, por favor, que le envíe estos documentos "
        "de mi expediente, {method}:"
    ),
    "Thank you for your care and your help.": "Gracias por su atención y por su ayuda.",
    "AUTHORIZATION · HIPAA PRIVACY RULE, 45 CFR 164.508": (
        "AUTORIZACIÓN · REGLA DE PRIVACIDAD DE HIPAA, 45 CFR 164.508"
    ),
    "Please complete every section. Blanks are to be filled in by hand before signing.": (
        "Por favor, llene todas las secciones. Los espacios en blanco se llenan a mano antes de "
        "firmar."
    ),
    "1. Patient": "1. Paciente",
    "Name": "Nombre",
    "Date of birth": "Fecha de nacimiento",
    "Medical record number (if known)": "Número de expediente (si lo sabe)",
    # Short enough for half the width of the form: a heading on two lines pushes the
    # signature block onto a second sheet.
    "2. Who may disclose the information": "2. Quién puede divulgar los datos",
    "3. Who may receive the information": "3. Quién puede recibir los datos",
    "4. What information may be disclosed": "4. Qué información se puede divulgar",
    "5. Purpose and expiry": "5. Propósito y vencimiento",
    "Purpose": "Propósito",
    "This authorization expires": "Esta autorización vence",
    "on {date}": "el {date}",
    "when this happens: {event}": "cuando ocurra lo siguiente: {event}",
    "on this date: {blank}<br/>or when this happens: {blank}": (
        "en esta fecha: {blank}<br/>o cuando ocurra lo siguiente: {blank}"
    ),
    "<br/>or ": "<br/>o ",
    ", whichever comes first": ", lo que ocurra primero",
    "6. I understand that": "6. Entiendo que",
    "7. Signature": "7. Firma",
    "Signature of the patient or personal representative": (
        "Firma del paciente o de su representante personal"
    ),
    "Printed name of the personal representative (if any)": (
        "Nombre en letra de molde del representante personal (si lo hay)"
    ),
    "Their authority to act for the patient (parent, guardian, power of attorney)": (
        "Su autoridad para actuar en nombre del paciente (padre o madre, tutor, poder legal)"
    ),
    # ---- the visit packet (export/packet.py, services/packet_data.py)
    "Visit packet": "Paquete para la visita",
    "Visit packet · {doctor} · {date}": "Paquete para la visita · {doctor} · {date}",
    "The visit": "La visita",
    "Insurance, referral and prior authorization": "Seguro, remisión y autorización previa",
    "Care team": "Equipo de atención",
    "Records sent to this doctor": "Expediente enviado a este médico",
    "Questions for this visit": "Preguntas para esta visita",
    "Health summary": "Resumen de salud",
    "Earlier opinions": "Opiniones anteriores",
    "Notes": "Notas",
    "Date of birth: ______________": "Fecha de nacimiento: ______________",
    "{born} · Visit with {doctor}, {when}": "{born} · Visita con {doctor}, {when}",
    "Date and time": "Fecha y hora",
    "Length": "Duración",
    "{minutes} minutes": "{minutes} minutos",
    "How": "Modalidad",
    "Video link": "Enlace de video",
    "Not recorded yet": "Todavía no se ha anotado",
    "Place": "Lugar",
    "Office phone": "Teléfono del consultorio",
    "Coming along": "Acompañante",
    "Status": "Estado",
    "VISIT PACKET · SECOND OPINION": "PAQUETE PARA LA VISITA · SEGUNDA OPINIÓN",
    "The condition under review": "El problema de salud que se revisa",
    "Not written down yet.": "Todavía no se ha anotado.",
    "In this packet": "En este paquete",
    "Prepared on {date} by the patient or their caregiver. It contains confidential health "
    "information: please keep it with the patient's records.": (
        "Preparado el {date} por el paciente o por la persona que lo cuida. Contiene "
        "información médica confidencial: por favor, guárdelo con el expediente del paciente."
    ),
    "Insurer": "Aseguradora",
    "Plan": "Plan",
    "Member ID": "Número de miembro",
    "Group number": "Número de grupo",
    "Insurer phone": "Teléfono de la aseguradora",
    "Second opinion covered": "Cubre la segunda opinión",
    "Referral needed": "Necesita remisión",
    "Prior authorization needed": "Necesita autorización previa",
    "No insurance details recorded.": "No hay datos del seguro anotados.",
    "Notes on the plan": "Notas sobre el plan",
    "For this visit": "Para esta visita",
    "{state} · number {number}": "{state} · número {number}",
    "Referral": "Remisión",
    "Prior authorization": "Autorización previa",
    "Expected cost to me": "Lo que espero pagar",
    "Calls to the insurer": "Llamadas a la aseguradora",
    "Spoke with": "Habló con",
    "Reference": "Referencia",
    "What they said": "Lo que le dijeron",
    "Needed, obtained": "Necesaria, ya obtenida",
    "Needed, not obtained yet": "Necesaria, todavía no obtenida",
    "Needed (your plan requires it), not obtained yet": (
        "Necesaria (su plan la exige), todavía no obtenida"
    ),
    "Obtained": "Obtenida",
    "Not needed": "No se necesita",
    "No doctors recorded yet.": "Todavía no hay médicos anotados.",
    "Role": "Función",
    "This visit": "Esta visita",
    "Records requested for {doctor}, with where each one stands.": (
        "Documentos pedidos para {doctor}, y en qué punto está cada uno."
    ),
    "Overdue": "Atrasado",
    "Service": "Atención",
    "Due": "Vence",
    "Sent": "Enviado",
    "Received": "Recibido",
    "From": "De",
    "Dates": "Fechas",
    "No records have been requested for {doctor} yet.": (
        "Todavía no se ha pedido ningún documento para {doctor}."
    ),
    "Still missing": "Lo que todavía falta",
    "Held by": "Lo tiene",
    "Why it is missing": "Por qué falta",
    "No records are listed yet.": "Todavía no hay documentos en la lista.",
    "Nothing: every record this doctor is expected to need has been sent to or received by them.": (
        "Nada: todos los documentos que este médico necesitaría se le enviaron o ya los recibió."
    ),
    "May not be independent: {reasons}": "Puede que no sea independiente: {reasons}",
    "Independence": "Independencia",
    "Records (items not listed)": "Expediente (sin detallar)",
    "Pathology consult details": "Datos para la consulta de patología",
    "No questions written down yet. Use the lines below.": (
        "Todavía no hay preguntas anotadas. Use las líneas de abajo."
    ),
    "In the order you put them in the app; top-priority questions are marked. Write the "
    "doctor's answer on the lines under each question.": (
        "En el orden en que las puso en la aplicación; las preguntas más importantes están "
        "marcadas. Escriba la respuesta del médico en las líneas debajo de cada pregunta."
    ),
    "Top priority": "Máxima prioridad",
    "Answer noted earlier: {answer}": "Respuesta anotada antes: {answer}",
    "Medications": "Medicamentos",
    "Allergies": "Alergias",
    "None recorded. Write them here:": "No hay nada anotado. Escríbalos aquí:",
    "No earlier opinions recorded.": "No hay opiniones anteriores anotadas.",
    "Stage": "Etapa",
    "Recommended treatment": "Tratamiento recomendado",
    "Alternatives": "Alternativas",
    "Benefits": "Beneficios",
    "Risks": "Riesgos",
    "Urgency": "Urgencia",
    "Confidence": "Grado de certeza",
    "No details recorded.": "No hay detalles anotados.",
    # ---- the health summary (export/summary_page.py)
    "{name}{born} · as of {date}": "{name}{born} · al {date}",
    " · born {date}": " · fecha de nacimiento: {date}",
    "Conditions": "Problemas de salud",
    "Condition": "Problema de salud",
    "Since": "Desde",
    "Medication": "Medicamento",
    "Dose": "Dosis",
    "How often": "Frecuencia",
    "Substance": "Sustancia",
    "Reaction": "Reacción",
    "Severity": "Gravedad",
    "Procedures": "Procedimientos",
    "Procedure": "Procedimiento",
    "Results": "Resultados",
    "Test": "Prueba",
    "Value": "Valor",
    "Flag": "Indicador",
    "None recorded.": "No hay nada anotado.",
    "… and {count} more (see the full list in the app).": (
        "… y {count} más (vea la lista completa en la aplicación)."
    ),
    # ---- documents after the packet, and the records bundle (export/enclosures.py)
    "Enclosed document": "Documento adjunto",
    "Date: not recorded": "Fecha: no anotada",
    "From: {source}": "De: {source}",
    "From: not recorded": "De: no anotado",
    "1 page follows": "Sigue 1 página",
    "{count} pages follow": "Siguen {count} páginas",
    "This document could not be included: {problem}": (
        "No se pudo incluir este documento: {problem}"
    ),
    "This document could not be included: it could not be read.": (
        "No se pudo incluir este documento: no se pudo leer."
    ),
    "Documents": "Documentos",
    "Contents": "Índice",
    "Visit packet for the visit with {doctor} on {date}": (
        "Paquete para la visita con {doctor} del {date}"
    ),
    "Records bundle": "Envío del expediente médico",
    "Cover letter": "Carta de presentación",
    "Health records of {name}{born}": "Expediente médico de {name}{born}",
    "Reference: {reference}": "Referencia: {reference}",
    "1 document": "1 documento",
    "{count} documents": "{count} documentos",
    " (about {pages} pages)": " (unas {pages} páginas)",
    "Enclosed are copies of my health records for my second-opinion visit with you: "
    "{documents}, listed on the next page. Please let me know if anything you need is "
    "missing.": (
        "Le adjunto copias de mi expediente médico para mi visita de segunda opinión con usted: "
        "{documents}, que se indican en la página siguiente. Por favor, avíseme si falta algo "
        "que necesite."
    ),
    "Thank you.": "Gracias.",
    "Enclosed documents": "Documentos adjuntos",
    "page {page}": "página {page}",
    "No documents are linked to this request yet.": (
        "Todavía no hay documentos vinculados a esta solicitud."
    ),
    # ---- names of the app's values (services/labels.py), as printed
    "First-opinion doctor": "Médico de la primera opinión",
    "Second-opinion candidate": "Posible médico para la segunda opinión",
    "Second-opinion doctor": "Médico de la segunda opinión",
    "Primary care": "Atención primaria",
    "Other specialist": "Otro especialista",
    "Records department": "Departamento de expedientes médicos",
    "Support person": "Persona de apoyo",
    "The patient": "El paciente",
    "Other": "Otro",
    "Person": "Persona",
    "Organization": "Organización",
    "Not known yet": "Todavía no se sabe",
    "Yes": "Sí",
    "No": "No",
    "Lab results": "Resultados de laboratorio",
    "Imaging report": "Informe de estudios de imagen",
    "Imaging files (disc or link)": "Imágenes (disco o enlace)",
    "Pathology report": "Informe de patología",
    "Pathology slides or blocks": "Laminillas o bloques de patología",
    "Visit notes": "Notas de consulta",
    "Operative report": "Informe de la cirugía",
    "Discharge summary": "Resumen de alta",
    "Medication list": "Lista de medicamentos",
    "Patient portal": "Portal del paciente",
    "Mail": "Correo postal",
    "Disc": "Disco",
    "Courier": "Servicio de mensajería",
    "In person": "En persona",
    "E-mail": "Correo electrónico",
    "To request": "Por pedir",
    "Requested": "Pedido",
    "Extended": "Plazo extendido",
    "Waiting on me": "Esperando algo de mí",
    "Partly received": "Recibido en parte",
    "Refused / problem": "Rechazado / con problema",
    "Telemedicine": "Telemedicina",
    "Planned": "Planeada",
    "Done": "Realizada",
    "Canceled": "Cancelada",
    "Diagnosis": "Diagnóstico",
    "Treatment options": "Opciones de tratamiento",
    "Risks and side effects": "Riesgos y efectos secundarios",
    "Prognosis": "Pronóstico",
    "Costs and insurance": "Costos y seguro",
    "Logistics": "Aspectos prácticos",
    "The second opinion itself": "La segunda opinión en sí",
    "Top": "Máxima",
    "Normal": "Normal",
    "Low": "Baja",
}


class Words:
    """The words of one document: ``t`` translates, the date helpers write its dates."""

    def __init__(self, language: str | None = ENGLISH) -> None:
        self.language = language_of(language)

    @property
    def spanish(self) -> bool:
        return self.language == SPANISH

    def t(self, text: str, **values: object) -> str:
        """``text`` (the English wording, the catalogue's key) in this document's language,
        its ``{slots}`` filled in; English when the catalogue has no entry."""
        if self.spanish:
            text = SPANISH_TEXT.get(text, text)
        return text.format(**values) if values else text

    def plural(self, count: int, one: str, many: str, **values: object) -> str:
        """``one`` or ``many`` (English keys with a ``{count}`` slot) for ``count``."""
        return self.t(one if count == 1 else many, count=count, **values)

    def short_date(self, value: dt.date | None) -> str:
        return printed_words.short_date(value, self.language)

    def long_date(self, value: dt.date | None) -> str:
        return printed_words.long_date(value, self.language)
