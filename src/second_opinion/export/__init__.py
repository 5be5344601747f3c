"""Printed documents made with ReportLab: the visit packet, the request letter, the
authorization form and the letter to the current doctor.

Renderers take the plain data of ``second_opinion.services.packet_data`` and return PDF
bytes; writing them to disk (atomically, 0600) is ``second_opinion.private_files``.
"""

from __future__ import annotations

from second_opinion.export.letters import render_letter
from second_opinion.export.packet import render_packet

__all__ = ["render_letter", "render_packet"]
