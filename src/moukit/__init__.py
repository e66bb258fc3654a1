"""moukit: write and check Thai sister-city Letters of Intent and MOUs.

The public API is exactly the names in ``__all__``; they are loaded on first use so that
``import moukit`` (and ``moukit --help``) stay fast.

>>> import moukit
>>> moukit.get_form("loi").id
'mfa-sister-city-loi'
"""

from __future__ import annotations

import os
from importlib import import_module

from ._version import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`moukit --help` starts faster)

# pythainlp never downloads data nor writes files on behalf of moukit (set before any
# pythainlp import; a program that imports pythainlp first sets them itself)
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")

_EXPORTS = {  # public name -> the module it lives in (imported on first use)
    "AnswerError": "errors",
    "Custom": "spec.models",
    "Document": "rendering.document",
    "DraftError": "errors",
    "Finding": "checking.report",
    "FixedTerm": "spec.models",
    "Form": "forms",
    "FormError": "errors",
    "LanguageNotAvailable": "errors",
    "Limits": "checking.readers",
    "LoiSpec": "spec.models",
    "MouSpec": "spec.models",
    "MoukitError": "errors",
    "Notice": "spec.notices",
    "NotTheForm": "errors",
    "OutputError": "errors",
    "Partner": "spec.models",
    "Problem": "errors",
    "Rendering": "rendering.build",
    "Report": "checking.report",
    "RulePackError": "errors",
    "Signatories": "spec.models",
    "Signatory": "spec.models",
    "Signing": "spec.models",
    "SpecError": "errors",
    "TemplateError": "errors",
    "ThaiParty": "spec.models",
    "TranslationError": "errors",
    "UsageError": "errors",
    "Batch": "checking.batch",
    "check": "checking.pipeline",
    "check_all": "checking.batch",
    "check_text": "checking.pipeline",
    "get_form": "forms",
    "load_spec": "spec.load",
    "parse_spec": "spec.load",
    "render": "rendering.build",
    "spec_json_schema": "spec.models",
    "Interview": "spec.interview",
    "Dossier": "dossier",
    "approval_dossier": "dossier",
    "TemplateLibrary": "packs.library",
    "ROUTES": "labels",
    "clause_label": "labels",
    "draft_suffixes": "labels",
    "language_label": "labels",
    "route_label": "labels",
    "row_verdict": "labels",
}

__all__ = [
    "AnswerError",
    "Batch",
    "Custom",
    "Document",
    "Dossier",
    "DraftError",
    "Finding",
    "FixedTerm",
    "Form",
    "FormError",
    "Interview",
    "LanguageNotAvailable",
    "Limits",
    "LoiSpec",
    "MouSpec",
    "MoukitError",
    "NotTheForm",
    "Notice",
    "OutputError",
    "Partner",
    "Problem",
    "ROUTES",
    "Rendering",
    "Report",
    "RulePackError",
    "Signatories",
    "Signatory",
    "Signing",
    "SpecError",
    "TemplateError",
    "TemplateLibrary",
    "ThaiParty",
    "TranslationError",
    "UsageError",
    "__version__",
    "approval_dossier",
    "check",
    "check_all",
    "check_text",
    "clause_label",
    "draft_suffixes",
    "get_form",
    "language_label",
    "load_spec",
    "parse_spec",
    "render",
    "route_label",
    "row_verdict",
    "spec_json_schema",
]


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'moukit' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__


if TYPE_CHECKING:  # pragma: no cover  (names for type checkers and editors)
    # ruff: noqa: F401
    from .checking.batch import Batch, check_all
    from .checking.pipeline import check, check_text
    from .checking.readers import Limits
    from .checking.report import Finding, Report
    from .dossier import Dossier, approval_dossier
    from .errors import (
        AnswerError,
        DraftError,
        FormError,
        LanguageNotAvailable,
        MoukitError,
        NotTheForm,
        OutputError,
        Problem,
        RulePackError,
        SpecError,
        TemplateError,
        TranslationError,
        UsageError,
    )
    from .forms import Form, get_form
    from .labels import ROUTES, clause_label, draft_suffixes, language_label, route_label, row_verdict
    from .packs.library import TemplateLibrary
    from .rendering.build import Rendering, render
    from .rendering.document import Document
    from .spec.interview import Interview
    from .spec.load import load_spec, parse_spec
    from .spec.models import (
        Custom,
        FixedTerm,
        LoiSpec,
        MouSpec,
        Partner,
        Signatories,
        Signatory,
        Signing,
        ThaiParty,
        spec_json_schema,
    )
    from .spec.notices import Notice
