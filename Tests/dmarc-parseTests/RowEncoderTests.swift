@testable import dmarc_parse
import Testing

/// `RowEncoder`, the fast path of the streaming formats, against `TableWriter`, which it must match byte for byte.
@Suite("Row encoder")
struct RowEncoderTests {
    static let columns: [Table.Column] = [.text("a"), .number("n"), .text("b"), .text("list")]

    /// Texts around the eight-byte steps of the escape scan, with a byte to escape at the start, the middle, the
    /// end or nowhere, in each format's sense.
    static let texts: [String] = {
        var texts = ["", "x", "é", "👍🏽 ok", "\u{7F}", "ü\u{1}"]
        for length in [1, 7, 8, 9, 15, 16, 17, 24, 31, 33] {
            let plain = String(repeating: "d", count: length)
            texts.append(plain)
            for special in ["\"", "\\", "\n", "\r", "\r\n", "\t", "\u{1F}", "\u{0}", ",", " "] {
                texts.append(special + plain)
                texts.append(plain + special)
                texts.append(String(plain.prefix(length / 2)) + special + String(plain.dropFirst(length / 2)))
            }
        }
        return texts
    }()

    @Test("every text, in every streaming format, as TableWriter writes it", arguments: [
        OutputFormat.tsv, .csv, .json, .ndjson,
    ])
    func matchesTableWriter(format: OutputFormat) {
        var writer = TableWriter(format: format, columns: Self.columns, terminal: .plain)
        var expected = writer.start()
        var encoder = RowEncoder(format: format, columns: Self.columns)
        encoder.start()
        for (index, text) in Self.texts.enumerated() {
            let list = [text, "b"]
            expected += writer.write([.text(text), .number(UInt64(index) * 1_000_003), .missing,
                                      .list(list, separator: ",")])
            encoder.row { encoder in
                encoder.beginRow()
                encoder.text(text)
                encoder.number(UInt64(index) * 1_000_003)
                encoder.missing()
                encoder.list(list, separator: ",")
                encoder.endRow()
            }
        }
        var end = ""
        if format == .json { end = Self.texts.isEmpty ? "]\n" : "\n]\n" }
        encoder.finish()
        #expect(String(decoding: encoder.bytes, as: UTF8.self) == expected + end)
    }

    @Test("objects: JSON as it is in the JSON formats, one quoted field of JSON text in csv", arguments: [
        OutputFormat.csv, .json, .ndjson,
    ])
    func objectsMatchTheirJSONText(format: OutputFormat) {
        let columns: [Table.Column] = [.text("n"), .text("objects")]
        let pairs: [[(String, String?)]] = [[], [("a", nil)], [("plain", "b")], [("x\"y", "1,2"), ("\n", "\\")]]
        var writer = TableWriter(format: format, columns: columns, terminal: .plain)
        var expected = ""
        var encoder = RowEncoder(format: format, columns: columns)
        for (index, pairs) in pairs.enumerated() {
            let cell = Cell.objects(pairs.map { [("key", .text($0.0)), ("value", .optional($0.1))] }, textForm: "")
            expected += writer.write([.number(UInt64(index)), format == .csv ? .text(JSON.value(cell)) : cell])
            encoder.row { encoder in
                encoder.beginRow()
                encoder.number(UInt64(index))
                encoder.objects(pairs) { pair, encoder in
                    encoder.field("\"key\":", pair.0)
                    encoder.field(",\"value\":", pair.1)
                }
                encoder.endRow()
            }
        }
        #expect(String(decoding: encoder.bytes, as: UTF8.self) == expected)
    }

    @Test("a CR LF pair (one Character) is two line breaks: quoted in csv, two spaces in tsv")
    func carriageReturnLineFeed() {
        #expect(TableWriter.csvField("a\r\nb") == "\"a\r\nb\"")
        #expect(TableWriter.tsvField("a\r\nb\tc") == "a  b c")
        #expect(TableWriter.csvField("say \"hi\",\u{301} é") == "\"say \"\"hi\"\",\u{301} é\"")
        #expect(TableWriter.csvField("plain é") == "plain é")
    }

    @Test("a row longer than the room reserved for it is written again, whole, with more room")
    func longRow() {
        let long = String(repeating: "0123456789", count: 500)
        var encoder = RowEncoder(format: .ndjson, columns: Self.columns)
        let room = encoder.rowRoom
        encoder.row { encoder in
            encoder.beginRow()
            encoder.text(long)
            encoder.number(1)
            encoder.text("\"" + long)
            encoder.missing()
            encoder.endRow()
        }
        #expect(encoder.rowRoom > room)
        var writer = TableWriter(format: .ndjson, columns: Self.columns, terminal: .plain)
        let expected = writer.write([.text(long), .number(1), .text("\"" + long), .missing])
        #expect(String(decoding: encoder.bytes, as: UTF8.self) == expected)
    }
}
