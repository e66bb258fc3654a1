r"""The exceptions moukit raises, all in one place.

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

Every error keeps a stable English message (``str(error)``) and carries what is needed to
show it in another language: ``code`` (a short identifier of the message), ``params`` (its
values) and :meth:`MoukitError.in_language`, which the command line uses for ``--ui-lang th``.

>>> e = DraftError("a.docx", N_("the file is empty"), hint=N_("save the draft again"))
>>> str(e)
'a.docx: the file is empty\n  how to fix: save the draft again'
>>> e.code.startswith("M-"), e.params
(True, {'file': 'a.docx'})
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import N_, Message, translate


def _how_to_fix(hint: object, lang: str, indent: str = "  ") -> str:
    return "\n" + indent + translate(N_("how to fix: {hint}", hint=hint), lang)


class MoukitError(Exception):
    """Base class of every error moukit raises on purpose."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self._detail: str = message  # the message without the file it is about

    @property
    def code(self) -> str | None:
        """A short stable identifier of the message (None for a message made without ``N_``)."""
        return self._detail.code if isinstance(self._detail, Message) else None

    @property
    def params(self) -> dict[str, object]:
        """The values in the message, and the file it is about (empty without ``N_``)."""
        params = dict(self._detail.params) if isinstance(self._detail, Message) else {}
        if getattr(self, "file", None):
            params["file"] = self.file  # type: ignore[attr-defined]
        return params

    def in_language(self, lang: str) -> str:
        """The message (and how to fix it) in ``lang``: ``en`` or ``th``."""
        text = translate(self.message, lang)
        if self.hint:
            text += _how_to_fix(self.hint, lang)
        return text

    def __str__(self) -> str:
        return self.in_language("en")


@dataclass(frozen=True)
class Problem:
    """One located problem in a spec: its YAML path, line, what is wrong and how to fix it."""

    path: str
    message: str
    line: int | None = None
    hint: str | None = None

    def describe(self, file: str | None = None, lang: str = "en") -> str:
        """Render the problem as one human-readable line (plus a hint line) in ``lang``."""
        where: str = file or translate(N_("spec"), lang)
        if self.line is not None:
            where = translate(N_("{file}, line {line}", file=where, line=self.line), lang)
        message = translate(self.message, lang)
        if self.path:
            text = translate(N_("{where} at {path}: {message}", where=where, path=self.path,
                                message=message), lang)
        else:
            text = f"{where}: {message}"
        if self.hint:
            text += _how_to_fix(self.hint, lang, "    ")
        return text


class SpecError(MoukitError):
    """The spec is invalid; ``problems`` lists every problem found, each with path and line."""

    def __init__(self, problems: list[Problem], *, file: str | None = None) -> None:
        self.problems = list(problems)
        self.file = file
        super().__init__(self.in_language("en"))

    def in_language(self, lang: str) -> str:
        """Every problem, located, in ``lang``."""
        count = len(self.problems)
        head = translate(N_("{file}: {count} problem", file=self.file or N_("spec"), count=count)
                         if count == 1 else
                         N_("{file}: {count} problems", file=self.file or N_("spec"), count=count), lang)
        body = "\n".join("  " + p.describe(self.file, lang) for p in self.problems)
        return f"{head}\n{body}"


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
        where: str = file or ""
        if file and line is not None:
            where = N_("{file}, line {line}", file=file, line=line)
        super().__init__(N_("{file}: {message}", file=where, message=message) if where else message,
                         hint=hint)
        self.file = file
        self.line = line
        self._detail = message


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

    def describe(self, lang: str = "en") -> str:
        """The problem as one line (plus a hint line) in ``lang``."""
        head = ", ".join(translate(part, lang) for part in (self.where, self.unit) if part)
        message = translate(self.message, lang)
        text = f"{head}: {message}" if head else message
        if self.hint:
            text += _how_to_fix(self.hint, lang, "    ")
        return text


class TranslationError(MoukitError):
    """A translator's file (DOCX or XLIFF, see ``moukit pack build``) cannot be made into a
    language pack; ``problems`` lists every problem found, each located. Nothing is written."""

    def __init__(self, file: str, problems: list[TranslationProblem] | None = None, *,
                 message: str | None = None, hint: str | None = None) -> None:
        self.file = file
        self.problems = list(problems or [])
        self._own_message = message
        super().__init__(N_("{file}: {message}", file=file, message=message) if message is not None
                         else self._problems_text("en"), hint=hint)
        self._detail = message if message is not None else self.message

    def _problems_text(self, lang: str) -> str:
        count = len(self.problems)
        head = translate(N_("{file}: {count} problem, no pack written", file=self.file, count=count)
                         if count == 1 else
                         N_("{file}: {count} problems, no pack written", file=self.file, count=count),
                         lang)
        return head + "\n" + "\n".join("  " + p.describe(lang) for p in self.problems)

    def in_language(self, lang: str) -> str:
        """The problems (or the message), located, in ``lang``."""
        if self._own_message is None:
            text = self._problems_text(lang)
            return text + (_how_to_fix(self.hint, lang) if self.hint else "")
        return super().in_language(lang)


class FormError(MoukitError):
    """A form definition is malformed."""


class RulePackError(MoukitError):
    """A rule pack cannot be read, or a rule in it is invalid."""


class DraftError(MoukitError):
    """A draft cannot be read: not a DOCX or text file, damaged, refused for safety, too large."""

    def __init__(self, file: str, message: str, *, hint: str | None = None) -> None:
        super().__init__(N_("{file}: {message}", file=file, message=message), hint=hint)
        self.file = file
        self._detail = message


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
