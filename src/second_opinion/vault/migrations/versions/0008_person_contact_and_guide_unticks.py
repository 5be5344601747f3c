"""The person's own address, phone and e-mail (a records request letter signs with them), and
the guide's explicit unticks: ``guide_progress.done`` is false for an item the person unticked
although the data would tick it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = ("address", "phone", "email")


def upgrade() -> None:
    # Plain ALTER TABLE, never a batch: a batch rebuilds the table, and SQLite refuses the
    # rename while the search index's triggers (0005) name it.
    for name in _COLUMNS:
        op.add_column("person", sa.Column(name, sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "guide_progress",
        sa.Column("done", sa.Boolean(), nullable=False, server_default=sa.text("1")),
    )


def downgrade() -> None:
    op.execute("DELETE FROM guide_progress WHERE done = 0")
    op.execute("ALTER TABLE guide_progress DROP COLUMN done")
    for name in reversed(_COLUMNS):
        op.execute(f"ALTER TABLE person DROP COLUMN {name}")
