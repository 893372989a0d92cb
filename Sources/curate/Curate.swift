import ArgumentParser
import CurateIO

/// `curate`: turn messy materials databases into clean, versioned, benchmark-ready datasets.
@main
struct Curate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curate",
        abstract: "Curate materials databases into clean, versioned, benchmark-ready datasets.",
        discussion: """
            Every command reads or writes one SQLite store: --store PATH, else $CURATE_STORE, \
            else ./curate.sqlite. Every command prints JSON with --json.
            """,
        version: CurateVersion.current,
        subcommands: [IngestCommand.self, FormulaCommand.self, StatsCommand.self, QuarantineCommand.self,
                      ShowCommand.self, CleanCommand.self, LedgerCommand.self, ClustersCommand.self, WhyCommand.self, LeakageCommand.self, HullCommand.self, StructureCommand.self, ReleaseCommand.self, DiffCommand.self,
                      BenchCommand.self, TrainCommand.self, PredictCommand.self, EvaluateCommand.self, PredictWrenCommand.self, WrenLabelsCommand.self,
                      FlagCommand.self, FlagsCommand.self, SimilarCommand.self, ScreenCommand.self, CandidatesCommand.self, DemoCommand.self, ReportCommand.self, ServeCommand.self, CupratesCommand.self, PullCommand.self])
}
