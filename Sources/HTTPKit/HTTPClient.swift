import CCurl
import Foundation

/// A blocking HTTP client on libcurl, enough for a CLI talking to its server:
/// one request, the whole answer.
///
/// ```swift
/// let reply = try HTTPClient().post("https://desk:8443/api/v1/run", body: json,
///                                   headers: ["Content-Type: application/json"])
/// ```
public struct HTTPClient: Sendable {
    /// A PEM file of the certificates to trust instead of the system's (a practice's own CA or self-signed certificate).
    public var caFile: String?
    public var timeoutSeconds: Int

    public init(caFile: String? = nil, timeoutSeconds: Int = 600) {
        self.caFile = caFile
        self.timeoutSeconds = timeoutSeconds
    }

    /// libcurl's global state is made once, before any handle (thread-safe since 7.84).
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK

    public struct Reply: Sendable {
        public let status: Int
        public let body: [UInt8]
        public let headers: [String: String]
    }

    public func post(_ url: String, body: [UInt8], headers: [String]) throws(HTTPKitError) -> Reply {
        try perform(url, method: "POST", body: body, headers: headers)
    }

    public func get(_ url: String, headers: [String] = []) throws(HTTPKitError) -> Reply {
        try perform(url, method: "GET", body: nil, headers: headers)
    }

    private func perform(_ url: String, method: String, body: [UInt8]?, headers: [String]) throws(HTTPKitError) -> Reply {
        guard Self.initialized, let curl = curl_easy_init() else { throw HTTPKitError("the HTTP client could not start (libcurl)") }
        defer { curl_easy_cleanup(curl) }
        let sink = ReplySink()
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers { list = curl_slist_append(list, header) }
        defer { curl_slist_free_all(list) }
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let code: CURLcode = url.withCString { urlPointer in
            (caFile ?? "").withCString { caPointer in
                errorBuffer.withUnsafeMutableBufferPointer { errors in
                    let payload = body ?? []
                    return payload.withUnsafeBytes { bytes in
                        _ = practica_curl_set_pointer(curl, CURLOPT_URL, urlPointer)
                        _ = practica_curl_set_pointer(curl, CURLOPT_ERRORBUFFER, errors.baseAddress)
                        _ = practica_curl_set_long(curl, CURLOPT_NOSIGNAL, 1)
                        _ = practica_curl_set_long(curl, CURLOPT_TIMEOUT, timeoutSeconds)
                        _ = practica_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT, 10)
                        // Only HTTP and HTTPS: a server URL must not become a file read or another protocol.
                        _ = practica_curl_set_pointer(curl, CURLOPT_PROTOCOLS_STR, "http,https")
                        _ = practica_curl_set_pointer(curl, CURLOPT_HTTPHEADER, list)
                        if caFile != nil { _ = practica_curl_set_pointer(curl, CURLOPT_CAINFO, caPointer) }
                        if body != nil {
                            _ = practica_curl_set_long(curl, CURLOPT_POST, 1)
                            _ = practica_curl_set_long(curl, CURLOPT_POSTFIELDSIZE, bytes.count)
                            _ = practica_curl_set_pointer(curl, CURLOPT_POSTFIELDS, bytes.baseAddress ?? UnsafeRawPointer(urlPointer))
                        }
                        _ = practica_curl_set_write_function(curl, replyWriter)
                        _ = practica_curl_set_pointer(curl, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())
                        _ = practica_curl_set_write_function_header(curl, headerWriter)
                        _ = practica_curl_set_pointer(curl, CURLOPT_HEADERDATA, Unmanaged.passUnretained(sink).toOpaque())
                        return withExtendedLifetime(sink) { curl_easy_perform(curl) }
                    }
                }
            }
        }
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            throw HTTPKitError("cannot reach \(Self.origin(of: url)): \(reason)")
        }
        var status = 0
        _ = practica_curl_response_code(curl, &status)
        return Reply(status: status, body: sink.body, headers: sink.headers)
    }

    /// Scheme, host and port of `url`: errors never repeat a path or query.
    static func origin(of url: String) -> String {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return "the server" }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }
}

final class ReplySink {
    var body: [UInt8] = []
    var headers: [String: String] = [:]
}

private func replyWriter(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let data, let context else { return 0 }
    let sink = Unmanaged<ReplySink>.fromOpaque(context).takeUnretainedValue()
    data.withMemoryRebound(to: UInt8.self, capacity: size * count) {
        sink.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: size * count))
    }
    return size * count
}

private func headerWriter(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let data, let context else { return 0 }
    let sink = Unmanaged<ReplySink>.fromOpaque(context).takeUnretainedValue()
    let line = data.withMemoryRebound(to: UInt8.self, capacity: size * count) {
        String(decoding: UnsafeBufferPointer(start: $0, count: size * count), as: UTF8.self)
    }
    if let colon = line.firstIndex(of: ":") {
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        sink.headers[name] = value
    }
    return size * count
}
