"""The command line's help and errors in Swedish, as the rest of the program: argparse's
own texts ("usage:", "options", "-h", "the following arguments are required …") go
through one table. argparse looks its `_` up when it formats, so replacing it is enough;
a text not in the table stays as argparse wrote it."""

from __future__ import annotations

import argparse

TEXTS = {
    "usage: ": "användning: ",
    "positional arguments": "argument",
    "options": "flaggor",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "okända argument: %s",
    "not allowed with argument %s": "går inte tillsammans med %s",
    "the following arguments are required: %s": "de här argumenten behövs: %s",
    "one of the arguments %s is required": "ett av argumenten %s behövs",
    "expected one argument": "ett värde behövs",
    "expected at most one argument": "högst ett värde",
    "expected at least one argument": "minst ett värde behövs",
    "ambiguous option: %(option)s could match %(matches)s":
        "flaggan %(option)s kan betyda flera: %(matches)s",
    "invalid %(type)s value: %(value)r": "ogiltigt värde: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "okänt val: %(value)r (välj bland %(choices)s)",
}
VERSION_HELP = "visa versionen och avsluta"


def install() -> None:
    argparse._ = lambda text: TEXTS.get(text, text)  # type: ignore[attr-defined]
