"""Texts more than one part of the window shows (the Help menu, About)."""

from __future__ import annotations

#: shown from Help > Not medical advice and in About; translated in context "help"
NOT_MEDICAL_ADVICE = (
    "Second Opinion helps you organize getting a second opinion. It is not medical advice and "
    "does not replace the advice of your doctors; decisions about your care are yours to make "
    "with them."
)
