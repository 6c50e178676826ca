import FuzzSupport

/// The XML reader alone (libxml2 and the report builder): any bytes are taken to be XML, read whole and pushed.
@main
enum FuzzXML {
    static func main() {
        FuzzSupport.runFuzzer { data, size in
            FuzzSupport.readXML(UnsafeRawBufferPointer(start: data, count: size))
            return 0
        }
    }
}
