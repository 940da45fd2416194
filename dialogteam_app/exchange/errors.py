"""The one error an import or export reports to the user."""


class PackageError(Exception):
    """A package was refused (or could not be written); nothing was changed.

    The message is Swedish and says what was wrong, for the user as is.
    """
