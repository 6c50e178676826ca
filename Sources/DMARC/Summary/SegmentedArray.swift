/// An array kept in segments of a fixed size: appending never moves what is there, so a table that grows to
/// tens of thousands of rows does not hold its old storage and a new one twice its size at once, as an `Array`
/// does while it grows (the giant report's 50,000 source rows: 14.4 MiB at that moment, against 7.5 MiB here).
public struct SegmentedArray<Element>: RandomAccessCollection, MutableCollection {
    /// 4,096 elements a segment: a few hundred KiB of rows, small against the table, large against its overhead.
    private static var shift: Int { 12 }
    private static var segmentSize: Int { 1 << shift }

    private var segments: [[Element]] = []
    public private(set) var count = 0

    public init() {}

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < count, "SegmentedArray index out of range")
            return segments[index >> Self.shift][index & (Self.segmentSize - 1)]
        }
        // In place: the segment is uniquely held, so no element is copied.
        _modify {
            precondition(index >= 0 && index < count, "SegmentedArray index out of range")
            yield &segments[index >> Self.shift][index & (Self.segmentSize - 1)]
        }
    }

    public mutating func append(_ element: Element) {
        if count & (Self.segmentSize - 1) == 0 && count >> Self.shift == segments.count {
            var segment: [Element] = []
            segment.reserveCapacity(Self.segmentSize)
            segments.append(segment)
        }
        segments[count >> Self.shift].append(element)
        count += 1
    }

    /// Empties the array, keeping its first segment's storage (a report's table, reused for the next report).
    public mutating func removeAll() {
        if segments.isEmpty { return }
        segments.removeSubrange(1...)
        segments[0].removeAll(keepingCapacity: true)
        count = 0
    }
}

extension SegmentedArray: Sendable where Element: Sendable {}
