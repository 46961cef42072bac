import CMicroHTTPD
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on libmicrohttpd: reads each request whole (up to a body
/// limit), hands it to one handler on a worker thread, and sends the answer.
///
/// ```swift
/// let server = try HTTPServer(.init(listen: "127.0.0.1:0")) { request in .text(200, "ok") }
/// print(server.port)
/// server.drain()   // stop taking requests, wait for the running ones, stop
/// ```
///
/// The handler may block (a command appending to the log): libmicrohttpd runs a
/// pool of `workers` threads, each with its own connections, and the idle timeout
/// is off while a handler runs, so a long command never loses its answer. `admit`
/// sees each request's method, path and headers before its body is read, so an
/// unauthenticated caller cannot make the server buffer bodies. While draining,
/// new requests get 503 and the listening socket is closed; a request counts as
/// running until its answer has been sent.
///
/// Stop the server (`drain` or `stop`) before releasing it: the daemon's
/// callbacks hold it unretained.
public final class HTTPServer: @unchecked Sendable {
    public struct Configuration: Sendable {
        /// `HOST:PORT`; port 0 picks a free one (see ``HTTPServer/port``).
        public var listen: String
        /// PEM texts of the certificate (chain) and its key, for HTTPS.
        public var tls: (certificate: String, key: String)?
        public var workers: Int
        /// Bodies over this many bytes are answered 413 without being read.
        public var maxBodyBytes: Int
        /// A connection idle (or trickling) this long is closed.
        public var idleTimeoutSeconds: Int
        public var maxConnections: Int

        public init(listen: String, tls: (certificate: String, key: String)? = nil, workers: Int = 4,
                    maxBodyBytes: Int = 16 << 20, idleTimeoutSeconds: Int = 30, maxConnections: Int = 256) {
            self.listen = listen
            self.tls = tls
            self.workers = workers
            self.maxBodyBytes = maxBodyBytes
            self.idleTimeoutSeconds = idleTimeoutSeconds
            self.maxConnections = maxConnections
        }
    }

    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse
    /// Looks at a request before its body is read (the body is empty here): an answer refuses it at once.
    public typealias Admission = @Sendable (HTTPRequest) -> HTTPResponse?

    public let port: UInt16
    let configuration: Configuration
    let handler: Handler
    let admit: Admission
    private var daemon: OpaquePointer?
    private let lock = NSCondition()
    private var running = 0
    private var draining = false
    /// Kept alive as long as the daemon reads them.
    private var keptStrings: [UnsafeMutablePointer<CChar>] = []

    public init(_ configuration: Configuration, admit: @escaping Admission = { _ in nil },
                handler: @escaping Handler) throws(HTTPKitError) {
        self.configuration = configuration
        self.handler = handler
        self.admit = admit
        let socket = try ListeningSocket.open(configuration.listen)
        self.port = socket.port
        try start(socket)
    }

    deinit {
        stop()
        for pointer in keptStrings { free(pointer) }
    }

    private func start(_ socket: ListeningSocket) throws(HTTPKitError) {
        var flags = UInt32(MHD_USE_AUTO_INTERNAL_THREAD.rawValue | MHD_USE_ITC.rawValue)
        var options: [MHD_OptionItem] = [
            MHD_OptionItem(option: .LISTEN_SOCKET, value: Int(socket.descriptor), ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_TIMEOUT, value: configuration.idleTimeoutSeconds, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_LIMIT, value: configuration.maxConnections, ptr_value: nil),
            practica_mhd_completed_option(requestCompleted, nil),
        ]
        if configuration.workers > 1 {
            options.append(MHD_OptionItem(option: .THREAD_POOL_SIZE, value: configuration.workers, ptr_value: nil))
        }
        if let tls = configuration.tls {
            guard MHD_is_feature_supported(.FEATURE_TLS) == .YES else {
                close(socket.descriptor)
                throw HTTPKitError("--tls-cert: this libmicrohttpd was built without TLS")
            }
            flags |= UInt32(MHD_USE_TLS.rawValue)
            let certificate = strdup(tls.certificate)
            let key = strdup(tls.key)
            keptStrings += [certificate, key].compactMap { $0 }
            options.append(MHD_OptionItem(option: .HTTPS_MEM_CERT, value: 0, ptr_value: UnsafeMutableRawPointer(certificate)))
            options.append(MHD_OptionItem(option: .HTTPS_MEM_KEY, value: 0, ptr_value: UnsafeMutableRawPointer(key)))
        }
        options.append(MHD_OptionItem(option: .END, value: 0, ptr_value: nil))
        let context = Unmanaged.passUnretained(self).toOpaque()
        daemon = options.withUnsafeMutableBufferPointer { buffer in
            practica_mhd_start(flags, 0, accessHandler, context, buffer.baseAddress)
        }
        guard daemon != nil else {
            close(socket.descriptor)
            throw HTTPKitError(configuration.tls == nil
                ? "--listen: the HTTP server did not start on \(configuration.listen)"
                : "--tls-cert: the HTTPS server did not start (is the certificate and key PEM, and do they match?)")
        }
    }

    /// Stops taking requests (new ones get 503, the socket closes), waits up to
    /// `limit` for the running requests to finish and their answers to be sent,
    /// then stops the daemon.
    public func drain(limit: TimeInterval = 120) {
        lock.lock()
        draining = true
        let daemon = self.daemon
        lock.unlock()
        if let daemon {
            let descriptor = MHD_quiesce_daemon(daemon)
            if descriptor >= 0 { close(descriptor) }
        }
        let deadline = Date().addingTimeInterval(limit)
        lock.lock()
        while running > 0 && lock.wait(until: deadline) {}
        lock.unlock()
        stop()
    }

    /// Stops at once; a handler already running still finishes its work.
    public func stop() {
        lock.lock()
        let daemon = self.daemon
        self.daemon = nil
        lock.unlock()
        if let daemon { MHD_stop_daemon(daemon) }
    }

    /// How many handlers are running now.
    public var runningHandlers: Int {
        lock.lock()
        defer { lock.unlock() }
        return running
    }

    /// Enters a handler unless draining.
    func enter() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if draining { return false }
        running += 1
        return true
    }

    func leave() {
        lock.lock()
        running -= 1
        lock.broadcast()
        lock.unlock()
    }
}

