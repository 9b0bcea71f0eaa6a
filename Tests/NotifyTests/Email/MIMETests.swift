import Foundation
import Notify
import Testing

@Suite("MIME: quoted-printable, encoded words, addresses, dot-stuffing")
struct MIMETests {
    @Test("quoted-printable keeps lines within 76 characters and decodes back to the text", arguments: [
        String(repeating: "a", count: 300),
        String(repeating: "é", count: 100),
        "trailing space \nand tab\t\n.leading dot\n=equals=",
        String(repeating: "✅ ok ", count: 40),
    ])
    func quotedPrintable(text: String) throws {
        let encoded = QuotedPrintable.encode(text)
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
            #expect(!line.hasSuffix(" ") && !line.hasSuffix("\t"))
            #expect(!line.hasPrefix("."))
            #expect(line.unicodeScalars.allSatisfy { $0.isASCII })
        }
        #expect(Self.decodeQP(encoded) == text.replacingOccurrences(of: "\n", with: "\r\n"))
    }

    /// An independent decoder: soft breaks removed, =XX turned back into bytes.
    static func decodeQP(_ text: String) -> String {
        let joined = text.replacingOccurrences(of: "=\r\n", with: "")
        var bytes: [UInt8] = []
        var index = joined.utf8.startIndex
        let utf8 = joined.utf8
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "="), let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
               let byte = UInt8(String(decoding: utf8[utf8.index(after: index)..<end], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                index = end
            } else {
                bytes.append(utf8[index])
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("a subject with emoji becomes encoded words of at most 75 characters that decode back")
    func encodedWords() throws {
        let subject = "❌ flash-sync v2.4.0 from example-org/agent33: 1 failed, 2 conflicts, 3 delivered, 494 unchanged — détails"
        let header = EncodedWord.header(subject)
        let words = header.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        var decoded = ""
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let data = try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
            decoded += try #require(String(data: data, encoding: .utf8))
        }
        #expect(decoded == subject)
        #expect(EncodedWord.header("plain ascii subject") == "plain ascii subject")
    }

    @Test("addresses: display names, lists, and header injection refused", arguments: [
        ("sync@example.com", true), ("Sync Team <sync@example.com>", true), ("\"Team, Sync\" <a@b.example>", true),
        ("a@b.example\r\nBcc: x@y.example", false), ("no-at-sign", false), ("a@b@c", false), ("<a@b.example>", true),
    ])
    func addresses(text: String, valid: Bool) {
        #expect(((try? EmailAddress(parsing: text)) != nil) == valid)
    }

    @Test("an address list splits on commas and semicolons")
    func addressList() throws {
        let list = try EmailAddress.list(parsing: "a@example.com, Team <b@example.com>; c@example.com")
        #expect(list.map(\.address) == ["a@example.com", "b@example.com", "c@example.com"])
        #expect(list[1].headerValue == "\"Team\" <b@example.com>")
        #expect(EmailAddress(name: "Équipe", address: "e@example.com").headerValue.hasPrefix("=?UTF-8?B?"))
    }

    @Test("dot-stuffing doubles leading dots, uses CRLF everywhere and ends with CRLF.CRLF")
    func dotStuffing() {
        #expect(DotStuffing.payload("a\n.b\r\n..c\rd\n") == "a\r\n..b\r\n...c\r\nd\r\n.\r\n")
        #expect(DotStuffing.payload(".") == "..\r\n.\r\n")
    }

    @Test("a message has the required headers, CRLF line ends and two alternative parts")
    func message() throws {
        let date = Date(timeIntervalSince1970: 1_769_774_400)
        let id = try #require(UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF"))
        let message = EmailMessage(
            from: try EmailAddress(parsing: "flash-sync <sync@example.com>"), to: [try EmailAddress(parsing: "team@example.com")],
            subject: "✅ done", text: "hello\n.dot", html: "<p>hello</p>", date: date, id: id
        )
        let text = message.rendered()
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(text.hasPrefix("Date: Fri, 30 Jan 2026 12:00:00 +0000\r\nFrom: \"flash-sync\" <sync@example.com>\r\nTo: team@example.com\r\n"))
        #expect(text.contains("\r\nSubject: =?UTF-8?B?4pyFIGRvbmU=?=\r\n"))
        #expect(text.contains("\r\nMessage-ID: <6f9619ff-8b86-d011-b42d-00c04fc964ff@example.com>\r\n"))
        #expect(text.contains("\r\nMIME-Version: 1.0\r\n"))
        #expect(text.contains("Content-Type: multipart/alternative;\r\n boundary=\"=_flash-sync_6F9619FF8B86D011B42D00C04FC964FF\"\r\n"))
        #expect(text.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 })
        #expect(text.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nhello\r\n=2Edot\r\n"))
        #expect(text.hasSuffix("--=_flash-sync_6F9619FF8B86D011B42D00C04FC964FF--\r\n"))
    }
}
