"""The main window's parts: locking, start-up, the person switcher, menus and actions.

``ui.main_window.MainWindow`` puts them together. Nothing here is imported before the unlock
prompt has painted.
"""
