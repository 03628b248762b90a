@testable import AuditReport
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The HTML report in a real browser engine, as a manager opens it and as `--format pdf` prints
/// it: headless Chromium (installed by `scripts/ensure-test-tools`). Two browser runs in all, to
/// keep the suite quick; without a browser the tests say they skipped.
@Suite(.serialized) struct BrowserRenderingTests {
    static var browser: String? { PDFPrinter.findBrowser(path: ProcessInfo.processInfo.environment["PATH"]) }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smaudit-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func thePDFHasTheExpectedNumberOfPages() throws {
        guard let browser = Self.browser else {
            print("skipped: no chromium (install chromium-headless-shell)")
            return
        }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("Acme Widgets report.pdf")
        try PDFPrinter.print(html: HTMLReport.render(Fixtures.struggling), to: pdf.path, browser: browser)
        let data = try Data(contentsOf: pdf)
        #expect(data.starts(with: Array("%PDF-".utf8)))
        // The summary and the plan, the findings (from a new page), and the annex (from a new
        // page) with its rules, scores and answer tables. Fewer than 8 would mean sections or
        // tables went missing, more than 20 that page breaks or cut tables waste paper.
        let text = String(decoding: data, as: UTF8.self)
        let pages = text.matches(of: try Regex(#"/Type\s*/Page[^s]"#)).count
        #expect((8...20).contains(pages), "\(pages) pages")
        // The printer leaves nothing behind: no temporary file beside the PDF.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [pdf.lastPathComponent])
    }

    @Test func theFirstPageIsNotBlank() throws {
        guard let browser = Self.browser else {
            print("skipped: no chromium (install chromium-headless-shell)")
            return
        }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("typical.html")
        try Data(HTMLReport.render(Fixtures.typical).utf8).write(to: page)
        let shot = folder.appendingPathComponent("first-page.png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        // An A4 page at 96 dots per inch.
        process.arguments = ["--headless", "--disable-gpu", "--hide-scrollbars", "--window-size=794,1123",
                             "--user-data-dir=" + folder.appendingPathComponent("profile").path]
            + (geteuid() == 0 ? ["--no-sandbox"] : []) + ["--screenshot=" + shot.path, page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let image = try #require(try PNG.decode(Data(contentsOf: shot)))
        #expect(image.width == 794 && image.height == 1123)
        // Ink on the page: text and the headline, not a white sheet or an error page.
        var inked = 0, dark = 0, topDark = 0
        for y in 0..<image.height {
            for x in 0..<image.width {
                let luma = image.luma(x, y)
                if luma < 245 { inked += 1 }
                if luma < 110 {
                    dark += 1
                    if y < 120 { topDark += 1 }
                }
            }
        }
        let total = image.width * image.height
        #expect(Double(inked) / Double(total) > 0.02, "\(inked) of \(total) pixels have ink")
        #expect(Double(dark) / Double(total) > 0.005, "\(dark) dark pixels")
        #expect(topDark > 200, "no title at the top of the page")
    }
}

/// Just enough PNG to read a screenshot: 8-bit grey, grey and alpha, RGB or RGBA, not
/// interlaced; zlib from the system (libz.so.1) inflates the pixel data.
struct PNG {
    let width: Int
    let height: Int
    let channels: Int
    let pixels: [UInt8]

    /// Brightness 0–255 of a pixel.
    func luma(_ x: Int, _ y: Int) -> Int {
        let i = (y * width + x) * channels
        if channels < 3 { return Int(pixels[i]) }
        return (Int(pixels[i]) * 299 + Int(pixels[i + 1]) * 587 + Int(pixels[i + 2]) * 114) / 1000
    }

    static func decode(_ data: Data) throws -> PNG? {
        let bytes = [UInt8](data)
        guard bytes.count > 8, bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func be32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        var i = 8
        var width = 0, height = 0, channels = 0
        var compressed: [UInt8] = []
        while i + 8 <= bytes.count {
            let length = be32(i)
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            let body = (i + 8)..<(i + 8 + length)
            switch type {
            case "IHDR":
                width = be32(body.lowerBound)
                height = be32(body.lowerBound + 4)
                let depth = bytes[body.lowerBound + 8], colour = bytes[body.lowerBound + 9], interlace = bytes[body.lowerBound + 12]
                guard depth == 8, interlace == 0, let c = [0: 1, 2: 3, 4: 2, 6: 4][Int(colour)] else { return nil }
                channels = c
            case "IDAT": compressed += bytes[body]
            default: break
            }
            i = body.upperBound + 4
        }
        let stride = width * channels
        guard width > 0, var raw = inflate(compressed, size: height * (stride + 1)) else { return nil }
        // Undo the row filters (none, sub, up, average, Paeth).
        var pixels = [UInt8](repeating: 0, count: height * stride)
        for y in 0..<height {
            let filter = raw[y * (stride + 1)]
            for x in 0..<stride {
                let value = raw[y * (stride + 1) + 1 + x]
                let a = x >= channels ? Int(pixels[y * stride + x - channels]) : 0
                let b = y > 0 ? Int(pixels[(y - 1) * stride + x]) : 0
                let c = x >= channels && y > 0 ? Int(pixels[(y - 1) * stride + x - channels]) : 0
                let predictor: Int
                switch filter {
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: predictor = 0
                }
                pixels[y * stride + x] = UInt8(truncatingIfNeeded: Int(value) + predictor)
            }
        }
        raw.removeAll()
        return PNG(width: width, height: height, channels: channels, pixels: pixels)
    }

    private typealias Uncompress = @convention(c) (UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt>?, UnsafePointer<UInt8>?, UInt) -> Int32

    private static func inflate(_ input: [UInt8], size: Int) -> [UInt8]? {
        guard let library = dlopen("libz.so.1", RTLD_NOW) ?? dlopen("libz.so", RTLD_NOW),
              let symbol = dlsym(library, "uncompress") else { return nil }
        let uncompress = unsafeBitCast(symbol, to: Uncompress.self)
        var output = [UInt8](repeating: 0, count: size)
        var length = UInt(size)
        let status = output.withUnsafeMutableBufferPointer { out in
            input.withUnsafeBufferPointer { uncompress(out.baseAddress, &length, $0.baseAddress, UInt($0.count)) }
        }
        return status == 0 && Int(length) == size ? output : nil
    }
}
