#if canImport(Glibc)
import Glibc
#endif

/// A bound, listening TCP socket made before the HTTP daemon starts, so the
/// address is checked (and port 0 resolved) by us, with errors people can read.
struct ListeningSocket {
    let descriptor: Int32
    let port: UInt16

    /// Splits `host:port`, `[v6]:port` or `:port` into its parts.
    static func split(_ address: String) throws(HTTPKitError) -> (host: String, port: UInt16) {
        var host: Substring
        var portText: Substring
        if address.hasPrefix("[") {
            guard let close = address.firstIndex(of: "]") else { throw HTTPKitError("--listen: '\(address)' has no closing ']'") }
            host = address[address.index(after: address.startIndex)..<close]
            let rest = address[address.index(after: close)...]
            guard rest.hasPrefix(":") else { throw HTTPKitError("--listen: expected HOST:PORT, e.g. 127.0.0.1:8443") }
            portText = rest.dropFirst()
        } else {
            guard let colon = address.lastIndex(of: ":") else { throw HTTPKitError("--listen: expected HOST:PORT, e.g. 127.0.0.1:8443") }
            host = address[..<colon]
            portText = address[address.index(after: colon)...]
        }
        if host.isEmpty { host = "0.0.0.0" }
        guard let port = UInt16(portText) else { throw HTTPKitError("--listen: the port must be a number from 0 to 65535") }
        return (String(host), port)
    }

    static func open(_ address: String, backlog: Int32 = 128) throws(HTTPKitError) -> ListeningSocket {
        let (host, port) = try split(address)
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV | AI_NUMERICHOST
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let found = getaddrinfo(host, String(port), &hints, &list)
        guard found == 0, let first = list else {
            throw HTTPKitError("--listen: '\(host)' is not an IP address of this machine (use e.g. 127.0.0.1 or ::1)")
        }
        defer { freeaddrinfo(list) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard fd >= 0 else { throw HTTPKitError("--listen: cannot make a socket (\(String(cString: strerror(errno))))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw HTTPKitError("--listen: cannot listen on \(address) (\(reason))")
        }
        guard listen(fd, backlog) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw HTTPKitError("--listen: cannot listen on \(address) (\(reason))")
        }
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let bound: UInt16 = withUnsafeMutablePointer(to: &storage) { pointer in
            _ = pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            if Int32(pointer.pointee.ss_family) == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
        return ListeningSocket(descriptor: fd, port: bound)
    }
}
