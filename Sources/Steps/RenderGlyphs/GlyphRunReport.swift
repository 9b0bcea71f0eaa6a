import ActionsRuntime
import Diagnostics
import Foundation
import Glyphs

/// What `render-glyphs` tells the reader: the log line, the check annotations and the job
/// summary, whose table shows each glyph as an image.
///
/// GitHub job summaries strip `data:` images and cannot show files from the runner, so each
/// preview is the glyph's smallest PNG as committed at the run's commit, by URL
/// (`GITHUB_SERVER_URL/GITHUB_REPOSITORY/raw/GITHUB_SHA/…`). In a private repository the image
/// shows to people who can read the repository (their browser session fetches it), and to no
/// one else. A glyph rendered in this run has no committed file yet, so its row has no preview;
/// neither has a run outside Actions.
package struct GlyphRunReport {
    /// Rows listed in the table; the rest are counted.
    package static let rowLimit = 1_000

    package var batch: GlyphRenderBatch
    /// Glyph name → the agent or module file it is generated from, relative to the repository.
    package var definitionFiles: [String: String]
    package var outputPath: String
    package var sourcePaths: [String]
    package var isCheck: Bool

    /// `…/raw/<sha>/` of the run's commit, or nil outside Actions.
    package var previewBase: String?

    package init(batch: GlyphRenderBatch, discovered: [DiscoveredGlyph], root: URL, outputPath: String, sourcePaths: [String], isCheck: Bool,
                 previewBase: String? = nil) {
        self.previewBase = previewBase
        self.batch = batch
        let prefix = root.path + "/"
        definitionFiles = Dictionary(discovered.map { ($0.identity.name, String($0.file.path.dropFirst(prefix.count))) }) { first, _ in first }
        self.outputPath = outputPath
        self.sourcePaths = sourcePaths
        self.isCheck = isCheck
    }

    private var items: [GlyphRenderPlan.Item] { batch.plan.items }
    private var changed: Set<String> { Set(batch.changedGlyphs) }

    package var logLine: String {
        let glyphs = plural(items.count, "glyph")
        let files = plural(batch.writes.count, "file")
        if items.isEmpty {
            return "No glyphs: no agent or module in \(sourcePaths.joined(separator: ", ")) and no hand-made SVG in \(outputPath)/; nothing written."
        }
        switch (isCheck, batch.isUpToDate) {
        case (true, true): return "Check passed: all \(glyphs) in \(outputPath)/ are up to date."
        case (true, false): return "Check failed: \(changed.count) of \(glyphs) out of date (\(files) to write); run render-glyphs and commit \(outputPath)/."
        case (false, true): return "All \(glyphs) are up to date; nothing written."
        case (false, false): return "Rendered \(plural(changed.count, "glyph")) of \(items.count): \(files) written to \(outputPath)/."
        }
    }

    /// One error per out-of-date glyph, on the file it comes from.
    func annotateOutOfDate(_ session: StepSession) {
        for item in items where changed.contains(item.source.name) {
            let file = definitionFiles[item.source.name] ?? "\(outputPath)/\(item.source.name).svg"
            session.emit(Diagnostic(
                .error, "The glyph '\(item.source.name)' is out of date (\(item.reason?.rawValue ?? "changed")): run render-glyphs and commit \(outputPath)/.",
                title: "Glyph out of date", file: file, line: 1
            ))
        }
        if changed.isEmpty, batch.result.manifestChanged {
            session.emit(Diagnostic(
                .error, "The glyph manifest is out of date: run render-glyphs and commit \(outputPath)/\(GlyphManifest.fileName).",
                title: "Glyph manifest out of date", file: "\(outputPath)/\(GlyphManifest.fileName)"
            ))
        }
    }

    package func write(into summary: inout StepSummary) {
        let headline: String = switch (isCheck, batch.isUpToDate) {
        case (true, true): "Glyphs ✅ up to date"
        case (true, false): "Glyphs ❌ \(plural(changed.count, "glyph")) out of date"
        case (false, true): "Glyphs ✅ up to date, nothing written"
        case (false, false): "Glyphs: \(plural(changed.count, "glyph")) rendered, \(plural(batch.writes.count, "file")) written"
        }
        summary.heading(headline)
        let settings = batch.plan.settings
        summary.paragraph("Folder `\(outputPath)/`; sources \(sourcePaths.map { "`\($0)/`" }.joined(separator: ", ")); "
            + "sizes \(settings.sizes.map(String.init).joined(separator: ", ")) px at "
            + "\(settings.scales.map { "\($0)x" }.joined(separator: ", ")).")
        guard !items.isEmpty else {
            summary.paragraph("No glyphs: no agent or module definitions and no hand-made SVG.")
            return
        }
        var previewsLeftOut = 0
        let rows = items.prefix(Self.rowLimit).map { item -> [String] in
            var preview = "—"
            if let previewBase, !changed.contains(item.source.name), let smallest = item.outputs.first {
                let url = previewBase + (outputPath + "/" + smallest.path).split(separator: "/").map { Self.escapePathSegment(String($0)) }.joined(separator: "/")
                preview = "<img src=\"\(StepSummary.escapeHTML(url))\" width=\"32\" height=\"32\" alt=\"\(StepSummary.escapeHTML(item.source.name).replacingOccurrences(of: "\"", with: "&quot;"))\">"
            } else {
                previewsLeftOut += 1
            }
            let source = item.source.origin == .generated
                ? "`\(definitionFiles[item.source.name] ?? item.source.name)`" : "hand-made `\(item.source.name).svg`"
            let svgCount = item.source.origin == .generated ? 1 : 0
            return [preview, "`\(item.source.name)`", source, status(of: item), "\(svgCount + item.outputs.count)"]
        }
        summary.table(["glyph", "name", "source", "status", "files"], rows)
        var notes: [String] = []
        if items.count > Self.rowLimit { notes.append("… and \(items.count - Self.rowLimit) more glyphs.") }
        if previewsLeftOut > 0 {
            notes.append(previewBase == nil
                ? "No previews: they link the committed PNGs, which needs GITHUB_SERVER_URL, GITHUB_REPOSITORY and GITHUB_SHA (a run on Actions)."
                : "\(plural(previewsLeftOut, "glyph")) without a preview: rendered in this run, so not yet in the commit the previews link.")
        }
        if !batch.result.orphans.isEmpty {
            notes.append("No longer generated (files kept): \(batch.result.orphans.map { "`\($0)`" }.joined(separator: ", ")).")
        }
        if !notes.isEmpty { summary.paragraph(notes.joined(separator: " ")) }
    }

    private func status(of item: GlyphRenderPlan.Item) -> String {
        guard changed.contains(item.source.name) else { return "✅ up to date" }
        let reason = item.reason?.rawValue ?? "changed"
        if isCheck { return "❌ out of date (\(reason))" }
        return item.reason == .new ? "✨ new" : "🔄 rendered again (\(reason))"
    }

    /// A path segment as it may stand in a URL.
    static func escapePathSegment(_ segment: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~@")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }

    /// `…/raw/<sha>/` for the run's commit, from the runner's variables; nil outside Actions.
    package static func previewBase(environment: [String: String]) -> String? {
        guard let repository = environment["GITHUB_REPOSITORY"], !repository.isEmpty,
              let sha = environment["GITHUB_SHA"], sha.count >= 7, sha.allSatisfy(\.isHexDigit)
        else { return nil }
        let server = (environment["GITHUB_SERVER_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://github.com")
        return "\(server.hasSuffix("/") ? String(server.dropLast()) : server)/\(repository)/raw/\(sha)/"
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