/// What one request collects across libmicrohttpd's calls of the access handler.
final class PendingRequest {
    var body: [UInt8] = []
    /// Answered before its body was read (413, or refused by `admit`): the rest of the body is discarded.
    var answeredEarly = false
    /// Set while counted as running: from its handler's start until its answer is sent.
    var entered: HTTPServer?
}

private func headerCollector(_ cls: UnsafeMutableRawPointer?, _ kind: MHD_ValueKind,
                             _ key: UnsafePointer<CChar>?, _ value: UnsafePointer<CChar>?) -> MHD_Result {
    guard let cls, let key else { return .YES }
    let box = Unmanaged<HeaderBox>.fromOpaque(cls).takeUnretainedValue()
    box.headers[String(cString: key).lowercased()] = value.map { String(cString: $0) } ?? ""
    return .YES
}

final class HeaderBox {
    var headers: [String: String] = [:]
}

private func requestCompleted(_ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
                              _ state: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ code: MHD_RequestTerminationCode) {
    guard let state, let opaque = state.pointee else { return }
    let pending = Unmanaged<PendingRequest>.fromOpaque(opaque)
    // The answer has gone (or the connection died): only now does a drain stop waiting for it.
    if let server = pending.takeUnretainedValue().entered { server.leave() }
    pending.release()
    state.pointee = nil
}

private func send(_ response: HTTPResponse, on connection: OpaquePointer?) -> MHD_Result {
    let body = response.body
    let made: OpaquePointer? = body.withUnsafeBytes { bytes in
        MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
    }
    guard let made else { return .NO }
    for header in response.headers { MHD_add_response_header(made, header.name, header.value) }
    // Answers carry patient data and tokens: never kept by a cache or a proxy.
    MHD_add_response_header(made, "Cache-Control", "no-store")
    let queued = MHD_queue_response(connection, UInt32(response.status), made)
    MHD_destroy_response(made)
    return queued
}

private func request(_ connection: OpaquePointer?, _ url: UnsafePointer<CChar>?, _ method: UnsafePointer<CChar>?,
                     body: [UInt8], server: HTTPServer) -> HTTPRequest {
    let headers = HeaderBox()
    withExtendedLifetime(headers) {
        _ = MHD_get_connection_values(connection, .HEADER_KIND, headerCollector, Unmanaged.passUnretained(headers).toOpaque())
    }
    var path = url.map { String(cString: $0) } ?? "/"
    if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
    return HTTPRequest(method: method.map { String(cString: $0) } ?? "GET", path: path, headers: headers.headers,
                       body: body, isSecure: server.configuration.tls != nil)
}

private func accessHandler(_ cls: UnsafeMutableRawPointer?, _ connection: OpaquePointer?,
                           _ url: UnsafePointer<CChar>?, _ method: UnsafePointer<CChar>?, _ version: UnsafePointer<CChar>?,
                           _ uploadData: UnsafePointer<CChar>?, _ uploadSize: UnsafeMutablePointer<Int>?,
                           _ state: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> MHD_Result {
    guard let cls, let state, let uploadSize else { return .NO }
    let server = Unmanaged<HTTPServer>.fromOpaque(cls).takeUnretainedValue()
    guard let existing = state.pointee else {
        // First call: headers only. A declared oversize body, or a request `admit` refuses, is answered before the body is read.
        let pending = PendingRequest()
        state.pointee = Unmanaged.passRetained(pending).toOpaque()
        if let declared = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length").map({ String(cString: $0) }),
           let length = Int(declared), length > server.configuration.maxBodyBytes {
            pending.answeredEarly = true
            return send(.text(413, "error: the request body is over \(server.configuration.maxBodyBytes) bytes"), on: connection)
        }
        if let refusal = server.admit(request(connection, url, method, body: [], server: server)) {
            pending.answeredEarly = true
            return send(refusal, on: connection)
        }
        return .YES
    }
    let pending = Unmanaged<PendingRequest>.fromOpaque(existing).takeUnretainedValue()
    if uploadSize.pointee > 0 {
        if !pending.answeredEarly, let uploadData {
            if pending.body.count + uploadSize.pointee > server.configuration.maxBodyBytes {
                // A body sent without its length grew past the limit: libmicrohttpd cannot answer in the
                // middle of an upload, so the connection is closed (a declared length got its 413 above).
                pending.body = []
                return .NO
            }
            uploadData.withMemoryRebound(to: UInt8.self, capacity: uploadSize.pointee) {
                pending.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: uploadSize.pointee))
            }
        }
        uploadSize.pointee = 0
        return .YES
    }
    if pending.answeredEarly { return .YES }
    guard server.enter() else {
        return send(.text(503, "error: the server is shutting down", headers: [("Retry-After", "5"), ("Connection", "close")]), on: connection)
    }
    pending.entered = server
    let whole = request(connection, url, method, body: pending.body, server: server)
    pending.body = []
    // No idle timeout while the handler works: a long command must not lose its answer.
    _ = practica_mhd_set_timeout(connection, 0)
    let response = server.handler(whole)
    _ = practica_mhd_set_timeout(connection, UInt32(server.configuration.idleTimeoutSeconds))
    return send(response, on: connection)
}
