"""One rule per module, named by its code. See :mod:`jixiao.review.rule`."""
