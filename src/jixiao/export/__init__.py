"""Exports of the model to files and other programs' formats."""
