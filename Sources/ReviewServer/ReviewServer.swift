import Hummingbird
import Store

/// The review web application behind `curate serve`: the flag queue, one page per flag, and
/// accept / edit / reject decisions and their undo, written through the store's own decision calls.
///
/// Every request must carry the ``AccessToken`` (cookie `curate_token`, header `X-Curate-Token`
/// or `Authorization: Bearer`, or `?token=` once, which sets the cookie); writes need it in the
/// form itself (or the header), so a cookie alone cannot post a decision from another site.
public struct ReviewServer: Sendable {
    public let store: CurateStore
    public let token: AccessToken
    /// The largest request body read (a decision form), in bytes.
    public static let maximumBodyBytes = 64 * 1024

    /// The spec files the release preview may build (`/preview?spec=`); no others.
    public let previews: [ReleasePreviewSource]

    public init(store: CurateStore, token: AccessToken, previews: [ReleasePreviewSource] = []) {
        self.store = store
        self.token = token
        self.previews = previews
    }

    /// The application bound to `host`:`port` (0: any free port); `onRunning` gets the bound port.
    public func application(host: String, port: Int,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "curate-review"),
                    onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) })
    }

    /// Serves until SIGINT or SIGTERM.
    public func run(host: String, port: Int, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(host: host, port: port, onRunning: onRunning).runService()
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: TokenMiddleware(token: token))
        let pages = ReviewPages(store: store, token: token, previews: previews)
        router.get("/") { _, _ in Responses.redirect("/flags") }
        router.get("/flags") { request, _ in pages.answer { try pages.queue(request) } }
        router.get("/flags/:id") { request, context in pages.answer { try pages.flag(context.parameters.get("id"), request) } }
        router.post("/flags/:id/decide") { request, context in
            await pages.answer { try await pages.decide(context.parameters.get("id"), request) }
        }
        router.get("/preview") { request, _ in pages.answer { try pages.preview(request) } }
        router.post("/flags/:id/undo") { request, context in
            await pages.answer { try await pages.undo(context.parameters.get("id"), request) }
        }
        return router
    }
}
