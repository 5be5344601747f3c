"""Questions worth asking at a second-opinion visit, to start a list from.

Most fit any condition (``ConditionGroup.GENERAL``); a few belong to one group of conditions
(cancer, heart, spine, neurological) and are offered when the person chooses that group. The
groups only pick which questions to show: they are not stored and claim nothing medical.

Each has a stable ``key``: the key is stored with the added question, so adding the same
starter (or a whole category) twice adds nothing the second time, even after the user has
reworded it. Keys must never change once released; texts may.

A question is stored as text when it is added, so it is added in the person's language
(``language="es"`` adds the Spanish wording, ``SPANISH`` below); a question already in the list
stays as it was written. ``StarterQuestion.text_in`` gives the wording to show in a list.
"""

from __future__ import annotations

import enum
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


class ConditionGroup(enum.StrEnum):
    GENERAL = "general"
    CANCER = "cancer"
    HEART = "heart"
    SPINE = "spine"
    NEUROLOGICAL = "neurological"


#: how the groups are named in the starter dialog (translated there)
CONDITION_GROUP_LABELS = {
    ConditionGroup.GENERAL: "Any condition (general questions only)",
    ConditionGroup.CANCER: "Cancer",
    ConditionGroup.HEART: "Heart and blood vessels",
    ConditionGroup.SPINE: "Back and spine",
    ConditionGroup.NEUROLOGICAL: "Brain and nerves (neurological)",
}

G = ConditionGroup


