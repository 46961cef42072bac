/// One HTTP request as the server hands it to its handler: read whole, body included.
public struct HTTPRequest: Sendable {
    public let method: String
    /// The path without the query string, e.g. `/api/v1/run`.
    public let path: String
    /// Header names lower-cased.
    public let headers: [String: String]
    public let body: [UInt8]
    /// True when the request came over TLS.
    public let isSecure: Bool

    public init(method: String, path: String, headers: [String: String], body: [UInt8], isSecure: Bool = false) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
        self.isSecure = isSecure
    }

    /// The header called `name` (any case).
    public func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// What a handler answers.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body (already rendered) with its content type.
    public static func json(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
    }

    /// A one-line plain-text body.
    public static func text(_ status: Int, _ text: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers, body: Array((text + "\n").utf8))
    }
}

/// Why the server or the client could not do its work; `description` is one line for people.
public struct HTTPKitError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
