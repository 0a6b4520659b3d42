"""Helpers that build header values."""


def language_tag(lang):
    return lang.strip().lower()