@dataclass(frozen=True)
class StarterQuestion:
    key: str
    category: QuestionCategory
    text: str
    priority: Priority = Priority.NORMAL
    group: ConditionGroup = ConditionGroup.GENERAL

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
        G.CANCER,
    ),
    StarterQuestion(
        "dx.severity",
        C.DIAGNOSIS,
        "How serious is my condition, and how sure can we be of that?",
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
        G.CANCER,
    ),
    StarterQuestion(
        "prog.change",
        C.PROGNOSIS,
        "How is my condition likely to change over time, and which signs would tell us?",
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
    StarterQuestion(
        "so.next_weeks",
        C.SECOND_OPINION,
        "Does your advice change anything I should do in the next few weeks?",
        NORMAL,
    ),
    # --- cancer
    StarterQuestion(
        "cancer.markers",
        C.DIAGNOSIS,
        "Were the tumor's markers or receptors tested, and do the results change the treatment?",
        NORMAL,
        G.CANCER,
    ),
    StarterQuestion(
        "cancer.tumor_board",
        C.TREATMENT,
        "Has my case been discussed at a tumor board, where several specialists review it "
        "together?",
        NORMAL,
        G.CANCER,
    ),
    StarterQuestion(
        "cancer.order",
        C.TREATMENT,
        "In what order would surgery, radiation and drug treatment come, and why in that order?",
        NORMAL,
        G.CANCER,
    ),
    # --- heart
    StarterQuestion(
        "heart.tests",
        C.DIAGNOSIS,
        "Which heart tests is the diagnosis based on (such as an echocardiogram, stress test "
        "or angiogram), and would another test help?",
        TOP,
        G.HEART,
    ),
    StarterQuestion(
        "heart.procedure",
        C.TREATMENT,
        "Would medicines alone be enough, or do you advise a procedure, such as a stent, "
        "surgery or a device? Why?",
        TOP,
        G.HEART,
    ),
    StarterQuestion(
        "heart.activity",
        C.RISKS,
        "How much activity and exercise is safe for me now? Would cardiac rehabilitation help?",
        NORMAL,
        G.HEART,
    ),
    StarterQuestion(
        "heart.emergency",
        C.RISKS,
        "Which symptoms, such as chest pain or shortness of breath, mean I should call 911?",
        TOP,
        G.HEART,
    ),
    # --- back and spine
    StarterQuestion(
        "spine.findings",
        C.DIAGNOSIS,
        "Do the findings on my scans explain my symptoms, or could the pain come from "
        "somewhere else?",
        TOP,
        G.SPINE,
    ),
    StarterQuestion(
        "spine.before_surgery",
        C.TREATMENT,
        "What could physical therapy, medicines or injections do before surgery is considered?",
        TOP,
        G.SPINE,
    ),
    StarterQuestion(
        "spine.relief",
        C.PROGNOSIS,
        "If I have surgery, how likely is it to relieve my pain, and for how long?",
        NORMAL,
        G.SPINE,
    ),
    StarterQuestion(
        "spine.urgent",
        C.RISKS,
        "Which signs, such as new weakness, numbness or trouble controlling bladder or bowel, "
        "need urgent care?",
        TOP,
        G.SPINE,
    ),
    # --- brain and nerves
    StarterQuestion(
        "neuro.tests",
        C.DIAGNOSIS,
        "Which exams and tests (such as an MRI, an EEG or a nerve study) support the diagnosis?",
        TOP,
        G.NEUROLOGICAL,
    ),
    StarterQuestion(
        "neuro.other_causes",
        C.DIAGNOSIS,
        "Could another condition, or one of my medicines, be causing these symptoms?",
        TOP,
        G.NEUROLOGICAL,
    ),
    StarterQuestion(
        "neuro.course",
        C.PROGNOSIS,
        "How is the condition likely to progress, and what could slow it down?",
        NORMAL,
        G.NEUROLOGICAL,
    ),
    StarterQuestion(
        "neuro.therapies",
        C.LOGISTICS,
        "Which therapies (physical, occupational or speech) and support services should I "
        "look into?",
        NORMAL,
        G.NEUROLOGICAL,
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
    "dx.severity": "¿Qué tan grave es mi enfermedad, y qué tan seguros podemos estar de eso?",
    "prog.change": (
        "¿Cómo es probable que cambie mi enfermedad con el tiempo, y qué señales nos lo indicarían?"
    ),
    "so.next_weeks": "¿Su consejo cambia algo de lo que debo hacer en las próximas semanas?",
    "cancer.markers": (
        "¿Se analizaron los marcadores o receptores del tumor, y cambian los resultados el "
        "tratamiento?"
    ),
    "cancer.tumor_board": (
        "¿Se habló de mi caso en un comité de tumores, donde varios especialistas lo revisan "
        "juntos?"
    ),
    "cancer.order": (
        "¿En qué orden vendrían la cirugía, la radiación y los medicamentos, y por qué en ese "
        "orden?"
    ),
    "heart.tests": (
        "¿En qué pruebas del corazón se basa el diagnóstico (por ejemplo, un ecocardiograma, "
        "una prueba de esfuerzo o un angiograma), y ayudaría otra prueba?"
    ),
    "heart.procedure": (
        "¿Bastarían los medicamentos, o me aconseja un procedimiento, como un stent, una "
        "cirugía o un dispositivo? ¿Por qué?"
    ),
    "heart.activity": (
        "¿Cuánta actividad y ejercicio son seguros para mí ahora? ¿Me ayudaría la "
        "rehabilitación cardíaca?"
    ),
    "heart.emergency": (
        "¿Qué síntomas, como dolor de pecho o falta de aire, significan que debo llamar al 911?"
    ),
    "spine.findings": (
        "¿Los hallazgos de mis estudios de imagen explican mis síntomas, o el dolor podría "
        "venir de otra parte?"
    ),
    "spine.before_surgery": (
        "¿Qué podrían lograr la fisioterapia, los medicamentos o las inyecciones antes de "
        "pensar en una cirugía?"
    ),
    "spine.relief": (
        "Si me opero, ¿qué tan probable es que se me quite el dolor, y por cuánto tiempo?"
    ),
    "spine.urgent": (
        "¿Qué señales, como debilidad o adormecimiento nuevos o problemas para controlar la "
        "vejiga o el intestino, necesitan atención urgente?"
    ),
    "neuro.tests": (
        "¿Qué exámenes y pruebas (por ejemplo, una resonancia magnética, un "
        "electroencefalograma o un estudio de los nervios) respaldan el diagnóstico?"
    ),
    "neuro.other_causes": (
        "¿Podría otra enfermedad, o alguno de mis medicamentos, estar causando estos síntomas?"
    ),
    "neuro.course": ("¿Cómo es probable que avance la enfermedad, y qué podría hacerla más lenta?"),
    "neuro.therapies": (
        "¿Qué terapias (física, ocupacional o del habla) y servicios de apoyo debería buscar?"
    ),
}


def starters(
    category: QuestionCategory | None = None, condition: ConditionGroup | None = None
) -> list[StarterQuestion]:
    """The general starters (of ``category``, if given), plus those of ``condition``."""
    groups = {ConditionGroup.GENERAL, condition or ConditionGroup.GENERAL}
    return [s for s in all_starters(category) if s.group in groups]


def all_starters(category: QuestionCategory | None = None) -> list[StarterQuestion]:
    """Every starter of every condition group."""
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
    session: Session,
    person_id: int,
    category: QuestionCategory,
    condition: ConditionGroup | None = None,
    language: str | None = "en",
) -> list[QuestionRow]:
    """Add every general starter of a category the person does not have yet, and those of
    ``condition``, worded in ``language``; the new rows."""
    keys = [s.key for s in starters(category, condition)]
    return add_starters(session, person_id, keys, language)
