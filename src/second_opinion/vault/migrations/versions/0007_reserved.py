"""Reserved: another branch adds its own 0007 at the same time; this one does nothing.

It exists so that 0008 (the person's address, phone and e-mail) has its parent on this
branch. At merge time the other branch's 0007 replaces this file.
"""

from collections.abc import Sequence

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
