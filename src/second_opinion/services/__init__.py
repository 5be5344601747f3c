"""Use cases over a vault session: plain Python, no Qt, no ReportLab.

Each function takes an SQLAlchemy ``Session`` as its first argument and returns plain
dataclasses, so the UI, the command line, the exports and the tests all call the same code.
"""
