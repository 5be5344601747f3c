"""Editing the structured health summary: one table per kind, add/edit/delete through forms.

The profile dialog embeds ``HealthSummaryWidget(ctx)``; ``ImportDialog`` (ui/import_dialog.py)
previews a portal file before anything is written.
"""

from second_opinion.ui.health_summary.widget import HealthSummaryWidget

__all__ = ["HealthSummaryWidget"]
