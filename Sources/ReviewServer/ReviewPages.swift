import Foundation
import Hummingbird
import Store

/// The handlers behind each route: read the request, ask the store, render a page.
struct ReviewPages: Sendable {
    let store: CurateStore
    let token: AccessToken
    let previews: [ReleasePreviewSource]
    let cache = QueueCache()

    /// `body`'s response, with a 4xx page for a request error and a 500 page for anything else.
    func answer(_ body: () async throws -> Response) async -> Response {
        do { return try await body() } catch { return Self.response(for: error) }
    }

    /// `body`'s response, or the error page of what it threw.
    func answer(_ body: () throws -> Response) -> Response {
        do { return try body() } catch { return Self.response(for: error) }
    }

    static func response(for error: any Error) -> Response {
        guard let error = error as? ReviewHTTPError else { return Responses.error(.internalServerError, String(describing: error)) }
        switch error {
        case .badRequest(let message): return Responses.error(.badRequest, message)
        case .notFound(let message): return Responses.error(.notFound, message)
        case .tooLarge(let message): return Responses.error(.contentTooLarge, message)
        case .unsupportedMediaType(let message): return Responses.error(.unsupportedMediaType, message)
        case .forbidden(let message): return Responses.error(.forbidden, message)
        }
    }

    /// GET /flags?status=&kind=&producer=&page=&per_page=
    func queue(_ request: Request) throws -> Response {
        let query = try QueueQuery(try Self.queryFields(request))
        let mark = try store.changeMark()
        let filter = QueueCache.QueueFilter(status: query.status, kind: query.kind, producer: query.producer)
        let order = try cache.order(filter, at: mark) {
            try store.flagQueueIds(status: query.status, kind: query.kind, producer: query.producer)
        }
        let slice = order.dropFirst(min(query.offset, order.count)).prefix(query.perPage)
        let page = FlagQueuePage(total: order.count, flags: try store.flags(ids: Array(slice)))
        let producers = try cache.producers(at: mark) { try store.flagProducers() }
        return Responses.html(.ok, QueuePageHTML.render(page, query: query, producers: producers))
    }

    /// GET /preview (the spec files) and /preview?spec=SPEC (what its next release would exclude
    /// because of accepted flags); only spec files the server was started with.
    func preview(_ request: Request) throws -> Response {
        guard let spec = try Self.queryFields(request)["spec"], !spec.isEmpty else {
            return Responses.html(.ok, PreviewPageHTML.index(previews.map(\.spec)))
        }
        guard let source = previews.first(where: { $0.spec == spec }) else {
            throw ReviewHTTPError.notFound("\(spec) is not a spec this server previews (start it with --release \(spec))")
        }
        return Responses.html(.ok, PreviewPageHTML.render(try source.compute(), spec: spec))
    }

    /// GET /flags/ID
    func flag(_ idText: String?, _ request: Request) throws -> Response {
        let data = try pageData(try Self.flagId(idText))
        let decided = try Self.queryFields(request)["decided"]
        let notice = decided.map { $0 == "open" ? "Decision undone: flag \(data.flag.id) is open again." : "Decision stored: flag \(data.flag.id) is now \($0)." }
        return Responses.html(.ok, FlagPageHTML.render(data, token: token, notice: notice))
    }

    /// POST /flags/ID/decide with the decision form. 303 to the flag page when stored; 409 with
    /// the decision already stored when another reviewer decided the flag first.
    func decide(_ idText: String?, _ request: Request) async throws -> Response {
        let id = try Self.flagId(idText)
        let fields = try await writeForm(request)
        guard try store.flag(id: id) != nil else { throw ReviewHTTPError.notFound("no flag with id \(id)") }
        let decision = try DecisionRequest(fields)
        do {
            try store.decideFlag(id: id, status: decision.status, note: decision.storedNote, reviewer: decision.reviewer)
        } catch {
            let data = try pageData(id)
            guard data.flag.status != .open else { throw error }
            return Responses.html(.conflict, ConflictPageHTML.render(data, attempted: decision))
        }
        return Responses.redirect("/flags/\(id)?decided=\(decision.status.rawValue)")
    }

    /// POST /flags/ID/undo with the undo form. 303 to the (open again) flag page when stored;
    /// 409 when the flag is open already or was decided again after the page was read.
    func undo(_ idText: String?, _ request: Request) async throws -> Response {
        let id = try Self.flagId(idText)
        let fields = try await writeForm(request)
        guard try store.flag(id: id) != nil else { throw ReviewHTTPError.notFound("no flag with id \(id)") }
        let undo = try UndoRequest(fields)
        do {
            try store.undoFlagDecision(id: id, note: undo.note, reviewer: undo.reviewer, expectedDecision: undo.decision)
        } catch let conflict as FlagDecisionConflict {
            return Responses.html(.conflict, ConflictPageHTML.render(try pageData(id), undo: undo, conflict: conflict))
        }
        return Responses.redirect("/flags/\(id)?decided=open")
    }

    /// The fields of a write: a form post of at most ``ReviewServer/maximumBodyBytes`` carrying
    /// the token in a field (or a header), so a cookie alone cannot write.
    func writeForm(_ request: Request) async throws -> FormFields {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            throw ReviewHTTPError.unsupportedMediaType("a decision is a form post (application/x-www-form-urlencoded), got \"\(contentType)\"")
        }
        var request = request
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: ReviewServer.maximumBodyBytes) } catch {
            throw ReviewHTTPError.tooLarge("a decision form is at most \(ReviewServer.maximumBodyBytes) bytes")
        }
        guard let fields = FormFields(String(decoding: buffer.readableBytesView, as: UTF8.self)[...]) else {
            throw ReviewHTTPError.badRequest("the form body is not valid URL-encoded UTF-8")
        }
        guard token.matches(fields["token"]) || token.matches(TokenMiddleware<BasicRequestContext>.headerToken(request)) else {
            throw ReviewHTTPError.forbidden("the form does not carry this server's token: reload the flag page and decide again")
        }
        return fields
    }

    func pageData(_ id: Int) throws -> FlagPageData {
        guard let flag = try store.flag(id: id) else { throw ReviewHTTPError.notFound("no flag with id \(id)") }
        let raw = flag.kind == .property ? try Int(flag.subjectKey).flatMap { try store.flaggedRawRecord(observationId: $0) } : nil
        let decidedAt = flag.status == .open ? nil : try store.flagDecidedAt(id: id)
        return FlagPageData(flag: flag, raw: raw, decidedAt: decidedAt, history: try store.flagHistory(id: id))
    }

    static func flagId(_ text: String?) throws -> Int {
        guard let text, let id = Int(text), id >= 1 else {
            throw ReviewHTTPError.notFound("\"\(text ?? "")\" is not a flag id (a whole number from 1)")
        }
        return id
    }

    static func queryFields(_ request: Request) throws -> FormFields {
        guard let fields = FormFields((request.uri.query ?? "")[...]) else {
            throw ReviewHTTPError.badRequest("the query string is not valid URL-encoded UTF-8")
        }
        return fields
    }
}
