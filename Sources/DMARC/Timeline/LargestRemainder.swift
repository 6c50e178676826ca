/// Splits whole counts in proportion to weights so that the parts still add up exactly.
///
/// Hamilton's method: each part gets the whole part of its quota `count × weight / Σweights`, and what is left
/// goes one by one to the largest remainders. Equal remainders go in index order starting at `tiesFrom` and
/// wrapping around (for a timeline: the earliest period first, unless the caller rotates it), so the same input
/// always gives the same split.
public enum LargestRemainder {
    /// `count` split over `weights` (all positive, or all zero: then the first part gets everything).
    public static func split(_ count: UInt64, weights: [UInt64], tiesFrom: Int = 0) -> [UInt64] {
        splitCountingLeftover(count, weights: weights, tiesFrom: tiesFrom).parts
    }

    /// The split, and how many units went by remainder (after the whole parts of the quotas).
    public static func splitCountingLeftover(_ count: UInt64, weights: [UInt64],
                                             tiesFrom: Int = 0) -> (parts: [UInt64], leftover: UInt64) {
        guard weights.count > 1 else { return (weights.isEmpty ? [] : [count], 0) }
        let total = weights.reduce(0, +)
        guard total > 0 else { return ([count] + Array(repeating: 0, count: weights.count - 1), 0) }
        var parts: [UInt64] = []
        var remainders: [UInt64] = []
        parts.reserveCapacity(weights.count)
        remainders.reserveCapacity(weights.count)
        for weight in weights {
            // count × weight fits in 128 bits and the quotient in 64 (weight ≤ total).
            let product = count.multipliedFullWidth(by: weight)
            let (quotient, remainder) = total.dividingFullWidth(product)
            parts.append(quotient)
            remainders.append(remainder)
        }
        var left = count - parts.reduce(0, +)
        let leftover = left
        guard left > 0 else { return (parts, 0) }
        // Remainders share the denominator `total`, so comparing them compares the fractions.
        let n = weights.count, first = ((tiesFrom % n) + n) % n
        let order = remainders.indices.sorted {
            (remainders[$0], ($1 - first + n) % n) > (remainders[$1], ($0 - first + n) % n)
        }
        for index in order where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return (parts, leftover)
    }
}
