"""The exceptions moukit raises, all in one place.

Every error moukit raises on purpose is a :class:`MoukitError`. The command line turns
any of them into a message on standard error and exit status 2; library callers catch
``moukit.MoukitError`` (or one of the narrower classes below)::

    MoukitError
    ├── SpecError               a spec file or spec data is invalid (with every problem located)
    ├── AnswerError             an answer to a ``moukit init`` question is not valid
    ├── TemplateError           a template or lexicon cannot be loaded or rendered
    │   └── LanguageNotAvailable  no template folder for a requested language
    ├── TranslationError        a translator's file cannot be made into a language pack
                                (with every problem located: unit, row or line)
    ├── FormError               a form definition is malformed
    ├── RulePackError           a rule pack cannot be read or is invalid
    ├── DraftError              a draft to check cannot be read (damaged, refused, too large)
    │   └── NotTheForm            the document is not an LOI or MOU of the form at all
    ├── OutputError             a file cannot be written (nothing partial is left)
    └── UsageError              a function or command was asked for something it does not do
                                (an unknown format, layout or language; nothing to check)
"""

from __future__ import annotations

from dataclasses import dataclass


class MoukitError(Exception):
    """Base class of every error moukit raises on purpose."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message}\n  how to fix: {self.hint}"
        return self.message


@dataclass(frozen=True)
class Problem:
    """One located problem in a spec: its YAML path, line, what is wrong and how to fix it."""

    path: str
    message: str
    line: int | None = None
    hint: str | None = None

    def describe(self, file: str | None = None) -> str:
        """Render the problem as one human-readable line (plus a hint line)."""
        where = file or "spec"
        if self.line is not None:
            where += f", line {self.line}"
        loc = f" at {self.path}" if self.path else ""
        text = f"{where}{loc}: {self.message}"
        if self.hint:
            text += f"\n    how to fix: {self.hint}"
        return text


class SpecError(MoukitError):
    """The spec is invalid; ``problems`` lists every problem found, each with path and line."""

    def __init__(self, problems: list[Problem], *, file: str | None = None) -> None:
        self.problems = list(problems)
        self.file = file
        count = len(self.problems)
        head = f"{file or 'spec'}: {count} problem{'s' if count != 1 else ''}"
        body = "\n".join("  " + p.describe(file) for p in self.problems)
        super().__init__(f"{head}\n{body}")

    def __str__(self) -> str:
        return self.message


class AnswerError(MoukitError):
    """An answer to a ``moukit init`` question is not valid; ``key`` names the question."""

    def __init__(self, key: str, message: str, *, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.key = key


class TemplateError(MoukitError):
    """A template or lexicon file cannot be loaded or rendered."""

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        where = file or ""
        if file and line is not None:
            where += f", line {line}"
        super().__init__(f"{where}: {message}" if where else message, hint=hint)
        self.file = file
        self.line = line


class LanguageNotAvailable(TemplateError):
    """A requested language has no template folder."""


@dataclass(frozen=True)
class TranslationProblem:
    """One problem of a translator's file: the unit, where it is (``row 12``, ``line 40``),
    what is wrong and how to fix it."""

    unit: str
    where: str
    message: str
    hint: str | None = None

    def describe(self) -> str:
        """The problem as one line (plus a hint line)."""
        head = ", ".join(part for part in (self.where, self.unit) if part)
        text = f"{head}: {self.message}" if head else self.message
        if self.hint:
            text += f"\n    how to fix: {self.hint}"
        return text


class TranslationError(MoukitError):
    """A translator's file (DOCX or XLIFF, see ``moukit pack build``) cannot be made into a
    language pack; ``problems`` lists every problem found, each located. Nothing is written."""

    def __init__(self, file: str, problems: list[TranslationProblem] | None = None, *,
                 message: str | None = None, hint: str | None = None) -> None:
        self.file = file
        self.problems = list(problems or [])
        if message is None:
            count = len(self.problems)
            message = f"{file}: {count} problem{'s' if count != 1 else ''}, no pack written\n" + \
                "\n".join("  " + p.describe() for p in self.problems)
        else:
            message = f"{file}: {message}"
        super().__init__(message, hint=hint)


class FormError(MoukitError):
    """A form definition is malformed."""


class RulePackError(MoukitError):
    """A rule pack cannot be read, or a rule in it is invalid."""


class DraftError(MoukitError):
    """A draft cannot be read: not a DOCX or text file, damaged, refused for safety, too large."""

    def __init__(self, file: str, message: str, *, hint: str | None = None) -> None:
        super().__init__(f"{file}: {message}", hint=hint)
        self.file = file


class NotTheForm(DraftError):
    """The document is not a Letter of Intent or Memorandum of Understanding of the form (a
    press release, a cover memo, a contract...): there is nothing to route. ``found`` is the
    share of the form's clauses found in it (0.0 to 1.0)."""

    def __init__(self, file: str, message: str, *, found: float = 0.0, hint: str | None = None) -> None:
        super().__init__(file, message, hint=hint)
        self.found = found


class OutputError(MoukitError):
    """An output file cannot be written; any existing file at the path is left intact."""


class UsageError(MoukitError, ValueError):
    """A function or command was asked for something it does not do: an unknown format,
    layout or language, nothing to check, a redline of a text draft."""
