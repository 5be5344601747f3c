"""The main window's tabs, one module each, built lazily the first time they are shown."""
