import Core
import Foundation
import OpenAPI
import Testing

@Suite(.enabled(if: SchemaBuilderTestSupport.pdftotextAvailable, "pdftotext is missing: run scripts/setup.sh (Debian poppler-utils)"))
struct PDFTextExtractorTests {
    @Test func draftsAReferenceFromAPDF() throws {
        let text = try PDFTextExtractor().text(fromPDF: MinimalPDF.text(pages: SchemaBuilderSamples.weatherPages))
        #expect(text.contains("lat         number    yes        Latitude in degrees"))
        let (draft, document) = try SchemaBuilderTestSupport.checkedDocument([DocumentationPiece(source: "weather.pdf", text: text)])
        #expect(document.baseURL == "https://api.weather.test/v3")
        #expect(draft.report.endpoints.map(\.description) == ["GET /forecast", "GET /stations/{station_id}/observations"])
        let forecast = try #require(document.operation(.get, "/forecast"))
        #expect(forecast.summary == "Daily forecast")
        #expect(forecast.parameters.filter(\.isRequired).map(\.name) == ["lat", "lon"])
        #expect(forecast.parameter("days", in: .query)?.schema?.types == [.integer])
        let observations = try #require(document.operation(.get, "/stations/{station_id}/observations"))
        #expect(observations.parameter("station_id", in: .path)?.description == "Station code")
        #expect(observations.parameter("since", in: .query)?.isRequired == false)
        #expect(document.securitySchemes.map(\.kind) == [.apiKey(name: "X-Api-Key", location: .header)])
    }

    @Test func explainsThatAScannedPDFHasNoText() throws {
        #expect(throws: SchemaBuilderError.pdfHasNoText(pages: 2)) {
            try PDFTextExtractor().text(fromPDF: MinimalPDF.imageOnly(pageCount: 2))
        }
        #expect(SchemaBuilderError.pdfHasNoText(pages: 2).description.contains("no text layer"))
    }

    @Test func refusesAPDFOverThePageLimit() {
        let pages = Array(repeating: ["GET /orders lists the orders of the account"], count: 3)
        #expect(throws: SchemaBuilderError.pdfTooManyPages(limit: 2)) {
            try PDFTextExtractor(maximumPages: 2).text(fromPDF: MinimalPDF.text(pages: pages))
        }
    }

    @Test func refusesAPDFOverTheSizeLimit() {
        #expect(throws: SchemaBuilderError.tooLarge(what: "PDF", limit: 100)) {
            try PDFTextExtractor(maximumInputBytes: 100).text(fromPDF: MinimalPDF.text(pages: SchemaBuilderSamples.weatherPages))
        }
    }

    @Test func refusesBytesThatAreNotAPDF() {
        #expect(throws: SchemaBuilderError.unsupportedContent(what: "not a PDF file")) {
            try PDFTextExtractor().text(fromPDF: Array("GET /orders".utf8))
        }
    }

    @Test func reportsADamagedPDF() {
        #expect {
            try PDFTextExtractor().text(fromPDF: Array("%PDF-1.4\nthis is not really a PDF\n".utf8))
        } throws: { error in
            guard case .pdfUnreadable? = error as? SchemaBuilderError else { return false }
            return true
        }
    }

    @Test func stopsAnExtractionThatTakesTooLong() throws {
        try SchemaBuilderTestSupport.withTemporaryFolder { folder in
            let slow = folder.appendingPathComponent("slow-pdftotext")
            try Data("#!/bin/sh\nexec sleep 30\n".utf8).write(to: slow)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: slow.path)
            let extractor = PDFTextExtractor(executablePath: slow.path, timeout: .milliseconds(300))
            #expect(throws: SchemaBuilderError.pdfTimedOut(seconds: 1)) {
                try extractor.text(fromPDF: MinimalPDF.text(pages: SchemaBuilderSamples.weatherPages))
            }
        }
    }

    @Test func saysWhenPdftotextIsMissing() {
        #expect(throws: SchemaBuilderError.pdfToolMissing(path: "/nonexistent/pdftotext")) {
            try PDFTextExtractor(executablePath: "/nonexistent/pdftotext").text(fromPDF: MinimalPDF.imageOnly(pageCount: 1))
        }
    }
}
