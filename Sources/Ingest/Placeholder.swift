/// Ingest placeholder until readers land.
enum IngestPlaceholder {}
