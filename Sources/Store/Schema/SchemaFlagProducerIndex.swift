/// Migration 0016: the review queue filtered by producer (`/flags?producer=`) and the list of
/// producers its filter form offers, without scanning the flags table on every page.
/// Frozen once shipped, like every migration.
enum SchemaFlagProducerIndex {
    static let index = """
        CREATE INDEX flags_by_producer_status_score ON flags(producer, status, score DESC, id);
        """
}
