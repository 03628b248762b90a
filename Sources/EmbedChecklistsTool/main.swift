import Foundation

// Writes a Swift file holding each checklist's name and text as one escaped string literal.
// Usage: EmbedChecklistsTool OUTPUT.swift [FILE.yaml...]

func swiftLiteral(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: EmbedChecklistsTool OUTPUT.swift [FILE.yaml...]\n".utf8))
    exit(2)
}
var source = "// Generated from checklists/*.yaml by the EmbedChecklists plugin. Do not edit.\n\n"
source += "let embeddedChecklistFiles: [EmbeddedChecklistFile] = [\n"
for path in arguments.dropFirst() {
    let name = URL(fileURLWithPath: path).lastPathComponent
    let text = try String(contentsOfFile: path, encoding: .utf8)
    source += "    EmbeddedChecklistFile(name: \(swiftLiteral(name)), contents: \(swiftLiteral(text))),\n"
}
source += "]\n"
try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
