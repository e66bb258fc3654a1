"""Load a spec from YAML, reporting every problem with its YAML path and line.

The YAML is read with PyYAML's safe composer: no tags that build Python objects, no
aliases (they are never needed in a spec and are the vector of "billion laughs"), no
duplicate keys. Every node's line is remembered so that pydantic's errors can be located.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import ValidationError

from .._args import is_text, path_of, start_of
from ..errors import Problem, SpecError, UsageError
from ..forms import INSTRUMENTS
from ..i18n import N_, Message
from .names import OneOf

if TYPE_CHECKING:
    from .models import LoiSpec, MouSpec

MAX_SPEC_BYTES = 1_000_000
MAX_DEPTH = 20

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


class _Located:
    """Python data built from YAML nodes, with the line of every path."""

    def __init__(self) -> None:
        self.lines: dict[tuple, int] = {}
        self.problems: list[Problem] = []
        self._seen: set[int] = set()

    def build(self, node: yaml.Node, path: tuple) -> Any:
        """Python data for ``node`` at ``path``; problems are collected, not raised."""
        self.lines[path] = node.start_mark.line + 1
        if len(path) > MAX_DEPTH:
            self.problems.append(Problem(_dotted(path[:MAX_DEPTH]), _too_deep(), node.start_mark.line + 1,
                                         _TOO_DEEP_HINT))
            return None
        if id(node) in self._seen:
            self.problems.append(
                Problem(_dotted(path), _NO_ALIASES, node.start_mark.line + 1, _NO_ALIASES_HINT)
            )
            return None
        self._seen.add(id(node))
        default_tag = {yaml.MappingNode: "tag:yaml.org,2002:map",
                       yaml.SequenceNode: "tag:yaml.org,2002:seq"}.get(type(node))
        if default_tag and node.tag != default_tag:
            self.problems.append(
                Problem(_dotted(path), N_("YAML tag '{tag}' is not allowed in a spec", tag=node.tag),
                        node.start_mark.line + 1, N_("remove the tag: write a plain mapping or list"))
            )
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, path + ("<key>",))
                if not isinstance(key, (str, int)):
                    self.problems.append(Problem(_dotted(path), N_("a key must be a plain name"),
                                                 key_node.start_mark.line + 1))
                    continue
                if key in result:
                    self.problems.append(
                        Problem(_dotted(path + (key,)), N_("duplicate key '{key}'", key=key),
                                key_node.start_mark.line + 1, N_("keep one of the two entries"))
                    )
                    continue
                self.lines[path + (key,)] = key_node.start_mark.line + 1
                result[key] = self.build(value_node, path + (key,))
                self.lines[path + (key,)] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag not in _SCALAR_TAGS:
            self.problems.append(
                Problem(_dotted(path), N_("YAML tag '{tag}' is not allowed in a spec", tag=node.tag),
                        node.start_mark.line + 1, N_("remove the tag: write a plain value"))
            )
            return None
        if node.tag == "tag:yaml.org,2002:timestamp":
            return node.value  # a date is read by the spec's own date reader, as written
        try:
            return yaml.SafeLoader.construct_object(_SCALAR_CONSTRUCTOR, node)
        except (ValueError, TypeError, yaml.YAMLError):
            self.problems.append(
                Problem(_dotted(path), N_("'{value}' is not a valid value", value=node.value),
                        node.start_mark.line + 1, N_("put the value in quotes"))
            )
            return None


_NO_ALIASES = N_("YAML aliases (*name) are not allowed in a spec")
_NO_ALIASES_HINT = N_("write the value out in full")
_TOO_DEEP_HINT = N_("a spec is a few levels deep: check the brackets")
_NESTED_TOO_DEEPLY = N_("the YAML is nested too deeply to be a spec")
_DIRECTORY = N_("is a directory, not a spec file")


def _too_deep() -> Message:
    return N_("nested more than {depth} levels deep", depth=MAX_DEPTH)


class _ScalarConstructor(yaml.SafeLoader):
    def __init__(self) -> None:  # no stream needed to construct scalars
        yaml.constructor.SafeConstructor.__init__(self)


_SCALAR_CONSTRUCTOR = _ScalarConstructor()


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_for(lines: dict[tuple, int], path: tuple) -> int | None:
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())


def _suggest_key(path: tuple, data: Any) -> str | None:
    from . import models as spec_module

    instrument = data.get("instrument") if isinstance(data, dict) else None
    by_instrument = {m.model_fields["instrument"].annotation.__args__[0]: [m]
                     for m in spec_module.SPEC_MODELS}
    top = by_instrument.get(instrument, list(spec_module.SPEC_MODELS))
    parent_models = {
        (): top,
        ("thai_party",): [spec_module.ThaiParty],
        ("partner",): [spec_module.Partner],
        ("signing",): [spec_module.Signing],
        ("signatories",): [spec_module.Signatories],
        ("signatories", "thai"): [spec_module.Signatory],
        ("signatories", "partner"): [spec_module.Signatory],
    }
    models = parent_models.get(path[:-1], [])
    names = sorted({n for m in models for n in m.model_fields})
    close = difflib.get_close_matches(str(path[-1]), names, n=1)
    if close:
        return N_("did you mean '{name}'?", name=close[0])
    return N_("allowed keys: {names}", names=", ".join(names)) if names else None


def _is_branch(part: object) -> bool:
    """A location element pydantic adds for a union member (``literal[...]``, a model name)."""
    return isinstance(part, str) and (part.startswith("literal[") or part[:1].isupper()
                                      or part.startswith("function-"))


def _split_branch(loc: tuple) -> tuple[tuple, str | None, tuple]:
    for i, part in enumerate(loc):
        if _is_branch(part):
            return loc[:i], part, loc[i + 1:]
    return loc, None, ()


def _problems_from_validation(exc: ValidationError, lines: dict, data: Any) -> list[Problem]:
    errors = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        if loc and loc[0] in INSTRUMENTS:  # the discriminator tag
            loc = loc[1:]
        before, branch, after = _split_branch(loc)
        errors.append((before, branch, after, err))
    # For a union (a listed value or a {custom: ...} wording, 'open' or {years: N}), keep the
    # errors of the member that fits the kind of value given: a mapping -> the model.
    by_union: dict[tuple, list] = {}
    for item in errors:
        if item[1] is not None:
            by_union.setdefault(item[0], []).append(item)
    dropped = set()
    for items in by_union.values():
        if len({i[1] for i in items}) < 2:
            continue
        union_input = next((i[3]["input"] for i in items if not i[2]), None)
        wants_model = isinstance(union_input, dict)
        for i in items:
            if i[1].startswith("literal[") == wants_model:
                dropped.add(id(i[3]))
    problems = []
    for before, _branch, after, err in errors:
        if id(err) in dropped:
            continue
        loc = before + after
        message, hint = _message(err, loc, data)
        problems.append(Problem(_dotted(loc), message, _line_for(lines, loc), hint))
    unique: dict[str, Problem] = {}
    for p in problems:
        unique.setdefault(p.path, p)
    return list(unique.values())


# pydantic's own messages for the common kinds of error, in the catalog (so shown in Thai too)
_PYDANTIC_MESSAGES = {
    "string_type": N_("should be a text"),
    "string_too_short": N_("should not be empty"),
    "string_too_long": N_("should have at most {max_length} characters"),
    "string_pattern_mismatch": N_("'{input}' is not a language code (e.g. th, en, zh)"),
    "int_type": N_("should be a whole number"),
    "int_parsing": N_("should be a whole number"),
    "int_from_float": N_("should be a whole number"),
    "greater_than_equal": N_("should be {ge} or more"),
    "less_than_equal": N_("should be {le} or less"),
    "bool_type": N_("should be true or false"),
    "bool_parsing": N_("should be true or false"),
    "dict_type": N_("should be a mapping (key: value lines)"),
    "model_type": N_("should be a mapping (key: value lines)"),
    "model_attributes_type": N_("should be a mapping (key: value lines)"),
    "list_type": N_("should be a list"),
    "too_long": N_("should have at most {max_length} items"),
    "too_short": N_("should have at least {min_length} item(s)"),
}
_CUSTOM_WORDING = ("relationship", "title", "fields", "further_fields")


def _message(err: dict, loc: tuple, data: Any) -> tuple[str, str | None]:
    """The message and hint of one pydantic error, from the catalog."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "moukit":  # raised by the spec's models with catalog messages
        return ctx["message"], ctx.get("hint")
    if kind == "extra_forbidden":
        return N_("unknown key '{key}'", key=loc[-1]), _suggest_key(loc, data)
    if kind in ("instrument", "union_tag_invalid", "union_tag_not_found"):
        if isinstance(data, dict) and "instrument" in data:
            return N_("instrument must be {names}", names=OneOf(repr(i) for i in INSTRUMENTS)), None
        return (N_("the spec does not say which instrument it is"),
                N_("add 'instrument: mou' or 'instrument: loi'"))
    if kind == "missing":
        return N_("missing"), (N_("add {key}: to the spec", key=loc[-1]) if loc else None)
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        close = difflib.get_close_matches(str(err["input"]), allowed, n=1)
        message = N_("'{value}' is not one of: {options}", value=err["input"], options=", ".join(allowed))
        hint = N_("did you mean '{name}'?", name=close[0]) if close else N_("choose one of the listed values")
        if any(p in _CUSTOM_WORDING for p in loc if isinstance(p, str)):
            hint = N_("{hint} (or give your own wording as {example})", hint=hint,
                      example="{custom: {th: ..., en: ..., <partner language>: ...}}")
        return message, hint
    template = _PYDANTIC_MESSAGES.get(kind)
    if template is not None:
        return Message(template.template, {k: v for k, v in {**ctx, "input": err.get("input")}.items()
                                           if "{" + k + "}" in template.template}), None
    return err["msg"].removeprefix("Value error, "), None


