internal import CDMARCAres
import Foundation

/// The one file that calls c-ares: it sends queries, waits for their answers on the calling thread, and hands each
/// one back as raw bytes (parsed by our `DNSMessage`) or as the reason there is none. c-ares keeps the sockets,
/// the retries, query IDs and matching answers to queries; it calls back only from `waitForAnswers`.
final class AresChannel {
    /// Why a query has no answer to read.
    enum Failure: Error {
        /// Timed out, or the server refused the connection: the server did not answer.
        case noAnswer
        /// The server answered with an error code (SERVFAIL, REFUSED, NOTIMP, FORMERR), or c-ares gave up otherwise.
        case failed(String)
    }

    typealias Completion = (Result<[UInt8], Failure>) -> Void

    private var channel: ares_channel?
    /// Queries sent and not yet called back.
    private(set) var pending = 0

    private static let libraryReady: Bool = ares_library_init(ARES_LIB_INIT_ALL) == ARES_SUCCESS

    /// A channel to `server` (else to the servers of /etc/resolv.conf), each query given one try of `timeout`.
    init(server: DNSServerAddress?, timeout: Duration) throws(ReverseLookupError) {
        guard Self.libraryReady else { throw ReverseLookupError("c-ares could not be initialised") }
        var options = ares_options()
        let milliseconds = timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000
        options.timeout = Int32(clamping: max(milliseconds, 1))
        options.tries = 1
        var status = ares_init_options(&channel, &options, ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES)
        guard status == ARES_SUCCESS else {
            throw ReverseLookupError("the resolver could not be set up: \(Self.message(status))")
        }
        if let server {
            status = ares_set_servers_ports_csv(channel, server.description)
            guard status == ARES_SUCCESS else {
                ares_destroy(channel)
                channel = nil
                throw ReverseLookupError("the DNS server \(server) could not be used: \(Self.message(status))")
            }
        }
    }

    deinit {
        if let channel { ares_destroy(channel) }
    }

    /// Sends a query (a whole message, as `DNSMessage.query` makes it); `completion` runs inside `waitForAnswers`,
    /// or at once when c-ares cannot send it.
    func send(_ query: [UInt8], completion: @escaping Completion) {
        pending += 1
        let box = Unmanaged.passRetained(Callback(channel: self, completion: completion)).toOpaque()
        query.withUnsafeBufferPointer { buffer in
            ares_send(channel, buffer.baseAddress, Int32(buffer.count), { argument, status, _, answer, length in
                // c-ares calls each query's callback exactly once (also on ares_destroy): the box is released here.
                let callback = Unmanaged<Callback>.fromOpaque(argument!).takeRetainedValue()
                callback.channel?.pending -= 1
                if status == ARES_SUCCESS, let answer {
                    callback.completion(.success(Array(UnsafeBufferPointer(start: answer, count: Int(length)))))
                } else if status == ARES_ETIMEOUT || status == ARES_ECONNREFUSED {
                    callback.completion(.failure(.noAnswer))
                } else {
                    callback.completion(.failure(.failed(AresChannel.message(status))))
                }
            }, box)
        }
    }

    /// Waits on the channel's sockets and timers until every query sent has been called back (callbacks may send more).
    func waitForAnswers() {
        while pending > 0 {
            var sockets = [ares_socket_t](repeating: ARES_SOCKET_BAD, count: Int(ARES_GETSOCK_MAXNUM))
            let bits = ares_getsock(channel, &sockets, ARES_GETSOCK_MAXNUM)
            var watched: [pollfd] = []
            for index in 0..<Int(ARES_GETSOCK_MAXNUM) {
                let readable = bits & (1 << index) != 0, writable = bits & (1 << (index + Int(ARES_GETSOCK_MAXNUM))) != 0
                guard readable || writable else { continue }
                watched.append(pollfd(fd: sockets[index],
                                      events: Int16((readable ? POLLIN : 0) | (writable ? POLLOUT : 0)), revents: 0))
            }
            var wait = timeval()
            let milliseconds = ares_timeout(channel, nil, &wait).map { _ in
                Int32(clamping: wait.tv_sec * 1000 + (wait.tv_usec + 999) / 1000)
            } ?? 1000
            let ready = poll(&watched, nfds_t(watched.count), milliseconds)
            if ready > 0 {
                for socket in watched where socket.revents != 0 {
                    let read = socket.revents & Int16(POLLIN | POLLERR | POLLHUP) != 0 ? socket.fd : ARES_SOCKET_BAD
                    let write = socket.revents & Int16(POLLOUT) != 0 ? socket.fd : ARES_SOCKET_BAD
                    ares_process_fd(channel, read, write)
                }
            } else {
                ares_process_fd(channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD)  // the timers: queries that timed out
            }
        }
    }

    private static func message(_ status: Int32) -> String {
        String(cString: ares_strerror(status))
    }

    /// What one query's callback needs; weak, so that a channel destroyed with queries pending is not kept.
    private final class Callback {
        weak var channel: AresChannel?
        let completion: Completion

        init(channel: AresChannel, completion: @escaping Completion) {
            self.channel = channel
            self.completion = completion
        }
    }
}
