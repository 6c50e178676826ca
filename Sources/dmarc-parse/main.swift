import DMARC
let collector = ReportCollector()
for path in CommandLine.arguments.dropFirst() {
    ReportReader().read(path: path, into: collector)
}
for (report, origin) in zip(collector.reports, collector.origins) {
    print(origin, report.metadata.orgName, report.records.count, report.records.reduce(0) { $0 + $1.count })
}
for error in collector.errors { print("ERR", error) }
for warning in collector.warnings { print("WARN", warning) }
