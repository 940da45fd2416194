"""Gallring of an ended samverkan: the guided step from the samverkan's page."""
