"""Alembic environment: always run on a connection the vault has already keyed."""

from alembic import context

from second_opinion.domain.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run only through second_opinion.vault.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
