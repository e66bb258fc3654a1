"""What ``moukit forms`` reports: the forms, their clauses, alternatives, variants and
blanks, the vocabularies and the languages available, as JSON-ready data."""

from __future__ import annotations


def forms_data(templates=()) -> dict:
    """Everything ``moukit forms`` reports, as JSON-ready data."""
    from .._version import __version__
    from ..forms import all_forms, vocabulary
    from ..packs.library import TemplateLibrary

    library = TemplateLibrary(templates)
    forms = []
    for form in all_forms():
        reconstructed = {r.get("option") for r in form.reconstructed}
        forms.append({
            "id": form.id,
            "version": form.version,
            "instrument": form.instrument,
            "name": form.name,
            "clauses": [{"id": c.id, "kind": c.kind, "number": c.number} for c in form.clauses],
            "alternatives": {
                alt.name: {
                    "options": list(alt.options),
                    "default": alt.default,
                    "other_wording_allowed": alt.tolerates_other,
                    "description": alt.description,
                }
                for alt in form.alternatives.values()
            },
            "options": {
                variant.name: {
                    "description": variant.description,
                    "clause": variant.clause,
                    "choices": {
                        key: {"description": text, "reconstructed": key in reconstructed}
                        for key, text in variant.values.items()
                    },
                }
                for variant in form.variants.values()
            },
            "reconstructed": [dict(r) for r in form.reconstructed],
            "template_variables": [slot.name for slot in form.slots],
        })
    vocab = vocabulary()
    return {
        "moukit_version": __version__,
        "forms": forms,
        "vocabularies": {
            "fields": dict(vocab["fields"]),
            "partner_levels": dict(vocab["partner_levels"]),
            "provincial_levels": list(vocab.get("provincial_levels", [])),
        },
        "languages": library.available(),
        "language_packs": {lang: _pack_data(library.pack(lang)) for lang in library.available()},
    }


def _pack_data(pack) -> dict:
    """A pack's version, status and reviews, with how many findings each review left where."""
    record = pack.record
    return {
        **record.to_dict(),
        "reviews": [
            {"by": r.by, "date": r.date, "of": r.of,
             "findings": {f"{severity} {status}": n for (severity, status), n in sorted(r.counts().items())}}
            for r in record.reviews
        ],
    }
