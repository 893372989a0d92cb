import CCurl
import Foundation

/// One HTTP GET through a libcurl easy handle: follows redirects, sends the extra headers and
/// the resume offset it is given, collects the final response's status and headers, and hands
/// the body of a 2xx response to `body` as it arrives (other bodies are kept, up to 1 KiB, for
/// the error message). Nothing here touches files; ``Puller`` decides what the bytes mean.
struct HTTPTransfer {
    /// The request.
    var url: String
    /// Extra request headers, e.g. `If-None-Match: "abc"`.
    var headers: [String] = []
    /// Bytes already held: asks for the rest with `Range: bytes=N-`.
    var resumeFrom: Int64 = 0
    /// Timeouts and redirect limit.
    var timeouts: PullTimeouts = PullTimeouts()

    /// What came back, also when the transfer failed half-way (``HTTPResponse/failure``).
    func perform(progress: ((Int64, Int64?) -> Void)? = nil,
                 body: @escaping (_ status: Int, _ bytes: UnsafeRawBufferPointer) -> Bool) -> HTTPResponse {
        Self.initialise
        guard let handle = curl_easy_init() else {
            return HTTPResponse(failure: HTTPResponse.Failure(code: -1, message: "libcurl could not create a handle"))
        }
        defer { curl_easy_cleanup(handle) }
        let state = TransferState(body: body, progress: progress, resumeFrom: resumeFrom)
        let context = Unmanaged.passUnretained(state).toOpaque()
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers { list = curl_slist_append(list, header) }
        defer { curl_slist_free_all(list) }
        let code: CURLcode = errorBuffer.withUnsafeMutableBufferPointer { errors in
            _ = curate_curl_set_string(handle, CURLOPT_URL, url)
            _ = curate_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 1)
            _ = curate_curl_set_long(handle, CURLOPT_MAXREDIRS, timeouts.maxRedirects)
            _ = curate_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
            _ = curate_curl_set_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
            _ = curate_curl_set_long(handle, CURLOPT_NOSIGNAL, 1)
            _ = curate_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Int(timeouts.connect * 1000))
            if let total = timeouts.total { _ = curate_curl_set_long(handle, CURLOPT_TIMEOUT_MS, Int(total * 1000)) }
            // A transfer slower than 1 byte/s for `stall` seconds has stalled.
            _ = curate_curl_set_long(handle, CURLOPT_LOW_SPEED_LIMIT, 1)
            _ = curate_curl_set_long(handle, CURLOPT_LOW_SPEED_TIME, max(1, Int(timeouts.stall.rounded(.up))))
            _ = curate_curl_set_string(handle, CURLOPT_USERAGENT, "curate-pull (libcurl)")
            _ = curate_curl_set_string(handle, CURLOPT_ACCEPT_ENCODING, "identity")
            // CURLOPT_RANGE rather than RESUME_FROM: a server that ignores the range sends the whole
            // file (200), which the sink then restarts from, instead of curl failing the transfer.
            if resumeFrom > 0 { _ = curate_curl_set_string(handle, CURLOPT_RANGE, "\(resumeFrom)-") }
            if list != nil { _ = curate_curl_set_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(list)) }
            _ = curate_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errors.baseAddress))
            _ = curate_curl_set_data_callback(handle, CURLOPT_WRITEFUNCTION, transferWrite)
            _ = curate_curl_set_pointer(handle, CURLOPT_WRITEDATA, context)
            _ = curate_curl_set_data_callback(handle, CURLOPT_HEADERFUNCTION, transferHeader)
            _ = curate_curl_set_pointer(handle, CURLOPT_HEADERDATA, context)
            if progress != nil {
                _ = curate_curl_set_long(handle, CURLOPT_NOPROGRESS, 0)
                _ = curate_curl_set_progress_callback(handle, transferProgress)
                _ = curate_curl_set_pointer(handle, CURLOPT_XFERINFODATA, context)
            }
            return curl_easy_perform(handle)
        }
        var response = HTTPResponse()
        var status = 0
        _ = curate_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &status)
        response.status = status
        var effective: UnsafeMutablePointer<CChar>?
        if curate_curl_get_string(handle, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK, let effective {
            response.effectiveURL = String(cString: effective)
        }
        var redirects = 0
        _ = curate_curl_get_long(handle, CURLINFO_REDIRECT_COUNT, &redirects)
        response.redirects = redirects
        response.headers = state.headers
        response.bodyBytes = state.bodyBytes
        response.errorBody = String(decoding: state.errorBody, as: UTF8.self)
        if code != CURLE_OK {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            response.failure = HTTPResponse.Failure(code: Int(code.rawValue), message: message,
                                                    timedOut: code == CURLE_OPERATION_TIMEDOUT,
                                                    aborted: code == CURLE_WRITE_ERROR && state.sinkRefused)
        }
        return response
    }

    private static let initialise: Void = { _ = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()
}

/// What the callbacks share with ``HTTPTransfer/perform(progress:body:)``.
private final class TransferState {
    let body: (Int, UnsafeRawBufferPointer) -> Bool
    let progress: ((Int64, Int64?) -> Void)?
    let resumeFrom: Int64
    var status = 0
    var headers: [String: String] = [:]
    var bodyBytes: Int64 = 0
    var errorBody: [UInt8] = []
    var sinkRefused = false

    init(body: @escaping (Int, UnsafeRawBufferPointer) -> Bool, progress: ((Int64, Int64?) -> Void)?, resumeFrom: Int64) {
        self.body = body
        self.progress = progress
        self.resumeFrom = resumeFrom
    }

    /// A header line; a status line starts a new response (each redirect has its own).
    func header(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("HTTP/") {
            let parts = trimmed.split(separator: " ")
            status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            headers = [:]
            return
        }
        guard let colon = trimmed.firstIndex(of: ":") else { return }
        let name = trimmed[..<colon].lowercased()
        headers[name] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard (200..<300).contains(status) else {
            // Kept for the error message; 16 KiB holds an API error document whose `meta` comes first.
            if errorBody.count < 16_384 { errorBody.append(contentsOf: bytes.prefix(16_384 - errorBody.count)) }
            return true
        }
        bodyBytes += Int64(bytes.count)
        if !body(status, bytes) {
            sinkRefused = true
            return false
        }
        return true
    }
}

private func transferWrite(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    guard let data, length > 0 else { return length }
    return state.write(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private func transferHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let context else { return 0 }
    let length = size * count
    guard let data else { return length }
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue().header(line)
    return length
}

private func transferProgress(_ context: UnsafeMutableRawPointer?, _ total: curl_off_t, _ now: curl_off_t,
                              _ upTotal: curl_off_t, _ upNow: curl_off_t) -> Int32 {
    guard let context else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(context).takeUnretainedValue()
    guard (200..<300).contains(state.status) else { return 0 }
    state.progress?(state.resumeFrom + Int64(now), total > 0 ? state.resumeFrom + Int64(total) : nil)
    return 0
}
