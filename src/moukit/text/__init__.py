"""Pure, language-aware text functions: character classes, the markers moukit writes into
its own texts, normalisation, dates, lists and digits."""
