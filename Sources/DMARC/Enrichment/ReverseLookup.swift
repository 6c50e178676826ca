/// One run of reverse lookups on one channel, on the calling thread: a queue of steps (PTR of an address, then A or
/// AAAA of its name), at most `inFlight` queries out at once, every answer read into `names`, the cache and warnings.
final class ReverseLookup {
    private enum Step {
        case pointer(IPAddress)
        case forward(IPAddress, DNSName, pointerTTL: UInt32)
    }

    private(set) var names: [IPAddress: ReverseName] = [:]
    private(set) var warnings: [ReverseLookupWarning] = []
    private(set) var cache: ReverseNameCache
    private(set) var queriesSent = 0
    private let now: Int64

    private var queue: [Step] = []
    private var nextID: UInt16 = 1
    private var answered = 0
    private var unanswered = 0
    private var notAsked = 0
    private var serverErrors: [String] = []
    /// Set when the server has answered nothing and enough queries timed out: the rest are not sent.
    private var gaveUp = false

    /// With nothing ever answered, this many timeouts (or all queries, when fewer) mean the server is not there.
    static let silenceToGiveUp = 16

    init(cache: ReverseNameCache, now: Int64) {
        self.cache = cache
        self.now = now
    }

    /// An address's result, shown only when its name is a host name (else a warning says why).
    func finish(_ address: IPAddress, name: DNSName?, confirmed: Bool) {
        guard let name else {
            names[address] = ReverseName(name: nil, confirmed: false)
            return
        }
        if let problem = HostName.problem(with: name) {
            warn(.invalidName, "the PTR name of \(address), \(shortened(name)), is no host name: \(problem)")
            names[address] = ReverseName(name: nil, confirmed: false)
        } else {
            names[address] = ReverseName(name: HostName.text(of: name), confirmed: confirmed)
        }
    }

    func run(_ addresses: [IPAddress], on channel: AresChannel, inFlight: Int) {
        queue = addresses.reversed().map(Step.pointer)  // taken from the end: the first address first
        var sending = false
        // Callbacks may come inside `send` (c-ares can fail a query at once) and send the next steps themselves:
        // `sending` keeps that from recursing, the loop below picks those steps up.
        func pump() {
            guard !sending else { return }
            sending = true
            defer { sending = false }
            while channel.pending < inFlight, let step = queue.popLast() {
                if gaveUp {
                    notAsked += 1
                    if case .pointer(let address) = step { names[address] = ReverseName(name: nil, confirmed: false) }
                    if case .forward(let address, let name, _) = step { finish(address, name: name, confirmed: false) }
                    continue
                }
                send(step, on: channel) { pump() }
            }
        }
        pump()
        channel.waitForAnswers()
    }

    private func send(_ step: Step, on channel: AresChannel, then next: @escaping () -> Void) {
        let query: [UInt8]
        switch step {
        case .pointer(let address):
            query = DNSMessage.query(id: nextID, name: DNSName(reverseOf: address), type: .ptr)
        case .forward(let address, let name, _):
            query = DNSMessage.query(id: nextID, name: name, type: address.isIPv4 ? .a : .aaaa)
        }
        nextID &+= 1
        queriesSent += 1
        channel.send(query) { [self] result in
            switch result {
            case .success(let bytes):
                answered += 1
                switch step {
                case .pointer(let address): readPointer(bytes, of: address)
                case .forward(let address, let name, let ttl): readForward(bytes, of: address, name: name, pointerTTL: ttl)
                }
            case .failure(let failure):
                if case .noAnswer = failure {
                    unanswered += 1
                    if answered == 0 && unanswered >= Self.silenceToGiveUp { gaveUp = true }
                } else if case .failed(let message) = failure {
                    serverErrors.append("\(describe(step)): \(message)")
                }
                switch step {
                case .pointer(let address): names[address] = ReverseName(name: nil, confirmed: false)
                case .forward(let address, let name, _): finish(address, name: name, confirmed: false)
                }
            }
            next()
        }
    }

    private func readPointer(_ bytes: [UInt8], of address: IPAddress) {
        let message: DNSMessage
        do {
            message = try DNSMessage(parsing: bytes)
        } catch {
            warn(.malformedAnswer, "the answer to \(describe(.pointer(address))) is malformed: \(error)")
            names[address] = ReverseName(name: nil, confirmed: false)
            return
        }
        let (records, ttl) = message.answers(of: .ptr, for: DNSName(reverseOf: address))
        guard let record = records.first, case .name(let name) = record.data, let ttl else {
            // No such name, or no PTR record: no name, kept as long as the negative answer may be.
            if let negative = message.negativeTTL {
                cache.store(address, name: nil, confirmed: false, ttl: negative, now: now)
            }
            names[address] = ReverseName(name: nil, confirmed: false)
            return
        }
        if HostName.problem(with: name) != nil {
            cache.store(address, name: name, confirmed: false, ttl: ttl, now: now)
            finish(address, name: name, confirmed: false)
        } else {
            queue.append(.forward(address, name, pointerTTL: ttl))  // next out: it finishes a lookup
        }
    }

    private func readForward(_ bytes: [UInt8], of address: IPAddress, name: DNSName, pointerTTL: UInt32) {
        let message: DNSMessage
        do {
            message = try DNSMessage(parsing: bytes)
        } catch {
            warn(.malformedAnswer, "the answer to \(describe(.forward(address, name, pointerTTL: 0))) is malformed: \(error)")
            finish(address, name: name, confirmed: false)
            return
        }
        let (records, ttl) = message.answers(of: address.isIPv4 ? .a : .aaaa, for: name)
        let confirmed = records.contains { if case .address(let found) = $0.data { found == address } else { false } }
        if let forwardTTL = ttl ?? message.negativeTTL {
            cache.store(address, name: name, confirmed: confirmed, ttl: min(pointerTTL, forwardTTL), now: now)
        }
        finish(address, name: name, confirmed: confirmed)
    }

    /// The warnings said once for the whole run: the server's silence, its errors.
    func closingWarnings(server: String, timeout: Duration, addresses: Int) -> [ReverseLookupWarning] {
        var closing: [ReverseLookupWarning] = []
        if gaveUp {
            closing.append(ReverseLookupWarning(.noAnswer,
                "\(server) did not answer (\(unanswered) queries waited \(timeout) each); "
                + "\(plural(notAsked + unanswered, "lookup")) of \(addresses) left without a name"))
        } else if unanswered > 0 {
            closing.append(ReverseLookupWarning(.noAnswer,
                "\(server) did not answer \(plural(unanswered, "query")) within \(timeout); "
                + "those sources have no name or no confirmation"))
        }
        if let first = serverErrors.first {
            closing.append(ReverseLookupWarning(.serverError,
                "\(plural(serverErrors.count, "query")) failed, e.g. \(first)"))
        }
        return closing
    }

    private func describe(_ step: Step) -> String {
        switch step {
        case .pointer(let address): "the PTR query for \(address)"
        case .forward(let address, let name, _): "the \(address.isIPv4 ? "A" : "AAAA") query for \(shortened(name))"
        }
    }

    private func warn(_ kind: ReverseLookupWarning.Kind, _ message: String) {
        warnings.append(ReverseLookupWarning(kind, message))
    }

    /// A name for a warning line: the first 100 characters of its master-file form.
    private func shortened(_ name: DNSName) -> String {
        let text = name.description
        return text.count > 100 ? text.prefix(100) + "…" : text
    }
}

private func plural(_ count: Int, _ noun: String) -> String {
    count == 1 ? "1 \(noun)" : "\(count) \(noun == "query" ? "queries" : noun + "s")"
}
