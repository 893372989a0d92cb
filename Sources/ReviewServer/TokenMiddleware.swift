import Hummingbird

/// Refuses (401) every request that does not present the access token. A GET with `?token=`
/// gets the token as a strict same-site cookie and is redirected to the same page without it.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: AccessToken
    static var cookieName: String { "curate_token" }
    /// The request header that may carry the token (compared case-insensitively).
    static var headerName: String { "x-curate-token" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if token.matches(Self.headerToken(request)) || token.matches(request.cookies[Self.cookieName]?.value) {
            return try await next(request, context)
        }
        let query = request.uri.query.flatMap { FormFields($0[...]) }
        if request.method == .get, token.matches(query?["token"]) {
            var response = Responses.redirect(request.uri.path)
            response.setCookie(Cookie(name: Self.cookieName, value: token.value, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        var response = Responses.error(.unauthorized,
                                       "This review server needs its access token: open the address `curate serve` printed (it ends in ?token=…), "
                                       + "or send the header X-Curate-Token.")
        response.headers[.wwwAuthenticate] = "Bearer realm=\"curate review\""
        return response
    }

    /// The token in `X-Curate-Token` or `Authorization: Bearer`.
    static func headerToken(_ request: Request) -> String? {
        if let field = request.headers.first(where: { $0.name.canonicalName == headerName }) { return field.value }
        guard let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") else { return nil }
        return String(authorization.dropFirst("Bearer ".count))
    }
}
