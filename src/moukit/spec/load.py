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
from ..i18n import N_

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
            self.problems.append(Problem(_dotted(path[:MAX_DEPTH]), f"nested more than {MAX_DEPTH} levels deep",
                                         node.start_mark.line + 1, "a spec is a few levels deep; check the brackets"))
            return None
        if id(node) in self._seen:
            self.problems.append(
                Problem(_dotted(path), "YAML aliases (*name) are not allowed in a spec",
                        node.start_mark.line + 1, "write the value out in full")
            )
            return None
        self._seen.add(id(node))
        default_tag = {yaml.MappingNode: "tag:yaml.org,2002:map",
                       yaml.SequenceNode: "tag:yaml.org,2002:seq"}.get(type(node))
        if default_tag and node.tag != default_tag:
            self.problems.append(
                Problem(_dotted(path), f"YAML tag {node.tag!r} is not allowed in a spec",
                        node.start_mark.line + 1, "remove the tag; write a plain mapping or list")
            )
            return None
        if isinstance(node, yaml.MappingNode):
            result: dict = {}
            for key_node, value_node in node.value:
                key = self.build(key_node, path + ("<key>",))
                if not isinstance(key, (str, int)):
                    self.problems.append(Problem(_dotted(path), "a key must be a plain name",
                                                 key_node.start_mark.line + 1))
                    continue
                if key in result:
                    self.problems.append(
                        Problem(_dotted(path + (key,)), f"duplicate key {key!r}",
                                key_node.start_mark.line + 1, "keep one of the two entries")
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
                Problem(_dotted(path), f"YAML tag {node.tag!r} is not allowed in a spec",
                        node.start_mark.line + 1, "remove the tag; write a plain value")
            )
            return None
        try:
            return yaml.SafeLoader.construct_object(_SCALAR_CONSTRUCTOR, node)
        except (ValueError, TypeError, yaml.YAMLError) as exc:
            self.problems.append(
                Problem(_dotted(path), f"{node.value!r} is not a valid value ({exc})",
                        node.start_mark.line + 1, "dates are written YYYY-MM-DD, e.g. 2026-11-22")
            )
            return None


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
    return f"did you mean {close[0]!r}?" if close else (f"allowed keys: {', '.join(names)}" if names else None)


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
        message = err["msg"].removeprefix("Value error, ")
        hint = None
        if err["type"] == "extra_forbidden":
            message = f"unknown key {loc[-1]!r}"
            hint = _suggest_key(loc, data)
        elif err["type"] == "union_tag_invalid":
            message = f"instrument must be {' or '.join(repr(i) for i in INSTRUMENTS)}"
        elif err["type"] == "union_tag_not_found":
            message = "the spec does not say which instrument it is"
            hint = "add 'instrument: mou' or 'instrument: loi'"
        elif err["type"] == "missing":
            hint = f"add {loc[-1]}: to the spec" if loc else None
        elif err["type"] == "literal_error":
            allowed = re.findall(r"'([^']*)'", str((err.get("ctx") or {}).get("expected", "")))
            close = difflib.get_close_matches(str(err["input"]), allowed, n=1)
            message = f"{err['input']!r} is not one of: {', '.join(allowed)}"
            hint = f"did you mean {close[0]!r}?" if close else "choose one of the listed values"
            if any(p in ("relationship", "title", "fields", "further_fields") for p in loc if isinstance(p, str)):
                hint += " (or give your own wording as {custom: {th: ..., en: ..., <partner language>: ...}})"
        problems.append(Problem(_dotted(loc), message, _line_for(lines, loc), hint))
    unique: dict[str, Problem] = {}
    for p in problems:
        unique.setdefault(p.path, p)
    return list(unique.values())


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
            raise SpecError([Problem("", f"the spec is larger than {MAX_SPEC_BYTES} bytes")], file=file)
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SpecError(
                [Problem("", f"the spec is not UTF-8 text (byte {exc.start})",
                         hint="save the file as UTF-8 YAML")], file=file
            ) from None
    if len(text) > MAX_SPEC_BYTES:
        raise SpecError([Problem("", f"the spec is larger than {MAX_SPEC_BYTES} characters")], file=file)
    if "\x00" in text:
        raise SpecError([Problem("", "the spec contains NUL bytes: it is not a text file")], file=file)
    try:
        aliases = _alias_lines(text)
    except _TooDeep as exc:
        raise SpecError([Problem("", f"nested more than {MAX_DEPTH} levels deep", exc.line,
                                 "a spec is a few levels deep; check the brackets")],
                        file=file) from None
    if aliases:
        raise SpecError([Problem(_dotted(path), "YAML aliases (*name) are not allowed in a spec", line,
                                 "write the value out in full") for path, line in aliases], file=file)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        raise SpecError([Problem("", "the YAML is nested too deeply to be a spec", None,
                                 "a spec is a few levels deep; check the brackets")], file=file) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        raise SpecError([Problem("", f"not valid YAML: {reason}", line,
                                 "check indentation, colons and quotes on that line")], file=file) from None
    if node is None:
        raise SpecError([Problem("", "the spec is empty", None,
                                 "start from examples/ or run 'moukit schema'")], file=file)
    located = _Located()
    try:
        data = located.build(node, ())
    except RecursionError:
        raise SpecError([Problem("", "the YAML is nested too deeply to be a spec")], file=file) from None
    if located.problems:
        raise SpecError(located.problems, file=file)
    return _validated(data, located, file)


def _validated(data: Any, located: _Located, file: str | None) -> LoiSpec | MouSpec:
    """The spec model of ``data``; :class:`SpecError` with every problem, located by path (and
    by line where ``located`` knows it)."""
    from .models import SPEC_ADAPTER, translation_problems

    if not isinstance(data, dict):
        raise SpecError([Problem("", "the spec must be a YAML mapping (key: value lines)", 1)], file=file)
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
            raise SpecError([Problem("", "is a directory, not a spec file")], file=str(path))
        if path.exists() and not path.is_file():
            raise SpecError([Problem("", "is not a regular file (a device or a pipe?)",
                                     hint="give the path of a .yaml file")], file=str(path))
        with path.open("rb") as handle:  # never trust the size the system reports
            data = handle.read(MAX_SPEC_BYTES + 1)
        if len(data) > MAX_SPEC_BYTES:
            raise SpecError([Problem("", f"the spec is larger than {MAX_SPEC_BYTES} bytes",
                                     hint="a spec is a few kilobytes; check the file")], file=str(path))
    except FileNotFoundError:
        raise SpecError([Problem("", "no such file", hint="check the path")], file=str(path)) from None
    except PermissionError:
        raise SpecError([Problem("", "permission denied", hint="check the file's permissions")], file=str(path)) from None
    except IsADirectoryError:
        raise SpecError([Problem("", "is a directory, not a spec file")], file=str(path)) from None
    return parse_spec(data, file=str(path))
