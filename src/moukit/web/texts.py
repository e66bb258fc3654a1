"""Every text the workbench shows, as catalog messages (translated into Thai like the rest
of moukit), and the per-request language.

The pages read them as ``t.<key>`` (see :func:`texts`): a template holds no text of its own,
so that the catalog (extracted from Python only, see babel.cfg) has every word a person reads.
"""

from __future__ import annotations

from ..i18n import N_, translate

UI_LANGS = ("th", "en")
DEFAULT_LANG = "th"

TEXTS = {
    "app": N_("moukit workbench"),
    "tagline": N_("Write and check sister-city Letters of Intent and Memoranda of Understanding "
                  "of Thai provinces"),
    "skip": N_("Skip to the content"),
    "nav_home": N_("Home"),
    "nav_new": N_("New agreement"),
    "nav_check": N_("Check a draft"),
    "nav_forms": N_("The forms"),
    "nav_dossier": N_("Approval dossier"),
    "language": N_("Language of the pages"),
    "home_new": N_("Answer the questions of the form and get the agreement in every language, "
                   "ready to print (Word, PDF)."),
    "home_check": N_("Upload a draft received from a partner or a province and see whether it "
                     "is still the standard form, and what must be reviewed."),
    "home_forms": N_("Read the Letter of Intent and the Memorandum of Understanding clause by "
                     "clause, with the alternatives the form allows."),
    "home_dossier": N_("From a spec with its dossier sections, get the governor's letters, the "
                       "strategic plan, the submission of the draft, the checklist of the eight "
                       "steps and the annual report."),
    "private": N_("Nothing you enter or upload is kept: each page is made in memory and "
                  "forgotten once it is sent."),
    # the agreement form
    "new_title": N_("New agreement"),
    "new_intro": N_("Answer the questions below. Fields marked * are required. The preview "
                    "shows every language version as it will print."),
    "upload_spec": N_("Continue from a spec file"),
    "upload_spec_help": N_("Upload a spec file (.yaml) written by moukit init or downloaded "
                           "here, to edit it."),
    "upload": N_("Upload"),
    "sec_instrument": N_("The instrument"),
    "sec_thai": N_("The Thai province"),
    "sec_partner": N_("The partner"),
    "sec_wording": N_("Wording the form lets you choose"),
    "sec_fields": N_("Fields of cooperation"),
    "sec_signing": N_("Signing"),
    "sec_signatories": N_("Signatories"),
    "province_help": N_("Type a few letters in Thai or English and choose from the list."),
    "partner_lang_help": N_("The document is written in Thai, this language and English. "
                            "Choose English if the partner writes English."),
    "country_help": N_("Code or name, e.g. JP, Japan or ญี่ปุ่น."),
    "other_help": N_("Needed when the partner's language is neither Thai nor English."),
    "fields_help_mou": N_("Tick none for \"in various fields\"."),
    "fields_help_loi": N_("A Letter of Intent names at least one field."),
    "mou_only": N_("MOU only"),
    "loi_only": N_("LOI only"),
    "term_open": N_("Open: in effect until either party ends it by written notice"),
    "term_years": N_("A fixed number of years (renewable by mutual decision):"),
    "years": N_("years"),
    "date_help": N_("Write the date as Thai documents do, e.g. 22/11/2569 or 22 พฤศจิกายน 2569 "
                    "(Buddhist Era), or 2026-11-22."),
    "date_read": N_("Read as: {date}"),
    "default_is": N_("Leave empty for: {value}"),
    "draft_marker": N_("Print the form's \"(Draft)\" marker"),
    "custom_kept": N_("the wording of the uploaded spec file"),
    "kept_note": N_("Values of the uploaded spec file that this page has no question for are kept "
                    "as they were."),
    "preview_button": N_("Check the answers and preview"),
    "problems": N_("Some answers need attention: see the messages next to the fields."),
    "spec_ok": N_("The answers are complete and valid."),
    "other_problems": N_("Other problems"),
    # preview and downloads
    "preview": N_("Preview"),
    "preview_help": N_("Every language version side by side, as it will print. The preview follows "
                       "your answers as you type."),
    "preview_empty": N_("The preview appears once the answers are complete and valid."),
    "downloads": N_("Download"),
    "dl_docx": N_("Word (one document per language)"),
    "dl_docx_parallel": N_("Word (languages side by side)"),
    "dl_pdf": N_("PDF"),
    "dl_html": N_("Web page (HTML)"),
    "dl_md": N_("Markdown"),
    "dl_spec": N_("Spec file (YAML), to edit later"),
    "clause": N_("Clause"),
    # check
    "check_title": N_("Check a draft"),
    "check_intro": N_("Upload the draft: one file with every language version, or one file per "
                      "language of the same agreement (Word .docx, PDF, OpenDocument .odt, text or "
                      "Markdown)."),
    "check_files": N_("Draft files"),
    "check_spec": N_("The agreed values (a spec file, optional)"),
    "check_spec_help": N_("With the spec, the names, places and dates in the draft are compared "
                          "with the agreed ones."),
    "check_button": N_("Check"),
    "limits": N_("At most {count} files, {size} MB per file and {total} MB in all."),
    "verdict": N_("Verdict"),
    "reason": N_("Reason"),
    "findings": N_("Findings"),
    "no_findings": N_("No findings: the draft is the standard form."),
    "form_text": N_("The form"),
    "draft_text": N_("The draft"),
    "why": N_("Why it matters"),
    "translation_table": N_("Translation, clause by clause"),
    "english": N_("English"),
    "this_version": N_("This version"),
    "missing": N_("Missing meaning"),
    "row_verdict": N_("Verdict"),
    "dl_redline": N_("Redline of {file} (Word, tracked changes)"),
    "dl_report_html": N_("The report (HTML)"),
    "dl_report_json": N_("The report (JSON)"),
    "dl_note": N_("The downloads are made from the files you uploaded; nothing is kept on the "
                  "server, so they are part of this page."),
    "dl_too_big": N_("The downloads are too large to be part of this page; run moukit check "
                     "with --html and --redline for them."),
    "version_of": N_("{language} version"),
    "notes": N_("Notes"),
    # forms
    "forms_title": N_("The forms"),
    "forms_intro": N_("The standard forms clause by clause in every language moukit ships. "
                      "Blanks are shown in brackets; a listed alternative by its name."),
    "instrument": N_("Instrument"),
    "show": N_("Show"),
    "alternatives": N_("Alternatives"),
    "option": N_("Option"),
    "default": N_("default"),
    "routes": N_("What the verdicts mean"),
    "clauses": N_("Clauses"),
    # the approval dossier
    "dossier_title": N_("Approval dossier"),
    "dossier_intro": N_("Upload the spec with its dossier sections (the office, the partner's "
                        "background, the plan, the annual report) and, when you have it, the draft "
                        "agreement: the documents of the approval path come back as one ZIP of "
                        "Word files, with the checklist of the eight steps."),
    "dossier_spec": N_("The spec with the dossier sections *"),
    "dossier_spec_help": N_("A spec file (.yaml) with office, partner_background, plan and report; "
                            "see examples/chiang-mai-chengdu-dossier.yaml."),
    "dossier_draft": N_("The draft agreement (optional)"),
    "dossier_draft_help": N_("Checked against the spec: its verdict, or the adjustments that also go "
                             "to the Office of the Council of State, go into the submission letter "
                             "and the checklist."),
    "dossier_english": N_("Add the English working translation of the plan and the report"),
    "dossier_button": N_("Make the dossier"),
    "dossier_no_spec": N_("Choose the spec file."),
    "checklist": N_("Checklist of the eight steps"),
    "step": N_("Step"),
    "state": N_("State"),
    "step_done": N_("done"),
    "step_missing": N_("not done yet"),
    "dossier_documents": N_("The documents"),
    "dl_dossier": N_("The dossier (ZIP of Word files)"),
    # errors
    "error_title": N_("Something is wrong"),
    "back": N_("Go back"),
    "not_found": N_("There is no such page here."),
    "too_large": N_("The upload is too large: at most {count} files, {size} MB per file and "
                    "{total} MB in all."),
    "bad_request": N_("The request could not be read."),
    "forbidden": N_("The page has expired or was not sent from this workbench. Open the page "
                    "again and repeat what you did."),
    "internal": N_("An internal error stopped the work (a moukit bug, not a problem with your "
                   "file). Nothing was kept."),
    "not_allowed": N_("This page does not accept that kind of request."),
    "no_files": N_("Choose at least one draft file."),
    "too_many": N_("Too many files: at most {count}."),
    "file_too_large": N_("{file} is too large: at most {size} MB per file."),
    "not_yaml": N_("The spec file must be UTF-8 text (YAML)."),
}

