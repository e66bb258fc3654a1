"""Language packs: the per-language template folders that word the forms.

A language folder ``<dir>/<lang>/`` holds ``lexicon.yaml`` (the wording of alternatives,
fields of cooperation, names, date and list conventions) and one Jinja2 template per
instrument (``loi.j2``, ``mou.j2``) with one ``{% block %}`` per clause, named by the
clause ids of the form definition. Templates run in Jinja's sandbox with StrictUndefined:
a template can neither reach Python internals nor silently print an empty value.

Folders given by the user (``--templates DIR``) come first, file by file, so a user can
replace the Thai text with the official one, or add a language, without code changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, Iterable

from .._yaml import load_yaml, yaml_errors
from ..errors import LanguageNotAvailable, TemplateError
from ..forms import Form, all_forms, get_form
from ..i18n import N_
from .jinja import environment, precompiled, template_line
from .record import RECORD, PackRecord, read_record

LEXICON = "lexicon.yaml"
UNITS = "units.yaml"


def builtin_templates_dir() -> Path:
    """The language packs shipped with moukit: one folder per language, beside this module."""
    return Path(__file__).resolve().parent


@dataclass(eq=False)
class LanguagePack:
    """One language's lexicon and templates, possibly layered over the shipped ones."""

    lang: str
    dirs: tuple[Path, ...]
    lexicon: dict
    lexicon_file: Path

    def __post_init__(self) -> None:
        self._templates: dict[str, Any] = {}

    @cached_property
    def _env(self):
        """The pack's Jinja environment, made when a template is first needed (a check of the
        shipped packs reads their patterns from the build, and never imports Jinja)."""
        return environment([str(d) for d in self.dirs], self.lang)

    def template_file(self, instrument: str) -> str:
        """Path of the template used for ``instrument`` (first folder that has it)."""
        name = f"{instrument}.j2"
        for d in self.dirs:
            if (d / name).is_file():
                return str(d / name)
        return str(self.dirs[0] / name)

    def template(self, instrument: str):
        """The compiled template for ``instrument``, checked against the form's clause ids."""
        if instrument in self._templates:
            return self._templates[instrument]
        from jinja2 import TemplateNotFound, TemplateSyntaxError

        name = f"{instrument}.j2"
        try:
            template = self._shipped(instrument) or self._env.get_template(name)
        except TemplateNotFound:
            raise TemplateError(
                N_("the {lang} templates have no {name}", lang=self.lang, name=name),
                file=str(self.dirs[0]),
                hint=N_("add {name} with one block per clause of the {instrument} form", name=name,
                        instrument=instrument),
            ) from None
        except TemplateSyntaxError as exc:
            raise TemplateError(
                N_("template syntax error: {error}", error=exc.message), file=exc.filename or name,
                line=exc.lineno,
            ) from None
        except UnicodeDecodeError:
            raise TemplateError(N_("the template is not UTF-8 text"), file=self.template_file(instrument),
                                hint=N_("save it as UTF-8")) from None
        form = get_form(instrument)
        blocks = tuple(template.blocks)
        missing = [c for c in form.clause_ids if c not in blocks]
        extra = [b for b in blocks if b not in form.clause_ids]
        if missing or extra:
            raise TemplateError(
                _blocks_problem(missing, extra),
                file=self.template_file(instrument),
                hint=N_("the blocks must be the clause ids of the form: {clauses}",
                        clauses=", ".join(form.clause_ids)),
            )
        self._templates[instrument] = template
        return template

    def _shipped(self, instrument: str):
        """The template from its precompiled module when it is a shipped template as shipped
        (see :func:`moukit.packs.jinja.precompiled`), else None."""
        path = Path(self.template_file(instrument))
        if path.parent != builtin_templates_dir() / self.lang or not path.is_file():
            return None
        return precompiled(self._env, self.lang, instrument, str(path))

    def variables(self, instrument: str) -> set[str]:
        """The variables the template of ``instrument`` reads, ``a.b`` where it reads an
        attribute of ``a`` (they must be the slots of the form definition)."""
        from jinja2 import meta, nodes

        self.template(instrument)  # refuse a missing or malformed template first
        source = Path(self.template_file(instrument)).read_text("utf-8")
        tree = self._env.parse(source)
        names = meta.find_undeclared_variables(tree)
        dotted = {f"{n.node.name}.{n.attr}" for n in tree.find_all(nodes.Getattr)
                  if isinstance(n.node, nodes.Name) and n.node.name in names}
        return dotted | {n for n in names if not any(d.startswith(n + ".") for d in dotted)}

    def render_clauses(self, form: Form, context: dict) -> list[tuple[str, str]]:
        """Render every clause of ``form`` with ``context``: ``[(clause_id, text), ...]``."""
        from jinja2 import TemplateError as JinjaError

        template = self.template(form.instrument)
        out = []
        try:
            ctx = template.new_context(context)
            for clause_id in form.clause_ids:
                text = "".join(template.blocks[clause_id](ctx))
                out.append((clause_id, "\n".join(line.strip() for line in text.strip().split("\n"))))
        except (JinjaError, ArithmeticError, LookupError, TypeError, ValueError, AttributeError,
                RecursionError, MemoryError) as exc:
            raise TemplateError(
                N_("cannot render: {error}", error=exc),
                file=self.template_file(form.instrument),
                line=template_line(exc, self.template_file(form.instrument), template),
                hint=(N_("the template may only use the variables listed by 'moukit forms'")
                      if "undefined" in str(exc) else N_("correct the expression on that line")),
            ) from None
        return out

    def words(self) -> frozenset[str] | None:
        """The words of the pack's own text (``words.txt``, one per line), if it ships them.

        Thai has no spaces between words; a pack that lists its words lets the check segment
        the form's text without loading pythainlp's full dictionary. The list speaks only for
        the texts beside it: when a user folder replaces a template or the lexicon but not the
        list, there is none (the full dictionary is used).
        """
        folder = self._folder_speaking_for_the_text("words.txt")
        if folder is None:
            return None
        return frozenset(w.strip() for w in (folder / "words.txt").read_text("utf-8").splitlines()
                         if w.strip() and not w.startswith("#"))

    @property
    def record(self) -> PackRecord:
        """The version, status and reviews of the pack's text (``pack.yaml``; see
        :mod:`moukit.packs.record`). A text without its own record is the user's."""
        if "_record" not in self.__dict__:
            folder = self._folder_speaking_for_the_text(RECORD)
            self._record = (read_record(self.lang, folder / RECORD) if folder
                            else PackRecord(self.lang, None, "user"))
        return self._record

    def _folder_speaking_for_the_text(self, name: str) -> Path | None:
        """The first folder holding ``name``, if every template and the lexicon in use come
        from that folder too (a file describing a text says nothing of another text)."""
        folder = next((d for d in self.dirs if (d / name).is_file()), None)
        if folder is None:
            return None
        texts = [Path(self.template_file(form.instrument)) for form in all_forms()]
        if any(path.is_file() and path.parent != folder for path in texts + [self.lexicon_file]):
            return None
        return folder

    def units_data(self) -> dict | None:
        """The pack's ``units.yaml`` (how its language expresses the forms' meaning units,
        see :mod:`moukit.checking.units`), or None when it has none."""
        return self.data_file(UNITS)

    def data_file(self, name: str) -> dict | None:
        """One of the pack's YAML data files read by the check (``units.yaml``,
        ``layout.yaml``), from the first folder that has it; None when none has."""
        path = next((d / name for d in self.dirs if (d / name).is_file()), None)
        return None if path is None else read_yaml_mapping(path)

    def word(self, group: str, key: str, *, provincial: bool = False) -> str:
        """The lexicon's wording of alternative ``key`` of ``group``.

        With ``provincial`` (the partner is a province, state or prefecture), the lexicon's
        ``provincial_alternatives`` wording is used where it has one.
        """
        if provincial:
            special = (self.lexicon.get("provincial_alternatives") or {}).get(group) or {}
            if key in special:
                return special[key]
        try:
            return self.lexicon["alternatives"][group][key]
        except (KeyError, TypeError):
            raise TemplateError(
                N_("the lexicon has no wording for alternatives.{group}.{key}", group=group, key=key),
                file=str(self.lexicon_file),
                hint=N_("add alternatives: {group}: {key}: <wording>", group=group, key=key),
            ) from None