class _TooDeep(Exception):
    """The YAML nests collections deeper than a spec can be (raised at ``line``)."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _line(event: yaml.Event) -> int:
    """The line (from 1) an event of PyYAML's parser starts on."""
    return event.start_mark.line + 1 if event.start_mark is not None else 1


def _alias_lines(text: str) -> list[tuple[tuple, int]]:
    """Where the text uses YAML aliases: (path, line) of each, from the event stream.

    Raises :class:`_TooDeep` as soon as collections nest deeper than :data:`MAX_DEPTH`:
    PyYAML's scanner costs time in proportion to the square of the nesting depth, so a
    hostile file of a million brackets must be refused before it is scanned any further.
    """
    found: list[tuple[tuple, int]] = []
    stack: list[list] = []  # per open collection: [is_mapping, key_expected, path, index]
    path: tuple = ()
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                stack.append([isinstance(event, yaml.MappingStartEvent), True, path, 0])
                if len(stack) > MAX_DEPTH + 1:
                    raise _TooDeep(_line(event))
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
                if stack:
                    _advance(stack[-1])
                continue
            if not isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent)) or not stack:
                continue
            top = stack[-1]
            if top[0] and top[1]:  # a mapping key
                path = top[2] + (event.value if isinstance(event, yaml.ScalarEvent) else "*",)
                top[1] = False
                if isinstance(event, yaml.AliasEvent):
                    found.append((path, _line(event)))
                continue
            here = path if top[0] else top[2] + (top[3],)
            if isinstance(event, yaml.AliasEvent):
                found.append((here, _line(event)))
            _advance(top)
            if len(found) >= 20:
                break
    except (yaml.YAMLError, RecursionError):
        return found  # composing reports the syntax error with its line
    return found


