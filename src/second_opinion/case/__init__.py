"""The case layer: the unit of work over an open vault and a person, without Qt.

``Case`` opens sessions; the modules beside it (``contacts``, ``records``, ...) are the
operations and read models each screen uses. Operations return ``Changes`` (or an
``Outcome`` with a value); read models are plain dataclasses built from the services' rules.
"""

from second_opinion.case.case import Case
from second_opinion.case.changes import Area, Changes, Outcome

__all__ = ["Area", "Case", "Changes", "Outcome"]
