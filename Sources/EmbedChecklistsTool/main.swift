import AuditKit
import Foundation

// Writes a Swift file holding each checklist's name and text as one escaped string literal,
// and, when all of them load without a single diagnostic, what `smaudit list` shows of each
// and the loaded checklists as a snapshot (`ChecklistSnapshot`), so that neither `list` nor an
// audit of the built-ins parses them at run time.
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
let files = try arguments.dropFirst().map { path in
    (file: URL(fileURLWithPath: path).lastPathComponent, text: try String(contentsOfFile: path, encoding: .utf8))
}
let (set, diagnostics) = ChecklistSet.load(files)
let loaded = diagnostics.isEmpty && set.checklists.count == files.count
for (index, file) in files.enumerated() {
    var summary = "nil"
    if loaded {
        let checklist = set.checklists[index]
        summary = "EmbeddedChecklistSummary(id: \(swiftLiteral(checklist.id)), version: \(swiftLiteral(checklist.version)), "
            + "title: \(swiftLiteral(checklist.title)), questions: \(checklist.questionIDs.count), rules: \(checklist.rules.count))"
    }
    source += "    EmbeddedChecklistFile(name: \(swiftLiteral(file.file)), contents: \(swiftLiteral(file.text)), summary: \(summary)),\n"
}
source += "]\n\n"
source += "let embeddedChecklistSnapshot: String? = \(loaded ? swiftLiteral(ChecklistSnapshot.encode(set.checklists)) : "nil")\n"
try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
