"""The words for an authorization that does not fit a request: on the request form's field
and before a release form is printed (the rule is services.authorizations.link_problems)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from second_opinion.services.authorizations import LinkProblem, PrintCheck
from second_opinion.ui.dates import format_date


def _tr(text: str) -> str:
    return QCoreApplication.translate("authorization_fit", text)


def problem_lines(
    problems: list[LinkProblem],
    auth_holder: str,
    auth_recipient: str,
    expires: str = "",
) -> list[str]:
    lines: list[str] = []
    for problem in problems:
        if problem is LinkProblem.OTHER_RECIPIENT:
            lines.append(
                _tr(
                    "This authorization lets records go to %1, not to this request's recipient."
                ).replace("%1", auth_recipient)
            )
        elif problem is LinkProblem.OTHER_HOLDER:
            lines.append(
                _tr(
                    "This authorization is for records held by %1, not by this request's holder."
                ).replace("%1", auth_holder)
            )
        elif problem is LinkProblem.EXPIRED:
            lines.append(
                _tr("It expired on %1.").replace("%1", expires)
                if expires
                else _tr("It has expired.")
            )
        elif problem is LinkProblem.REVOKED:
            lines.append(_tr("It was revoked."))
    return lines


def print_warning(check: PrintCheck) -> str:
    """What to say before printing the release form; "" when the authorization fits."""
    if not check.problems:
        return ""
    lines = problem_lines(
        check.problems,
        check.authorization_holder,
        check.authorization_recipient,
        format_date(check.expires_on),
    )
    return "\n".join(
        [
            _tr(
                "The form would carry the terms of the authorization from %1 to %2, "
                "but this request is from %3 to %4."
            )
            .replace("%1", check.authorization_holder)
            .replace("%2", check.authorization_recipient)
            .replace("%3", check.request_holder)
            .replace("%4", check.request_recipient)
            if {LinkProblem.OTHER_HOLDER, LinkProblem.OTHER_RECIPIENT} & set(check.problems)
            else "",
            *lines,
            _tr("A records office may refuse a form that does not match. Print it anyway?"),
        ]
    ).strip()
