"""Questions worth asking at a second-opinion visit, to start a list from.

Each has a stable ``key``: the key is stored with the added question, so adding the same
starter (or a whole category) twice adds nothing the second time, even after the user has
reworded it. Keys must never change once released; texts may.

A question is stored as text when it is added, so it is added in the person's language
(``language="es"`` adds the Spanish wording, ``SPANISH`` below); a question already in the list
stays as it was written. ``StarterQuestion.text_in`` gives the wording to show in a list.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from second_opinion.domain.enums import Priority, QuestionCategory
from second_opinion.domain.models import Question
from second_opinion.services.errors import NotFound
from second_opinion.services.printed_words import language_of
from second_opinion.services.questions import QuestionData, QuestionRow, create_question

log = logging.getLogger(__name__)

C = QuestionCategory
TOP = Priority.TOP
NORMAL = Priority.NORMAL
LOW = Priority.LOW


@dataclass(frozen=True)
class StarterQuestion:
    key: str
    category: QuestionCategory
    text: str
    priority: Priority = Priority.NORMAL

    def text_in(self, language: str | None = "en") -> str:
        """The question in ``language`` (a language or locale code); English if untranslated."""
        if language_of(language) == SPANISH_CODE:
            return SPANISH.get(self.key, self.text)
        return self.text


STARTERS: tuple[StarterQuestion, ...] = (
    # --- diagnosis
    StarterQuestion(
        "dx.same",
        C.DIAGNOSIS,
        "Do you agree with the diagnosis I was given? If not, what do you think it is?",
        TOP,
    ),
    StarterQuestion(
        "dx.evidence", C.DIAGNOSIS, "Which test results or findings is your view based on?", TOP
    ),
    StarterQuestion(
        "dx.stage",
        C.DIAGNOSIS,
        "How advanced is it (stage, grade or type), and how sure can we be of that?",
        NORMAL,
    ),
    StarterQuestion(
        "dx.more_tests",
        C.DIAGNOSIS,
        "Are there further tests that would make the diagnosis more certain?",
        NORMAL,
    ),
    StarterQuestion(
        "dx.review_material",
        C.DIAGNOSIS,
        "Did you or your team look at the original scans or slides yourselves, "
        "or only at the reports?",
        NORMAL,
    ),
    StarterQuestion(
        "dx.explain",
        C.DIAGNOSIS,
        "Can you explain the condition in plain words, and where I can read more about it?",
        LOW,
    ),
    # --- treatment options
    StarterQuestion(
        "tx.recommend", C.TREATMENT, "What treatment would you recommend, and why that one?", TOP
    ),
    StarterQuestion(
        "tx.alternatives",
        C.TREATMENT,
        "What are the other options, including waiting and watching?",
        TOP,
    ),
    StarterQuestion(
        "tx.if_nothing",
        C.TREATMENT,
        "What is likely to happen if I choose no treatment for now?",
        NORMAL,
    ),
    StarterQuestion(
        "tx.goal",
        C.TREATMENT,
        "Is the aim of the treatment to cure, to control, or to ease symptoms?",
        NORMAL,
    ),
    StarterQuestion(
        "tx.trials", C.TREATMENT, "Is there a clinical trial I could take part in?", NORMAL
    ),
    StarterQuestion(
        "tx.experience",
        C.TREATMENT,
        "How often does your team treat this condition and perform this treatment?",
        LOW,
    ),
    # --- risks and side effects
    StarterQuestion(
        "risk.common", C.RISKS, "What side effects are common, and which are serious?", TOP
    ),
    StarterQuestion(
        "risk.long_term",
        C.RISKS,
        "Could the treatment have lasting effects, such as on fertility, memory or heart?",
        NORMAL,
    ),
    StarterQuestion(
        "risk.daily_life",
        C.RISKS,
        "How will the treatment affect work, driving, caring for others and daily life?",
        NORMAL,
    ),
    StarterQuestion(
        "risk.interactions",
        C.RISKS,
        "Does it interact with my current medicines, supplements or other conditions?",
        NORMAL,
    ),
    StarterQuestion(
        "risk.warning_signs", C.RISKS, "Which signs mean I should call you straight away?", TOP
    ),
    StarterQuestion(
        "risk.reduce", C.RISKS, "What can I do to lower the risks or manage the side effects?", LOW
    ),
    # --- prognosis
    StarterQuestion(
        "prog.outlook",
        C.PROGNOSIS,
        "What outcome do you expect with the treatment you recommend?",
        TOP,
    ),
    StarterQuestion(
        "prog.compare",
        C.PROGNOSIS,
        "How does the outlook differ between the options we discussed?",
        NORMAL,
    ),
    StarterQuestion(
        "prog.recurrence",
        C.PROGNOSIS,
        "How likely is it to come back, and how would we find out?",
        NORMAL,
    ),
    StarterQuestion(
        "prog.follow_up",
        C.PROGNOSIS,
        "What follow-up visits and tests will I need, and for how long?",
        NORMAL,
    ),
    StarterQuestion(
        "prog.numbers",
        C.PROGNOSIS,
        "Where do the figures you quote come from, and do they apply to someone like me?",
        LOW,
    ),
    # --- costs and insurance
    StarterQuestion(
        "cost.covered",
        C.COSTS,
        "Is this visit, and the treatment you suggest, covered by my insurance?",
        TOP,
    ),
    StarterQuestion(
        "cost.estimate",
        C.COSTS,
        "Can I have a written estimate of what I will have to pay?",
        NORMAL,
    ),
    StarterQuestion(
        "cost.prior_auth",
        C.COSTS,
        "Does any part of the treatment need prior authorization, and who asks for it?",
        NORMAL,
    ),
    StarterQuestion(
        "cost.network",
        C.COSTS,
        "Are the hospital, surgeons and labs involved in my insurer's network?",
        NORMAL,
    ),
    StarterQuestion(
        "cost.help",
        C.COSTS,
        "Is there a financial counselor or assistance program I can talk to?",
        LOW,
    ),
    # --- logistics
    StarterQuestion(
        "log.where",
        C.LOGISTICS,
        "Where would the treatment take place, and could some of it be done closer to home?",
        NORMAL,
    ),
    StarterQuestion(
        "log.when",
        C.LOGISTICS,
        "How soon should treatment start, and is it safe to take time to decide?",
        TOP,
    ),
    StarterQuestion(
        "log.contact",
        C.LOGISTICS,
        "Who is my contact person on your team, and how do I reach them?",
        NORMAL,
    ),
    StarterQuestion(
        "log.time_off",
        C.LOGISTICS,
        "How much time off work or help at home should I plan for?",
        NORMAL,
    ),
    StarterQuestion(
        "log.companion", C.LOGISTICS, "Can someone come with me to appointments and treatment?", LOW
    ),
    # --- the second opinion itself
    StarterQuestion(
        "so.agree",
        C.SECOND_OPINION,
        "Where do you agree and where do you differ from my first doctor's advice?",
        TOP,
    ),
    StarterQuestion(
        "so.records_complete",
        C.SECOND_OPINION,
        "Did you receive all the records you needed, or is something missing?",
        TOP,
    ),
    StarterQuestion(
        "so.written",
        C.SECOND_OPINION,
        "Will you send a written report of your opinion, to me and to my doctor?",
        NORMAL,
    ),
    StarterQuestion(
        "so.talk_first",
        C.SECOND_OPINION,
        "Would you be willing to talk with my first doctor about your view?",
        NORMAL,
    ),
    StarterQuestion(
        "so.third",
        C.SECOND_OPINION,
        "If your views differ, would a third opinion help, and whom would you suggest?",
        NORMAL,
    ),
    StarterQuestion(
        "so.treat_here",
        C.SECOND_OPINION,
        "If I choose to be treated here, what would the next steps be?",
        LOW,
    ),
)

_BY_KEY = {s.key: s for s in STARTERS}

SPANISH_CODE = "es"
#: The starter questions in plain US Spanish (usted), by key.
SPANISH: dict[str, str] = {
    "dx.same": "¿Está de acuerdo con el diagnóstico que me dieron? Si no, ¿qué cree usted que es?",
    "dx.evidence": "¿En qué resultados de pruebas o hallazgos se basa su opinión?",
    "dx.stage": "¿Qué tan avanzado está (etapa, grado o tipo), y qué tan seguros podemos estar?",
    "dx.more_tests": "¿Hay otras pruebas que harían más seguro el diagnóstico?",
    "dx.review_material": (
        "¿Usted o su equipo revisaron las imágenes o las laminillas originales, o solo los "
        "informes?"
    ),
    "dx.explain": (
        "¿Me puede explicar la enfermedad con palabras sencillas, y dónde puedo leer más "
        "sobre ella?"
    ),
    "tx.recommend": "¿Qué tratamiento me recomienda, y por qué ese?",
    "tx.alternatives": "¿Qué otras opciones hay, incluso esperar y vigilar?",
    "tx.if_nothing": "¿Qué es probable que pase si por ahora decido no recibir tratamiento?",
    "tx.goal": "¿El tratamiento busca curar, controlar la enfermedad o aliviar los síntomas?",
    "tx.trials": "¿Hay algún estudio clínico en el que yo podría participar?",
    "tx.experience": (
        "¿Con qué frecuencia trata su equipo esta enfermedad y hace este tratamiento?"
    ),
    "risk.common": "¿Qué efectos secundarios son comunes, y cuáles son graves?",
    "risk.long_term": (
        "¿Podría el tratamiento tener efectos duraderos, por ejemplo en la fertilidad, la "
        "memoria o el corazón?"
    ),
    "risk.daily_life": (
        "¿Cómo afectará el tratamiento mi trabajo, manejar, el cuidado de otras personas y mi "
        "vida diaria?"
    ),
    "risk.interactions": (
        "¿Tiene interacciones con mis medicamentos actuales, mis suplementos u otras "
        "enfermedades que tengo?"
    ),
    "risk.warning_signs": "¿Qué señales indican que debo llamarle de inmediato?",
    "risk.reduce": (
        "¿Qué puedo hacer para bajar los riesgos o sobrellevar los efectos secundarios?"
    ),
    "prog.outlook": "¿Qué resultado espera con el tratamiento que me recomienda?",
    "prog.compare": "¿En qué cambia el pronóstico entre las opciones de las que hablamos?",
    "prog.recurrence": "¿Qué tan probable es que vuelva, y cómo nos daríamos cuenta?",
    "prog.follow_up": "¿Qué citas y pruebas de seguimiento necesitaré, y por cuánto tiempo?",
    "prog.numbers": ("¿De dónde vienen las cifras que me da, y se aplican a alguien como yo?"),
    "cost.covered": "¿Mi seguro cubre esta visita y el tratamiento que me sugiere?",
    "cost.estimate": "¿Me pueden dar por escrito un cálculo de lo que tendré que pagar?",
    "cost.prior_auth": (
        "¿Alguna parte del tratamiento necesita autorización previa, y quién la pide?"
    ),
    "cost.network": (
        "¿El hospital, los cirujanos y los laboratorios que intervienen están dentro de la red "
        "de mi seguro?"
    ),
    "cost.help": ("¿Hay algún consejero financiero o programa de ayuda con quien pueda hablar?"),
    "log.where": (
        "¿Dónde se haría el tratamiento, y se podría hacer una parte más cerca de mi casa?"
    ),
    "log.when": (
        "¿Qué tan pronto debe empezar el tratamiento, y es seguro tomarme tiempo para decidir?"
    ),
    "log.contact": "¿Quién es mi persona de contacto en su equipo, y cómo me comunico con ella?",
    "log.time_off": ("¿Cuánto tiempo fuera del trabajo o cuánta ayuda en casa debo planear?"),
    "log.companion": "¿Puede acompañarme alguien a las citas y al tratamiento?",
    "so.agree": "¿En qué coincide y en qué difiere usted de lo que me aconsejó mi primer médico?",
    "so.records_complete": "¿Recibió todo el expediente que necesitaba, o falta algo?",
    "so.written": "¿Me enviará un informe escrito de su opinión, a mí y a mi médico?",
    "so.talk_first": "¿Estaría dispuesto a hablar con mi primer médico sobre su opinión?",
    "so.third": (
        "Si sus opiniones son distintas, ¿ayudaría una tercera opinión, y a quién me sugiere?"
    ),
    "so.treat_here": "Si decido tratarme aquí, ¿cuáles serían los siguientes pasos?",
}


def starters(category: QuestionCategory | None = None) -> list[StarterQuestion]:
    return [s for s in STARTERS if category is None or s.category == category]


def added_keys(session: Session, person_id: int) -> set[str]:
    """Which starters this person already has (even if they reworded them since)."""
    stmt = select(Question.starter_key).where(
        Question.person_id == person_id, Question.starter_key.is_not(None)
    )
    return {k for k in session.scalars(stmt) if k}


def add_starter(
    session: Session, person_id: int, key: str, language: str | None = "en"
) -> QuestionRow | None:
    """Add one starter question at the end of the list, worded in ``language``; None when the
    person already has it."""
    starter = _BY_KEY.get(key)
    if starter is None:
        raise NotFound("This starter question does not exist.")
    if key in added_keys(session, person_id):
        return None
    return create_question(
        session,
        person_id,
        QuestionData(
            text=starter.text_in(language), category=starter.category, priority=starter.priority
        ),
        starter_key=key,
    )


def add_starters(
    session: Session, person_id: int, keys: list[str], language: str | None = "en"
) -> list[QuestionRow]:
    """Add several starters in the given order, skipping those already there; the new rows."""
    have = added_keys(session, person_id)
    added: list[QuestionRow] = []
    for key in keys:
        if key in have:
            continue
        row = add_starter(session, person_id, key, language)
        if row is not None:
            have.add(key)
            added.append(row)
    log.info("added %d starter questions", len(added))
    return added


def add_category(
    session: Session, person_id: int, category: QuestionCategory, language: str | None = "en"
) -> list[QuestionRow]:
    """Add every starter of a category the person does not have yet; the new rows."""
    return add_starters(session, person_id, [s.key for s in starters(category)], language)
