"""Parses deployment manifests with loaders derived from PyYAML's safe loaders."""
import yaml

if hasattr(yaml, "CSafeLoader"):
    _FastSafeBase = yaml.CSafeLoader
else:
    _FastSafeBase = yaml.SafeLoader

_SafeFallback = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class ManifestLoader(_FastSafeBase):
    """Keeps timestamps as text; builds nothing but plain data."""

    def keep_text(self, node):
        return self.construct_scalar(node)


ManifestLoader.add_constructor("tag:yaml.org,2002:timestamp", ManifestLoader.keep_text)


class StrictManifestLoader(ManifestLoader):
    """A further subclass: still only a safe loader underneath."""


class FallbackLoader(_SafeFallback):
    pass


class PluginLoader(yaml.Loader):
    """Allows !!python tags so that plugins can name their classes."""


def parse_manifest(text):
    # ok: py-tainted-deserialization
    return yaml.load(text, Loader=ManifestLoader)


def parse_strict(text):
    # ok: py-tainted-deserialization
    return yaml.load(text, Loader=StrictManifestLoader)


def parse_fallback(text):
    # ok: py-tainted-deserialization
    return yaml.load(text, FallbackLoader)


def parse_plugin_manifest(text):
    # expect: py-tainted-deserialization
    return yaml.load(text, Loader=PluginLoader)
