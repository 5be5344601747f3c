"""Parts of the Doctors & contacts tab: its wording and its vCard actions."""
