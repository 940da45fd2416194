"""Genomförande: the follow-up tab of a samverkan, "Att göra" and the team overview."""
