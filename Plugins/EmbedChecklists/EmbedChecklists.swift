import Foundation
import PackagePlugin

/// Compiles `checklists/*.yaml` into the `BuiltinChecklists` target, so an installed binary
/// finds its checklists from any working directory.
@main
struct EmbedChecklists: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "checklists")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let inputs = names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedChecklists.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) built-in checklists",
                executable: try context.tool(named: "EmbedChecklistsTool").url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
