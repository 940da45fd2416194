"""Dialogteam: field notes, nulägesanalys and åtgärdsplan for Skolverket's dialogue teams."""

__version__ = "0.1.0"
APP_NAME = "Dialogteam"
