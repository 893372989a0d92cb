/// Migration 0013: the review queue's index. `curate serve` lists flags of one status by score,
/// a page at a time; without this index every page sorted the whole flags table (20k flags:
/// ~30 ms a page). Frozen once shipped, like every migration.
enum SchemaFlagQueue {
    static let index = """
        CREATE INDEX flags_by_status_score ON flags(status, score DESC, id);
        """
}
