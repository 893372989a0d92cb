import ArgumentParser
import CurateApp
import Foundation

/// `curate serve --store S [--port P] [--host H] [--token T]`.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Review flags in a browser: a flag queue, one page per flag, accept / edit / reject decisions.",
        discussion: """
            Listens on 127.0.0.1 by default and prints the address to open, with a random access token that every \
            request must carry (the page sets it as a cookie; forms carry it too). Decisions are stored like \
            `curate flags accept|reject|undo` and show in `curate flags export`. With --release SPEC, /preview shows what \
            the next release of SPEC would exclude because of accepted flags. A non-loopback --host requires --token. \
            Stops on Ctrl-C.
            """)

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0: any free port, printed).")
    var port = 8080

    @Option(name: .long, help: "A fixed access token (at least 16 letters, digits, - or _); random when absent.")
    var token: String?

    @Option(name: .long, help: "A dataset spec whose next release /preview shows (what accepted flags exclude); repeatable.")
    var release: [String] = []

    @OptionGroup var options: StoreOptions

    func run() throws {
        let json = options.json
        try ReviewServing.serve(storePath: options.storePath, options: .init(host: host, port: port, token: token, releaseSpecs: release)) { started in
            if json {
                try? printJSON(started)
            } else {
                print("review app listening on \(started.host):\(started.port); open \(started.url)")
                print("access token: \(started.token) (required on every request; Ctrl-C stops the server)")
            }
            fflush(nil)
        }
    }
}
