/// Charts as inline SVG, drawn here: stacked bars per period, a line of percentages, and 100 % share bars.
///
/// Every chart is `viewBox`-scaled to its container, carries a `<title>` per mark (a tooltip without script), and
/// sits beside a table of the same numbers. Marks have classes the style sheet colors (`s0`, `s1`, …) and the
/// tests count (`bar`, `point`).
enum SVGChart {
    static let width = 720.0, height = 230.0
    static let left = 58.0, right = 10.0, top = 12.0, bottom = 40.0
    static var plotWidth: Double { width - left - right }
    static var plotHeight: Double { height - top - bottom }

    /// One series of a chart: its name and its style class.
    struct Series {
        var name: String
        var styleClass: String
    }

    /// Bars per period, each stacked from `values[period][series]` (the first series at the bottom).
    static func stackedBars(id: String, title: String, labels: [String], series: [Series], values: [[UInt64]]) -> String {
        let maxTotal = values.map(\.saturatingSum).max() ?? 0
        let (top, step) = niceScale(Double(maxTotal))
        var svg = open(id: id, title: title)
        svg += yAxis(ticks: (0...4).map { Double($0) * step }, top: top) { HTMLText.grouped($0 < 0x1p64 ? UInt64($0) : .max) }
        let slot = plotWidth / Double(max(1, labels.count))
        let barWidth = max(1, slot * 0.78)
        for (index, label) in labels.enumerated() {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            svg += "<g class=\"bar\" data-period=\"\(HTMLText.escape(label))\">"
            var base = 0.0
            for (seriesIndex, value) in values[index].enumerated() where value > 0 {
                let h = Double(value) / top * plotHeight
                let y = self.top + plotHeight - base - h
                svg += "<rect class=\"\(series[seriesIndex].styleClass)\" x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y))\" "
                    + "width=\"\(HTMLText.coordinate(barWidth))\" height=\"\(HTMLText.coordinate(h))\">"
                    + "<title>\(HTMLText.escape(label)): \(HTMLText.grouped(value)) \(HTMLText.escape(series[seriesIndex].name))</title></rect>"
                base += h
            }
            svg += "</g>"
        }
        svg += xAxis(labels: labels)
        return svg + "</svg></div>"
    }

    /// A percentage per period as points joined by lines; a period without a value breaks the line.
    static func percentLine(id: String, title: String, labels: [String], values: [Double?]) -> String {
        // The scale ends at 100 % and reaches down, in 4 round steps, just below the lowest value.
        let spread = 100 - (values.compactMap { $0 }.min() ?? 0)
        let tickStep = [1.0, 2, 2.5, 5, 10, 20, 25].first { 4 * $0 > spread } ?? 25
        let low = 100 - 4 * tickStep
        var svg = open(id: id, title: title)
        svg += yAxis(ticks: (0...4).map { low + Double($0) * tickStep }, top: 100, bottom: low) {
            formatDecimal($0, digits: tickStep == 2.5 ? 1 : 0) + " %"
        }
        let slot = plotWidth / Double(max(1, labels.count))
        func point(_ index: Int, _ value: Double) -> (Double, Double) {
            (left + (Double(index) + 0.5) * slot, top + plotHeight * (1 - (value - low) / (100 - low)))
        }
        var segment: [String] = []
        var lines = ""
        func closeSegment() {
            if segment.count > 1 { lines += "<polyline class=\"line\" points=\"\(segment.joined(separator: " "))\"/>" }
            segment = []
        }
        var points = ""
        for (index, value) in values.enumerated() {
            guard let value else { closeSegment(); continue }
            let (x, y) = point(index, value)
            segment.append("\(HTMLText.coordinate(x)),\(HTMLText.coordinate(y))")
            points += "<circle class=\"point\" cx=\"\(HTMLText.coordinate(x))\" cy=\"\(HTMLText.coordinate(y))\" r=\"\(labels.count > 60 ? 1.5 : 3)\">"
                + "<title>\(HTMLText.escape(labels[index])): \(formatDecimal(value, digits: 1)) %</title></circle>"
        }
        closeSegment()
        svg += lines + points + xAxis(labels: labels)
        return svg + "</svg></div>"
    }

