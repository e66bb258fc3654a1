"""The version of moukit, in one place (the package build reads it from here too)."""

__version__ = "0.1.0"
