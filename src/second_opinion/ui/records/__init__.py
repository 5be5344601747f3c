"""Widgets and models of the Records tab."""
