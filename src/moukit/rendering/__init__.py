"""The render pipeline: a spec becomes a document model, every clause in every language,
from the form definition and the language packs (:mod:`moukit.rendering.build`, with the
template variables worded by :mod:`moukit.rendering.context`), which a writer lays out as
DOCX, HTML, Markdown, text or JSON (:mod:`moukit.rendering.writers`)::

    spec -> context (per language) -> templates -> Document -> writer -> bytes

(The package is ``rendering`` and not ``render``, so that importing it never hides the
function :func:`moukit.render`.)
"""

# How the Thai version writes its digits: Thai digits (๑๒๓), as Thai government documents
# write them (the default), or Arabic digits (123). The other versions write Arabic digits.
DIGITS = ("thai", "arabic")