def read_yaml_mapping(path: Path) -> dict:
    """A pack's YAML data file, which must be a mapping; TemplateError naming it otherwise."""
    name = path.name
    try:
        data = load_yaml(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, *yaml_errors()) as exc:
        raise TemplateError(N_("cannot read {name}: {error}", name=name, error=exc), file=str(path)) from None
    if not isinstance(data, dict):
        raise TemplateError(N_("{name} must be a YAML mapping", name=name), file=str(path))
    return data


REQUIRED_LEXICON_KEYS = ("language", "name", "locale", "alternatives", "fields")


def load_lexicon(path: Path, lang: str) -> dict:
    """The lexicon at ``path`` of a ``lang`` folder, checked; TemplateError when it is not one."""
    try:
        data = load_yaml(path.read_text("utf-8"))
    except yaml_errors() as exc:
        mark = getattr(exc, "problem_mark", None)
        raise TemplateError(
            N_("lexicon is not valid YAML: {error}", error=getattr(exc, "problem", exc)),
            file=str(path),
            line=mark.line + 1 if mark else None,
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(N_("cannot read the lexicon: {error}", error=exc), file=str(path)) from None
    if not isinstance(data, dict):
        raise TemplateError(N_("the lexicon must be a YAML mapping"), file=str(path))
    missing = [k for k in REQUIRED_LEXICON_KEYS if k not in data]
    if missing:
        raise TemplateError(N_("the lexicon lacks {keys}", keys=", ".join(missing)), file=str(path),
                            hint=N_("copy templates/en/lexicon.yaml and translate it"))
    if data["language"] != lang:
        raise TemplateError(N_("the lexicon says language {language} but sits in folder {lang}",
                               language=repr(data["language"]), lang=repr(lang)),
                            file=str(path))
    return data


class TemplateLibrary:
    """Where language packs are found: user folders first, then the shipped templates."""

    def __init__(self, extra_dirs: Iterable[str | Path] = ()) -> None:
        self.dirs = tuple(Path(d) for d in extra_dirs) + (builtin_templates_dir(),)
        for d in self.dirs[:-1]:
            if not d.is_dir():
                raise TemplateError(N_("templates directory not found"), file=str(d),
                                    hint=N_("give a folder that holds one sub-folder per language"))
        self._packs: dict[str, LanguagePack] = {}
        self._available: tuple[str, ...] | None = None

    @classmethod
    def of(cls, templates=()) -> TemplateLibrary:
        """The library for a ``templates`` argument: a library, a folder, folders, or none
        (the shipped packs)."""
        if isinstance(templates, TemplateLibrary):
            return templates
        dirs = [templates] if isinstance(templates, (str, Path)) else list(templates or ())
        return cls(dirs) if dirs else default_library()

    def available(self) -> list[str]:
        """Language codes that have a template folder with a lexicon (the folders are listed
        once per library: a check asks for every paragraph, a batch thousands of times)."""
        if self._available is None:
            langs = set()
            for d in self.dirs:
                if d.is_dir():
                    langs.update(p.name for p in d.iterdir() if (p / LEXICON).is_file())
            self._available = tuple(sorted(langs))
        return list(self._available)

    def pack(self, lang: str) -> LanguagePack:
        """The language pack for ``lang``; :class:`LanguageNotAvailable` if there is none."""
        if lang in self._packs:
            return self._packs[lang]
        dirs = tuple(d / lang for d in self.dirs if (d / lang).is_dir())
        lexicon_file = next((d / LEXICON for d in dirs if (d / LEXICON).is_file()), None)
        if not dirs or lexicon_file is None:
            raise LanguageNotAvailable(
                N_("no templates for language {lang}; available: {available}", lang=repr(lang),
                   available=", ".join(self.available())),
                hint=N_("render Thai and English now, or make a {lang} pack: 'moukit pack new {lang}', "
                        "have it translated, 'moukit pack build', then render with the folder of the "
                        "pack as templates", lang=lang),
            )
        pack = LanguagePack(lang, dirs, load_lexicon(lexicon_file, lang), lexicon_file)
        self._packs[lang] = pack
        return pack


def _blocks_problem(missing: list[str], extra: list[str]) -> str:
    """What is wrong with a template's blocks: clause blocks missing, unknown blocks, or both."""
    if missing and extra:
        return N_("missing clause block(s): {missing}; unknown block(s): {extra}",
                  missing=", ".join(missing), extra=", ".join(extra))
    if missing:
        return N_("missing clause block(s): {missing}", missing=", ".join(missing))
    return N_("unknown block(s): {extra}", extra=", ".join(extra))


@cache
def default_library() -> TemplateLibrary:
    """The library of shipped templates only."""
    return TemplateLibrary()
