"""The language packs: one folder per language (``th/``, ``en/``, ``zh/``...) beside this
module, each with ``lexicon.yaml`` and one template per form (``loi.j2``, ``mou.j2``), and
the library that finds them, user folders first (:mod:`moukit.packs.library`), rendering
them in Jinja's sandbox (:mod:`moukit.packs.jinja`)."""

from .library import (
    LanguagePack,
    TemplateLibrary,
    builtin_templates_dir,
    default_library,
)

__all__ = ["LanguagePack", "TemplateLibrary", "builtin_templates_dir", "default_library"]
