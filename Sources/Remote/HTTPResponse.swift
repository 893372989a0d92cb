/// The final response of an ``HTTPTransfer`` (after redirects).
struct HTTPResponse {
    /// Why libcurl stopped early: a dropped connection, a timeout, a refused connection.
    struct Failure {
        var code: Int
        var message: String
        var timedOut = false
        /// The body sink refused the bytes (a local write failed).
        var aborted = false
    }

    /// HTTP status, 0 when no response arrived.
    var status = 0
    /// The URL that answered, after redirects.
    var effectiveURL: String?
    /// How many redirects were followed.
    var redirects = 0
    /// Response headers of the final response, by lowercase name.
    var headers: [String: String] = [:]
    /// Body bytes handed to the sink.
    var bodyBytes: Int64 = 0
    /// The start (16 KiB) of a non-2xx body, for the error message.
    var errorBody = ""
    /// Set when the transfer did not finish.
    var failure: Failure?
}
