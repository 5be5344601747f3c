"""The data model: typed SQLAlchemy models and the enums they use. Imports nothing above it."""
