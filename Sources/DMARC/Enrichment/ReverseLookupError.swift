/// Why reverse lookups could not start at all (c-ares could not be set up, the server given is unusable).
public struct ReverseLookupError: Error, Sendable, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
