"""Output formats for digests: terminal (rich), Markdown, JSON."""
