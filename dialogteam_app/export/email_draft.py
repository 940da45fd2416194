"""An e-mail draft (.eml) with the plan attached (PDF, DOCX or both), for the user's
own mail program.

No SMTP and no network: the draft is a file that Outlook and Thunderbird open as
an unsent message (`X-Unsent: 1`), so the user reads it, adds a greeting and
sends it from their own account.
"""

from __future__ import annotations

import base64
from email import errors, policy
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.utils import formatdate
from pathlib import Path

from ..domain.plan_document import PlanDocument
from .atomic import write_bytes_atomic


def draft_subject(doc: PlanDocument) -> str:
    """'Åtgärdsplan – Norrviks kommun, version 2'."""
    return f"{doc.title}, version {doc.version}"


_MIME = {".pdf": ("application", "pdf"),
         ".docx": ("application",
                   "vnd.openxmlformats-officedocument.wordprocessingml.document")}


def draft_body(doc: PlanDocument, to_name: str = "", formats: tuple[str, ...] = ("pdf",)) -> str:
    """The message; `formats` names what is attached ("pdf", "docx")."""
    greeting = f"Hej {to_name.strip()}!" if to_name.strip() else "Hej!"
    dated = f" daterad {doc.date}" if doc.date else ""
    engagement = f" inom {doc.engagement_title}" if doc.engagement_title else ""
    lines = [
        greeting,
        "",
        f"Här kommer åtgärdsplanen för {doc.organiser_name}{engagement}, "
        f"version {doc.version}{dated}. {_attached(formats)}",
        "",
        "Hör gärna av dig om något behöver förtydligas eller ändras.",
        "",
        "Med vänliga hälsningar",
    ]
    if doc.author.strip():
        lines.append(doc.author.strip())
    return "\n".join(lines) + "\n"


def _attached(formats: tuple[str, ...]) -> str:
    names = {"pdf": "PDF", "docx": "Word-dokument (för den som vill redigera planen)"}
    if len(formats) > 1:
        return "Planen finns som " + " och som ".join(names[f] for f in formats) + " i bilagorna."
    return f"Planen finns som {names[formats[0]]} i bilagan."


def write_email_draft(eml_path: Path, attachments: Path | list[Path], to_name: str,
                      to_email: str, subject: str, body: str) -> Path:
    """Write an unsent message with the file(s) attached (.pdf, .docx); To is left out
    without an address.

    Raises ValueError (in Swedish) for an address that cannot be used and OSError
    when the files cannot be read or written.
    """
    msg = EmailMessage(policy=policy.default)
    if to_email.strip():
        msg["To"] = _address(one_line(to_name), to_email)
    msg["Subject"] = one_line(subject)
    msg["Date"] = formatdate(localtime=True)
    msg["X-Unsent"] = "1"  # Outlook and Thunderbird open the file as a draft to send
    msg.set_content(body)
    for path in [attachments] if isinstance(attachments, Path) else attachments:
        maintype, subtype = _MIME[path.suffix.lower()]
        msg.add_attachment(Path(path).read_bytes(), maintype=maintype, subtype=subtype,
                           filename=path.name)
        parts = msg.get_payload()
        assert isinstance(parts, list)  # multipart once a file is attached
        attachment = parts[-1]
        assert isinstance(attachment, Message)
        _add_outlook_name(attachment, path.name, f"{maintype}/{subtype}")
    # CRLF line ends, as mail programs save messages; no folding, which would
    # re-encode the Outlook name above and split the RFC 2231 filename in parts.
    return write_bytes_atomic(Path(eml_path),
                              msg.as_bytes(policy=policy.SMTP.clone(max_line_length=None)))


def one_line(text: str) -> str:
    """A header holds one line: a name or title typed with line breaks (or sent so in
    a package) is joined with spaces, never a new header line."""
    return " ".join(text.split())


def _add_outlook_name(attachment: Message, filename: str, mime: str) -> None:
    """Outlook ignores the RFC 2231 filename (å, ä, ö) that Content-Disposition has
    and shows "ATT00001"; it reads an RFC 2047 encoded name on Content-Type."""
    # Base64, so no character of the name (a quote, say) can end the quoted string.
    encoded = f"=?utf-8?b?{base64.b64encode(filename.encode()).decode('ascii')}?="
    del attachment["Content-Type"]
    attachment.set_raw("Content-Type", f'{mime}; name="{encoded}"')


def _address(name: str, email: str) -> Address:
    try:
        return Address(display_name=name.strip(), addr_spec=email.strip())
    except (ValueError, IndexError, errors.HeaderParseError) as e:
        raise ValueError(f"E-postadressen ”{email.strip()}” går inte att använda.") from e