# What each listed alternative of the forms is about, in plain words (the page explains the
# choice before listing the options).
ALTERNATIVE_HELP = {
    "title": N_("What the MOU calls itself in its title and clauses."),
    "relationship": N_("The name of the relationship the two sides establish, in the title and "
                       "the last clause."),
    "parties": N_("How the document calls the two sides in its clauses."),
    "opening": N_("The sentence that introduces the numbered clauses."),
    "preposition": N_("Clauses 1 and 2: cooperation \"on\" or \"in\" the fields (English wording)."),
    "intent": N_("Clause 4: whether the two sides \"aim to\" or \"will\" establish the "
                 "relationship."),
}
ROUTE_HELP = {
    "standard": N_("Only listed alternatives and filled blanks: the province may sign after the "
                   "usual approval."),
    "ministries": N_("A change of wording that the Ministry of Interior and the Ministry of "
                     "Foreign Affairs must review before signing."),
    "council_of_state": N_("A change that may create obligations: the Office of the Council of "
                           "State reviews it too, before signing."),
    "not_permitted": N_("Something a province may not agree to (e.g. binding obligations): it "
                        "must be removed."),
}


def ui_language(value: str | None) -> str | None:
    """``value`` when it is a language of the pages (``th`` or ``en``), else None."""
    return value if value in UI_LANGS else None


class Texts:
    """The texts in one language, read as attributes: ``t.nav_new``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __getattr__(self, key: str) -> str:
        try:
            return translate(TEXTS[key], self.lang)
        except KeyError:
            raise AttributeError(key) from None

    def fmt(self, key: str, **params: object) -> str:
        """The text ``key`` with its ``{placeholders}`` filled in."""
        return translate(N_(TEXTS[key].template, **params), self.lang)

    def __call__(self, message: str) -> str:
        """Any catalog message (a :class:`moukit.i18n.Message`) in this language."""
        return translate(message, self.lang)


def texts(lang: str) -> Texts:
    """The texts of the pages in ``lang``."""
    return Texts(lang)
