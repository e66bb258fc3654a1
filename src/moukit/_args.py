"""The arguments of the public functions, checked and normalized in one place.

moukit's functions take what a Python developer passes by habit: a path as ``str`` or any
``os.PathLike``, bytes, one item or a list of them, languages as ``"th,en"`` or a list, a
spec as a model, a mapping or a path. What is ambiguous or of the wrong type is refused here
with a :class:`moukit.UsageError` (a ``ValueError``) that says which argument, what was given
and what to do, instead of a ``TypeError`` or ``OSError`` from deep inside.

>>> languages_of("th, en")
('th', 'en')
>>> paths_of("extra.yaml", "rules")
(PosixPath('extra.yaml'),)
>>> draft_sources(b"1. A clause.")[0].name
'<bytes>'
>>> draft_sources("Title\\n1. A clause.")
Traceback (most recent call last):
moukit.errors.UsageError: sources: 'Title\\n1. A clause.' looks like the text of a draft, not a file name
  how to fix: to check a draft given as text, use moukit.check_text(text)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

from .errors import UsageError
from .i18n import N_

if TYPE_CHECKING:
    from .checking.readers.model import Draft, Limits
    from .spec.models import LoiSpec, MouSpec

#: A file name or path: ``"mou.docx"``, ``Path("mou.docx")``.
PathArg = Union[str, "os.PathLike[str]"]
#: One or more paths: ``"extra.yaml"``, ``["a.yaml", Path("b.yaml")]``.
PathsArg = Union[PathArg, Iterable[PathArg], None]
#: One draft: its path, or the bytes of the file.
DraftArg = Union[PathArg, bytes, bytearray, memoryview]
#: The drafts to check: one, a list, or a mapping of the name each is reported by to it.
DraftsArg = Union[DraftArg, Iterable[DraftArg], Mapping[str, DraftArg]]
#: A spec: the model, a mapping of its values (as in the YAML), or the path of a spec file.
SpecArg = Union["LoiSpec", "MouSpec", Mapping[str, object], PathArg]
#: A spec model: what :func:`moukit.load_spec` and :func:`moukit.parse_spec` return.
SpecModel = Union["LoiSpec", "MouSpec"]
#: Languages: ``"th,en"`` (commas or spaces) or a list of codes.
LanguagesArg = Union[str, Iterable[str], None]

MAX_NAME_CHARS = 4096  # the longest path Linux accepts: a longer string is not a file name
_BINARY = (bytes, bytearray, memoryview)


@dataclass(frozen=True)
class Source:
    """One draft to read: a path or bytes, and the name it is reported by."""

    data: Path | bytes
    name: str

    def read(self, limits: Limits | None = None) -> Draft:
        """The draft read (see :func:`moukit.checking.readers.read_draft`)."""
        from .checking.readers import read_draft

        return read_draft(self.data, name=self.name, limits=limits)


def start_of(text: str) -> str:
    """The beginning of a long text, as Python would write it (for a message)."""
    return repr(text if len(text) <= 30 else text[:30] + "…")


def _type_name(value: object) -> str:
    return type(value).__name__


def is_text(value: str) -> bool:
    """A string that cannot be a file name: it has a line break, or is longer than any path."""
    return "\n" in value or "\r" in value or len(value) > MAX_NAME_CHARS


def path_of(value: object, argument: str) -> Path:
    """``value`` (a ``str`` or ``os.PathLike``) as a path; :class:`UsageError` for another type
    or for a string that is text, not a file name."""
    if isinstance(value, str):
        if is_text(value):
            raise UsageError(N_("{argument}: {start} looks like text, not a file name",
                                argument=argument, start=start_of(value)),
                             hint=N_("give the path of the file or folder"))
        return Path(value)
    if isinstance(value, os.PathLike):
        return Path(os.fspath(value))
    raise UsageError(N_("{argument}: expected a file name or a path, not {type}",
                        argument=argument, type=_type_name(value)))


def paths_of(value: object, argument: str) -> tuple[Path, ...]:
    """One path or several (any iterable of them; None for none) as a tuple of paths."""
    if value is None:
        return ()
    if isinstance(value, (str, os.PathLike)):
        return (path_of(value, argument),)
    if isinstance(value, (Mapping, *_BINARY)) or not isinstance(value, Iterable):
        raise UsageError(N_("{argument}: expected a path or a list of paths, not {type}",
                            argument=argument, type=_type_name(value)))
    return tuple(path_of(item, argument) for item in value)


def languages_of(value: object) -> tuple[str, ...] | None:
    """Language codes from ``"th,en"`` (commas or spaces) or a list of codes; None stays None
    (every language of the spec)."""
    if value is None:
        return None
    if isinstance(value, str):
        return tuple(code for code in re.split(r"[,\s]+", value) if code)
    if isinstance(value, (Mapping, *_BINARY)) or not isinstance(value, Iterable):
        raise UsageError(N_("languages: expected codes such as 'th,en' or ['th', 'en'], not {type}",
                            type=_type_name(value)))
    items = list(value)
    wrong = next((item for item in items if not isinstance(item, str)), None)
    if wrong is not None:
        raise UsageError(N_("languages: expected language codes, not a list holding {type}",
                            type=_type_name(wrong)))
    return tuple(code.strip() for code in items if code.strip())


def _draft(value: object, name: str | None) -> Source | Draft:
    """One draft argument as a :class:`Source` (or a draft already read, passed through)."""
    from .checking.readers.model import Draft

    if isinstance(value, (Source, Draft)):
        return value
    if isinstance(value, _BINARY):
        return Source(bytes(value), name or "<bytes>")
    if isinstance(value, str) and is_text(value):
        raise UsageError(N_("sources: {start} looks like the text of a draft, not a file name",
                            start=start_of(value)),
                         hint=N_("to check a draft given as text, use moukit.check_text(text)"))
    if isinstance(value, (str, os.PathLike)):
        path = path_of(value, "sources")
        return Source(path, name or str(path))
    raise UsageError(N_("sources: expected a file name, a path or the bytes of a draft, not {type}",
                        type=_type_name(value)),
                     hint=N_("give one draft, a list of drafts, or a mapping of names to drafts"))


def draft_sources(value: object) -> list[Source | Draft]:
    """The drafts of a ``sources`` argument: one path or bytes, an iterable of them, or a
    mapping of the name each is reported by to its path or bytes."""
    if isinstance(value, Mapping):
        wrong = next((key for key in value if not isinstance(key, str)), None)
        if wrong is not None:
            raise UsageError(N_("sources: the names of the drafts must be strings, not {type}",
                                type=_type_name(wrong)))
        return [_draft(item, name) for name, item in value.items()]
    if isinstance(value, (str, os.PathLike, *_BINARY)) or not isinstance(value, Iterable):
        return [_draft(value, None)]
    return [_draft(item, None) for item in value]


def spec_of(value: object, *, required: bool = False) -> SpecModel | None:
    """A ``spec`` argument as a spec model: a model as it is, a mapping validated with
    :func:`moukit.parse_spec`, a path read with :func:`moukit.load_spec`; None when no spec
    is given (refused when one is ``required``)."""
    if value is None and not required:
        return None  # without importing pydantic and the spec models
    from .spec.models import SPEC_MODELS

    if isinstance(value, SPEC_MODELS):
        return value  # type: ignore[return-value]
    if isinstance(value, Mapping):
        from .spec.load import parse_spec

        return parse_spec(value)
    if isinstance(value, (str, os.PathLike)):
        from .spec.load import load_spec

        return load_spec(value)
    raise UsageError(N_("spec: expected a spec (LoiSpec or MouSpec), a mapping of its values or the "
                        "path of a spec file, not {type}", type=_type_name(value)))
