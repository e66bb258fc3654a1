"""The agreement spec: the typed models of every blank and alternative of the forms
(:mod:`moukit.spec.models`), loading them from YAML with every problem located
(:mod:`moukit.spec.load`), the Thai provinces, and the notices a valid spec carries."""
