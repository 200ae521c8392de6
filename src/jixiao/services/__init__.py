"""Use-cases. The CLI (and later the web app) call these and nothing deeper.

One module per use-case family: :mod:`.documents` (reading files into documents).
"""

from jixiao.services.documents import MAX_FILE_MB, read_document, read_documents
from jixiao.services.review import ReviewedDocument, review_documents

__all__ = [
    "MAX_FILE_MB",
    "ReviewedDocument",
    "read_document",
    "read_documents",
    "review_documents",
]
