"""The index: the record prepared for checking, and the search of its claims.

- ``profile``: a claim prepared for comparison (its words in both languages, names, values,
  read against its own source's date);
- ``postings``: the inverted index (which claims have a word or a name), as flat arrays;
- ``store``: :class:`~factcheck.index.store.Index`, the prepared record that the run hands
  on (record, profiles, word weights, postings, passages), how it is built, and how it is
  opened from the cache (``open_index``);
- ``search``: which claims and passages a statement is about (``candidates``,
  ``closest_passage``).

Import from the module that defines a name: this package's root imports nothing, so that
no caller loads more than it uses.
"""
