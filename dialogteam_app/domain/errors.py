"""Validation errors carry a Swedish message meant for the user."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """A field's problem, said in Swedish beside that field."""
    field: str
    message: str  # Swedish, shown to the user as is


class ValidationError(ValueError):
    """One or more fields are invalid; nothing has been changed."""

    def __init__(self, errors: list[FieldError] | FieldError):
        self.errors = [errors] if isinstance(errors, FieldError) else list(errors)
        super().__init__("; ".join(e.message for e in self.errors))


def raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)
