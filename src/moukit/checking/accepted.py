"""Accepted texts: translations of the form a version may copy word for word.

A language version identical to an accepted text has nothing to report. The accepted texts
of a language are, in order:

1. moukit's reference translation (the language pack's own templates);
2. the texts the pack ships in ``<lang>/accepted/<name>/``: earlier versions of moukit's
   translation (so that drafts rendered by an earlier moukit still check clean after the pack
   is corrected) and official texts a ministry publishes;
3. the texts a user gives with ``--accept DIR`` (texts a ministry approved before), laid out
   as template folders: ``DIR/<lang>/loi.j2``, ``mou.j2`` and, where its wording of the
   alternatives differs, ``lexicon.yaml``. The text is named by the folder ``DIR``.

Each accepted text is a template folder over the language pack: what it does not hold is
the pack's. The report names the text a version (or a clause) matched.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import TemplateError
from ..i18n import N_
from ..packs.library import LEXICON, LanguagePack, load_lexicon
from .patterns import FormPatterns, form_patterns, make_key

REFERENCE = N_("moukit's reference translation")
ACCEPTED = "accepted"  # the pack's sub-folder of accepted texts


@dataclass(frozen=True)
class AcceptedText:
    """One accepted text of a language: its name and its templates."""

    name: str
    pack: LanguagePack

    def words(self, instrument: str) -> bool:
        """Whether the text words ``instrument`` (else it holds the other one only: its
        template is the pack's own)."""
        base = self.pack.dirs[1:]
        return not (base and Path(self.pack.template_file(instrument)).parent in base)

    def patterns(self, instrument: str) -> FormPatterns | None:
        """The clause patterns of ``instrument`` in this text; None when the text does not
        word that instrument."""
        return form_patterns(self.pack, instrument) if self.words(instrument) else None


def accepted_texts(pack: LanguagePack, extra_dirs: tuple[Path, ...] = ()) -> list[AcceptedText]:
    """The accepted texts of ``pack``'s language, moukit's own first (see the module doc)."""
    found = [AcceptedText(REFERENCE, pack)]
    for d in pack.dirs:
        folder = d / ACCEPTED
        if folder.is_dir():
            found += [_accepted(sub.name, sub, pack) for sub in sorted(folder.iterdir()) if sub.is_dir()]
    for d in extra_dirs:
        if not Path(d).is_dir():
            raise TemplateError(N_("accepted texts folder not found"), file=str(d),
                                hint=N_("give a folder that holds one sub-folder per language"))
        if (Path(d) / pack.lang).is_dir():
            found.append(_accepted(Path(d).name, Path(d) / pack.lang, pack))
    return found


@lru_cache(maxsize=64)
def _accepted(name: str, folder: Path, base: LanguagePack) -> AcceptedText:
    lexicon_file = folder / LEXICON
    lexicon = load_lexicon(lexicon_file, base.lang) if lexicon_file.is_file() else base.lexicon
    pack = LanguagePack(base.lang, (folder,) + base.dirs, lexicon,
                        lexicon_file if lexicon_file.is_file() else base.lexicon_file)
    return AcceptedText(name, pack)


def accepted_clause(lines: list[str], clause_id: str, instrument: str,
                    texts: list[AcceptedText]) -> str | None:
    """The name of the accepted text whose wording of ``clause_id`` the clause ``lines`` are
    (with any values in its blanks), or None."""
    key = make_key(lines)
    for text in texts:
        patterns = text.patterns(instrument)
        for p in (patterns.clauses.get(clause_id, ()) if patterns else ()):
            m = p.regex.fullmatch(key.key)
            if m and _listed(m, p, patterns, key):
                return text.name
    return None


def _listed(m, pattern, patterns: FormPatterns, key) -> bool:
    """Whether the alternatives a clause pattern read are listed wordings: a blank the form
    leaves open to another wording ("etc.") would otherwise take in any added words."""
    form = patterns.form
    for slot in pattern.slots:
        start, end = m.span(slot.group)
        if start >= 0 and form.slot(slot.name).kind == "alternative" \
                and not patterns.options_of(slot.name, key.value(start, end)):
            return False
    return True
