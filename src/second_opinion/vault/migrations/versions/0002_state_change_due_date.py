"""Keep the due date a state change set in its own column.

Extensions used to carry their new due date at the start of the note ("New due date
2026-12-01. ..."); this moves it into ``due_on`` and leaves the note as the user wrote it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_NOTE = re.compile(r"^New due date (\d{4}-\d{2}-\d{2})\.?\s*")


def upgrade() -> None:
    with op.batch_alter_table("request_state_change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_on", sa.Date(), nullable=True))
    conn = op.get_bind()
    changes = conn.execute(
        sa.text("SELECT id, note FROM request_state_change WHERE state = 'extended'")
    ).all()
    for change_id, note in changes:
        match = _OLD_NOTE.match(note or "")
        if match:
            conn.execute(
                sa.text(
                    "UPDATE request_state_change SET due_on = :due, note = :note WHERE id = :id"
                ),
                {"due": match.group(1), "note": note[match.end() :], "id": change_id},
            )
    conn.execute(
        sa.text(
            "UPDATE request_state_change SET due_on = ("
            " SELECT due_on FROM record_request WHERE record_request.id = request_id)"
            " WHERE state = 'requested' AND id IN ("
            "  SELECT max(id) FROM request_state_change WHERE state = 'requested'"
            "  GROUP BY request_id)"
        )
    )


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(
        sa.text(
            "UPDATE request_state_change SET note = 'New due date ' || due_on || '. ' || note"
            " WHERE state = 'extended' AND due_on IS NOT NULL"
        )
    )
    with op.batch_alter_table("request_state_change", schema=None) as batch_op:
        batch_op.drop_column("due_on")
