"""The Visits screen's parts: how a visit reads (``texts``) and the pane that shows one."""
