"""summarize: Chinese news pages in, bilingual (Chinese | English) article digests out."""

__version__ = "0.1.0"