def _advance(frame: list) -> None:
    if frame[0]:
        frame[1] = True
    else:
        frame[3] += 1


def parse_spec(text: str | bytes | Mapping[str, object], *, file: str | None = None) -> LoiSpec | MouSpec:
    """Validate a spec and return a :class:`LoiSpec` or :class:`MouSpec`: its YAML (or JSON)
    ``text``, as ``str`` or UTF-8 ``bytes``, or a mapping of its values (data from JSON or a
    database). ``file`` names it in messages.

    Raises :class:`SpecError` listing every problem with its path (YAML path), and for text
    its line.
    """
    if isinstance(text, Mapping):
        return _validated(dict(text), _Located(), file)
    if isinstance(text, (bytearray, memoryview)):
        text = bytes(text)
    if not isinstance(text, (str, bytes)):
        hint = N_("to read a spec file, use moukit.load_spec(path)") if isinstance(text, os.PathLike) else None
        raise UsageError(N_("parse_spec: expected the text of a spec or a mapping of its values, not {type}",
                            type=type(text).__name__), hint=hint)
    if isinstance(text, bytes):
        if len(text) > MAX_SPEC_BYTES:
            raise SpecError([Problem("", N_("the spec is larger than {size} bytes", size=MAX_SPEC_BYTES))], file=file)
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SpecError(
                [Problem("", N_("the spec is not UTF-8 text (byte {offset})", offset=exc.start),
                         hint=N_("save the file as UTF-8 YAML"))], file=file
            ) from None
    if len(text) > MAX_SPEC_BYTES:
        raise SpecError([Problem("", N_("the spec is larger than {size} characters", size=MAX_SPEC_BYTES))], file=file)
    if "\x00" in text:
        raise SpecError([Problem("", N_("the spec contains NUL bytes: it is not a text file"))], file=file)
    try:
        aliases = _alias_lines(text)
    except _TooDeep as exc:
        raise SpecError([Problem("", _too_deep(), exc.line, _TOO_DEEP_HINT)],
                        file=file) from None
    if aliases:
        raise SpecError([Problem(_dotted(path), _NO_ALIASES, line, _NO_ALIASES_HINT) for path, line in aliases], file=file)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        raise SpecError([Problem("", _NESTED_TOO_DEEPLY, None, _TOO_DEEP_HINT)], file=file) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise SpecError([Problem("", N_("not valid YAML: {reason}", reason=reason), line,
                                 N_("check indentation, colons and quotes on that line"))], file=file) from None
    if node is None:
        raise SpecError([Problem("", N_("the spec is empty"), None,
                                 N_("run 'moukit init' to write one, or 'moukit schema' for its form"))], file=file)
    located = _Located()
    try:
        data = located.build(node, ())
    except RecursionError:
        raise SpecError([Problem("", _NESTED_TOO_DEEPLY)], file=file) from None
    if located.problems:
        raise SpecError(located.problems, file=file)
    return _validated(data, located, file)