    /// Horizontal bars of 100 %, one per row, split by share.
    static func shareBars(id: String, title: String, rows: [(label: String, values: [UInt64])], series: [Series]) -> String {
        let rowHeight = 34.0, labelWidth = 70.0
        let chartHeight = Double(rows.count) * rowHeight + 8
        var svg = "<svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(chartHeight))\" role=\"img\" "
            + "aria-label=\"\(HTMLText.escape(title))\">"
        let barWidth = width - labelWidth - right
        for (rowIndex, row) in rows.enumerated() {
            let y = 4 + Double(rowIndex) * rowHeight
            let total = row.values.saturatingSum
            svg += "<text class=\"label\" x=\"0\" y=\"\(HTMLText.coordinate(y + 19))\">\(HTMLText.escape(row.label))</text>"
            svg += "<g class=\"bar\">"
            var x = labelWidth
            for (seriesIndex, value) in row.values.enumerated() where value > 0 && total > 0 {
                let w = Double(value) / Double(total) * barWidth
                svg += "<rect class=\"\(series[seriesIndex].styleClass)\" x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y))\" "
                    + "width=\"\(HTMLText.coordinate(w))\" height=\"26\"><title>\(HTMLText.escape(row.label)) "
                    + "\(HTMLText.escape(series[seriesIndex].name)): \(HTMLText.percent(value, of: total))</title></rect>"
                x += w
            }
            svg += "</g>"
        }
        return svg + "</svg>"
    }

    private static func open(id: String, title: String) -> String {
        "<div class=\"chart-wrap\"><svg id=\"\(id)\" class=\"chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
            + "aria-label=\"\(HTMLText.escape(title))\">"
    }

    /// Grid lines and labels at `ticks` (values between `bottom` and `top`).
    private static func yAxis(ticks: [Double], top maximum: Double, bottom minimum: Double = 0,
                              format: (Double) -> String) -> String {
        var svg = "<g class=\"axis\">"
        for tick in ticks {
            let y = top + plotHeight * (1 - (tick - minimum) / (maximum - minimum))
            svg += "<line class=\"grid\" x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" y1=\"\(HTMLText.coordinate(y))\" y2=\"\(HTMLText.coordinate(y))\"/>"
            svg += "<text x=\"\(Int(left - 6))\" y=\"\(HTMLText.coordinate(y + 4))\" text-anchor=\"end\">\(format(tick))</text>"
        }
        return svg + "</g>"
    }

    /// Period labels under the plot: at most eight, evenly spaced.
    private static func xAxis(labels: [String]) -> String {
        guard !labels.isEmpty else { return "" }
        let slot = plotWidth / Double(labels.count)
        let every = max(1, (labels.count + 7) / 8)
        var svg = "<g class=\"axis\"><line class=\"base\" x1=\"\(Int(left))\" x2=\"\(Int(width - right))\" "
            + "y1=\"\(HTMLText.coordinate(top + plotHeight))\" y2=\"\(HTMLText.coordinate(top + plotHeight))\"/>"
        for index in stride(from: 0, to: labels.count, by: every) {
            let x = left + (Double(index) + 0.5) * slot
            svg += "<text x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(top + plotHeight + 18))\" "
                + "text-anchor=\"middle\">\(HTMLText.escape(labels[index]))</text>"
        }
        return svg + "</g>"
    }

    /// A top of 4 steps of 1, 2 or 5 × 10ⁿ that holds `maximum`.
    static func niceScale(_ maximum: Double) -> (top: Double, step: Double) {
        guard maximum > 0 else { return (4, 1) }
        let rough = maximum / 4
        var magnitude = 1.0
        while magnitude * 10 <= rough { magnitude *= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? magnitude * 10
        return (step * 4, max(1, step))
    }
}
