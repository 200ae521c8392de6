"""jixiao (绩效): read, review, store and evaluate budget performance target tables."""

__version__ = "0.1.0"
