import DMARC
import Foundation
import FuzzSupport

/// Container detection and decompression: any bytes, read as a file would be (sniffing, gzip, zip, mail, XML).
@main
enum FuzzContainers {
    static func main() {
        FuzzSupport.runFuzzer { data, size in
            let handler = DiscardingHandler()
            ReportReader(limits: FuzzSupport.limits).read(UnsafeRawBufferPointer(start: data, count: size),
                                                          name: "fuzz", into: handler)
            handler.checkEnded()
            return 0
        }
    }
}
