/// The one function every piece of text goes through on its way into the HTML report, in
/// element content and in attribute values alike (`title`, `aria-label`, `href`).
///
/// `&`, `<`, `>`, `"` and `'` become character references, so no text can open or close an
/// element (`</svg>`, `<script>`) or leave a quoted attribute; line breaks, controls and
/// bidirectional overrides are treated as in the Markdown report (`UserText`): a break is ` / `,
/// the others a space, and the text is trimmed. Linear in the text's length.
public enum HTMLEscaper {
    /// The escaped form of `text`.
    public static func escape(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !special.contains($0) || $0 == 0x20 }),
           text.utf8.first != 0x20, text.utf8.last != 0x20 {
            return text
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        var pendingBreak = false
        var pendingSpaces = 0
        var atStart = true
        for scalar in text.unicodeScalars {
            switch UserText.kind(of: scalar) {
            case .lineBreak:
                if !atStart { pendingBreak = true }
                pendingSpaces = 0
                continue
            case .blank:
                if !atStart && !pendingBreak { pendingSpaces += 1 }
                continue
            case .shown:
                break
            }
            if pendingBreak {
                out.append(contentsOf: UserText.lineBreakSeparator.utf8)
                pendingBreak = false
                pendingSpaces = 0
            } else if pendingSpaces > 0 {
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: pendingSpaces))
                pendingSpaces = 0
            }
            atStart = false
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "\"": out.append(contentsOf: "&quot;".utf8)
            case "'": out.append(contentsOf: "&#39;".utf8)
            default: UTF8.encode(scalar) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let special: [UInt8] = Array("&<>\"'".utf8)
}
