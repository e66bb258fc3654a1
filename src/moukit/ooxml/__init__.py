"""Office Open XML plumbing shared by the DOCX writer, the DOCX reader and the redline:
deterministic packaging, safe parsing, and moukit's fingerprint in the custom properties."""
