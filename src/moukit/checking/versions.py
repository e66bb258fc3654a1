"""A language version other than English: an accepted text word for word, or a translation.

The form is English only. A version in another language is first matched, word for word,
against the accepted texts of its language (:mod:`moukit.checking.accepted`: moukit's
reference translation first): a version that is one of them is the form. Any other version
is checked as a translation of the English version of the same draft
(:mod:`moukit.checking.translation`). A language whose pack has no meaning units
(``units.yaml``) can only be compared word for word with its templates, as before.
"""

from __future__ import annotations

from pathlib import Path

from ..forms import INSTRUMENTS, get_form
from ..i18n import N_
from ..packs.library import LanguagePack, TemplateLibrary
from .accepted import accepted_texts
from .align import Analysis
from .match import analyze_version, editorial_notes, match_exactly, version_key
from .reference import Reference, reference_from_english, reference_from_form
from .segment import VersionText, block_text
from .translation import analyze_translation
from .units import matchable, unit_lexicon


def reference_for(english: Analysis | None, library: TemplateLibrary, spec,
                  versions: list[VersionText]) -> Reference:
    """What the translations ``versions`` are checked against: the analysed ``english``
    version, else the form (the spec's instrument and variants, or those the versions show)."""
    if english is not None:
        return reference_from_english(english)
    instrument = spec.instrument if spec is not None else guess_instrument(versions, library)
    variant = spec.variant() if spec is not None else {}
    return reference_from_form(get_form(instrument), library.pack("en"), variant)


def guess_instrument(versions: list[VersionText], library: TemplateLibrary) -> str:
    """The instrument whose meaning units the versions express most (an LOI or an MOU)."""
    scores = dict.fromkeys(INSTRUMENTS, 0.0)
    for version in versions:
        lex = unit_lexicon(library.pack(version.lang))
        if lex is None:
            continue
        text = matchable("\n".join(block_text(b) for b in version.blocks), lex.lang)
        for instrument in INSTRUMENTS:
            units = {u for c in get_form(instrument).clauses for u in c.units_in({})}
            scores[instrument] += sum(1 for u in units if lex.find(u, text)) / max(1, len(units))
    return max(INSTRUMENTS, key=lambda i: scores[i])


def check_other_version(version: VersionText, library: TemplateLibrary, rules, spec,
                        reference: Reference, accept: tuple[Path, ...] = ()) -> Analysis:
    """Check a version in a language other than English (see the module doc)."""
    pack = library.pack(version.lang)
    lex = unit_lexicon(pack)
    if lex is None:
        return analyze_version(version, library, rules, spec)
    version.editorial.extend(editorial_notes([block_text(b) for b in version.blocks]))
    texts = accepted_texts(pack, accept)
    key = version_key(version) if texts else ""  # the whole version's key only to match a text
    for text in texts:
        patterns = text.patterns(reference.instrument)
        hit = patterns.match_version(key) if patterns else None
        analysis = match_exactly(version, text.pack, patterns, hit, rules, spec) if hit else None
        if analysis is not None and _listed_option_in_other_words(analysis, pack, reference):
            continue  # checked as a translation, which reads the name by its meaning
        if analysis is not None:
            analysis.accepted = analysis.result.accepted = text.name
            return analysis
    names, source = expected_names(pack, spec, reference)
    return analyze_translation(version, pack, lex, reference, rules, names, texts, source)


def _listed_option_in_other_words(analysis: Analysis, pack: LanguagePack, reference: Reference) -> bool:
    """True when a version that is an accepted text but for the wording of a tolerated
    alternative (the relationship) words the option the English names in other words the
    pack lists for it (``units.yaml``): ความสัมพันธ์ฉันเมืองพี่เมืองน้อง, as moukit 0.1 wrote
    it, in a text otherwise worded as now. That is not another relationship (the form's
    "etc.", MK-V001) but a translation of the listed one; a name the English does not list
    stays another name."""
    from .values import unit_options

    form = analysis.patterns.form
    for name, alternative in form.alternatives.items():
        value = analysis.values.get(name)
        english = (reference.values.get(name) or {}) if isinstance(reference.values, dict) else {}
        wanted = set(english.get("options") or ()) if isinstance(english, dict) else set()
        if (alternative.tolerates_other and value and wanted
                and not analysis.patterns.options_of(name, value)
                and wanted & set(unit_options(name, value, pack))):
            return True
    return False


def expected_names(pack: LanguagePack, spec, reference: Reference) -> tuple[dict[str, str], str]:
    """The names a version in ``pack``'s language should write, where they can be known, and
    where they come from: the spec's, else the Thai province's official name in a Thai
    version."""
    form = get_form(reference.instrument)
    names = [s.name for s in form.slots if s.kind in ("text", "party_name")]
    if spec is not None:
        from ..rendering.context import build_context
        from .crossversion import flat_context

        context = flat_context(build_context(spec, pack))
        return {n: context[n] for n in names if isinstance(context.get(n), str) and context[n].strip()}, N_("the spec")
    if pack.lang == "th" and reference.names.get("thai_name"):
        from ..spec.provinces import find_province

        province = find_province(reference.names["thai_name"])
        if province is not None:  # its official name; a part as long as half of it is found too
            return ({"thai_name": ("จังหวัด" if province.is_province else "") + province.name_th},
                    N_("the official province list"))
    return {}, ""
