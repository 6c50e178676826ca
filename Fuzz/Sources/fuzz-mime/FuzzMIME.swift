import DMARC
import Foundation
import FuzzSupport

/// MIME: any bytes taken to be one mail message (headers, multiparts, transfer encodings, attachments), and,
/// when they start with `From `, as an mbox too.
@main
enum FuzzMIME {
    static func main() {
        FuzzSupport.runFuzzer { data, size in
            let bytes = UnsafeRawBufferPointer(start: data, count: size)
            let reader = ReportReader(limits: FuzzSupport.limits)
            let message = DiscardingHandler()
            reader.read(message: bytes, name: "fuzz.eml", into: message)
            message.checkEnded()
            if bytes.starts(with: "From ".utf8) {
                let mbox = DiscardingHandler()
                reader.read(bytes, name: "fuzz.mbox", into: mbox)
                mbox.checkEnded()
            }
            return 0
        }
    }
}
