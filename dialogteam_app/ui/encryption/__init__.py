"""Encryption of the database at rest: turning it on, and the passphrase at start."""
