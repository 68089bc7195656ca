"""One event, many reports: near-duplicate articles, stories and merged events.

- `near`: MinHash signatures; the same text republished is stored once, every source kept.
- `profile`, `vectors`, `similarity`, `stories`: articles grouped into stories (one
  real-world event each) as they arrive, from the words, names, places and dates they share.
- `events`: events of one happening merged into one record with all its reports.

Everything here is plain computation on `dateline.model` records; `dateline.store` keeps
the results in the database, one transaction per batch.
"""
