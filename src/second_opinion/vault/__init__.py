"""Encrypted storage: the SQLCipher vault, its keys, keyring cache, backups and migrations."""
