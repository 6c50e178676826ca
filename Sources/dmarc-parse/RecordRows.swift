import DMARC

/// `--records` on a reading thread: each report's rows, encoded into bytes (the streaming formats) or as cells
/// (the table format, aligned at the end), kept per file until the printing thread learns, in file order, which of
/// the file's reports count (see `OrderedReportHandler`); `RecordPrinter.write(_:counts:)` prints them.
final class RecordRows: OrderedReportHandler {
    /// What one file's reports became.
    ///
    /// @unchecked Sendable: made on one reading thread, then handed whole to the printing thread.
    struct File: @unchecked Sendable {
        /// The rows of the streaming formats.
        let held: HeldRows
        /// The rows of the table format.
        var cells: [[Cell]] = []
        /// Each committed report's rows: a byte range of `held`, or indices of `cells`; and how many rows.
        var reports: [(range: Range<Int>, rows: Int)] = []
    }

    private let format: OutputFormat
    /// The streaming formats: rows encoded straight into bytes, the report's own cells once per report.
    private var encoder: RowEncoder?
    private var reportCells: RecordView.ReportCells?
    private var header = ReportHeader()
    private var file = File(held: HeldRows())
    /// Where the current report's rows begin, and how many it has.
    private var reportStart = 0
    private var rowsInReport = 0
    /// The most bytes a file's rows took.
    private var largestFile = 0

    init(format: OutputFormat) {
        self.format = format
        if format != .table { encoder = RowEncoder(format: format, columns: RecordView.columns(for: format)) }
    }

    private var end: Int { encoder == nil ? file.cells.count : file.held.size }

    func beginReport(_ header: ReportHeader, origin: ReportOrigin) {
        self.header = header
        reportCells = encoder.map { RecordView.ReportCells(header, encoder: $0) }
        discardReport()
    }

    func record(_ record: Record) {
        if encoder != nil, let reportCells {
            let index = rowsInReport
            file.held.append(encodedWith: &encoder!) { encoder in
                RecordView.encode(record, reportCells: reportCells, index: index, into: &encoder)
            }
        } else {
            file.cells.append(RecordView.row(record, in: header, for: format))
        }
        rowsInReport += 1
    }

    func commitReport(_ header: ReportHeader) {
        file.reports.append((reportStart..<end, rowsInReport))
        reportStart = end
        rowsInReport = 0
    }

    func discardReport() {
        if encoder == nil {
            file.cells.removeSubrange(reportStart...)
        } else {
            file.held.truncate(to: reportStart)
        }
        rowsInReport = 0
    }

    func takeFile() -> File {
        defer {
            // Room for as many bytes as the largest file so far, so that the buffer seldom grows by copies; up to
            // 128 KiB, which malloc gives from its heap (larger blocks it maps afresh, and every page of them
            // faults when first written: on the varied folder, 14,000 page faults against 4,000).
            largestFile = max(largestFile, file.held.size)
            file = File(held: HeldRows(capacity: min(largestFile, 128 << 10)))
            reportStart = 0
            rowsInReport = 0
        }
        return file
    }
}
