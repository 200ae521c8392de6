"""Synthetic 绩效目标表 / 自评表 / 部门整体 tables, and the text shapes the corpus prints them in.

Issue 13 part 4: the reader must generalize from the 31 corpus documents to tables it has
never seen. This package draws random valid tables from the framework vocabulary
(:mod:`synthetic.tables`, hypothesis strategies, so a failing table shrinks to a small one),
renders each into every shape the corpus shows (:mod:`synthetic.shapes`) and scores jixiao's
reading against the table the text came from with the corpus's own rules
(:mod:`synthetic.scoring`, reusing ``tests/corpus/corpus_accuracy.py``).

Why under ``tests/`` and not ``src/jixiao``: the strategies need hypothesis, a development
dependency, and nothing at run time (CLI, web) needs synthetic tables. The tests import it as
``synthetic`` with ``tests/`` on ``sys.path``; ``bench/bench_synthetic.py`` (the per-shape
report) does the same, as ``bench/bench_corpus.py`` does for ``corpus_accuracy``.
"""
