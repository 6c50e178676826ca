@testable import DMARC
import Foundation
import Testing

/// The pieces of mail reading, one by one: detection, transfer encodings, header parameters, encoded words, parts.
@Suite("Mail decoding")
struct MailDecodingTests {
    static func kind(_ text: String) -> ContentKind { ContentKind(sniffing: Array(text.utf8)) }

    @Test func detectionByContent() {
        #expect(Self.kind("From MAILER-DAEMON Thu Jan  2 00:05:00 2025\nReceived: x\n") == .mbox)
        #expect(Self.kind("Received: from mx.example.net\n\tby mx.example.com\nSubject: x\n\nbody") == .mailMessage)
        #expect(Self.kind("Return-Path: <a@example.net>\nX-Spam-Level:\nFrom: a@example.net\n") == .mailMessage)
        #expect(Self.kind("Delivered-To: a@example.com\r\nSubject : obsolete space\r\n\r\n") == .mailMessage)
        // XML, JSON, prose and binary are not mail.
        #expect(Self.kind("<dmarc:feedback xmlns:dmarc=\"urn:x\">") == .xml)
        #expect(Self.kind("{\"organization-name\":\"example.net\"}\n") == .unrecognised)
        #expect(Self.kind("Note: hello") == .unrecognised)
        #expect(Self.kind("Note: these are\nnot headers\n\n") == .unrecognised)
        #expect(Self.kind("%PDF-1.7\n%\u{e2}\u{e3}\n") == .unrecognised)
        #expect(Self.kind("From: a@example.net\n\n") == .mailMessage)
    }

    static func decode(_ text: String, as encoding: TransferEncoding) -> [UInt8] {
        encoding.decoded(Array(text.utf8)[...])
    }

    @Test func base64AcrossWindowsAndLenientAboutItsEnd() {
        let original = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        let encoded = Data(original).base64EncodedString(options: .lineLength76Characters)
        #expect(encoded.utf8.count > TransferEncoding.window * 2)
        #expect(Self.decode(encoded, as: .base64) == original)
        #expect(Self.decode("aGVsbG8gd29ybG", as: .base64) == Array("hello worl".utf8))  // cut short
        #expect(Self.decode("aGk=aGk=", as: .base64) == Array("hihi".utf8))  // two encodings in a row
        #expect(Self.decode("aGVs*!bG8=", as: .base64) == Array("hello".utf8))  // junk skipped
    }

    @Test func quotedPrintable() {
        #expect(Self.decode("version=3D\"1.0\"=\r\n tail  \r\nnext=\nline", as: .quotedPrintable)
            == Array("version=\"1.0\" tail\r\nnextline".utf8))
        #expect(Self.decode("caf=C3=A9 =ZZ =4", as: .quotedPrintable) == Array("café =ZZ =4".utf8))
        let long = String(repeating: "abcdefgh=\n", count: 20_000)
        #expect(Self.decode(long, as: .quotedPrintable) == Array(String(repeating: "abcdefgh", count: 20_000).utf8))
    }

    @Test func parametersWithRFC2231AndQuoting() {
        let type = MIMEHeaderValue(parsing: #"Application/ZIP; name="a \"b\"; c.zip" (a comment); Boundary=xyz"#)
        #expect(type.value == "application/zip")
        #expect(type[parameter: "name"] == #"a "b"; c.zip"#)
        #expect(type[parameter: "boundary"] == "xyz")
        let continued = MIMEHeaderValue(parsing: """
            attachment; filename*0*=iso-8859-1'fr'caf%E9; filename*1=" report"; filename*2=.xml; filename="plain.xml"
            """)
        #expect(continued.text("filename") == "café report.xml")
        #expect(MIMEHeaderValue(parsing: "attachment; filename*=UTF-8''%E2%9C%93.zip").text("filename") == "✓.zip")
        #expect(MIMEHeaderValue(parsing: "attachment; filename=\"=?utf-8?B?cmVwb3J0LnhtbA==?=\"").text("filename")
            == "report.xml")
        #expect(MIMEHeaderValue(parsing: "attachment; filename=my report.zip").text("filename") == "my report.zip")
    }

    @Test func encodedWords() {
        #expect(HeaderText.decodingEncodedWords("=?UTF-8?Q?Caf=C3=A9_au?= =?UTF-8?B?bGFpdA==?= today")
            == "Café aulait today")
        #expect(HeaderText.decodingEncodedWords("=?iso-8859-1?q?r=E9sum=E9?=") == "résumé")
        #expect(HeaderText.decodingEncodedWords("=?utf-8*en?B?b2s?=") == "ok")  // RFC 2231 language, no padding
        #expect(HeaderText.decodingEncodedWords("a =?bogus") == "a =?bogus")
        #expect(HeaderText.printable("evil\r\nname\u{1b}[31m\u{202e}gpj.zip") == "evil name [31mgpj.zip")
    }

    @Test func multipartDelimitersAreWholeLines() throws {
        let message = """
            Content-Type: multipart/mixed; boundary="abc"

            preamble
            --abc
            Content-Type: text/plain

            --abcdef is not a delimiter
            --abc \t
            Content-Type: application/gzip

            truncated, never closed
            """
        let entity = MIMEEntity(parsing: Array(message.utf8)[...])
        let parts = try #require(entity.parts())
        #expect(parts.count == 2)
        #expect(String(decoding: parts[0].body, as: UTF8.self) == "--abcdef is not a delimiter")
        #expect(parts[1].contentType.value == "application/gzip")
        #expect(String(decoding: parts[1].body, as: UTF8.self) == "truncated, never closed")
    }
}