def _validated(data: Any, located: _Located, file: str | None) -> LoiSpec | MouSpec:
    """The spec model of ``data``; :class:`SpecError` with every problem, located by path (and
    by line where ``located`` knows it)."""
    from .models import SPEC_ADAPTER, translation_problems

    if not isinstance(data, dict):
        raise SpecError([Problem("", N_("the spec must be a YAML mapping (key: value lines)"), 1)], file=file)
    try:
        spec = SPEC_ADAPTER.validate_python(data)
    except ValidationError as exc:
        raise SpecError(_problems_from_validation(exc, located.lines, data), file=file) from None
    missing = [
        Problem(_dotted(path), message, _line_for(located.lines, path), hint)
        for path, message, hint in translation_problems(spec)
    ]
    if missing:
        raise SpecError(missing, file=file)
    return spec


def load_spec(path: str | os.PathLike[str]) -> LoiSpec | MouSpec:
    """Read and validate the spec file at ``path`` (YAML).

    Raises :class:`SpecError` with every problem located by YAML path and line.
    """
    if isinstance(path, str) and is_text(path):
        raise UsageError(N_("load_spec: {start} looks like the text of a spec, not a file name",
                            start=start_of(path)),
                         hint=N_("to read a spec given as text, use moukit.parse_spec(text)"))
    if isinstance(path, Mapping):
        raise UsageError(N_("load_spec: expected the path of a spec file, not {type}",
                            type=type(path).__name__),
                         hint=N_("to validate a mapping of a spec's values, use moukit.parse_spec(data)"))
    path = path_of(path, "load_spec")
    try:
        if path.is_dir():
            raise SpecError([Problem("", _DIRECTORY)], file=str(path))
        if path.exists() and not path.is_file():
            raise SpecError([Problem("", N_("is not a regular file (a device or a pipe?)"),
                                     hint=N_("give the path of a .yaml file"))], file=str(path))
        with path.open("rb") as handle:  # never trust the size the system reports
            data = handle.read(MAX_SPEC_BYTES + 1)
        if len(data) > MAX_SPEC_BYTES:
            raise SpecError([Problem("", N_("the spec is larger than {size} bytes", size=MAX_SPEC_BYTES),
                                     hint=N_("a spec is a few kilobytes: check the file"))], file=str(path))
    except FileNotFoundError:
        raise SpecError([Problem("", N_("no such file"), hint=N_("check the path"))], file=str(path)) from None
    except PermissionError:
        raise SpecError([Problem("", N_("permission denied"), hint=N_("check the file's permissions"))], file=str(path)) from None
    except IsADirectoryError:
        raise SpecError([Problem("", _DIRECTORY)], file=str(path)) from None
    return parse_spec(data, file=str(path))
