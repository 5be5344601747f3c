"""The Questions screen's parts: the reorderable table model, its columns and labels, and the
actions on selected questions. The tab itself is ``ui.tabs.questions_tab``."""
