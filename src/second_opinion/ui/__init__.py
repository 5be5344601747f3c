"""The Qt user interface: main window, unlock page, tabs, dialogs and table models."""
