import Hummingbird

/// The responses the review pages send: HTML with the security headers every page carries.
enum Responses {
    /// An HTML response; pages are never cached, never framed, and load nothing from elsewhere.
    static func html(_ status: HTTPResponse.Status, _ text: String) -> Response {
        let headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8",
            .cacheControl: "no-store",
            .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
        ]
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 See Other to `location`.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        html(status, HTML.errorPage(status: status.code, title: status.reasonPhrase, message: message))
    }
}
