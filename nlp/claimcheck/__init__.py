"""claimcheck: extract, normalise and cross-check factual claims in news articles."""

__version__ = "0.1.0"
