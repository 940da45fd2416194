"""Swedish alphabetical order: … x y z å ä ö (not the code-point order ä å ö)."""

_SWEDISH = str.maketrans({"å": "{", "ä": "|", "ö": "}", "æ": "|", "ø": "}",
                          "é": "e", "è": "e", "ü": "y"})


def swedish_key(text: str) -> str:
    return (text or "").casefold().translate(_SWEDISH)
