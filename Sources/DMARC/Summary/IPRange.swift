import Foundation

/// An address or a CIDR range (`192.0.2.0/24`, `2001:db8::/32`), for filtering records by source.
public struct IPRange: Hashable, Sendable, CustomStringConvertible {
    /// The first address of the range (host bits cleared).
    public let network: IPAddress
    public let prefixLength: Int

    /// Parses `ADDRESS` or `ADDRESS/PREFIX`; nil for anything else.
    public init?(_ text: some StringProtocol) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPAddress(parts[0]) else { return nil }
        let maximum = address.bytes.count * 8
        var length = maximum
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), (0...maximum).contains(parsed), parts[1].allSatisfy(\.isNumber)
            else { return nil }
            length = parsed
        }
        self.prefixLength = length
        self.network = IPAddress(bytes: Self.masked(address.bytes, to: length))!
    }

    /// Whether `address` lies in this range (an IPv4 address is never in an IPv6 range, nor the reverse).
    public func contains(_ address: IPAddress) -> Bool {
        address.bytes.count == network.bytes.count && Self.masked(address.bytes, to: prefixLength) == network.bytes
    }

    public var description: String {
        prefixLength == network.bytes.count * 8 ? network.description : "\(network)/\(prefixLength)"
    }

    private static func masked(_ bytes: [UInt8], to length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let bitsKept = min(max(length - index * 8, 0), 8)
            return bitsKept == 8 ? byte : byte & ~(0xFF >> bitsKept)
        }
    }
}
