"""Batch annotation of corpora and corpus-scale cross-checking.

``annotate`` (:mod:`.annotate`) writes Parquet tables ``documents``, ``mentions`` and ``claims`` shard by
shard, resumably (:mod:`.shards`), with ``datasets`` or Ray Data (:mod:`.ray_engine`) doing the parallel
map; ``crosscheck_outdir`` (:mod:`.corpus_check`) cross-checks those tables with columnar group-bys.
"""
