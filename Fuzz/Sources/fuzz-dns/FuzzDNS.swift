import DMARC
import FuzzSupport

/// DNS answers: any bytes read as a message the way reverse DNS reads a server's answer (`DNSMessage`), then its
/// records asked for as `ReverseLookup` asks (PTR through CNAMEs, A, AAAA, the negative TTL), each name checked
/// as a host name, and written in master-file form and read back unchanged.
@main
enum FuzzDNS {
    static func main() {
        FuzzSupport.runFuzzer { data, size in
            let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
            guard let message = try? DNSMessage(parsing: bytes) else { return 0 }
            for question in message.questions {
                for type in [DNSRecordType.ptr, .a, .aaaa] {
                    _ = message.answers(of: type, for: question.name)
                }
            }
            _ = message.negativeTTL
            for record in message.answers + message.authorities {
                var names = [record.name]
                if case .name(let name) = record.data { names.append(name) }
                for name in names {
                    _ = HostName.problem(with: name)
                    precondition(DNSName(presentation: name.description) == name, "master-file form did not read back")
                }
            }
            return 0
        }
    }
}
