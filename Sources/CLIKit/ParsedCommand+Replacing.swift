extension ParsedCommand {
    /// The same command with the value of option or argument `name` replaced by
    /// `value` (every occurrence). A server uses it to point a file the desk named
    /// at the copy that travelled with the request.
    ///
    /// ```swift
    /// let local = command.replacingValue(of: "out", with: "/tmp/req-1/claims.837")
    /// ```
    public func replacingValue(of name: String, with value: String) -> ParsedCommand {
        var given = givenValues
        var arguments = argumentValues
        var words = positionals
        if let values = given[name] { given[name] = values.map { _ in value } }
        if let values = arguments[name] {
            for old in values {
                if let index = words.firstIndex(of: old) { words[index] = value }
            }
            arguments[name] = values.map { _ in value }
        }
        return ParsedCommand(path: path, displayName: displayName, positionals: words,
                             argumentValues: arguments, givenValues: given, defaults: defaults)
    }
}
