import Foundation

/// Writes small, valid PDF 1.4 files for tests (ISO 32000-1 §7.5: header, objects, cross-reference
/// table, trailer): pages of Courier text, or pages holding only an image, as a scan would.
enum MinimalPDF {
    /// A PDF with one page per element of `pages`, each line of text below the one before.
    static func text(pages: [[String]]) -> [UInt8] {
        document(
            pages: pages.map { lines in
                var content = "BT\n/F1 9 Tf\n11 TL\n40 800 Td\n"
                for line in lines { content += "(\(escaped(line))) Tj T*\n" }
                return content + "ET\n"
            }, hasImage: false)
    }

    /// A PDF whose pages each show a gray image and hold no text.
    static func imageOnly(pageCount: Int) -> [UInt8] {
        document(pages: Array(repeating: "q 400 0 0 400 100 300 cm /Im1 Do Q\n", count: pageCount), hasImage: true)
    }

    private static func document(pages contents: [String], hasImage: Bool) -> [UInt8] {
        // Objects: 1 catalog, 2 page tree, 3 font, 4 image, then a page and its content per page.
        let firstPage = 5
        var objects: [String] = []
        let kids = contents.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        objects.append("<< /Type /Catalog /Pages 2 0 R >>")
        objects.append("<< /Type /Pages /Kids [\(kids)] /Count \(contents.count) >>")
        objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>")
        let pixels = "00FF00FF>"
        objects.append(
            "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 "
                + "/Filter /ASCIIHexDecode /Length \(pixels.utf8.count) >>\nstream\n\(pixels)\nendstream")
        for (index, content) in contents.enumerated() {
            let resources = hasImage ? "/XObject << /Im1 4 0 R >>" : "/Font << /F1 3 0 R >>"
            objects.append(
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << \(resources) >> /Contents \(firstPage + 2 * index + 1) 0 R >>"
            )
            objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)endstream")
        }
        var output = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xrefOffset = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { output += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xrefOffset)\n%%EOF\n"
        return Array(output.utf8)
    }

    /// PDF literal strings escape backslashes and parentheses (ISO 32000-1 §7.3.4.2).
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(
            of: ")", with: "\\)")
    }
}
