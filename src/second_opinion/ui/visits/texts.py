"""How a visit reads on screen: its start in the user's locale, countdown, place, readiness.

Every word here is chosen from what the case layer decided (timing, readiness); nothing here
decides anything itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime
from PySide6.QtGui import QIcon

from second_opinion.case.visits import VisitListRow
from second_opinion.domain.enums import VisitMode, VisitStatus
from second_opinion.services import labels
from second_opinion.services.visits import VisitRow, VisitTiming
from second_opinion.ui import palette
from second_opinion.ui.dates import short_date_format
from second_opinion.ui.icons import cell_icon
from second_opinion.ui.visit_form import system_time_zone


def tr(text: str) -> str:
    return QCoreApplication.translate("visits", text)


def format_start(row: VisitRow, with_zone: bool = True, long: bool = False) -> str:
    """The visit's wall-clock start in the user's locale, and its zone when it is not theirs."""
    local = row.local_start
    locale = QLocale()
    day = QDate(local.year, local.month, local.day)
    time = locale.toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
    if long:
        date = locale.toString(day, QLocale.FormatType.LongFormat)
    else:
        date = locale.toString(day, "ddd") + " " + locale.toString(day, short_date_format())
    text = f"{date}, {time}"
    if with_zone and row.time_zone != system_time_zone():
        # In the table the city is enough ("Chicago"); elsewhere the full zone name.
        zone = row.time_zone if long else row.time_zone.rsplit("/", 1)[-1].replace("_", " ")
        text += f" ({zone})"
    return text


def countdown_text(row: VisitRow) -> str:
    if row.timing is VisitTiming.PLANNED_PASSED:
        return tr("Date passed — mark as done?")
    if row.timing is VisitTiming.PAST:
        return QCoreApplication.translate("labels", labels.VISIT_STATUS[row.status])
    days = row.days_until
    if days is None:
        return ""
    if days == 0:
        return tr("Today")
    if days == 1:
        return tr("Tomorrow")
    return tr("In %n days").replace("%n", str(days))


def timing_icon(row: VisitRow) -> QIcon:
    info, warn, quiet = (palette.accent(n) for n in (palette.INFO, palette.WARN, palette.QUIET))
    if row.timing is VisitTiming.NEXT:
        return cell_icon("fa5s.star", color=info)
    if row.timing is VisitTiming.UPCOMING:
        return cell_icon("fa5s.calendar-alt", color=info)
    if row.timing is VisitTiming.PLANNED_PASSED:
        return cell_icon("fa5s.exclamation-triangle", color=warn)
    if row.status is VisitStatus.CANCELLED:
        return cell_icon("fa5s.ban", color=quiet)
    return cell_icon("fa5s.check", color=quiet)


def place_text(row: VisitRow) -> str:
    mode = QCoreApplication.translate("labels", labels.VISIT_MODE[row.mode])
    if row.mode is VisitMode.TELEMEDICINE:
        return mode if row.telemedicine_url else tr("Telemedicine (no link yet)")
    first_line = row.location.strip().splitlines()[0] if row.location.strip() else ""
    return f"{mode}: {first_line}" if first_line else mode


def readiness_text(item: VisitListRow) -> str:
    if item.readiness is None:
        return "—"
    if item.readiness.ready:
        return tr("Ready")
    return (
        tr("%1 of %2 ready")
        .replace("%1", str(item.readiness.done_count))
        .replace("%2", str(item.readiness.total))
    )


def readiness_icon(item: VisitListRow) -> QIcon | None:
    if item.readiness is None:
        return None
    if item.readiness.ready:
        return cell_icon("fa5s.check-circle", color=palette.accent(palette.GOOD))
    return cell_icon("fa5s.times-circle", color=palette.accent(palette.PROBLEM))


def search_text(item: VisitListRow) -> str:
    visit = item.visit
    return " ".join(
        (
            visit.doctor_name,
            visit.location,
            visit.companion_name,
            place_text(visit),
            countdown_text(visit),
        )
    )


def banner_text(row: VisitListRow | None) -> str:
    """The line above the list: the next visit and how much is still missing for it."""
    if row is None:
        return tr("No visit planned. Add the next one when it is booked.")
    visit = row.visit
    text = tr("Next visit: {doctor}, {when} — {countdown}").format(
        doctor=visit.doctor_name,
        when=format_start(visit, long=True),
        countdown=countdown_text(visit).lower() if visit.days_until else countdown_text(visit),
    )
    if row.readiness is not None and not row.readiness.ready:
        missing = len(row.readiness.missing)
        text += " · " + (
            tr("1 thing still missing")
            if missing == 1
            else tr("{n} things still missing").format(n=missing)
        )
    return text


def facts_text(visit: VisitRow) -> str:
    """The chosen visit's particulars, one per line, for the detail pane."""
    lines = [
        countdown_text(visit),
        tr("Duration: {minutes} min").format(minutes=visit.duration_minutes),
    ]
    if visit.mode is VisitMode.TELEMEDICINE:
        lines.append(
            tr("Video link: {link}").format(link=visit.telemedicine_url)
            if visit.telemedicine_url
            else tr("Video visit: no link yet")
        )
    elif visit.location:
        lines.append(tr("Address: {place}").format(place=visit.location))
    if visit.companion_name:
        lines.append(tr("Companion: {name}").format(name=visit.companion_name))
    if visit.referral_needed or visit.referral_obtained:
        state = tr("obtained") if visit.referral_obtained else tr("not yet")
        number = f" ({visit.referral_number})" if visit.referral_number else ""
        lines.append(tr("Referral: {state}").format(state=state) + number)
    if visit.prior_auth_needed or visit.prior_auth_obtained:
        state = tr("obtained") if visit.prior_auth_obtained else tr("not yet")
        number = f" ({visit.prior_auth_number})" if visit.prior_auth_number else ""
        lines.append(tr("Prior authorization: {state}").format(state=state) + number)
    if visit.expected_cost_cents is not None:
        lines.append(
            tr("Expected cost: {cost}").format(
                cost=QLocale().toString(visit.expected_cost_cents / 100, "f", 2)
            )
        )
    if visit.question_count:
        lines.append(tr("Questions for this visit: {n}").format(n=visit.question_count))
    return "\n".join(line for line in lines if line)
